import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, generateSecret, settingsOf } from './channel-draft.js';

describe('channel drafts', () => {
  it('puts only the fields of the chosen type', () => {
    const draft = { ...emptyDraft(), id: 'ops', url: ' https://x.example/h ', secret: 'whsec_abc', routingKey: 'k', to: 'a@b.it' };
    expect(settingsOf(draft)).toEqual({ type: 'webhook', url: 'https://x.example/h', secret: 'whsec_abc' });
    expect(settingsOf({ ...draft, type: 'teams' })).toEqual({ type: 'teams', url: 'https://x.example/h' });
    expect(settingsOf({ ...draft, type: 'pagerduty', url: '' })).toEqual({ type: 'pagerduty', routingKey: 'k' });
    expect(settingsOf({ ...draft, type: 'email', to: 'a@b.it, c@d.it\n\ne@f.it;' })).toEqual({ type: 'email', to: ['a@b.it', 'c@d.it', 'e@f.it'] });
  });

  it('never carries a masked secret back into the form', () => {
    const draft = draftOf({ id: 'ops', type: 'webhook', enabled: true, disabledReason: null, settings: { type: 'webhook', url: 'https://h', secret: 'whsec_…(hidden)' } });
    expect(draft).toMatchObject({ id: 'ops', type: 'webhook', url: 'https://h', secret: '' });
    expect(draftOf({ id: 'm', type: 'email', enabled: true, disabledReason: null, settings: { type: 'email', to: ['a@b.it', 'c@d.it'] } }).to).toBe('a@b.it\nc@d.it');
  });

  it('generates a whsec_ secret of 32 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(secret.slice(6))).toHaveLength(32);
    expect(generateSecret()).not.toBe(secret);
    expect(generateSecret((bytes) => bytes.fill(255))).toBe(`whsec_${'/'.repeat(42)}8=`);
  });
});
