import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '@plancia/store';
import type { Backend, TestDatabase } from './backends.js';

/** Opens a store on a fresh database of `backend` for the current describe block and disposes of both after it. */
export function useStore(backend: Backend): { store: () => Store; reopen: () => Promise<Store>; options: () => TestDatabase['options'] } {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    database = await backend.create();
    store = await openStore(database.options);
  });
  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });
  return {
    store: () => store!,
    options: () => database!.options,
    reopen: async () => {
      await store?.close();
      store = await openStore(database!.options);
      return store;
    },
  };
}
