import fp from 'fastify-plugin';

export interface SourceHealth {
  healthy: boolean;
  detail?: string;
  /** ISO time of the report. */
  at: string;
  /** Stream sources (a PBX link): whether the link is up now. */
  connected?: boolean;
  /** ISO time of the last event the source sent, once it has sent one. */
  lastEventAt?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adapters (one per event source) report here; /readyz lists them (without failing on them). */
    sourceHealth: Map<string, SourceHealth>;
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('sourceHealth', new Map<string, SourceHealth>());
  },
  { name: 'source-health' },
);
