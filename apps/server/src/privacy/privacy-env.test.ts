import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_AGREEMENT, privacyAtStart } from './privacy-env.js';

describe('PLANCIA_AGENT_DETAIL and PLANCIA_AGENT_AGREEMENT', () => {
  it('leave the stored level when unset, outside the demo', () => {
    expect(loadConfig({ PLANCIA_DEMO: '0' })).not.toHaveProperty('agentDetail');
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

describe('the default tenant\'s level at start', () => {
  const agreement = 'Accordo RSU 2026-01-15';

  it('is what the variables say, when it differs from what is stored', () => {
    expect(privacyAtStart({ agentDetail: 'named', agentAgreement: agreement }, { agentDetail: 'off' })).toEqual({ agentDetail: 'named', agreement });
    expect(privacyAtStart({ agentDetail: 'off' }, { agentDetail: 'named', agreement })).toEqual({ agentDetail: 'off' });
    expect(privacyAtStart({ agentDetail: 'named', agentAgreement: agreement }, { agentDetail: 'named', agreement })).toBeUndefined();
  });

  it('stays as an administrator stored it when the variables are unset', () => {
    expect(privacyAtStart({}, { agentDetail: 'named', agreement })).toBeUndefined();
    expect(privacyAtStart({}, { agentDetail: 'pseudonymous' })).toBeUndefined();
  });

  it('does not keep the demo\'s named level once the demo is off', () => {
    expect(privacyAtStart({}, { agentDetail: 'named', agreement: DEMO_AGREEMENT })).toEqual({ agentDetail: 'off' });
    expect(privacyAtStart(loadConfig({}), { agentDetail: 'off' })).toEqual({ agentDetail: 'named', agreement: DEMO_AGREEMENT });
  });
});
