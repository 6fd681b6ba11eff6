import type { FastifyInstance } from 'fastify';
import { TwilioTaskRouterMapper, verifyTwilioSignature, type FormParams } from '@plancia/adapters';
import { deliver, deliveryResponses, header, hmac, refuseSignature, sha256 } from './delivery.js';
import { RecentTokens } from './recent-tokens.js';

const PATH = '/api/v1/adapters/twilio/taskrouter';

/** Form fields as Twilio signs them: a repeated name keeps all its values. */
function formParams(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const previous = params[name];
    params[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return params;
}

/**
 * TaskRouter event callbacks. The signature covers the public URL Twilio called, so it is rebuilt from
 * PLANCIA_PUBLIC_URL (or, without it, from the request's own scheme and host). A retried delivery carries the same
 * I-Twilio-Idempotency-Token and is answered without running again; its events' ids (EventSid) dedupe anyway.
 */
export function twilioRoute(fastify: FastifyInstance, authToken: string) {
  const { publicUrl, twilioActivities } = fastify.config.adapters;
  if (!publicUrl) fastify.log.warn('PLANCIA_PUBLIC_URL is not set: Twilio signatures are checked against the Host header Twilio used');
  const telemetry = fastify.adapterTelemetry('twilio:taskrouter', 'webhook');
  const mappers = new Map<string, TwilioTaskRouterMapper>();
  const mapperFor = (workspace: string) => {
    let mapper = mappers.get(workspace);
    if (!mapper) mappers.set(workspace, (mapper = new TwilioTaskRouterMapper({ source: `twilio:${workspace}`, activities: twilioActivities })));
    return mapper;
  };
  const delivered = new RecentTokens(10_000);

  fastify.post(PATH, {
    schema: { summary: 'Twilio TaskRouter event callback', description: 'Form-encoded (or JSON with bodySHA256), signed with X-Twilio-Signature.', response: deliveryResponses },
  }, async (request, reply) => {
    const raw = request.body as string;
    const isJson = (request.headers['content-type'] ?? '').startsWith('application/json');
    const params: FormParams = isJson ? {} : formParams(raw);
    const url = `${publicUrl ?? `${request.protocol}://${request.headers.host}`}${request.url}`;
    const check = verifyTwilioSignature({ url, signature: header(request, 'x-twilio-signature'), ...(isJson ? { body: raw } : { params }) }, authToken, { hmac, sha256 });
    if (!check.ok) return refuseSignature(reply, telemetry, `X-Twilio-Signature ${check.reason}`);
    const token = header(request, 'i-twilio-idempotency-token');
    if (token !== undefined && delivered.has(token)) return reply.code(200).send({ accepted: 0, duplicates: 0 });
    const answer = await deliver(fastify, reply, telemetry, () => {
      const fields = isJson ? (JSON.parse(raw) as FormParams) : params;
      const workspace = typeof fields.WorkspaceSid === 'string' ? fields.WorkspaceSid : 'workspace';
      return mapperFor(workspace).map(fields, Date.now());
    });
    if (token !== undefined && reply.statusCode === 200) delivered.add(token);
    return answer;
  });
}
