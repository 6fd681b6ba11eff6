import { Type, type Static } from '@sinclair/typebox';

/**
 * What a person may do: `viewer` the board; `agent` also claims and closes callbacks of its scope's queues (never
 * revealing a number); `supervisor` also acknowledges alerts, reveals callers' numbers and acts on agents; `admin`
 * also configures and manages users.
 */
export const UserRole = Type.Union([Type.Literal('viewer'), Type.Literal('agent'), Type.Literal('supervisor'), Type.Literal('admin')], {
  description: 'viewer: the board; agent: the board and working the callback worklist of its queues; supervisor: also acknowledging alerts, revealing callers\' numbers and agent actions; admin: also configuration and users',
});
export type UserRole = Static<typeof UserRole>;

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

/** The ACD agent a user of role `agent` is (the `agentId` of the events); required for that role, refused for others. */
export const UserAgentId = Type.String({ minLength: 1, maxLength: 128, description: 'the agent id (as in the events) a user of role `agent` is; only for that role' });
export const PASSWORD_LIMITS = { minLength: 12, maxLength: 1024 } as const;

const Username = Type.String({ pattern: USERNAME_PATTERN, description: 'letters, digits and . _ @ -, at most 64 characters' });
const Names = (what: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000, uniqueItems: true, description: `${what}; empty: every one` });

/**
 * What a user or token may see within its tenant: the queues listed, and the queues of the teams listed, with their
 * agents. Both lists empty: all of the tenant.
 */
export const AccountScope = Type.Object(
  { queues: Names('queue ids'), teams: Names('team ids') },
  { additionalProperties: false },
);
export type AccountScope = Static<typeof AccountScope>;

export const TENANT_ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';
/** The installation's own tenant: it reaches every tenant's queues, and it is the only one of a fresh install. */
export const DEFAULT_TENANT = 'default';
export const TenantId = Type.String({ pattern: TENANT_ID_PATTERN, description: 'lower-case letters, digits, _ and -; `default` is the installation\'s own' });

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: PASSWORD_LIMITS.maxLength }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/**
 * A new password for a local user. Changing one's own needs the current one; an administrator setting another user's
 * does not.
 */
export const SetPasswordRequest = Type.Object(
  {
    password: Type.String({ ...PASSWORD_LIMITS, description: `the new password, at least ${PASSWORD_LIMITS.minLength} characters` }),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_LIMITS.maxLength, description: "required to change one's own password" })),
  },
  { additionalProperties: false },
);
export type SetPasswordRequest = Static<typeof SetPasswordRequest>;

/** Who the session cookie belongs to. */
export const SessionInfo = Type.Object({
  username: Type.String(),
  role: UserRole,
  scope: AccountScope,
  tenant: Type.String(),
  agentId: Type.Optional(UserAgentId),
  /** The tenant's name, for people (absent if the tenant was removed meanwhile). */
  tenantName: Type.Optional(Type.String()),
  /** ISO 8601: the session ends then unless used before (it never outlives its absolute expiry). */
  expiresAt: Type.String({ format: 'date-time' }),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const CreateUserRequest = Type.Object(
  {
    username: Username,
    password: Type.String({ ...PASSWORD_LIMITS, description: `at least ${PASSWORD_LIMITS.minLength} characters` }),
    role: UserRole,
    scope: Type.Optional(AccountScope),
    tenant: Type.Optional({ ...TenantId, description: "default: the creating administrator's tenant" }),
    agentId: Type.Optional(UserAgentId),
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

/**
 * A change to an existing user's access: only the fields sent change. The result obeys the rules of a new user (an
 * agent has an agent id, nobody else has one); changing the role away from `agent` drops the agent id.
 */
export const UpdateUserRequest = Type.Object(
  {
    role: Type.Optional(UserRole),
    scope: Type.Optional(AccountScope),
    tenant: Type.Optional({ ...TenantId, description: 'only an administrator of the whole installation moves a user to another tenant' }),
    agentId: Type.Optional(UserAgentId),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserRequest = Static<typeof UpdateUserRequest>;

/** A user as the API shows it: never its password hash. */
export const UserSummary = Type.Object({ username: Type.String(), role: UserRole, scope: AccountScope, tenant: Type.String(), agentId: Type.Optional(UserAgentId) });
export type UserSummary = Static<typeof UserSummary>;

export const UserList = Type.Object({ users: Type.Array(UserSummary) });
export type UserList = Static<typeof UserList>;

/** What a machine token is for: a producer sending events, or a kiosk or TV showing the board. */
export const TokenRole = Type.Union([Type.Literal('ingest'), Type.Literal('view')], {
  description: 'ingest: a producer sending events; view: a kiosk or TV showing the board',
});
export type TokenRole = Static<typeof TokenRole>;

export const CreateTokenRequest = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'unique, e.g. "tv-floor-2" or "asterisk-rome"' }),
    role: TokenRole,
    scope: Type.Optional(AccountScope),
    tenant: Type.Optional({ ...TenantId, description: "default: the creating administrator's tenant" }),
  },
  { additionalProperties: false },
);
export type CreateTokenRequest = Static<typeof CreateTokenRequest>;

export const TokenSummary = Type.Object({
  name: Type.String(),
  role: TokenRole,
  scope: AccountScope,
  tenant: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type TokenSummary = Static<typeof TokenSummary>;

/** A new token: its secret is shown this once and stored only as a digest. */
export const CreatedToken = Type.Composite([TokenSummary, Type.Object({ secret: Type.String() })]);
export type CreatedToken = Static<typeof CreatedToken>;

export const TokenList = Type.Object({ tokens: Type.Array(TokenSummary) });
export type TokenList = Static<typeof TokenList>;

/**
 * How much of each agent leaves the server (art. 4 of the Workers' Statute): `off`, only counts per queue and team;
 * `pseudonymous`, each agent under a stable pseudonym, never a name; `named`, names, lawful only under a union
 * agreement or an authorisation of the Ispettorato Nazionale del Lavoro, whose reference must be recorded.
 */
export const AGENT_DETAIL_MODES = ['off', 'pseudonymous', 'named'] as const;
export const AgentDetail = Type.Union(AGENT_DETAIL_MODES.map((mode) => Type.Literal(mode)));
export type AgentDetail = (typeof AGENT_DETAIL_MODES)[number];

export const PrivacySettings = Type.Object(
  {
    agentDetail: AgentDetail,
    agreement: Type.Optional(Type.String({ minLength: 3, maxLength: 500, description: 'the agreement or authorisation: reference (required for named)' })),
    agreementDate: Type.Optional(Type.String({ format: 'date', description: 'its date, YYYY-MM-DD' })),
  },
  { additionalProperties: false },
);
export type PrivacySettings = Static<typeof PrivacySettings>;

/** A tenant: a client of an outsourcer, owning its queues and teams (and through them their agents, rules and alerts). */
export const Tenant = Type.Object(
  {
    tenantId: TenantId,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    queues: Names('queue ids it owns'),
    teams: Names('team ids it owns (and their queues)'),
    privacy: PrivacySettings,
  },
  { additionalProperties: false },
);
export type Tenant = Static<typeof Tenant>;
export const TenantList = Type.Object({ tenants: Type.Array(Tenant) });
export type TenantList = Static<typeof TenantList>;

/** The OpenID Connect provider people may sign in through, for the login page's "Sign in with …" link. */
export const OidcProviderInfo = Type.Object({
  name: Type.String({ description: 'PLANCIA_OIDC_NAME' }),
  loginUrl: Type.String({ description: 'where the browser goes to sign in (a redirect to the provider)' }),
});
export type OidcProviderInfo = Static<typeof OidcProviderInfo>;
