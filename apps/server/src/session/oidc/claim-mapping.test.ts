import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { claimAt, mapClaims, parseRoleMap, roleOf, usernameOf, type ClaimSettings } from './claim-mapping.js';
import { TransactionSeal, TRANSACTION_TTL_MS } from './oidc-transaction.js';

const settings: ClaimSettings = {
  roleClaim: 'groups',
  roleRules: parseRoleMap('plancia-admins=admin, plancia-supervisors=supervisor, plancia-viewers=viewer'),
  queuesClaim: 'plancia_queues',
  teamsClaim: 'plancia_teams',
  usernamePrefix: '',
};
const whole = { queues: [], teams: [] };

describe('mapping a provider\'s claims to a Plancia user', () => {
  it('parses the role map, the last = splitting value from role', () => {
    expect(parseRoleMap('a=b=admin, *=viewer,')).toEqual([{ value: 'a=b', role: 'admin' }, { value: '*', role: 'viewer' }]);
  });

  it('gives the highest role any matching rule grants, * matching everyone, and none when nothing matches', () => {
    const rules = parseRoleMap('ops=viewer,leads=supervisor,*=viewer');
    expect(roleOf(['ops', 'leads'], rules)).toBe('supervisor');
    expect(roleOf([], rules)).toBe('viewer');
    expect(roleOf(['ops'], parseRoleMap('leads=supervisor'))).toBeUndefined();
  });

  it('reads a claim by its whole name first, then as a dotted path', () => {
    const claims = { 'https://example.com/roles': ['x'], realm_access: { roles: ['plancia-admins'] } };
    expect(claimAt(claims, 'https://example.com/roles')).toEqual(['x']);
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['plancia-admins']);
    expect(claimAt(claims, 'realm_access.missing.deeper')).toBeUndefined();
  });

  it('maps groups, queues, teams and the default tenant', () => {
    const claims = { sub: 's-1', preferred_username: 'anna', groups: ['staff', 'plancia-supervisors'], plancia_queues: ['sales', ' sales ', 7], plancia_teams: 'north' };
    expect(mapClaims(claims, settings)).toEqual({ username: 'anna', role: 'supervisor', scope: { queues: ['sales'], teams: ['north'] }, tenant: 'default' });
    expect(mapClaims({ sub: 's-2', preferred_username: 'bo', groups: 'plancia-admins' }, settings)).toEqual({ username: 'bo', role: 'admin', scope: whole, tenant: 'default' });
  });

  it('refuses a person no rule matches, naming the reason and the username they would have had', () => {
    expect(mapClaims({ sub: 's-3', preferred_username: 'eve', groups: ['staff'] }, settings)).toMatchObject({ refused: 'no_role', username: 'eve' });
    expect(mapClaims({ sub: 's-3', preferred_username: 'eve' }, settings)).toMatchObject({ refused: 'no_role' });
    expect(mapClaims({ preferred_username: 'nobody', groups: ['plancia-admins'] }, settings)).toMatchObject({ refused: 'no_subject' });
  });

  it('refuses a scope claim that lists nothing rather than granting the whole tenant', () => {
    expect(mapClaims({ sub: 's-4', groups: ['plancia-viewers'], plancia_queues: [] }, settings)).toMatchObject({ refused: 'empty_scope' });
    expect(mapClaims({ sub: 's-4', groups: ['plancia-viewers'], plancia_queues: [], plancia_teams: ['t'] }, settings)).toMatchObject({ scope: { queues: [], teams: ['t'] } });
  });

  it('takes the tenant from its claim when one is named, and refuses a person without a valid one', () => {
    const tenanted = { ...settings, tenantClaim: 'org.tenant' };
    expect(mapClaims({ sub: 's-5', groups: ['plancia-viewers'], org: { tenant: 'acme' } }, tenanted)).toMatchObject({ tenant: 'acme' });
    expect(mapClaims({ sub: 's-5', groups: ['plancia-viewers'] }, tenanted)).toMatchObject({ refused: 'no_tenant' });
    expect(mapClaims({ sub: 's-5', groups: ['plancia-viewers'], org: { tenant: 'Not A Tenant' } }, tenanted)).toMatchObject({ refused: 'no_tenant' });
  });

  it('makes a username that fits USERNAME_PATTERN: preferred_username, else sub, else a stable digest of sub', () => {
    expect(usernameOf({ sub: 'abc', preferred_username: 'anna@example.com' }, 'sso-')).toBe('sso-anna@example.com');
    expect(usernameOf({ sub: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6', preferred_username: 'Anna Rossi' }, '')).toBe('f81d4fae-7dec-11d0-a765-00a0c91e6bf6');
    const odd = usernameOf({ sub: 'CN=Anna Rossi,O=Example', preferred_username: 'Anna Rossi' }, '');
    expect(odd).toMatch(/^oidc-[0-9a-f]{20}$/);
    expect(usernameOf({ sub: 'CN=Anna Rossi,O=Example' }, '')).toBe(odd);
    expect(usernameOf({ preferred_username: 'anna' }, '')).toBeUndefined();
  });
});

describe('the OpenID Connect variables', () => {
  const base = { PLANCIA_OIDC_ISSUER: 'https://id.example.com/realms/plancia', PLANCIA_OIDC_CLIENT_ID: 'plancia', PLANCIA_OIDC_ROLE_MAP: 'admins=admin,*=viewer' };

  it('leaves OIDC off without an issuer, and derives the redirect URL from PLANCIA_PUBLIC_URL', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const { oidc } = loadConfig({ ...base, PLANCIA_PUBLIC_URL: 'https://board.example.com/', PLANCIA_OIDC_CLIENT_SECRET: 'shh' });
    expect(oidc).toMatchObject({
      redirectUrl: 'https://board.example.com/api/v1/session/oidc/callback', scopes: 'openid profile email', roleClaim: 'groups', name: 'OpenID Connect',
      roleRules: [{ value: 'admins', role: 'admin' }, { value: '*', role: 'viewer' }], clientSecret: 'shh',
    });
    expect(oidc?.tenantClaim).toBeUndefined();
  });

  it('refuses an incomplete or unsafe configuration, naming the variable and never the secret', () => {
    expect(() => loadConfig({ PLANCIA_OIDC_ISSUER: base.PLANCIA_OIDC_ISSUER, PLANCIA_OIDC_ROLE_MAP: 'a=admin' })).toThrow(/PLANCIA_OIDC_CLIENT_ID: required/);
    expect(() => loadConfig({ ...base, PLANCIA_OIDC_ROLE_MAP: '' })).toThrow(/PLANCIA_OIDC_ROLE_MAP: required/);
    expect(() => loadConfig({ ...base, PLANCIA_OIDC_ROLE_MAP: 'admins=root' })).toThrow(/PLANCIA_OIDC_ROLE_MAP/);
    expect(() => loadConfig({ ...base, PLANCIA_OIDC_ISSUER: 'http://id.example.com' })).toThrow(/PLANCIA_OIDC_ISSUER: must be https/);
    expect(loadConfig({ ...base, PLANCIA_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer).toBe('http://127.0.0.1:9000');
    expect(() => loadConfig({ ...base, PLANCIA_OIDC_SCOPES: 'profile email' })).toThrow(/PLANCIA_OIDC_SCOPES/);
    expect(() => loadConfig({ PLANCIA_OIDC_CLIENT_SECRET: 'top-secret-value' })).toThrow(/set PLANCIA_OIDC_ISSUER too/);
    expect(() => loadConfig({ PLANCIA_OIDC_CLIENT_SECRET: 'top-secret-value' })).not.toThrow(/top-secret-value/);
  });
});

describe('the transaction cookie', () => {
  const transaction = { state: 's', nonce: 'n', verifier: 'v', redirectUri: 'http://127.0.0.1/api/v1/session/oidc/callback' };

  it('opens what it sealed, and nothing altered, signed with another key, or expired', () => {
    let now = 1_000_000;
    const seal = new TransactionSeal(Buffer.alloc(32, 1), () => now);
    const sealed = seal.seal(transaction);
    expect(seal.open(sealed)).toEqual(transaction);
    const [body, signature] = sealed.split('.') as [string, string];
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), state: 'x' })).toString('base64url');
    expect(seal.open(`${altered}.${signature}`)).toBeUndefined();
    expect(new TransactionSeal(Buffer.alloc(32, 2), () => now).open(sealed)).toBeUndefined();
    expect(seal.open(undefined)).toBeUndefined();
    expect(seal.open('garbage')).toBeUndefined();
    now += TRANSACTION_TTL_MS;
    expect(seal.open(sealed)).toBeUndefined();
  });
});
