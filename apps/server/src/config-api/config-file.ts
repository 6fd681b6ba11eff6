import { readFile } from 'node:fs/promises';

/** Reads a PLANCIA_CONFIG file: JSON only (a configuration document as `GET /api/v1/config` exports it). */
export async function readConfigFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`PLANCIA_CONFIG ${path} is not valid JSON`, { cause: error });
  }
}
