import { describe, expect, it } from 'vitest';
import { agentRefusal } from './callback-scope.js';

describe('what an agent may do to a callback in its reach', () => {
  it('claims an open one, then releases or closes only its own claim', () => {
    const open = { state: 'open' as const, claimedBy: null };
    const mine = { state: 'claimed' as const, claimedBy: 'user:ada' };
    const theirs = { state: 'claimed' as const, claimedBy: 'user:sara' };
    expect(agentRefusal('user:ada', open, 'claim')).toBeNull();
    expect(agentRefusal('user:ada', mine, 'done')).toBeNull();
    expect(agentRefusal('user:ada', mine, 'release')).toBeNull();
    expect(agentRefusal('user:ada', open, 'done')).toMatch(/claim it first/);
    expect(agentRefusal('user:ada', theirs, 'done')).toMatch(/claim it first/);
    expect(agentRefusal('user:ada', theirs, 'release')).toMatch(/only a callback it has claimed/);
    expect(agentRefusal('user:ada', { state: 'done', claimedBy: 'user:ada' }, 'release')).not.toBeNull();
  });
});
