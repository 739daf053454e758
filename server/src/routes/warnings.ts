import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, evaluateReadings, type Role, ingestCap, readingsBatchSchema, warningImpact, type Located } from '@watchfloor/shared';
import { CAP_MAX_BYTES, CapError, parseCap } from '../warnings/cap-parse.js';
import { warningToCap } from '../warnings/cap-export.js';
import { errorBodySchema, idempotencyHeaders, submitFromRequest } from './command-helpers.js';

/** Media types a CAP document may come as. */
const XML_TYPES = ['application/xml', 'text/xml', 'application/cap+xml'];

/**
 * Warnings over REST: CAP in (POST /api/alerts/cap), CAP out (GET /api/alerts/{id}/cap), the
 * impact of a warning's area, and monitoring readings. Registered as its own encapsulated plugin,
 * so the XML body parser and the 2 MB limit apply to the CAP route only.
 */
export async function warningRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: CAP_MAX_BYTES }, (_request, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/alerts/cap',
    {
      // Roles before the body is even parsed: the wall and field devices never import.
      onRequest: app.requireRole(...(ingestCap.roles as Role[])),
      bodyLimit: CAP_MAX_BYTES,
      schema: {
        summary: 'Take in a CAP 1.2 or 1.1 alert (XML, up to 2 MB)',
        description:
          'Idempotent on (sender, identifier, sent). Update and Cancel follow <references>. DOCTYPE/ENTITY are refused. ' +
          'Answers 201 when it changed the warnings, 200 for a repeat or a message that carries no warning.',
        tags: ['warnings'],
        security: [{ bearer: [] }],
        consumes: XML_TYPES,
        headers: idempotencyHeaders,
        response: { 200: z.looseObject({ seq: z.number() }), 201: z.looseObject({ seq: z.number() }), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request, reply) => {
      if (typeof request.body !== 'string') throw new DomainError('invalid', `a CAP document is XML: send it as ${XML_TYPES.join(' or ')}`);
      let alert;
      try {
        alert = parseCap(request.body);
      } catch (error) {
        if (error instanceof CapError) throw new DomainError('invalid', `not a CAP alert: ${error.message}`, error.field);
        throw error;
      }
      const head = app.journal.head;
      const result = await submitFromRequest(request, ingestCap.type, alert);
      return reply.code(result.seq > head ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/alerts/:id/cap',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'A warning as a CAP 1.2 message (GB/T 35965.1 identifier for our own)',
        tags: ['warnings'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const state = app.journal.current;
      const w = state.warnings.byId[request.params.id];
      if (!w) throw new DomainError('not_found', `no warning ${request.params.id}`, 'id');
      return reply.type('application/xml; charset=utf-8').send(warningToCap(w, state.region.county?.code ?? '000000'));
    },
  );

  r.get(
    '/api/alerts/:id/impact',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "Villages, households, people and monitored points inside a warning's area",
        tags: ['warnings'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.string().max(100) }),
      },
    },
    async (request) => {
      const state = app.journal.current;
      const w = state.warnings.byId[request.params.id];
      if (!w) throw new DomainError('not_found', `no warning ${request.params.id}`, 'id');
      const stations: Located[] = Object.values(state.monitoring.stations).map((s) => ({ id: s.id, name: s.name, location: s.location }));
      return warningImpact(w.area, state.region, { stations, ...otherLayers(state as unknown as Record<string, unknown>) });
    },
  );

  r.post(
    '/api/monitoring/readings',
    {
      onRequest: app.requireRole('duty', 'admin'),
      schema: {
        summary: 'A batch of station readings; only alarm level changes are journaled',
        description: 'Readings that change no alarm level write nothing (202, changes 0): a flapping sensor does not flood the journal.',
        tags: ['warnings'],
        security: [{ bearer: [] }],
        headers: idempotencyHeaders,
        body: readingsBatchSchema,
        response: { 201: z.looseObject({ seq: z.number() }), 202: z.object({ readings: z.number(), changes: z.literal(0) }), 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => {
      const state = app.journal.current;
      const unknown = request.body.readings.findIndex((x) => !state.monitoring.stations[x.stationId]);
      if (unknown >= 0) throw new DomainError('invalid', `unknown station ${request.body.readings[unknown]!.stationId}`, `readings.${unknown}.stationId`);
      if (evaluateReadings(state.monitoring, request.body.readings).length === 0) return reply.code(202).send({ readings: request.body.readings.length, changes: 0 });
      return reply.code(201).send(await submitFromRequest(request, 'alarm:evaluate-readings', request.body));
    },
  );
}

/**
 * Hazard points, shelters and teams are other domains' slices; whichever exist in the read model
 * with located items (`id`, `name`, `location` [lon, lat]) are counted too. Read defensively:
 * this file must not break when they change shape.
 */
function otherLayers(state: Record<string, unknown>): Record<string, Located[]> {
  const out: Record<string, Located[]> = {};
  for (const key of ['hazards', 'hazardPoints', 'shelters', 'teams']) {
    const slice = state[key];
    if (!slice || typeof slice !== 'object') continue;
    const items: Located[] = [];
    const visit = (v: unknown) => {
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      const loc = o.location ?? o.position ?? o.center;
      if (typeof o.id === 'string' && Array.isArray(loc) && typeof loc[0] === 'number' && typeof loc[1] === 'number') {
        items.push({ id: o.id, name: typeof o.name === 'string' ? o.name : o.id, location: [loc[0], loc[1]] });
      }
    };
    for (const v of Object.values(slice as Record<string, unknown>)) {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') Object.values(v as Record<string, unknown>).forEach(visit);
    }
    out[key] = items;
  }
  return out;
}
