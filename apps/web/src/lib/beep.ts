let audio: AudioContext | null = null;

/** Browsers allow sound only after a user gesture: call this from a click, then `beep` works. */
export async function enableAudio(): Promise<boolean> {
  audio ??= new AudioContext();
  await audio.resume();
  return audio.state === 'running';
}

/** Three short high tones: hard to miss across a room, no audio file to load. */
export function beep(): void {
  if (audio?.state !== 'running') return;
  const start = audio.currentTime;
  for (let i = 0; i < 3; i += 1) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, start + i * 0.25);
    gain.gain.setValueAtTime(0, start + i * 0.25 + 0.15);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + i * 0.25);
    oscillator.stop(start + i * 0.25 + 0.15);
  }
}
