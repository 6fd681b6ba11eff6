import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@plancia/store';
import { NamedViewAudit, recordNamedView } from '../../../apps/server/src/privacy/named-view-audit.js';
import type { Principal } from '../../../apps/server/src/plugins/app/principal.js';
import { backends } from '../store/backends.js';
import { useStore } from '../store/suite.js';

const marta: Principal = { kind: 'user', name: 'marta', tenant: 'default', scope: { queues: ['sales'], teams: [] } };
const tv: Principal = { kind: 'token', name: 'tv-floor-2', tenant: 'acme', scope: { queues: [], teams: [] } };

describe.each(backends)('named agent views in the audit log on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('records who saw named agent detail, when, which view and over which channel', async () => {
    const at = Date.UTC(2026, 11, 4, 9, 30);
    await recordNamedView(store.audit, marta, { queues: ['sales'] }, 'snapshot', at);
    await recordNamedView(store.audit, tv, {}, 'socket.io', at + 1000);
    const entries = await store.audit.list({ sinceMs: at });
    expect(entries.map(({ id: _id, ...entry }) => entry)).toEqual([
      { actor: 'token:tv-floor-2', action: 'agent_detail.view', resource: 'tenants/acme', before: null, after: { channel: 'socket.io', view: {} }, at: new Date(at + 1000).toISOString() },
      { actor: 'user:marta', action: 'agent_detail.view', resource: 'tenants/default', before: null, after: { channel: 'snapshot', view: { queues: ['sales'] } }, at: new Date(at).toISOString() },
    ]);
  });

  it('writes a polling kiosk once per window, and each other view or channel on its own', async () => {
    let now = Date.UTC(2026, 11, 5, 9, 0);
    const audit = new NamedViewAudit(store.audit, 60_000, () => now);
    const since = now;
    await audit.record(tv, {}, 'live');
    now += 5_000;
    await audit.record(tv, {}, 'live');
    await audit.record(tv, { teams: ['blue'] }, 'live');
    await audit.record(tv, {}, 'snapshot');
    now += 60_000;
    await audit.record(tv, {}, 'live');
    const entries = await store.audit.list({ sinceMs: since });
    expect(entries.map((e) => [e.after, e.at])).toEqual([
      [{ channel: 'live', view: {} }, new Date(since + 65_000).toISOString()],
      [{ channel: 'snapshot', view: {} }, new Date(since + 5_000).toISOString()],
      [{ channel: 'live', view: { teams: ['blue'] } }, new Date(since + 5_000).toISOString()],
      [{ channel: 'live', view: {} }, new Date(since).toISOString()],
    ]);
  });
});
