/** Connect's payloads mix key case (`agentInfo`/`AgentInfo`, `agentArn`/`AgentArn`): look keys up without case. */
export type Json = Readonly<Record<string, unknown>>;

export function field(object: unknown, name: string): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  const record = object as Json;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

export function text(object: unknown, ...path: string[]): string | undefined {
  const value = path.reduce<unknown>((at, name) => field(at, name), object);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function list(object: unknown, name: string): unknown[] {
  const value = field(object, name);
  return Array.isArray(value) ? value : [];
}

/** The resource id at the end of an ARN (`…/queue/<id>`, `…/agent/<id>`); the ARN itself when it has no such part. */
export function arnId(arn: string, kind: 'queue' | 'agent'): string {
  const marker = `/${kind}/`;
  const at = arn.lastIndexOf(marker);
  return at < 0 ? arn : arn.slice(at + marker.length);
}

export function msOf(timestamp: string | undefined): number | undefined {
  if (timestamp === undefined) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}
