import { useEffect, useState } from 'react';

/** Which page a rotating display shows: advances every `seconds`, by hand with the arrow keys, pauses on space. */
export function useRotation(pageCount: number, seconds: number) {
  const [page, setPage] = useState(0);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pageCount), seconds * 1000);
    return () => clearInterval(timer);
  }, [paused, pageCount, seconds]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') setPage((p) => (p + 1) % pageCount);
      else if (event.key === 'ArrowLeft') setPage((p) => (p + pageCount - 1) % pageCount);
      else if (event.key === ' ') setPaused((p) => !p);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pageCount]);
  return { page, paused, setPaused };
}
