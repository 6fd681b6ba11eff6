import { Type, type Static } from '@sinclair/typebox';
import { AGENT_DETAIL_MODES, type AgentDetail, type PrivacySettings } from '@plancia/contracts';

/** The demo's agents are invented: its board shows them by name, under this reference. */
export const DEMO_AGREEMENT = 'Demo: invented agents';

/** The agent-privacy variables, spread into the server's EnvSchema (validated at boot with the rest). */
export const PRIVACY_ENV = {
  PLANCIA_AGENT_DETAIL: Type.Optional(Type.Union(AGENT_DETAIL_MODES.map((mode) => Type.Literal(mode)), {
    description: 'how much of each agent the default tenant\'s boards get (art. 4 of the Workers\' Statute, docs/privacy.md): off, only counts per queue and team; pseudonymous, stable pseudonyms; named, names (needs PLANCIA_AGENT_AGREEMENT). Unset: the level stored (PUT /api/v1/settings/privacy; off on a new installation), or named under the demo\'s own agreement while PLANCIA_DEMO is on',
  })),
  PLANCIA_AGENT_AGREEMENT: Type.Optional(Type.String({
    minLength: 3, maxLength: 500,
    description: 'the reference of the union agreement or the labour inspectorate\'s authorisation that allows named agent detail; required with PLANCIA_AGENT_DETAIL=named',
  })),
};
type PrivacyEnv = Static<ReturnType<typeof Type.Object<typeof PRIVACY_ENV>>>;

export interface PrivacyConfig {
  /** Unset: the default tenant keeps the level it has stored (off on a new installation). */
  agentDetail?: AgentDetail;
  agentAgreement?: string;
}

/** The level the default tenant is given at start, from the variables; `problem` when they contradict each other. */
export function privacyConfig(env: PrivacyEnv, demo: boolean): PrivacyConfig | { problem: string } {
  const mode = env.PLANCIA_AGENT_DETAIL;
  const agreement = env.PLANCIA_AGENT_AGREEMENT;
  if (mode === undefined) {
    // The demo's invented agents are shown by name; otherwise what an administrator set through the API stands.
    if (demo) return { agentDetail: 'named', agentAgreement: agreement ?? DEMO_AGREEMENT };
    return agreement ? { agentAgreement: agreement } : {};
  }
  if (mode === 'named' && agreement === undefined) {
    return { problem: 'PLANCIA_AGENT_DETAIL=named needs PLANCIA_AGENT_AGREEMENT: the reference of the union agreement or the labour inspectorate\'s authorisation (art. 4 L. 300/1970)' };
  }
  return { agentDetail: mode, ...(agreement ? { agentAgreement: agreement } : {}) };
}

/**
 * What the default tenant's privacy becomes at start, given what it has stored; undefined: it stays as stored. A
 * level left by the demo (its own agreement) does not outlive the demo: real agents are never shown by its leave.
 */
export function privacyAtStart(config: PrivacyConfig, stored: PrivacySettings): PrivacySettings | undefined {
  const wanted: PrivacySettings | undefined = config.agentDetail !== undefined
    ? { agentDetail: config.agentDetail, ...(config.agentAgreement ? { agreement: config.agentAgreement } : {}) }
    : stored.agreement === DEMO_AGREEMENT ? { agentDetail: 'off' } : undefined;
  if (!wanted || (wanted.agentDetail === stored.agentDetail && wanted.agreement === stored.agreement)) return undefined;
  return wanted;
}
