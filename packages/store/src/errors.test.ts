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

  it.each([
    ['55000', 'database "plancia" is not currently accepting connections'],
    ['55P03', 'canceling statement due to lock timeout'],
    ['57014', 'canceling statement due to statement timeout'],
    ['42501', 'permission denied for table event_journal'],
    ['3D000', 'database "plancia" does not exist'],
    ['28P01', 'password authentication failed for user "plancia"'],
    ['28000', 'no pg_hba.conf entry for host'],
    ['53100', 'could not extend file: No space left on device'],
    ['40P01', 'deadlock detected'],
    ['25006', 'cannot execute INSERT in a read-only transaction'],
    ['58030', 'could not write to file'],
    ['XX000', 'internal error'],
  ])('turns SQLSTATE %s (%s), a database fault and not the request\'s, into StorageUnavailableError', (code, message) => {
    expect(classifyError(withCode(code, message))).toBeInstanceOf(StorageUnavailableError);
  });

  it('turns a client whose connection already broke into StorageUnavailableError', () => {
    expect(classifyError(new Error('Client has encountered a connection error and is not queryable'))).toBeInstanceOf(StorageUnavailableError);
    expect(classifyError(new Error('Client was closed and is not queryable'))).toBeInstanceOf(StorageUnavailableError);
  });

  it('does not read codes that are not SQLSTATEs as SQLSTATE classes', () => {
    const fastify = withCode('FST_ERR_CTP_INVALID_MEDIA_TYPE');
    expect(classifyError(fastify)).toBe(fastify);
    const constraint = withCode('23505', 'duplicate key value violates unique constraint');
    expect(classifyError(constraint)).toBe(constraint);
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
