import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTER } from '../alert-filter.js';
import { useConsoleStore } from './console-store.js';

describe('console store', () => {
  beforeEach(() => useConsoleStore.setState({ filter: NO_FILTER, sort: 'severity', selectedId: null }));

  it('narrows one filter at a time and clears them all at once', () => {
    useConsoleStore.getState().setFilter({ severity: 'critical' });
    useConsoleStore.getState().setFilter({ queueId: 'sales' });
    expect(useConsoleStore.getState().filter).toEqual({ ...NO_FILTER, severity: 'critical', queueId: 'sales' });
    useConsoleStore.getState().clearFilter();
    expect(useConsoleStore.getState().filter).toEqual(NO_FILTER);
  });

  it('moves down and up the list as shown, stopping at its ends', () => {
    const { move } = useConsoleStore.getState();
    expect(move(['a', 'b', 'c'], 1)).toBe('a');
    expect(move(['a', 'b', 'c'], 1)).toBe('b');
    expect(move(['a', 'b', 'c'], 1)).toBe('c');
    expect(move(['a', 'b', 'c'], 1)).toBe('c');
    expect(move(['a', 'b', 'c'], -1)).toBe('b');
    expect(useConsoleStore.getState().selectedId).toBe('b');
  });

  it('starts from the last alert going up, and from the first when the selected one left the list', () => {
    expect(useConsoleStore.getState().move(['a', 'b'], -1)).toBe('b');
    useConsoleStore.getState().select('gone');
    expect(useConsoleStore.getState().move(['a', 'b'], 1)).toBe('a');
    expect(useConsoleStore.getState().move([], 1)).toBeNull();
  });
});
