import { Type, type Static } from '@sinclair/typebox';

/** `POST /api/v1/agents/:agentId/pause|logoff`: the agent as the board names it. */
export const AgentActionParams = Type.Object({
  agentId: Type.String({ minLength: 1, maxLength: 256, description: 'the agent, as its events name it' }),
});
export type AgentActionParams = Static<typeof AgentActionParams>;

export const AGENT_ACTIONS = ['pause', 'unpause', 'logoff'] as const;
export type AgentActionName = (typeof AGENT_ACTIONS)[number];

export const PauseRequest = Type.Object({
  paused: Type.Boolean({ description: 'true pauses the agent, false makes it available again' }),
  reason: Type.Optional(Type.String({
    minLength: 1, maxLength: 64, pattern: '^[^\\r\\n\']+$',
    description: 'the pause reason (Asterisk: free text; Twilio, Amazon Connect: the name of a configured activity or status)',
  })),
}, { additionalProperties: false });
export type PauseRequest = Static<typeof PauseRequest>;

/** The vendors an agent action can go through. */
export const ACD_VENDORS = ['asterisk', 'freeswitch', 'twilio', 'amazon-connect'] as const;
export type AcdVendor = (typeof ACD_VENDORS)[number];

/** One request sent to the ACD, as sent: AMI action fields, ESL command, REST call. */
export const AcdRequest = Type.Record(Type.String(), Type.String());
export type AcdRequest = Static<typeof AcdRequest>;

/**
 * What was sent, once the ACD accepted it (202). The board changes only when the ACD reports the agent's new state
 * back through its adapter, never because of this answer.
 */
export const AgentActionSent = Type.Object({
  agentId: Type.String(),
  action: Type.Union(AGENT_ACTIONS.map((a) => Type.Literal(a))),
  reason: Type.Union([Type.String(), Type.Null()]),
  source: Type.String({ description: 'the source that reports the agent, which the action went to' }),
  vendor: Type.Union(ACD_VENDORS.map((v) => Type.Literal(v))),
  sent: Type.Array(AcdRequest),
});
export type AgentActionSent = Static<typeof AgentActionSent>;

/** The ACD refused the action or could not be reached (502): its own words, and what had been sent. */
export const AgentActionRefused = Type.Object({
  error: Type.Literal('acd_refused'),
  message: Type.String(),
  source: Type.String(),
  vendor: Type.Union(ACD_VENDORS.map((v) => Type.Literal(v))),
  sent: Type.Array(AcdRequest),
});
export type AgentActionRefused = Static<typeof AgentActionRefused>;
