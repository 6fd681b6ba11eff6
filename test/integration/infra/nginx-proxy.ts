import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/ports.js';

const RENDER = fileURLToPath(new URL('../../../infra/nginx/render.sh', import.meta.url));
/** Debian's nginx (package nginx-light or nginx). */
export const NGINX = '/usr/sbin/nginx';

export interface RunningProxy {
  httpsUrl: string;
  httpUrl: string;
  /** the self-signed certificate the proxy serves, for clients to trust */
  ca: Buffer;
  stop(): Promise<void>;
}

/** A self-signed certificate for localhost, made by openssl. */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

/** nginx's temporary folders, kept in the test's own folder (`body` is the client request bodies' one). */
const TEMP_FOLDERS = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/** The site as infra/nginx/render.sh prints it, inside a minimal nginx.conf that keeps everything in `dir`. */
function writeConfig(dir: string, site: string): string {
  const conf = join(dir, 'nginx.conf');
  for (const temp of TEMP_FOLDERS) mkdirSync(join(dir, temp));
  writeFileSync(join(dir, 'plancia.conf'), site);
  writeFileSync(conf, [
    // Workers keep root's rights when the tests run as root, so they can use the temporary folders made here.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'daemon off;', 'worker_processes 1;', `pid ${join(dir, 'nginx.pid')};`, `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {', '  access_log off;',
    ...TEMP_FOLDERS.map((t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${join(dir, t)};`),
    `  include ${join(dir, 'plancia.conf')};`, '}',
  ].join('\n'));
  return conf;
}

async function untilListening(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    const up = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).then(() => true, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nginx did not start listening');
}

/** Runs Debian's nginx with the project's configuration in front of `upstream` (host:port). */
export async function startProxy(upstream: string): Promise<RunningProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'plancia-nginx-'));
  const { cert, key } = selfSigned(dir);
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const site = execFileSync('sh', [RENDER], {
    env: { ...process.env, PLANCIA_SERVER_NAME: 'localhost', PLANCIA_TLS_CERT: cert, PLANCIA_TLS_KEY: key, PLANCIA_UPSTREAM: upstream,
      PLANCIA_HTTP_PORT: String(httpPort), PLANCIA_HTTPS_PORT: String(httpsPort) },
  }).toString();
  const conf = writeConfig(dir, site);
  execFileSync(NGINX, ['-t', '-p', dir, '-c', conf], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: 'ignore' });
  await untilListening(httpPort, child, dir);
  return {
    httpsUrl: `https://localhost:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    ca: readFileSync(cert),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT'); // graceful: finishes open requests, closes the sockets
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
