/** The database cannot be reached right now (refused, dropped, shutting down, closed): callers answer 503. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(cause: unknown) {
    super(`Storage unavailable: ${messageOf(cause)}`, { cause });
  }
}

/** A conditional write named a version that is no longer current (HTTP 412). */
export class StaleWriteError extends Error {
  override readonly name = 'StaleWriteError';
  constructor(
    readonly resource: string,
    readonly key: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(`${resource} ${key}: expected version ${expectedVersion}, found ${actualVersion ?? 'none'}`);
  }
}

/** The database refused a value as data (e.g. a NUL character in a string): the sender's fault, not an outage. */
export class RejectedDataError extends Error {
  override readonly name = 'RejectedDataError';
  constructor(cause: unknown) {
    super(`Rejected by the database: ${messageOf(cause)}`, { cause });
  }
}

// Socket errors of node:net and pg's own wording when the server goes away mid-session.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /not queryable/i,
  /query read timeout/i,
  /pglite is closed/i,
  /driver has already been destroyed/i,
  /cannot use a pool after calling end/i,
];
/**
 * SQLSTATE classes that say the database, not the request, is at fault: connection exceptions (08), invalid
 * authorization (28), transaction rollbacks such as deadlocks (40), insufficient resources (53), objects not in a
 * usable state such as a database refusing connections or a lock timeout (55), operator intervention such as a
 * statement timeout or a shutdown (57), system and configuration-file errors (58, F0), internal errors (XX).
 */
const UNAVAILABLE_CLASSES = new Set(['08', '28', '40', '53', '55', '57', '58', 'F0', 'XX']);
// Single conditions of otherwise "our bug" classes: the database does not exist, the role lacks a privilege,
// the server is a read-only standby (e.g. after a failover).
const UNAVAILABLE_SQLSTATES = new Set(['3D000', '42501', '25006']);
const SQLSTATE = /^[0-9A-Z]{5}$/;

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  const code = codeOf(error);
  if (code !== undefined && (UNAVAILABLE_CODES.has(code) || isInfrastructureSqlState(code))) return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(messageOf(error)));
}

function isInfrastructureSqlState(code: string): boolean {
  if (!SQLSTATE.test(code)) return false;
  return UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CLASSES.has(code.slice(0, 2));
}

/** SQLSTATE class 22 ("data exception"): the value, not the database, is at fault. */
export function isDataError(error: unknown): boolean {
  return codeOf(error)?.startsWith('22') ?? false;
}

/** Maps a driver error to the error callers are meant to act on; anything else passes through untouched. */
export function classifyError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError || error instanceof StaleWriteError || error instanceof RejectedDataError) {
    return error;
  }
  if (isUnavailable(error)) return new StorageUnavailableError(error);
  if (isDataError(error)) return new RejectedDataError(error);
  return error;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') return error.errors.map(messageOf).join('; ');
  return error instanceof Error ? error.message : String(error);
}
