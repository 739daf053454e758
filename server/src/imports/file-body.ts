import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError, importRejectionSchema } from '@watchfloor/shared';
import { UnreadableFileError } from './table-file.js';

/**
 * For an encapsulated plugin whose routes take an uploaded file itself as the body (imports):
 * any content type arrives as a Buffer, up to `maxBytes`. Other plugins keep their JSON parser.
 */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}

/** Reads an uploaded file's body with `read`; an empty body or an unreadable file is a 400 naming what is wrong. */
export async function readUploadedFile<T>(body: unknown, read: (file: Buffer) => Promise<T>): Promise<T> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('invalid', 'the request body must be the file', 'body');
  try {
    return await read(body);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new DomainError('invalid', error.message, 'body');
    throw error;
  }
}

/** The rows an import refused: spreadsheet row number, a reason code with its parameters, and the reason in English. */
export const rejectedRowsSchema = z.array(importRejectionSchema);
