import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says about one of its people: the claims it releases for the scopes granted. */
export type AccountClaims = Record<string, unknown> & { preferred_username?: string };

export const CLIENT_ID = 'plancia';
export const CLIENT_SECRET = 'plancia-test-client-secret-0123456789';

/**
 * A real OpenID provider (the `oidc-provider` package) on a loopback port, with its development login and consent
 * pages. It listens first, so Plancia can be configured with its issuer, and takes its client (Plancia's redirect
 * URI) once Plancia listens: Plancia discovers the provider only at the first login.
 */
export class TestProvider {
  readonly issuer: string;
  /** Accounts by id (the `sub`); change them between logins to change what the next login's claims say. */
  readonly accounts = new Map<string, AccountClaims>();
  readonly #server: Server;
  #handler: RequestListener = (_request, response) => response.writeHead(503).end();

  private constructor(server: Server, hostName: string) {
    this.#server = server;
    this.issuer = `http://${hostName}:${(server.address() as AddressInfo).port}`;
  }

  /** `hostName`: the name in the issuer; `localhost` makes the provider another site than Plancia on 127.0.0.1. */
  static async listen(hostName: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<TestProvider> {
    const holder: { provider?: TestProvider } = {};
    const server = createServer((request, response) => holder.provider!.#handler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.provider = new TestProvider(server, hostName);
    return holder.provider;
  }

  /** Registers Plancia as a confidential client whose only redirect URI is `redirectUri`. */
  serve(redirectUri: string): void {
    const provider = new Provider(this.issuer, {
      clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
      claims: { openid: ['sub'], profile: ['preferred_username', 'name'], groups: ['groups'], plancia: ['plancia_queues', 'plancia_teams', 'plancia_tenant'] },
      findAccount: (_context, id) => {
        const claims = this.accounts.get(id);
        return claims && { accountId: id, claims: () => ({ sub: id, ...claims }) };
      },
      cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
      features: { devInteractions: { enabled: true } },
    });
    this.#handler = provider.callback();
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/**
 * A browser reduced to what the code flow needs: one cookie jar (both servers are on 127.0.0.1, and a browser's
 * cookies do not tell ports apart), redirects followed by hand, and the provider's forms submitted.
 */
export class FlowBrowser {
  readonly jar = new Map<string, string>();
  /** Every Set-Cookie line seen, by cookie name (the last one). */
  readonly setCookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.#keep(await fetch(url, { redirect: 'manual', headers: this.#headers() }));
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    const headers = { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin };
    return this.#keep(await fetch(url, { method: 'POST', redirect: 'manual', headers, body: new URLSearchParams(form).toString() }));
  }

  cookie(name: string): string | undefined {
    const value = this.jar.get(name);
    return value === undefined ? undefined : `${name}=${value}`;
  }

  #headers(): Record<string, string> {
    return this.jar.size === 0 ? {} : { cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  #keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      this.setCookies.set(name, line);
      const gone = value === '' || /;\s*max-age=0\b/i.test(line) || /;\s*expires=Thu, 01 Jan 1970/i.test(line);
      if (gone) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
}

const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&');

/**
 * Signs `login` in through Plancia and the provider, as a person clicking through: Plancia's login redirect, the
 * provider's login and consent forms, back to Plancia's callback (`onCallback` may alter that URL, as an attacker
 * would), and on to wherever Plancia finally sends the browser, which is returned.
 */
export async function signInThroughProvider(
  browser: FlowBrowser, planciaUrl: string, login: string, onCallback: (url: URL) => URL = (url) => url,
): Promise<URL> {
  let url = new URL('/api/v1/session/oidc/login', planciaUrl);
  let response = await browser.get(url.href);
  for (let step = 0; step < 20; step += 1) {
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') ?? '', url);
      if (url.origin === new URL(planciaUrl).origin) {
        if (url.pathname !== '/api/v1/session/oidc/callback') return url;
        url = onCallback(url);
      }
      response = await browser.get(url.href);
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*>/.exec(html)?.[0];
    if (response.status !== 200 || form === undefined) throw new Error(`the flow stopped at ${url.href} with ${response.status}: ${html.slice(0, 300)}`);
    const prompt = /<input type="hidden" name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? '';
    url = new URL(attribute(form, 'action') ?? '', url);
    response = await browser.post(url.href, { prompt, login, password: 'any' });
  }
  throw new Error('the sign-in flow did not end within 20 steps');
}
