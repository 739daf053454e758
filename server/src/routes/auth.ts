import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, loginSchema, roleSchema } from '@watchfloor/shared';
import { errorBodySchema } from './command-helpers.js';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Log in; returns a bearer token (the wall account\'s never expires)',
        tags: ['auth'],
        body: loginSchema,
        response: {
          200: z.object({ token: z.string(), role: roleSchema, user: z.string(), displayName: z.string(), expiresAt: z.string().nullable() }),
          401: errorBodySchema,
        },
      },
    },
    async (request) => {
      const session = await app.auth.login(request.body.username, request.body.password);
      if (!session) throw new DomainError('unauthenticated', 'wrong username or password');
      const { principal } = session;
      return {
        token: session.token,
        role: principal.role,
        user: principal.user,
        displayName: principal.displayName,
        expiresAt: principal.exp ? new Date(principal.exp * 1000).toISOString() : null,
      };
    },
  );
  r.get(
    '/api/auth/me',
    { onRequest: app.authenticate, schema: { summary: 'Who the token belongs to', tags: ['auth'], security: [{ bearer: [] }] } },
    async (request) => request.principal,
  );
}
