import { describe, expect, it } from 'vitest';
import type { Ack, CommandResult, SocketCommand } from '@watchfloor/shared';
import { defaultBackoffMs, LinkClosedError, sendUntilAcked, type CommandTransport, type RetryOptions } from './command-retry';

type Step = Ack<CommandResult> | 'timeout' | 'closed';

/** A transport that answers each send with the next scripted step and records what was sent. */
function scripted(steps: Step[]) {
  const sent: SocketCommand[] = [];
  let closed = false;
  const transport: CommandTransport = {
    ready: async () => {
      if (closed) throw new LinkClosedError();
    },
    send: async (command) => {
      sent.push(command);
      const step = steps.shift() ?? 'timeout';
      if (step === 'timeout') throw new Error('operation has timed out');
      if (step === 'closed') {
        closed = true;
        throw new Error('disconnected');
      }
      return step;
    },
  };
  return { transport, sent };
}

const sleeps: number[] = [];
const options: RetryOptions = {
  ackTimeoutMs: 10,
  backoffMs: defaultBackoffMs,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
};
const command = { id: 'cmd-0001-same', type: 'duty-log:record', payload: { content: 'x' } };
const ok: Ack<CommandResult> = { ok: true, data: { id: 'log-1', seq: 7 } };

describe('sendUntilAcked', () => {
  it('resends with the same id after timeouts until acked', async () => {
    sleeps.length = 0;
    const { transport, sent } = scripted(['timeout', 'timeout', ok]);
    await expect(sendUntilAcked(transport, command, options)).resolves.toEqual(ok);
    expect(sent.map((c) => c.id)).toEqual(['cmd-0001-same', 'cmd-0001-same', 'cmd-0001-same']);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('returns a refusal as the answer without retrying', async () => {
    const refusal: Ack<CommandResult> = { ok: false, error: { code: 'invalid', message: 'content is empty', field: 'content' } };
    const { transport, sent } = scripted([refusal, ok]);
    await expect(sendUntilAcked(transport, command, options)).resolves.toEqual(refusal);
    expect(sent).toHaveLength(1);
  });

  it('retries a server that is unavailable for now', async () => {
    const busy: Ack<CommandResult> = { ok: false, error: { code: 'unavailable', message: 'store busy' } };
    const { transport, sent } = scripted([busy, ok]);
    await expect(sendUntilAcked(transport, command, options)).resolves.toEqual(ok);
    expect(sent).toHaveLength(2);
  });

  it('gives up only when the link is closed for good', async () => {
    const { transport, sent } = scripted(['closed']);
    const ack = await sendUntilAcked(transport, command, options);
    expect(ack).toEqual({ ok: false, error: { code: 'unavailable', message: 'connection closed' } });
    expect(sent).toHaveLength(1);
  });

  it('backs off exponentially up to 15 s', () => {
    expect([2, 3, 4, 5, 6, 7, 20].map(defaultBackoffMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});
