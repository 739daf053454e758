/**
 * A refusal the domain gives on purpose (bad state, not allowed, not found).
 * `code` is stable for machines; `message` is for people; `field` names the input at fault.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    /** A machine-readable reason with its parameters, for the client to word (see ErrorBody.detail). */
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'invalid'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'unknown_command';

/** The error half of every acknowledgement and every 4xx body. */
export interface ErrorBody {
  code: DomainErrorCode | 'internal' | 'too_large' | 'unavailable';
  message: string;
  /** Dotted path of the offending input field, when one is to blame. */
  field?: string;
  /** Why, as a code and params the client translates (e.g. an import's file-level refusal); `message` says it in English. */
  detail?: ErrorDetail;
}

/** A translatable reason: a stable code and the values its message interpolates. */
export interface ErrorDetail {
  code: string;
  params: Record<string, string | number>;
}
