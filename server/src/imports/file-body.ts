import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * For an encapsulated plugin whose routes take an uploaded file itself as the body (imports):
 * any content type arrives as a Buffer, up to `maxBytes`. Other plugins keep their JSON parser.
 */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}

/** The rows an import refused: spreadsheet row number and the reason. */
export const rejectedRowsSchema = z.array(z.object({ row: z.number(), reason: z.string() }));
