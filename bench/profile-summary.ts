/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF or node --cpu-prof): the share of samples spent in each
 * function (self time) and in each package or source folder, so that a profile can be read without a browser.
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile> [top=40]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Where a frame's code lives: a package under node_modules, a folder of ours, node's own, or V8's (GC, idle). */
function placeOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'anonymous'})`;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const ours = /\/(apps|packages)\/([^/]+)\/src\/([^/]+)/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}/${ours[3]}` : url;
}

function nameOf(frame: ProfileNode['callFrame']): string {
  const file = frame.url.split('/').slice(-2).join('/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function add(into: Map<string, number>, key: string, micros: number): void {
  into.set(key, (into.get(key) ?? 0) + micros);
}

interface Shares { byFunction: Map<string, number>; byPlace: Map<string, number>; inclusive: Map<string, number>; total: number }

function shares(profile: Profile): Shares {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const result: Shares = { byFunction: new Map(), byPlace: new Map(), inclusive: new Map(), total: 0 };
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    result.total += micros;
    add(result.byFunction, nameOf(frame), micros);
    add(result.byPlace, placeOf(frame.url, frame.functionName), micros);
    // Inclusive: once per function on the sample's stack, however deep it recurses.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) onStack.add(nameOf(nodes.get(at)!.callFrame));
    for (const name of onStack) add(result.inclusive, name, micros);
  });
  return result;
}

function print(title: string, rows: Map<string, number>, total: number, top: number): void {
  console.log(`\n${title}`);
  for (const [name, micros] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 40);
const { byFunction, byPlace, inclusive, total } = shares(JSON.parse(readFileSync(file, 'utf8')) as Profile);
console.log(`${(total / 1e6).toFixed(1)} s sampled`);
print('self time by package or folder', byPlace, total, top);
print('self time by function', byFunction, total, top);
print('inclusive time by function (itself and what it calls)', inclusive, total, top);
