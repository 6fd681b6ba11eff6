import type { ColumnType, Generated } from 'kysely';

/** jsonb: written as JSON text, read back parsed. */
type Json = ColumnType<unknown, string, string>;
/** timestamptz: read back as Date; written and compared as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint identity: both drivers hand it over as text or bigint, never as a lossy number. */
type Sequence = ColumnType<string | bigint, never, never>;

export interface EventJournalTable {
  seq: Sequence;
  source: string;
  id: string;
  type: string;
  time: Timestamp;
  received_at: ColumnType<Date, never, never>;
  payload: Json;
}

/** One configured entity per row; `version` grows by one on every write (optimistic concurrency). */
export interface VersionedTable {
  key: string;
  value: Json;
  version: number;
  updated_at: Timestamp;
}

export interface EngineSettingsTable {
  singleton: Generated<boolean>;
  value: Json;
  updated_at: Timestamp;
}

export interface AlertHistoryTable {
  seq: Sequence;
  alert_id: string;
  kind: string;
  state: string;
  alert: Json;
  at: Timestamp;
}

export interface AlertSilenceTable {
  id: string;
  match: Json;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  created_by: string;
}

export interface AuditLogTable {
  seq: Sequence;
  at: Timestamp;
  actor: string;
  action: string;
  resource: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

export interface IntervalMetricsTable {
  queue_id: string;
  interval_start: Timestamp;
  interval_minutes: number;
  metrics: Json;
  /** null: stored before the policy was kept */
  abandon_policy: string | null;
}

export interface AppUserTable {
  username: string;
  password_hash: string | null;
  role: string;
  scope: Json;
  tenant_id: ColumnType<string, string | undefined, string>;
  /** the agent a user of role `agent` is; null for others */
  agent_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id_digest: string;
  username: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Timestamp;
}

export interface MachineTokenTable {
  name: string;
  secret_digest: string;
  role: string;
  scope: Json;
  tenant_id: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, never, never>;
  last_used_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface TenantTable {
  id: string;
  name: string;
  queues: Json;
  teams: Json;
  agent_detail: ColumnType<string, string | undefined, string>;
  agreement: string | null;
  agreement_date: string | null;
  pseudonym_key: ColumnType<string, string | undefined, never>;
  created_at: ColumnType<Date, never, never>;
  updated_at: Timestamp;
}

export interface CallerKeyTable {
  id: string;
  secret: string;
  created_at: ColumnType<Date, never, never>;
}

export interface CallerCallbackTable {
  source: string;
  contact_id: string;
  tenant_id: string;
  queue_id: string | null;
  pseudonym: string;
  sealed: string;
  expires_at: Timestamp;
  updated_at: Timestamp;
}

/** A timestamptz that may be null. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CallbackEntryTable {
  id: string;
  tenant_id: string;
  pseudonym: string;
  source: string;
  contact_id: string;
  queue_id: string | null;
  first_abandoned_at: Timestamp;
  abandoned_at: Timestamp;
  waited_ms: number | null;
  attempts: number;
  state: string;
  claimed_by: string | null;
  claimed_at: NullableTimestamp;
  result: string | null;
  note: string | null;
  closed_by: string | null;
  closed_at: NullableTimestamp;
  answered_contact_id: string | null;
  updated_at: Timestamp;
}

export interface CallbackAttemptTable {
  source: string;
  contact_id: string;
  entry_id: string | null;
  abandoned_at: Timestamp;
}

export interface NotificationChannelTable {
  tenant_id: string;
  id: string;
  type: string;
  settings: Json;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: string | null;
  updated_at: Timestamp;
}

export interface NotificationPolicyTable {
  tenant_id: string;
  policy: Json;
  updated_at: Timestamp;
}

export interface NotificationOutboxTable {
  id: string;
  tenant_id: string;
  channel_id: string;
  alert_id: string;
  kind: string;
  payload: Json;
  only_unacknowledged: ColumnType<boolean, boolean | undefined, boolean>;
  due_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  state: ColumnType<string, string | undefined, string>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  group_key: ColumnType<string | null, string | null | undefined, never>;
  batch_id: ColumnType<string | null, string | null | undefined, string | null>;
  batched_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface BroadcastTable {
  id: string;
  tenant_id: string;
  text: string;
  level: string;
  queue_ids: Json;
  team_ids: Json;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ShiftNoteTable {
  seq: Sequence;
  tenant_id: string;
  at: Timestamp;
  author: string;
  text: string;
  alert_id: string | null;
  queue_id: string | null;
  alert_scope: ColumnType<unknown, string | null, never>;
}

/** Cluster mode: the stream position (and the cluster clock there) the journal holds everything up to. */
export interface ClusterCursorTable {
  cluster: string;
  stream_seq: ColumnType<string | bigint, string | number, string | number>;
  clock_ms: ColumnType<string | bigint, string | number, string | number>;
}

export interface Database {
  event_journal: EventJournalTable;
  queue_config: VersionedTable;
  business_calendar: VersionedTable;
  alert_rule: VersionedTable;
  agent_profile: VersionedTable;
  engine_settings: EngineSettingsTable;
  alert_history: AlertHistoryTable;
  audit_log: AuditLogTable;
  interval_metrics: IntervalMetricsTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  machine_token: MachineTokenTable;
  tenant: TenantTable;
  caller_key: CallerKeyTable;
  caller_callback: CallerCallbackTable;
  alert_silence: AlertSilenceTable;
  notification_channel: NotificationChannelTable;
  notification_policy: NotificationPolicyTable;
  notification_outbox: NotificationOutboxTable;
  broadcast: BroadcastTable;
  shift_note: ShiftNoteTable;
  callback_entry: CallbackEntryTable;
  callback_attempt: CallbackAttemptTable;
  engine_checkpoint: EngineCheckpointTable;
  cluster_cursor: ClusterCursorTable;
}

export type VersionedTableName = 'queue_config' | 'business_calendar' | 'alert_rule' | 'agent_profile';

/** One engine checkpoint (migration 0013): the state, compressed, and the position in its log it covers. */
export interface EngineCheckpointTable {
  seq: Sequence;
  taken_at: Timestamp;
  engine_version: number;
  position_kind: string;
  position: string;
  config_fingerprint: string;
  state: Uint8Array;
}
