import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request, when it completes, instead of fastify's two ("incoming request", "request completed"):
 * producers post every second or so, and two info lines each drowned everything else in the log. A routine answer
 * (below 400) is logged at debug, a refusal at info, a server error at error; errors the handler raised keep
 * fastify's own error lines.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (reply.statusCode >= 500) reply.log.error(line, 'request completed');
    else if (reply.statusCode >= 400) reply.log.info(line, 'request completed');
    else reply.log.debug(line, 'request completed');
  }
}
