import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_AGREEMENT } from './privacy-env.js';

describe('PLANCIA_AGENT_DETAIL and PLANCIA_AGENT_AGREEMENT', () => {
  it('leave agent detail off when unset, outside the demo', () => {
    expect(loadConfig({ PLANCIA_DEMO: '0' })).toMatchObject({ agentDetail: 'off' });
    expect(loadConfig({ PLANCIA_DEMO: '0' })).not.toHaveProperty('agentAgreement');
  });

  it('show the demo\'s invented agents by name, under the demo\'s own agreement', () => {
    expect(loadConfig({})).toMatchObject({ demo: true, agentDetail: 'named', agentAgreement: DEMO_AGREEMENT });
    expect(loadConfig({ PLANCIA_AGENT_DETAIL: 'off' })).toMatchObject({ demo: true, agentDetail: 'off' });
  });

  it('take each mode, and the agreement that allows named', () => {
    expect(loadConfig({ PLANCIA_DEMO: '0', PLANCIA_AGENT_DETAIL: 'pseudonymous' })).toMatchObject({ agentDetail: 'pseudonymous' });
    expect(loadConfig({ PLANCIA_DEMO: '0', PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'Accordo RSU 2026-01-15' }))
      .toMatchObject({ agentDetail: 'named', agentAgreement: 'Accordo RSU 2026-01-15' });
  });

  it('refuse named without an agreement, naming both variables', () => {
    expect(() => loadConfig({ PLANCIA_DEMO: '0', PLANCIA_AGENT_DETAIL: 'named' })).toThrow(/PLANCIA_AGENT_DETAIL=named needs PLANCIA_AGENT_AGREEMENT/);
    expect(() => loadConfig({ PLANCIA_AGENT_DETAIL: 'named' })).toThrow(/PLANCIA_AGENT_AGREEMENT/);
  });

  it('refuse a mode that does not exist', () => {
    expect(() => loadConfig({ PLANCIA_AGENT_DETAIL: 'full' })).toThrow(/PLANCIA_AGENT_DETAIL="full"/);
  });
});
