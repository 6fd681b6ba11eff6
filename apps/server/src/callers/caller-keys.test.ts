import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CallerKeyRecord } from '@plancia/store';
import { GENERATED_KEY_ID, resolveCallerKeys } from './caller-keys.js';

function memoryKeys(initial: CallerKeyRecord[] = []) {
  const keys = [...initial];
  return {
    keys,
    listKeys: async () => [...keys].reverse(),
    addKey: async (key: CallerKeyRecord) => {
      if (!keys.some((k) => k.id === key.id)) keys.push(key);
    },
  };
}

describe('resolveCallerKeys', () => {
  it('generates a 256-bit key once and keeps using it', async () => {
    const store = memoryKeys();
    const first = await resolveCallerKeys([], store);
    const second = await resolveCallerKeys([], store);
    expect(first.origin).toBe('database');
    expect(first.keys.map((k) => k.id)).toEqual([GENERATED_KEY_ID]);
    expect(first.keys[0]!.secret).toHaveLength(32);
    expect(second.keys[0]!.secret.equals(first.keys[0]!.secret)).toBe(true);
    expect(store.keys).toHaveLength(1);
  });

  it('puts configured keys first and still recognises the stored one after them, storing nothing', async () => {
    const stored = { id: GENERATED_KEY_ID, secret: randomBytes(32).toString('base64') };
    const store = memoryKeys([stored]);
    const k2 = { id: 'k2', secret: randomBytes(32) };
    const resolved = await resolveCallerKeys([k2], store);
    expect(resolved.origin).toBe('environment');
    expect(resolved.keys.map((k) => k.id)).toEqual(['k2', GENERATED_KEY_ID]);
    expect(resolved.keys[1]!.secret.toString('base64')).toBe(stored.secret);
    expect((await resolveCallerKeys([k2], memoryKeys())).keys.map((k) => k.id)).toEqual(['k2']);
  });
});
