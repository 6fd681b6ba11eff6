/**
 * The alert-lifecycle types the console uses, all from @plancia/contracts (issue 18's contract, owned by the lifecycle
 * branch): gathered here so the console names each one once.
 */
export type {
  AcknowledgeRequest, AlertList, AlertListQuery, Assignee, AssigneeList, AlertStats, AlertStatsQuery, AssignRequest, CommentRequest,
  ResolveRequest, Silence, SilenceList, SilenceMatch, SilenceRequest, SnoozeRequest,
} from '@plancia/contracts';
