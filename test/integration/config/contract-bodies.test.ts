import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@plancia/contracts';
import { backends, useServer } from '../helpers/plancia-server.js';
import { calendar, call, rule } from './fixtures.js';

interface Schema { properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[] }
interface Operation { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const body = (operation: Operation | undefined) => operation?.requestBody?.content['application/json']?.schema;
const answer = (operation: Operation | undefined) => operation?.responses['200']?.content?.['application/json']?.schema;

describe.each(backends)('the configuration API speaks the contract, on $name', (backend) => {
  const server = useServer({}, backend);

  it('documents its bodies and answers with the contract schemas: a PUT of one entry takes a partial entity', async () => {
    const { paths } = (await call(server(), { method: 'GET', url: '/api/v1/openapi.json' })).body as OpenApi;
    const queuePut = body(paths['/api/v1/queues/{id}']?.put);
    expect(queuePut?.required ?? []).toEqual([]);
    expect(Object.keys(queuePut?.properties?.serviceLevel?.properties ?? {})).toContain('thresholdSeconds');
    expect(queuePut?.properties?.serviceLevel?.required ?? []).toEqual([]);
    expect(Object.keys(body(paths['/api/v1/calendars/{id}']?.put)?.properties ?? {})).toContain('weekly');
    expect(body(paths['/api/v1/config']?.put)?.required).toEqual(expect.arrayContaining(['queues', 'calendars', 'alertRules', 'agents']));
    expect(Object.keys(body(paths['/api/v1/alert-rules/preview']?.post)?.properties ?? {})).toContain('metric');
    expect(Object.keys(answer(paths['/api/v1/queues']?.get)?.items?.properties ?? {})).toEqual(['config', 'version', 'configured']);
    expect(Object.keys(answer(paths['/api/v1/config']?.put)?.properties ?? {})).toContain('settingsChanged');
    expect(Object.keys(answer(paths['/api/v1/audit']?.get)?.items?.properties ?? {})).toContain('actor');
  });

  it('lays a partial body over the stored entry without filling in defaults, and names what the contract refuses', async () => {
    expect((await call(server(), { method: 'PUT', url: '/api/v1/queues/slow', body: { name: 'Slow', rollingMinutes: 60, teamId: 'north' } })).status).toBe(200);
    const renamed = await call(server(), { method: 'PUT', url: '/api/v1/queues/slow', body: { name: 'Slower', teamId: null } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Slower', rollingMinutes: 60 });
    expect(renamed.body.teamId).toBeUndefined();
    for (const [bad, path] of [
      [{ serviceLevel: { thresholdSeconds: '30' } }, '/serviceLevel/thresholdSeconds'],
      [{ name: null }, '/name'],
      [{ colour: 'red' }, '/colour'],
    ] as const) {
      const refused = await call(server(), { method: 'PUT', url: '/api/v1/queues/slow', body: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('invalid_config');
      expect(refused.body.details).toContainEqual(expect.objectContaining({ path }));
    }
    expect((await call(server(), { method: 'GET', url: '/api/v1/queues/slow' })).body).toEqual(renamed.body);
  });

  it('previews a rule on the configuration the engine runs, leaving out what the engine refuses', async () => {
    // Stored behind the API's back, as a document saved before validation got stricter would be.
    await server().app.store.config.replaceAll({
      settings: { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' }, queues: [], alertRules: [], agents: [],
      calendars: [{ ...calendar, id: 'bad', timeZone: 'Not/AZone' }],
    });
    const preview = await call(server(), { method: 'POST', url: '/api/v1/alert-rules/preview', body: rule });
    expect(preview.status).toBe(200);
    expect(preview.body.transitions).toEqual(expect.any(Array));
  });
});
