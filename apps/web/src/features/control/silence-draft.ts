import type { Alert } from '@plancia/contracts';
import type { SilenceMatch, SilenceRequest } from './lifecycle-contract.js';
import { queueOf, teamOf } from './alert-filter.js';

/** A silence that would match this alert: its rule on its queue or team (not its severity, which the rule fixes). */
export function matchOf(alert: Alert): SilenceMatch {
  const queueId = queueOf(alert);
  const teamId = teamOf(alert);
  return { ruleId: alert.ruleId, ...(queueId ? { queueId } : {}), ...(teamId ? { teamId } : {}) };
}

/** The request for the form's fields: empty fields match anything and are left out; null when it matches nothing. */
export function silenceRequest(match: SilenceMatch, endsAtMs: number, reason: string): SilenceRequest | null {
  const kept = Object.fromEntries(Object.entries(match).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()]));
  if (Object.keys(kept).length === 0 || !Number.isFinite(endsAtMs) || reason.trim() === '') return null;
  return { match: kept as SilenceMatch, endsAt: new Date(endsAtMs).toISOString(), reason: reason.trim() };
}
