import { describe, expect, it } from 'vitest';
import { classifyError, isUnavailable, RejectedDataError, StaleWriteError, StorageUnavailableError } from './errors.js';

function withCode(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  it('turns refused, dropped and shutting-down connections into StorageUnavailableError', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('08006'),
      withCode('57P01', 'terminating connection due to administrator command'),
      new Error('Connection terminated unexpectedly'),
      new Error('PGlite is closed'),
      new AggregateError([withCode('ECONNREFUSED')]),
    ]) {
      const classified = classifyError(error);
      expect(classified).toBeInstanceOf(StorageUnavailableError);
      expect((classified as Error).cause).toBe(error);
    }
  });

  it('turns data exceptions into RejectedDataError', () => {
    expect(classifyError(withCode('22P05', 'unsupported Unicode escape sequence'))).toBeInstanceOf(RejectedDataError);
  });

  it('leaves other errors and its own errors untouched', () => {
    const syntax = withCode('42601', 'syntax error');
    const stale = new StaleWriteError('queue', 'sales', 1, 2);
    expect(classifyError(syntax)).toBe(syntax);
    expect(classifyError(stale)).toBe(stale);
    expect(isUnavailable(syntax)).toBe(false);
  });
});
