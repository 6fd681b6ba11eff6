import { useShallow } from 'zustand/react/shallow';
import type { AgentProfile } from '@plancia/contracts';
import { useAgentsStore } from '../../agents/stores/agents-store.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { AgentForm } from './agent-form.js';

/** Stored profiles first, then agents the board has seen without one (named by their id until given a profile). */
export function AgentsList({ onDelete }: { onDelete(id: string): void }) {
  const profiles = useSettingsStore((s) => s.agents);
  const seen = useAgentsStore(useShallow((s) => Object.keys(s.byId).sort()));
  const configured = new Set(profiles.map((p) => p.agentId));
  // One list, so an agent saved for the first time keeps its form (and its status line) as it moves up.
  const entries = [
    ...profiles.map((profile) => ({ profile, configured: true })),
    ...seen.filter((id) => !configured.has(id)).map((agentId): { profile: AgentProfile; configured: boolean } => ({ profile: { agentId, name: agentId }, configured: false })),
  ];
  return entries.map(({ profile, configured: stored }) => (
    <AgentForm key={profile.agentId} profile={profile} configured={stored} onDelete={() => onDelete(profile.agentId)} />
  ));
}
