import type { ImportFileErrorCode, RejectionParams } from '@watchfloor/shared';

/**
 * A file the importer cannot or will not read at all (not a row's fault): refused whole with a
 * 400 whose `detail` carries the code and params the client translates; the message is English.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    readonly params: RejectionParams,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
