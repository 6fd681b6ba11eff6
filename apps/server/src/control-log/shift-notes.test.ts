import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ShiftNote } from '@plancia/contracts';
import { notesCsv, noteVisible } from './shift-notes.js';

const note = (over: Partial<ShiftNote> = {}): ShiftNote => ({
  id: 1, at: '2026-12-05T06:00:00.000Z', author: 'user:anna', text: 'Handover: sales queue short of two agents', alertId: null, queueId: null, ...over,
});

describe('shift notes', () => {
  const reach = { hasQueue: (id: string) => id === 'sales', hasAlert: ({ scope }: { scope: { kind: string; id: string | null } }) => scope.kind === 'queue' && scope.id === 'sales' };

  it('shows a note about nothing to the whole tenant, one about a queue or alert only to who sees it', () => {
    expect(noteVisible({ queueId: null, alertScope: null }, reach)).toBe(true);
    expect(noteVisible({ queueId: 'sales', alertScope: null }, reach)).toBe(true);
    expect(noteVisible({ queueId: 'care', alertScope: null }, reach)).toBe(false);
    expect(noteVisible({ queueId: null, alertScope: { kind: 'queue', id: 'sales' } }, reach)).toBe(true);
    expect(noteVisible({ queueId: null, alertScope: { kind: 'team', id: 't1' } }, reach)).toBe(false);
  });

  it('writes CSV a spreadsheet reads back cell for cell, quotes and line breaks included, formulas defused', () => {
    const notes = [
      note({ text: 'Said "call back", then left,\nnext line', alertId: 'a-1', queueId: 'sales' }),
      note({ id: 2, text: '=HYPERLINK("http://x")' }),
    ];
    const csv = notesCsv(notes);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { at: notes[0]!.at, author: 'user:anna', text: 'Said "call back", then left,\nnext line', alertId: 'a-1', queueId: 'sales' },
      { at: notes[1]!.at, author: 'user:anna', text: '\'=HYPERLINK("http://x")', alertId: '', queueId: '' },
    ]);
    expect(csv.split('\r\n')[0]).toBe('at,author,text,alertId,queueId');
  });
});
