import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_SETTINGS, defaultQueueAlertRules, defaultQueueConfig, type ConfigDocument } from '@plancia/contracts';
import { StaleWriteError, type Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

describe.each(backends)('configuration on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('creates, reads, updates and deletes a queue, bumping its version on every write', async () => {
    const sales = defaultQueueConfig('sales', 'voice');
    const created = await store.config.table('queues').put(sales);
    expect(created).toMatchObject({ value: sales, version: 1 });
    expect(Date.parse(created.updatedAt)).not.toBeNaN();

    const faster = { ...sales, serviceLevel: { ...sales.serviceLevel, thresholdSeconds: 15 } };
    const updated = await store.config.table('queues').put(faster, 1);
    expect(updated).toMatchObject({ value: faster, version: 2 });
    expect(await store.config.table('queues').get('sales')).toEqual(updated);
    expect(await store.config.table('queues').put(faster)).toMatchObject({ version: 3 });

    expect(await store.config.table('queues').delete('sales', 3)).toBe(true);
    expect(await store.config.table('queues').get('sales')).toBeUndefined();
    expect(await store.config.table('queues').delete('sales')).toBe(false);
  });

  it('refuses writes against a stale version, saying which version is current', async () => {
    const support = defaultQueueConfig('support');
    await store.config.table('queues').put(support, 0);
    await store.config.table('queues').put({ ...support, name: 'Assistenza' }, 1);

    const stale = await store.config.table('queues').put({ ...support, name: 'Late' }, 1).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleWriteError);
    expect(stale).toMatchObject({ key: 'support', expectedVersion: 1, actualVersion: 2 });
    await expect(store.config.table('queues').put(support, 0)).rejects.toBeInstanceOf(StaleWriteError);
    await expect(store.config.table('queues').delete('support', 1)).rejects.toBeInstanceOf(StaleWriteError);
    await expect(store.config.table('queues').put(defaultQueueConfig('ghost'), 4)).rejects.toMatchObject({ actualVersion: null });
    expect((await store.config.table('queues').get('support'))?.value.name).toBe('Assistenza');
  });

  it('keeps calendars, alert rules, agents and settings, listed by key', async () => {
    const rules = defaultQueueAlertRules(defaultQueueConfig('chat'));
    await store.config.table('calendars').put(DEFAULT_CALENDAR);
    for (const rule of [...rules].reverse()) await store.config.table('alertRules').put(rule);
    await store.config.table('agents').put({ agentId: 'a2', name: 'Bruno' });
    await store.config.table('agents').put({ agentId: 'a1', name: 'Anna', teamId: 't1' });
    expect(await store.config.getSettings()).toBeUndefined();
    await store.config.putSettings({ ...DEFAULT_SETTINGS, graceSeconds: 60 });
    await store.config.putSettings(DEFAULT_SETTINGS);

    expect((await store.config.table('calendars').get(DEFAULT_CALENDAR.id))?.value).toEqual(DEFAULT_CALENDAR);
    expect((await store.config.table('alertRules').list()).map((r) => r.value.id)).toEqual(rules.map((r) => r.id).sort());
    expect((await store.config.table('agents').list()).map((a) => a.value)).toEqual([
      { agentId: 'a1', name: 'Anna', teamId: 't1' }, { agentId: 'a2', name: 'Bruno' },
    ]);
    expect(await store.config.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await store.config.table('alertRules').delete(rules[0]!.id)).toBe(true);
    expect(await store.config.table('calendars').delete('nope')).toBe(false);
    expect(await store.config.table('agents').get('a2')).toMatchObject({ version: 1 });
  });

  it('replaces the whole configuration in one go, keeping versions of what did not change', async () => {
    const before = await store.config.exportAll();
    const calendarVersion = (await store.config.table('calendars').get(DEFAULT_CALENDAR.id))?.version;
    const document: ConfigDocument = {
      queues: [defaultQueueConfig('email', 'email')],
      calendars: before.calendars,
      alertRules: [],
      agents: [{ agentId: 'a1', name: 'Anna Rossi' }],
    };
    await store.config.replaceAll(document);

    expect(await store.config.exportAll()).toEqual(document);
    expect((await store.config.table('calendars').get(DEFAULT_CALENDAR.id))?.version).toBe(calendarVersion);
    expect((await store.config.table('agents').get('a1'))?.version).toBe(2);
    expect(await store.config.getSettings()).toBeUndefined();

    await store.config.replaceAll(before);
    expect(await store.config.exportAll()).toEqual(before);
  });

  it('rolls an import back whole when part of it is refused', async () => {
    const before = await store.config.exportAll();
    const twice = defaultQueueConfig('twice');
    await expect(store.config.replaceAll({ ...before, queues: [defaultQueueConfig('new'), twice, twice] }))
      .rejects.toThrow(/twice/);
    expect(await store.config.exportAll()).toEqual(before);
  });
});
