import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AbandonPolicyName, ContactChannelName, QueueConfig } from '@plancia/contracts';
import { configReachOf } from '../config-api/scoped.js';
import type { PolicyOf } from './report-build.js';

// The engine counts a queue it has no configuration for under the default policy (defaultQueueConfig).
const DEFAULT_POLICY: AbandonPolicyName = 'ignore';

/** What a report needs of the configuration and the caller's reach. */
export interface ReportScope {
  /** whether the caller may read this queue's history */
  reaches(queueId: string): boolean;
  policyOf: PolicyOf;
  channelOf(queueId: string): ContactChannelName | null;
  nameOf(queueId: string): string;
  /** the configured queues of a channel the caller reaches */
  queuesOf(channel: ContactChannelName): string[];
}

/** Reads the stored configuration once for a request: abandon policies, channels, names, and the caller's reach. */
export async function reportScopeOf(fastify: FastifyInstance, request: FastifyRequest): Promise<ReportScope> {
  const reach = await configReachOf(fastify, request);
  const queues = new Map<string, QueueConfig>((await fastify.configService.exportAll()).queues.map((q) => [q.queueId, q]));
  return {
    reaches: (queueId) => reach.hasQueue(queueId, queues.get(queueId)?.teamId),
    policyOf: (queueId) => queues.get(queueId)?.serviceLevel.abandonPolicy ?? DEFAULT_POLICY,
    channelOf: (queueId) => queues.get(queueId)?.channel ?? null,
    nameOf: (queueId) => queues.get(queueId)?.name ?? queueId,
    queuesOf: (channel) => [...queues.values()]
      .filter((q) => q.channel === channel && reach.hasQueue(q.queueId, q.teamId))
      .map((q) => q.queueId)
      .sort(),
  };
}
