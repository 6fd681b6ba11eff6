import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { coresNote, cpuMeter, cpuMillis, cpuMillisOfCommand, machineBusyMillis } from './processes.js';

/** Uses `ms` of this process's CPU (by its own CPU clock, so a busy machine only makes it take longer). */
function burn(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

/** A process named `title` that starts a child of the same name, lets it use ~300 ms of CPU, reaps it and waits. */
const parentScript = (title: string) => `
  process.title = ${JSON.stringify(title)};
  const { spawn } = require('node:child_process');
  const burn = 'process.title = ${JSON.stringify(title)}; const s = process.cpuUsage(); for (;;) { const u = process.cpuUsage(s); if (u.user + u.system >= 300000) break; }';
  spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }).on('exit', () => { console.log('reaped'); setInterval(() => {}, 1000); });
`;

describe('CPU readings from /proc', () => {
  it('counts this process among the processes of its command, and the machine as busy while it works', () => {
    const machine0 = machineBusyMillis();
    const own0 = cpuMillis(process.pid);
    burn(300);
    const own = cpuMillis(process.pid) - own0;
    expect(own).toBeGreaterThanOrEqual(280);
    expect(machineBusyMillis() - machine0).toBeGreaterThanOrEqual(own - 20);
    expect(cpuMillisOfCommand('node')).toBeGreaterThanOrEqual(cpuMillis(process.pid));
  });

  it("keeps an ended child's time in its command's sum: it moves to its parent's children's time", async () => {
    const title = `plancia-cpu-${process.pid % 1000}`;
    const parent = spawn(process.execPath, ['-e', parentScript(title)], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await once(parent.stdout!, 'data');
      expect(cpuMillisOfCommand(title)).toBeGreaterThanOrEqual(280);
    } finally {
      parent.kill();
    }
  });

  it('reads a phase as cores busy and prints them', () => {
    const meter = cpuMeter(process.pid);
    const started = performance.now();
    burn(300);
    const cores = meter.cores(performance.now() - started);
    expect(cores.server).toBeGreaterThan(0);
    expect(cores.machine).toBeGreaterThanOrEqual(cores.server - 0.1);
    expect(coresNote(cores)).toMatch(/^server \d\.\d\d, database -?\d\.\d\d, machine \d\.\d\d of \d+ cores busy$/);
  });
});
