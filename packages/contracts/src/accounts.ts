import { Type, type Static } from '@sinclair/typebox';

/** What a person may do: `viewer` the board; `supervisor` also acknowledges alerts; `admin` also configures and manages users. */
export const UserRole = Type.Union([Type.Literal('viewer'), Type.Literal('supervisor'), Type.Literal('admin')], {
  description: 'viewer: the board; supervisor: the board and acknowledging alerts; admin: also configuration and users',
});
export type UserRole = Static<typeof UserRole>;

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';
export const PASSWORD_LIMITS = { minLength: 12, maxLength: 1024 } as const;

const Username = Type.String({ pattern: USERNAME_PATTERN, description: 'letters, digits and . _ @ -, at most 64 characters' });
const Names = (what: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000, uniqueItems: true, description: `${what}; empty: every one` });

/** What a user may see; stored as given (the board does not narrow itself to it yet). */
export const AccountScope = Type.Object(
  { queues: Names('queue ids'), teams: Names('team ids') },
  { additionalProperties: false },
);
export type AccountScope = Static<typeof AccountScope>;

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: PASSWORD_LIMITS.maxLength }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** Who the session cookie belongs to. */
export const SessionInfo = Type.Object({
  username: Type.String(),
  role: UserRole,
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
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

/** A user as the API shows it: never its password hash. */
export const UserSummary = Type.Object({ username: Type.String(), role: UserRole, scope: AccountScope });
export type UserSummary = Static<typeof UserSummary>;

export const UserList = Type.Object({ users: Type.Array(UserSummary) });
export type UserList = Static<typeof UserList>;
