import * as client from 'openid-client';
import { isLoopbackHttp, type OidcConfig } from './oidc-env.js';
import type { Transaction } from './oidc-transaction.js';

/** The provider could not be reached or described itself wrongly: nobody can sign in through it right now. */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}

/**
 * The OpenID Connect provider, through openid-client: authorization code flow with PKCE (S256), state and nonce.
 * Its metadata is discovered at the first login, not at start, so Plancia starts while the provider is down; a failed
 * discovery is forgotten and the next login tries again.
 */
export class IdentityProvider {
  readonly #settings: OidcConfig;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcConfig) {
    this.#settings = settings;
  }

  /** Where to send the browser, and what its way back must match. */
  async startLogin(redirectUri: string): Promise<{ url: URL; transaction: Transaction }> {
    const configuration = await this.#discovered();
    const transaction = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), redirectUri };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.#settings.scopes,
      response_type: 'code',
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
    });
    return { url, transaction };
  }

  /**
   * Exchanges the code of the way back (`query`: its query string) and returns the person's claims: the ID token's,
   * with the userinfo endpoint's over them where the provider has one (many send groups only there). openid-client
   * checks state, nonce, issuer, audience, signature and expiry; any failure throws.
   */
  async finishLogin(query: string, transaction: Transaction): Promise<Record<string, unknown>> {
    const configuration = await this.#discovered();
    // The redirect URI sent to the token endpoint must be the one of the authorization request: the transaction's.
    const currentUrl = new URL(transaction.redirectUri);
    currentUrl.search = query;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider sent no ID token');
    if (!configuration.serverMetadata().userinfo_endpoint) return { ...idClaims };
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    return { ...idClaims, ...userinfo };
  }

  #discovered(): Promise<client.Configuration> {
    this.#configuration ??= this.#discover().catch((error: unknown) => {
      this.#configuration = undefined;
      throw new ProviderUnavailableError(`OpenID Connect discovery of ${this.#settings.issuer} failed`, { cause: error });
    });
    return this.#configuration;
  }

  #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.#settings;
    // client_secret_basic: the method every provider must support (OpenID Connect Core 9); no secret, a public client.
    const authentication = clientSecret === undefined ? client.None() : client.ClientSecretBasic(clientSecret);
    // openid-client refuses http; only a provider on this machine (a test's, a developer's) may use it, and
    // oidcProblems has refused any other http issuer at start.
    const execute = isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [];
    return client.discovery(new URL(issuer), clientId, undefined, authentication, { execute, timeout: 10 });
  }
}
