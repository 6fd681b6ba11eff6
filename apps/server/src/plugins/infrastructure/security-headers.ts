import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * Security headers on every answer (@fastify/helmet). The Content-Security-Policy allows scripts only from files of
 * this origin, so an injected inline script does not run; the built board has none. Frames of the board are allowed
 * from PLANCIA_FRAME_ANCESTORS only. No upgrade-insecure-requests and no HSTS: a board on a plain-HTTP LAN address
 * must keep loading its own files, and TLS is the business of the proxy that terminates it.
 */
export default fp(
  async (fastify) => {
    const frameAncestors = fastify.config.frameAncestors;
    await fastify.register(helmet, {
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
      hsts: false,
      // frame-ancestors decides; X-Frame-Options can only say SAMEORIGIN, which would contradict a wider list.
      xFrameOptions: frameAncestors.length === 1 && frameAncestors[0] === "'self'" ? { action: 'sameorigin' } : false,
      referrerPolicy: { policy: 'no-referrer' },
    });
  },
  { name: 'security-headers', dependencies: ['config'] },
);
