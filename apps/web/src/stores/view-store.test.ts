import { beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from './view-store.js';

describe('view store', () => {
  beforeEach(() => useViewStore.setState({ view: { queues: ['sales'], agentPage: { offset: 0, limit: 0 } } }));

  it('takes another agent page as a new view, and the same page as no change (no subscription again)', () => {
    const before = useViewStore.getState().view;
    useViewStore.getState().setAgentPage({ offset: 0, limit: 0 });
    expect(useViewStore.getState().view).toBe(before);
    useViewStore.getState().setAgentPage({ offset: 20, limit: 20 });
    expect(useViewStore.getState().view).toEqual({ queues: ['sales'], agentPage: { offset: 20, limit: 20 } });
  });

  it('gives a board without agents no page', () => {
    useViewStore.setState({ view: { agents: 'none' } });
    useViewStore.getState().setAgentPage({ offset: 20, limit: 20 });
    expect(useViewStore.getState().view).toEqual({ agents: 'none' });
  });
});
