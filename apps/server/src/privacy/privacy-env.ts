import { Type, type Static } from '@sinclair/typebox';
import { AGENT_DETAIL_MODES, type AgentDetail } from '@plancia/contracts';

/** The demo's agents are invented: its board shows them by name, under this reference. */
export const DEMO_AGREEMENT = 'Demo: invented agents';

/** The agent-privacy variables, spread into the server's EnvSchema (validated at boot with the rest). */
export const PRIVACY_ENV = {
  PLANCIA_AGENT_DETAIL: Type.Optional(Type.Union(AGENT_DETAIL_MODES.map((mode) => Type.Literal(mode)), {
    description: 'how much of each agent the default tenant\'s boards get (art. 4 of the Workers\' Statute, docs/privacy.md): off, only counts per queue and team; pseudonymous, stable pseudonyms; named, names (needs PLANCIA_AGENT_AGREEMENT). Unset: off, or named under the demo\'s own agreement while PLANCIA_DEMO is on',
  })),
  PLANCIA_AGENT_AGREEMENT: Type.Optional(Type.String({
    minLength: 3, maxLength: 500,
    description: 'the reference of the union agreement or the labour inspectorate\'s authorisation that allows named agent detail; required with PLANCIA_AGENT_DETAIL=named',
  })),
};
type PrivacyEnv = Static<ReturnType<typeof Type.Object<typeof PRIVACY_ENV>>>;

export interface PrivacyConfig {
  agentDetail: AgentDetail;
  agentAgreement?: string;
}

/** The mode the default tenant starts with; undefined `problem` when the variables agree with each other. */
export function privacyConfig(env: PrivacyEnv, demo: boolean): PrivacyConfig | { problem: string } {
  const mode = env.PLANCIA_AGENT_DETAIL;
  const agreement = env.PLANCIA_AGENT_AGREEMENT;
  if (mode === undefined) {
    // Unset, a real installation shows no agent; the demo's invented agents are shown by name.
    if (demo) return { agentDetail: 'named', agentAgreement: agreement ?? DEMO_AGREEMENT };
    return { agentDetail: 'off', ...(agreement ? { agentAgreement: agreement } : {}) };
  }
  if (mode === 'named' && agreement === undefined) {
    return { problem: 'PLANCIA_AGENT_DETAIL=named needs PLANCIA_AGENT_AGREEMENT: the reference of the union agreement or the labour inspectorate\'s authorisation (art. 4 L. 300/1970)' };
  }
  return { agentDetail: mode, ...(agreement ? { agentAgreement: agreement } : {}) };
}
