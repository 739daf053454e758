import type { Ack, CommandResult, ErrorBody, SocketCommand } from '@watchfloor/shared';

/** Thrown by a transport whose link was closed for good (logout, face left): stop retrying. */
export class LinkClosedError extends Error {
  constructor() {
    super('connection closed');
    this.name = 'LinkClosedError';
  }
}

/** The socket as the retry loop needs it; a fake in tests. */
export interface CommandTransport {
  /** Resolves when the link is up (at once if it is); rejects with LinkClosedError when it is closed. */
  ready(): Promise<void>;
  /** Sends once. Resolves with the ack; rejects on timeout or when the link drops before the ack. */
  send(command: SocketCommand, timeoutMs: number): Promise<Ack<CommandResult>>;
}

export interface RetryOptions {
  /** How long to wait for one ack before sending again, in ms. */
  ackTimeoutMs: number;
  /** Pause before attempt `n` (n ≥ 2), in ms. */
  backoffMs: (attempt: number) => number;
  sleep: (ms: number) => Promise<void>;
  /** Told before each retry, so a form can say it is still trying. */
  onRetry?: (attempt: number) => void;
}

/** 1 s, 2 s, 4 s … capped at 15 s. */
export const defaultBackoffMs = (attempt: number): number => Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 2));

/** Errors the server gives while it cannot take the command right now; the same id may be sent again. */
const RETRYABLE_CODES: ReadonlySet<ErrorBody['code']> = new Set(['unavailable']);

/**
 * Sends a command until the server acknowledges it. Every attempt carries the same `id`, so the
 * server applies it once however many copies arrive. A refusal (`ok: false`) is an answer and is
 * returned, except the codes that mean "not now". Only a closed link ends the loop without an
 * answer from the server; that comes back as an `unavailable` error.
 */
export async function sendUntilAcked(
  transport: CommandTransport,
  command: SocketCommand & { id: string },
  options: RetryOptions,
): Promise<Ack<CommandResult>> {
  for (let attempt = 1; ; attempt += 1) {
    if (attempt > 1) {
      options.onRetry?.(attempt);
      await options.sleep(options.backoffMs(attempt));
    }
    try {
      await transport.ready();
      const ack = await transport.send(command, options.ackTimeoutMs);
      if (ack.ok || !RETRYABLE_CODES.has(ack.error.code)) return ack;
    } catch (error) {
      if (error instanceof LinkClosedError) {
        return { ok: false, error: { code: 'unavailable', message: error.message } };
      }
      // Timeout or dropped link: the server may or may not have it; the same id makes resending safe.
    }
  }
}
