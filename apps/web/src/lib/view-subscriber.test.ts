import { describe, expect, it } from 'vitest';
import { RATE_LIMITED } from '@plancia/contracts';
import { RATE_LIMIT_RETRY_MS, ViewSubscriber } from './view-subscriber.js';

type Answer = Parameters<Parameters<ConstructorParameters<typeof ViewSubscriber>[0]['send']>[0]>[0];

/** A subscriber over a fake socket that records what it sent (the view wanted at the time) and what it reported. */
function harness() {
  let view = 'page-0';
  const sent: { view: string; answer: (result: Answer) => void }[] = [];
  const reports: string[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const subscriber = new ViewSubscriber({
    send: (answer) => void sent.push({ view, answer }),
    accepted: () => void reports.push('accepted'),
    refused: (error) => void reports.push(`refused ${error}`),
    later: (run, ms) => void timers.push({ run, ms }),
  });
  return { subscriber, sent, reports, timers, show: (next: string) => void (view = next) };
}

describe('a board asking the server for its view', () => {
  it('asks once more, for the last page, when pages change while an answer is awaited', () => {
    const { subscriber, sent, reports, show } = harness();
    subscriber.request();
    for (const page of ['page-1', 'page-2', 'page-3']) {
      show(page);
      subscriber.request();
    }
    expect(sent.map((s) => s.view)).toEqual(['page-0']);
    sent[0]!.answer({ ok: true });
    expect(sent.map((s) => s.view)).toEqual(['page-0', 'page-3']);
    sent[1]!.answer({ ok: true });
    expect(sent).toHaveLength(2);
    expect(reports).toEqual(['accepted', 'accepted']);
  });

  it('asks again a second later when the server dropped the request for coming too fast, without calling the board lost', () => {
    const { subscriber, sent, reports, timers, show } = harness();
    subscriber.request();
    sent[0]!.answer({ ok: false, error: `${RATE_LIMITED}: slow down` });
    expect(reports).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([RATE_LIMIT_RETRY_MS]);
    show('page-7');
    subscriber.request();
    expect(sent).toHaveLength(1);
    timers[0]!.run();
    expect(sent.map((s) => s.view)).toEqual(['page-0', 'page-7']);
    sent[1]!.answer({ ok: true });
    expect(reports).toEqual(['accepted']);
  });

  it('reports a refusal, and asks afresh on a new connection even with an answer lost in flight', () => {
    const { subscriber, sent, reports } = harness();
    subscriber.request();
    sent[0]!.answer({ ok: false, error: 'forbidden: queues: sales' });
    expect(reports).toEqual(['refused forbidden: queues: sales']);
    subscriber.request();
    subscriber.reset();
    subscriber.request();
    expect(sent).toHaveLength(3);
  });
});
