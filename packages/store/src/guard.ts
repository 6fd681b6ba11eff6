import { classifyError } from './errors.js';

/**
 * Wraps every method of a repository so driver failures reach callers as the store's own errors
 * (StorageUnavailableError, RejectedDataError) whichever backend raised them. Synchronous methods pass through.
 */
export function guarded<T extends object>(repository: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const name of methodNames(repository)) {
    const method = (repository as Record<string, (...args: unknown[]) => unknown>)[name]!;
    wrapped[name] = (...args: unknown[]) => {
      const result = method.apply(repository, args);
      return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(classifyError(error))) : result;
    };
  }
  return wrapped as T;
}

function methodNames(object: object): string[] {
  const prototype = Object.getPrototypeOf(object) as object;
  return Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof (object as Record<string, unknown>)[name] === 'function',
  );
}
