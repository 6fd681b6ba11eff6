import type { AlertRule, BusinessCalendar } from '@plancia/contracts';
import type { TestServer } from '../helpers/plancia-server.js';

export const calendar: BusinessCalendar = {
  id: 'milano', name: 'Milano', timeZone: 'Europe/Rome',
  weekly: {
    mon: [{ start: '08:00', end: '20:00' }], tue: [{ start: '08:00', end: '20:00' }], wed: [{ start: '08:00', end: '20:00' }],
    thu: [{ start: '08:00', end: '20:00' }], fri: [{ start: '08:00', end: '20:00' }], sat: [], sun: [],
  },
  italianHolidays: true, patronSaintDay: '12-07', closures: ['2026-08-14'],
};

export const rule: AlertRule = {
  id: 'sales-sl', name: 'Sales service level', metric: 'serviceLevel', scope: { kind: 'queue', id: 'sales' },
  window: 'rolling', comparison: 'lt', threshold: 0.7, forSeconds: 0, severity: 'warning', enabled: true,
};

export interface Call {
  method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

/** One request through fastify's injector (loopback unless remoteAddress says otherwise). */
export async function call(server: TestServer, { method, url, body, headers = {}, remoteAddress = '127.0.0.1' }: Call) {
  const response = await server.app.inject({
    method, url, headers, remoteAddress, ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: response.statusCode, headers: response.headers, body: response.body ? response.json() : undefined };
}
