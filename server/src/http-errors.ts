import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorBody } from '@watchfloor/shared';

const STATUS: Record<DomainError['code'], number> = {
  invalid: 400,
  unknown_command: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** Maps every failure to an ErrorBody that names what is wrong; never leaks internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const body: ErrorBody = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.detail ? { detail: error.detail } : {}) };
      return reply.code(STATUS[error.code]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
      const where = error.validationContext ?? 'body';
      const field = path || where;
      const body: ErrorBody = { code: 'invalid', message: `${where}${path ? '.' + path : ''}: ${first?.message ?? 'invalid'}`, field };
      return reply.code(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ code: 'too_large', message: 'request body is too large' } satisfies ErrorBody);
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ code: 'invalid', message: error.message } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ code: 'internal', message: 'internal error' } satisfies ErrorBody);
  });
}

/** 404 for the API; for a page route, the client's shell (its router takes it from there). */
export function installNotFound(app: FastifyInstance, serveShell: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/socket.io');
    if (serveShell && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } satisfies ErrorBody);
  });
}
