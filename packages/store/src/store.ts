import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { KyselyAccountRepository, type AccountRepository } from './account.repository.js';
import { KyselyAlertRepository, type AlertRepository } from './alert.repository.js';
import { KyselyAuditRepository, type AuditRepository } from './audit.repository.js';
import { KyselyBroadcastRepository, type BroadcastRepository } from './broadcast.repository.js';
import { KyselyCallerRepository, type CallerRepository } from './caller.repository.js';
import { KyselyCallbackRepository, type CallbackRepository } from './callback.repository.js';
import { KyselyCheckpointRepository, type CheckpointRepository } from './checkpoint.repository.js';
import { KyselyConfigRepository, type ConfigRepository } from './config.repository.js';
import { connect, type ConnectionOptions, type StoreKind } from './connection.js';
import type { Database } from './database.js';
import { classifyError, StorageUnavailableError } from './errors.js';
import { guarded } from './guard.js';
import { KyselyIntervalRepository, type IntervalRepository } from './interval.repository.js';
import { KyselyJournalRepository, type JournalRepository } from './journal.repository.js';
import { KyselyClusterRepository, type ClusterRepository } from './cluster.repository.js';
import { KyselySilenceRepository, type SilenceRepository } from './silence.repository.js';
import { KyselyNotificationRepository, type NotificationRepository } from './notification.repository.js';
import { KyselyShiftLogRepository, type ShiftLogRepository } from './shift-log.repository.js';
import { KyselyTenantRepository, type TenantRepository } from './tenant.repository.js';
import { migrationProvider } from './migrations/index.js';

export type StoreOptions = ConnectionOptions;

export interface Store {
  readonly kind: StoreKind;
  readonly journal: JournalRepository;
  readonly config: ConfigRepository;
  readonly alerts: AlertRepository;
  readonly silences: SilenceRepository;
  readonly audit: AuditRepository;
  readonly intervals: IntervalRepository;
  readonly accounts: AccountRepository;
  readonly tenants: TenantRepository;
  readonly callers: CallerRepository;
  readonly notifications: NotificationRepository;
  readonly broadcasts: BroadcastRepository;
  readonly shiftLog: ShiftLogRepository;
  readonly callbacks: CallbackRepository;
  readonly checkpoints: CheckpointRepository;
  /** Cluster mode's journal writer and start-up read (the stream position the journal covers). */
  readonly cluster: ClusterRepository;
  /**
   * Reads the journal table; throws StorageUnavailableError when the database cannot be reached, refuses, holds the
   * journal locked, or does not answer within `timeoutMs`.
   */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database (PostgreSQL when databaseUrl is set, else PGlite in dataDir) and brings its schema up to date.
 * Every repository method reports an outage as StorageUnavailableError, whichever backend is underneath.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { kind, db } = connect(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw classifyError(error);
  }
  return {
    kind,
    journal: guarded(new KyselyJournalRepository(db)),
    config: guarded(new KyselyConfigRepository(db)),
    alerts: guarded(new KyselyAlertRepository(db)),
    silences: guarded(new KyselySilenceRepository(db)),
    audit: guarded(new KyselyAuditRepository(db)),
    intervals: guarded(new KyselyIntervalRepository(db)),
    accounts: guarded(new KyselyAccountRepository(db)),
    tenants: guarded(new KyselyTenantRepository(db)),
    callers: guarded(new KyselyCallerRepository(db)),
    notifications: guarded(new KyselyNotificationRepository(db)),
    broadcasts: guarded(new KyselyBroadcastRepository(db)),
    shiftLog: guarded(new KyselyShiftLogRepository(db)),
    callbacks: guarded(new KyselyCallbackRepository(db)),
    checkpoints: guarded(new KyselyCheckpointRepository(db)),
    cluster: guarded(new KyselyClusterRepository(db)),
    ping: (timeoutMs) => probe(db, timeoutMs),
    close: () => db.destroy(),
  };
}

async function probe(db: Kysely<Database>, timeoutMs: number | undefined): Promise<void> {
  // The journal table rather than SELECT 1: a journal another session holds locked answers nothing ingest can use.
  const query = sql`SELECT 1 FROM event_journal LIMIT 1`.execute(db).then(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    if (timeoutMs === undefined) return;
    const silence = new Error(`no answer to a probe query within ${timeoutMs} ms`);
    timer = setTimeout(() => reject(new StorageUnavailableError(silence)), timeoutMs);
  });
  try {
    await Promise.race([query, deadline]);
  } catch (error) {
    // An abandoned query still ends by itself (statement and lock timeouts); its late failure has no one to tell.
    query.catch(() => undefined);
    throw classifyError(error);
  } finally {
    clearTimeout(timer);
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error');
  throw failed ? new Error(`Migration ${failed.migrationName} failed`, { cause: error }) : error;
}
