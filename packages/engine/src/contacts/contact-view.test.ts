import { describe, expect, it } from 'vitest';
import { Fact, K } from '../windows/facts.js';
import { ContactView, loadFact } from './contact-view.js';

describe('ContactView facts', () => {
  it('read back under the names each helper wrote them with', () => {
    const view = new ContactView();
    view.begin(new ContactView());
    view.counted(K.offered, 1, 2, 1_000);
    view.ended(K.answered, 1, 2, 9_000, 8_000, 1);
    view.settled(1, 2, 9_000, 1, 1);
    view.handled(1, -1, 90_000, 81_000, 60_000, 21_000);
    view.end();
    const read = (i: number) => ({ ...loadFact(view.facts, i, new Fact()) });
    expect(read(0)).toMatchObject({ kind: K.offered, at: 1_000, queue: 1, channel: 2, centre: true });
    expect(read(1)).toMatchObject({ kind: K.answered, at: 9_000, waitMs: 8_000, inTarget: 1 });
    expect(read(2)).toMatchObject({ kind: K.settled, slNumerator: 1, slDenominator: 1 });
    expect(read(3)).toMatchObject({ kind: K.handled, queue: 1, channel: -1, handleMs: 81_000, talkMs: 60_000, wrapMs: 21_000 });
  });
});
