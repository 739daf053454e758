import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError, importFileErrorSchema, importRejectionSchema } from '@watchfloor/shared';
import { errorBodySchema } from '../routes/command-helpers.js';
import { UnreadableFileError } from './import-file-error.js';

/**
 * For an encapsulated plugin whose routes take an uploaded file itself as the body (imports):
 * any content type arrives as a Buffer, up to `maxBytes`. Other plugins keep their JSON parser.
 */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}

/**
 * Reads an uploaded file's body with `read`; an empty body or an unreadable file is a 400 naming
 * what is wrong, in English (`message`) and as a code with params (`detail`) for the client.
 */
export async function readUploadedFile<T>(body: unknown, read: (file: Buffer) => Promise<T>): Promise<T> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('invalid', 'the request body must be the file', 'body', { code: 'empty-file', params: {} });
  try {
    return await read(body);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new DomainError('invalid', error.message, 'body', { code: error.code, params: error.params });
    throw error;
  }
}

/** An import route's 400: why the file was refused, as `detail` (a file-level code and its params) beside the English `message`. */
export const importErrorBodySchema = errorBodySchema.extend({
  detail: importFileErrorSchema.optional().describe('Why the file was refused, for the client to translate: `code` (one of the listed file-level codes) and its `params`'),
});

/** The rows an import refused: spreadsheet row number, a reason code with its parameters, and the reason in English. */
export const rejectedRowsSchema = z.array(importRejectionSchema);
