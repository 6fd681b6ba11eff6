import { useEffect, useState } from 'react';

/**
 * Which page a rotating display shows: advances every `seconds`, by hand with the arrow keys, pauses on space.
 * The number of pages changes as queues, agents and alerts come and go, so the index wraps onto what exists now.
 */
export function useRotation(pageCount: number, seconds: number) {
  const [step, setStep] = useState(0);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setStep((p) => p + 1), seconds * 1000);
    return () => clearInterval(timer);
  }, [paused, seconds]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') setStep((p) => p + 1);
      else if (event.key === 'ArrowLeft') setStep((p) => p - 1);
      else if (event.key === ' ') setPaused((p) => !p);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const count = Math.max(1, pageCount);
  return { page: ((step % count) + count) % count, paused, setPaused };
}
