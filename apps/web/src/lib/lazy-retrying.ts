import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 15_000;

/**
 * Loads code the first paint does not wait for, and keeps trying while the network is down: a failed import under
 * plain `lazy` would throw into the render and take the whole board off the screen, and a TV on flaky Wi-Fi must
 * keep showing its figures (and say they are stale) instead. Until it loads, the Suspense fallback stands in.
 */
export function lazyRetrying<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await retrying(load) }));
}

/** `load()` until it succeeds, waiting longer between tries (1 s, doubling, at most 15 s), sooner once back online. */
export async function retrying<T>(load: () => Promise<T>, wait: (ms: number) => Promise<void> = waitOrOnline): Promise<T> {
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, LONGEST_RETRY_MS)) {
    try {
      return await load();
    } catch {
      await wait(delay);
    }
  }
}

function waitOrOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}
