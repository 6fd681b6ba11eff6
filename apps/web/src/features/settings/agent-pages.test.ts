import { describe, expect, it } from 'vitest';
import { agentPage, AGENTS_PER_PAGE } from './agent-pages.js';

const entries = Array.from({ length: 60 }, (_, i) => ({ profile: { agentId: `ag-${i}`, name: i === 42 ? 'Anna Rossi' : `ag-${i}` } }));

describe('agent pages', () => {
  it('cut the list into pages, the last one short, a page past the end showing the last', () => {
    expect(agentPage(entries, '', 0).shown.map((e) => e.profile.agentId)).toEqual(entries.slice(0, AGENTS_PER_PAGE).map((e) => e.profile.agentId));
    expect(agentPage(entries, '', 2)).toMatchObject({ page: 2, pages: 3, from: 50, total: 60 });
    expect(agentPage(entries, '', 2).shown).toHaveLength(10);
    expect(agentPage(entries, '', 9).page).toBe(2);
  });

  it('find an agent by id or by name, in any case', () => {
    expect(agentPage(entries, 'rossi', 0).shown.map((e) => e.profile.agentId)).toEqual(['ag-42']);
    expect(agentPage(entries, 'AG-5', 0).shown.map((e) => e.profile.agentId)).toEqual(['ag-5', 'ag-50', 'ag-51', 'ag-52', 'ag-53', 'ag-54', 'ag-55', 'ag-56', 'ag-57', 'ag-58', 'ag-59']);
    expect(agentPage(entries, 'nobody', 3)).toMatchObject({ shown: [], page: 0, pages: 1, total: 0 });
  });
});
