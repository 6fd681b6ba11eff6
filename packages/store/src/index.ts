export { openStore, type Store, type StoreOptions } from './store.js';
export type { StoreKind } from './connection.js';
export type { JournalRepository, JournalStats } from './journal.repository.js';
export type { AppendResult } from './journal-batch.js';
export { StorageUnavailableError, StaleWriteError, RejectedDataError } from './errors.js';
