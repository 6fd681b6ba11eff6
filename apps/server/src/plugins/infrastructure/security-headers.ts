import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers on every answer (helmet). The Content-Security-Policy allows scripts only from files of this
 * origin, so an injected inline script does not run; the built board has none. Frames of the board are allowed from
 * PLANCIA_FRAME_ANCESTORS only. No upgrade-insecure-requests and no HSTS: a board on a plain-HTTP LAN address must
 * keep loading its own files, and TLS is the business of the proxy that terminates it.
 *
 * helmet's middleware is built once here: @fastify/helmet builds it again on every request (parsing the policy's
 * directives each time), which cost ingest ~25 µs of CPU per request, the header values being the same every time.
 */
export default fp(
  async (fastify) => {
    const frameAncestors = fastify.config.frameAncestors;
    const setHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          // React sets style properties through the DOM, which CSP does not govern; stylesheets are files.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors,
        },
      },
      strictTransportSecurity: false,
      // frame-ancestors decides; X-Frame-Options can only say SAMEORIGIN, which would contradict a wider list.
      xFrameOptions: frameAncestors.length === 1 && frameAncestors[0] === "'self'" ? { action: 'sameorigin' } : false,
      referrerPolicy: { policy: 'no-referrer' },
    });
    fastify.addHook('onRequest', (request, reply, done) => {
      // helmet 8 throws a bad option at build time rather than passing an error here: the headers are set synchronously.
      setHeaders(request.raw, reply.raw, () => done());
    });
  },
  { name: 'security-headers', dependencies: ['config'] },
);
