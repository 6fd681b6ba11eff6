import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { backends, startTestServer, type TestDatabase } from '../helpers/plancia-server.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { startProxy } from './nginx-proxy.js';
import { freePort } from '../../support/ports.js';
import { inspectCluster } from '../../../apps/server/src/cluster/cluster-admin.js';

/*
 * No container engine, Helm or Kubernetes runs here. What can be checked is: the files parse, they name what the
 * server really has (its start command, its probe routes, its port variable), and the compose file's services that
 * exist as Debian packages (nginx, nats-server) and the Plancia nodes start as plain processes with its settings.
 * infra/README.md says what remains untested.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const serverStart = (JSON.parse(read('apps/server/package.json')) as { scripts: { start: string } }).scripts.start;

interface ComposeService { image?: string; command?: string[]; environment?: Record<string, string>; volumes?: string[]; ports?: string[] }
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
const NODES = ['plancia-1', 'plancia-2', 'plancia-3'];

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds in stages and runs the last one as a user other than root, with production dependencies only', () => {
    expect(stages).toEqual(['web', 'server', 'runtime']);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/pnpm|corepack/);
    expect(dockerfile).toMatch(/pnpm install --prod --frozen-lockfile --filter "@plancia\/server\.\.\."/);
    expect(runtime).toContain('COPY --from=web --chown=root:root /app/apps/web/dist /app/apps/web/dist');
  });

  it('starts the server with its start script\'s command and checks /healthz on PORT', () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
    expect(cmd.join(' ')).toBe(serverStart);
    expect(runtime).toMatch(/^WORKDIR \/app\/apps\/server$/m);
    expect(runtime).toMatch(/HEALTHCHECK[^\n]*\\\n\s+CMD .*\/healthz/);
  });

  it('copies only files that exist, and the build context leaves tests and dependencies out', () => {
    for (const [, sources] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const source of sources!.split(' ')) expect(() => readFileSync(join(ROOT, source)), source).not.toThrow(/ENOENT/);
    }
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/*.test.ts', 'test', '.git']));
  });
});

describe('compose.yaml', () => {
  it('has PostgreSQL, NATS, three Plancia nodes with the cluster settings and nginx in front', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['nats', 'nginx', 'plancia-1', 'plancia-2', 'plancia-3', 'postgres']);
    const ports = NODES.map((name) => {
      const env = compose.services[name]!.environment!;
      expect(env.PLANCIA_NATS_URL).toBe('nats://nats:4222');
      expect(env.PLANCIA_CLUSTER).toBe('plancia');
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/plancia:.*@postgres:5432\/plancia$/);
      return env.PORT;
    });
    expect(new Set(ports).size).toBe(3);
    const upstream = compose.services.nginx!.environment!.PLANCIA_UPSTREAM!;
    expect(upstream.split(/;\s*server\s+/)).toEqual(NODES.map((name) => `${name}:${compose.services[name]!.environment!.PORT}`));
    expect(compose.services.nginx!.volumes).toContain('./infra/nginx/plancia.conf.template:/etc/nginx/templates/plancia.conf.template:ro');
  });

  it('gives NATS a configuration with JetStream fsyncing every write', () => {
    expect(compose.services.nats!.command).toEqual(['-c', '/etc/nats/nats.conf']);
    expect(compose.services.nats!.volumes).toContain('./infra/nats/nats.conf:/etc/nats/nats.conf:ro');
    expect(read('infra/nats/nats.conf')).toMatch(/jetstream \{[^}]*\n\s*sync_interval: always\n/);
  });

  it('NATS starts with that configuration as a plain process, JetStream on (nats-server of Debian, without sync_interval)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancia-nats-'));
    const [port, monitor] = [await freePort(), await freePort()];
    // Debian's nats-server (2.9) predates sync_interval (2.10): that one line is left out here, checked above.
    const conf = read('infra/nats/nats.conf')
      .replace(/^port: \d+$/m, `port: ${port}`).replace(/^http_port: \d+$/m, `http_port: ${monitor}`)
      .replace(/store_dir: \S+/, `store_dir: ${join(dir, 'js')}`).replace(/^\s*sync_interval: always\n/m, '');
    writeFileSync(join(dir, 'nats.conf'), conf);
    const child = spawn('nats-server', ['-c', join(dir, 'nats.conf')], { stdio: 'ignore' });
    try {
      let jsz: { config?: { store_dir: string } } | undefined;
      for (let i = 0; i < 100 && !jsz; i += 1) {
        jsz = await fetch(`http://127.0.0.1:${monitor}/jsz?config=true`).then((r) => r.json() as Promise<typeof jsz>, () => undefined);
        if (!jsz) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(jsz?.config?.store_dir).toBe(join(dir, 'js', 'jetstream'));
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const postgres = backends.find((b) => b.name === 'postgres');
  const started: ServerProcess[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    started.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(databases.map((d) => d.dispose()));
  });

  it.skipIf(!postgres)('the three nodes start as plain processes with their environment, and nginx proxies to them', async () => {
    const database = await postgres!.create();
    databases.push(database);
    const { databaseUrl } = database.options as { databaseUrl: string };
    // The machine's NATS stands for the compose one; it is 2.9, which has no `sync_interval` (infra/README.md), so the
    // nodes are told to accept it, and the cluster gets a name of its own, removed afterwards.
    const cluster = `packaging${process.pid}`;
    const natsEnv = { PLANCIA_NATS_URL: 'nats://127.0.0.1:4222', PLANCIA_NATS_MONITOR_URL: 'http://127.0.0.1:8222', PLANCIA_NATS_ALLOW_UNSYNCED: '1', PLANCIA_CLUSTER: cluster };
    onTestFinished(async () => {
      const admin = await inspectCluster(['nats://127.0.0.1:4222'], cluster);
      await admin.remove();
      await admin.close();
    });
    // Each node with its compose environment; the host names of the compose network become this machine's ports.
    const nodes = await Promise.all(NODES.map((name) => {
      const env: Record<string, string> = { ...compose.services[name]!.environment!, ...natsEnv, DATABASE_URL: databaseUrl, PLANCIA_INGEST_TOKENS: 'ingest-token-0123456789abcdef', PLANCIA_ADMIN_TOKENS: 'admin-token-0123456789abcdef', PLANCIA_VIEW_TOKENS: '', PLANCIA_ADMIN_PASSWORD: '' };
      const { PORT: _port, HOST: _host, ...rest } = env;
      return startServerProcess(rest, { readyWithinMs: 120_000 });
    }));
    started.push(...nodes);
    const hostPorts = nodes.map((node) => new URL(node.url).host);
    const upstream = NODES.reduce((text, name, i) => text.replace(`${name}:${compose.services[name]!.environment!.PORT}`, hostPorts[i]!), compose.services.nginx!.environment!.PLANCIA_UPSTREAM!);
    const proxy = await startProxy(upstream);
    try {
      for (let i = 0; i < 6; i += 1) {
        const status = await new Promise<number>((resolve, reject) => {
          request(`${proxy.httpsUrl}/readyz`, { ca: proxy.ca }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject).end();
        });
        expect(status).toBe(200);
      }
    } finally {
      await proxy.stop();
    }
  }, 180_000);
});

/**
 * The chart's templates as YAML once every template action is out of the way: whole-line actions dropped, inline ones
 * replaced by a marker. This is not Helm's rendering (no helm binary here); it checks the static structure.
 */
function staticTemplate(text: string): unknown[] {
  const lines = text.split('\n').filter((line) => !/^\s*\{\{-?[^}]*-?\}\}\s*$/.test(line));
  const replaced = lines.join('\n').replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (_m, expr: string) => `TPL(${expr.replaceAll('"', "'")})`);
  return parseAllDocuments(replaced).map((doc) => {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
    return doc.toJSON() as unknown;
  });
}

/** The fields of the chart's manifests the checks read (each template holds one manifest). */
interface Container { livenessProbe: { httpGet: unknown }; readinessProbe: { httpGet: unknown }; ports: unknown; env: { name: string; value?: string }[]; envFrom: unknown }
interface Manifest {
  apiVersion: string;
  kind: string;
  spec: {
    template: { spec: { containers: Container[]; securityContext: { runAsNonRoot: boolean } } };
    rules: { http: { paths: unknown } }[];
    ports: unknown;
  };
}

describe('Helm chart infra/helm/plancia', () => {
  const chart = 'infra/helm/plancia';
  const values = parse(read(`${chart}/values.yaml`)) as { port: number; probes: Record<string, { path: string }>; podDisruptionBudget: { maxUnavailable: number }; ingress: { annotations: Record<string, string> } };
  const templates = Object.fromEntries(readdirSync(join(ROOT, chart, 'templates')).filter((f) => f.endsWith('.yaml')).map((f) => [f, staticTemplate(read(`${chart}/templates/${f}`))[0] as Manifest]));

  it('parses, and has a Deployment, a Service, an Ingress, a PodDisruptionBudget and a Secret', () => {
    expect((parse(read(`${chart}/Chart.yaml`)) as { apiVersion: string }).apiVersion).toBe('v2');
    expect(Object.values(templates).map((t) => `${t.apiVersion} ${t.kind}`).sort()).toEqual([
      'apps/v1 Deployment', 'networking.k8s.io/v1 Ingress', 'policy/v1 PodDisruptionBudget', 'v1 Secret', 'v1 Service',
    ]);
    expect(values.podDisruptionBudget.maxUnavailable).toBe(1);
  });

  it('probes /healthz and /readyz on the port the server listens on (PORT), and the server answers both', async () => {
    const container = templates['deployment.yaml']!.spec.template.spec.containers[0]!;
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.ports).toEqual([{ name: 'http', containerPort: 'TPL(.Values.port)' }]);
    expect(container.env).toContainEqual({ name: 'PORT', value: 'TPL(.Values.port | quote)' });
    expect(container.env.map((e) => e.name)).toEqual(expect.arrayContaining(['PLANCIA_NATS_URL', 'PLANCIA_CLUSTER']));
    expect(container.envFrom).toEqual([{ secretRef: { name: "TPL(include 'plancia.secretName' .)" } }]);
    expect(templates['deployment.yaml']!.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(values.probes.liveness!.path).toBe('/healthz');
    expect(values.probes.readiness!.path).toBe('/readyz');
    const backend = backends[0]!;
    const database = await backend.create();
    const server = await startTestServer(database);
    try {
      for (const path of ['/healthz', '/readyz']) expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    } finally {
      await server.stop();
      await database.dispose();
    }
  });

  it('routes everything, WebSockets included, to the Service, with sockets kept open for an hour', () => {
    const ingress = templates['ingress.yaml']!;
    expect(ingress.spec.rules[0]!.http.paths).toEqual([{ path: '/', pathType: 'Prefix', backend: { service: { name: "TPL(include 'plancia.fullname' .)", port: { name: 'http' } } } }]);
    expect(values.ingress.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']).toBe('3600');
    expect(templates['service.yaml']!.spec.ports).toEqual([{ name: 'http', port: 'TPL(.Values.service.port)', targetPort: 'http' }]);
  });
});

describe('systemd unit', () => {
  const unit = read('infra/systemd/plancia.service');

  it('passes systemd-analyze verify', () => {
    expect(execFileSync('systemd-analyze', ['verify', join(ROOT, 'infra/systemd/plancia.service')], { stdio: 'pipe' }).toString()).toBe('');
  });

  it('runs the start script\'s command as an unprivileged dynamic user, hardened', () => {
    expect(/^ExecStart=\/usr\/bin\/(.*)$/m.exec(unit)![1]).toBe(serverStart);
    for (const setting of ['DynamicUser=yes', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'ProtectHome=yes', 'PrivateTmp=yes', 'CapabilityBoundingSet=', 'SystemCallFilter=@system-service']) {
      expect(unit).toMatch(new RegExp(`^${setting}$`, 'm'));
    }
  });
});
