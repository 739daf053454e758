import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type CommandResult } from '@watchfloor/shared';

/** `Idempotency-Key`: a client-chosen id; a retry with the same key applies once. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'Idempotency-Key must be 8 to 100 characters of A-Z a-z 0-9 . _ : -')
    .optional(),
});

/** Submits a command on behalf of the authenticated caller of a REST request. */
export function submitFromRequest(request: FastifyRequest, type: string, payload: unknown): Promise<CommandResult> {
  const principal = request.principal;
  if (!principal) throw new DomainError('unauthenticated', 'a valid bearer token is required');
  const key = request.headers['idempotency-key'];
  return request.server.journal.submit({
    type,
    payload,
    actor: { user: principal.user, role: principal.role },
    originIp: request.ip,
    channel: 'rest',
    idempotencyKey: typeof key === 'string' ? key : null,
  });
}

export const errorBodySchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
