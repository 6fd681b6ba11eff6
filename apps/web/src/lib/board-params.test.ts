import { describe, expect, it } from 'vitest';
import { boardParams, pageView } from './board-params.js';

describe('the view a board asks for', () => {
  it("reads agents=none from the address, and leaves the default ('all') unsaid", () => {
    expect(boardParams('?queues=a,b&agents=none').view).toEqual({ queues: ['a', 'b'], agents: 'none' });
    expect(boardParams('?queues=a').view).toEqual({ queues: ['a'] });
    expect(boardParams('?agents=all').view).toEqual({});
  });

  it('asks for no agents on the pages that show none, and for what the address says on the board and the TV', () => {
    const view = boardParams('?teams=north').view;
    for (const path of ['/control', '/reports', '/settings/notifications']) expect(pageView(view, path)).toEqual({ teams: ['north'], agents: 'none' });
    for (const path of ['', '/settings']) expect(pageView(view, path)).toEqual({ teams: ['north'] });
    // A TV starts from its agents' total only: it asks for the page it turns to.
    expect(pageView(view, '/tv')).toEqual({ teams: ['north'], agentPage: { offset: 0, limit: 0 } });
    expect(pageView(boardParams('?agents=none').view, '/tv')).toEqual({ agents: 'none' });
  });
});
