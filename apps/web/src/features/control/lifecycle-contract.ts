/**
 * The alert-lifecycle types the console uses, all from @plancia/contracts (issue 18's contract, owned by the lifecycle
 * branch): gathered here so the console names each one once.
 */
export type {
  AcknowledgeRequest, AlertList, AlertQuery, AlertStats, AlertStatsQuery, AssignRequest, CommentRequest,
  CreateSilenceRequest, ResolveRequest, Silence, SilenceList, SnoozeRequest,
} from '@plancia/contracts';
