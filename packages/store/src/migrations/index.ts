import type { Migration, MigrationProvider } from 'kysely/migration';
import * as journal from './0001-journal.js';
import * as configuration from './0002-configuration.js';
import * as alertsAudit from './0003-alerts-audit.js';
import * as intervalMetrics from './0004-interval-metrics.js';
import * as accounts from './0005-accounts.js';
import * as tenants from './0006-tenants.js';
import * as callerKeys from './0007-caller-keys.js';
import * as alertLifecycle from './0009-alert-lifecycle.js';
import * as notifications from './0008-notifications.js';
import * as controlLog from './0010-control-log.js';
import * as notificationGroups from './0011-notification-groups.js';
import * as callbacks from './0012-callbacks.js';
import * as agentSource from './0014-agent-source.js';
import * as engineCheckpoints from './0013-engine-checkpoints.js';
import * as clusterCursor from './0016-cluster-cursor.js';
import * as agentUsersIntervalPolicy from './0018-agent-users-interval-policy.js';

// Listed statically rather than read from the folder, so they run the same under tsx, vitest and a bundle.
// Names sort in the order they must run; never rename or edit one that has shipped: add the next file.
const MIGRATIONS: Record<string, Migration> = {
  '0001-journal': journal,
  '0002-configuration': configuration,
  '0003-alerts-audit': alertsAudit,
  '0004-interval-metrics': intervalMetrics,
  '0005-accounts': accounts,
  '0006-tenants': tenants,
  '0007-caller-keys': callerKeys,
  '0009-alert-lifecycle': alertLifecycle,
  '0008-notifications': notifications,
  // 0008 and 0009 are the notification outbox and the alert lifecycle (issue 18), merged by the lead.
  '0010-control-log': controlLog,
  '0011-notification-groups': notificationGroups,
  '0012-callbacks': callbacks,
  '0014-agent-source': agentSource,
  '0013-engine-checkpoints': engineCheckpoints,
  '0016-cluster-cursor': clusterCursor,
  '0018-agent-users-interval-policy': agentUsersIntervalPolicy,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
