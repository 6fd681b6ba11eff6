import { describe, expect, it } from 'vitest';
import { openStore, StorageUnavailableError } from '@plancia/store';
import { queued } from './events.js';
import { backends } from './backends.js';

describe('storage unavailable', () => {
  it('reports an unreachable PostgreSQL server as StorageUnavailableError at open', async () => {
    await expect(openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/plancia' })).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it.each(backends)('reports a closed $name database as StorageUnavailableError from every repository and ping', async (backend) => {
    const database = await backend.create();
    try {
      const store = await openStore(database.options);
      await store.close();
      await expect(store.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(store.journal.append([queued('after-close')])).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(store.config.table('queues').list()).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(store.alerts.active()).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      await database.dispose();
    }
  });
});
