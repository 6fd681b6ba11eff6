/** Prints a suite's steps with the seconds since it began, so a long run shows where its time goes. */
export function progress(suite: string): (step: string) => void {
  const started = performance.now();
  return (step) => console.log(`  ${suite} +${((performance.now() - started) / 1000).toFixed(1)} s: ${step}`);
}
