import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, REPORT_KINDS, REPORT_STATUSES, chainOf, draftFromRecord, missingElements, recordIncident, recordIncidentSchema, reportSummary, type Incident, type Report, type WatchState } from '@watchfloor/shared';
import { reportDocumentHtml, reportTitle, type DocumentVersion } from '../incidents/report-document.js';
import { errorBodySchema, idempotencyHeaders, submitFromRequest } from './command-helpers.js';

const sec = [{ bearer: [] }];
const reportLine = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  number: z.number(),
  status: z.enum(REPORT_STATUSES),
  version: z.number(),
  dueAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});
const incidentLine = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  level: z.number(),
  place: z.string(),
  location: z.tuple([z.number(), z.number()]).nullable(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  source: z.string(),
  status: z.enum(['open', 'closed']),
  phoneDueAt: z.string().nullable(),
  phonedAt: z.string().nullable(),
  reports: z.array(reportLine),
});
const params = z.object({ id: z.string().min(1).max(100) });
const reportParams = params.extend({ reportId: z.string().min(1).max(100) });

function incidentOf(state: WatchState, id: string): Incident {
  const i = state.incidents.byId[id];
  if (!i) throw new DomainError('not_found', `no incident ${id}`, 'id');
  return i;
}
function reportOf(state: WatchState, incident: Incident, reportId: string): Report {
  const r = state.incidents.reports[reportId];
  if (!r || r.incidentId !== incident.id) throw new DomainError('not_found', `no report ${reportId} in incident ${incident.id}`, 'reportId');
  return r;
}

/**
 * Incidents and their report chains (信息报送) over REST. Changes to reports are commands
 * (`report:*`, `incident:*`) through /api/commands/{type}; these routes read, record and
 * render what was sent.
 */
export async function incidentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/incidents',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Incidents (open first, newest first) with their report chain: kind, number, status, dueAt, sentAt',
        tags: ['incidents'],
        security: sec,
        querystring: z.object({ status: z.enum(['open', 'closed', 'all']).default('all') }),
        response: { 200: z.array(incidentLine), 401: errorBodySchema },
      },
    },
    async (request) => {
      const s = app.journal.current.incidents;
      return Object.values(s.byId)
        .filter((i) => request.query.status === 'all' || i.status === request.query.status)
        .sort((a, b) => (a.status === b.status ? Date.parse(b.receivedAt) - Date.parse(a.receivedAt) : a.status === 'open' ? -1 : 1))
        .map((i) => ({
          id: i.id, title: i.title, type: i.type, level: i.level, place: i.place, location: i.location, occurredAt: i.occurredAt, receivedAt: i.receivedAt,
          source: i.source, status: i.status, phoneDueAt: i.phoneDueAt, phonedAt: i.phonedAt, reports: chainOf(s, i).map(reportSummary),
        }));
    },
  );

  r.post(
    '/api/incidents',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Record an incident; its initial report opens with the statutory clocks running',
        tags: ['incidents'],
        security: sec,
        headers: idempotencyHeaders,
        body: recordIncidentSchema,
        response: { 201: z.object({ id: z.string(), reportId: z.string(), seq: z.number() }), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => {
      const result = await submitFromRequest(request, recordIncident.type, request.body);
      return reply.code(201).send({ id: String(result.id), reportId: String(result.reportId), seq: result.seq });
    },
  );

  r.get(
    '/api/incidents/:id',
    {
      onRequest: app.authenticate,
      schema: { summary: 'One incident with its full chain, each report with its missing elements, and the next follow-up drafted from the record', tags: ['incidents'], security: sec, params },
    },
    async (request) => {
      const state = app.journal.current;
      const i = incidentOf(state, request.params.id);
      return {
        incident: i,
        reports: chainOf(state.incidents, i).map((rep) => ({ ...rep, missing: missingElements(rep) })),
        draft: i.status === 'open' ? draftFromRecord(state, i) : null,
      };
    },
  );

  r.get(
    '/api/incidents/:id/reports/:reportId',
    {
      onRequest: app.authenticate,
      schema: { summary: 'One report as structured JSON (the machine-readable twin of the printed form), with its history', tags: ['incidents'], security: sec, params: reportParams },
    },
    async (request) => {
      const state = app.journal.current;
      const i = incidentOf(state, request.params.id);
      const rep = reportOf(state, i, request.params.reportId);
      return { incident: { id: i.id, title: i.title, type: i.type, level: i.level, place: i.place, location: i.location }, title: reportTitle(rep.kind, rep.number), report: rep, missing: missingElements(rep) };
    },
  );

  r.get(
    '/api/incidents/:id/reports/:reportId/document',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'The print-ready form (HTML, A4) of a sent report; `version` picks an earlier sent version',
        tags: ['incidents'],
        security: sec,
        params: reportParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).max(1000).optional() }),
      },
    },
    async (request, reply) => {
      const state = app.journal.current;
      const i = incidentOf(state, request.params.id);
      const rep = reportOf(state, i, request.params.reportId);
      const wanted = request.query.version ?? (rep.status === 'sent' ? rep.version : rep.history.at(-1)?.version);
      let v: DocumentVersion | undefined;
      if (wanted === rep.version && rep.status === 'sent' && rep.sentAt && rep.sentBy) v = { version: rep.version, elements: rep.elements, approvedBy: rep.approvedBy, sentAt: rep.sentAt, sentBy: rep.sentBy, correctionReason: rep.correctionReason };
      else v = rep.history.find((h) => h.version === wanted);
      if (!v) throw new DomainError('conflict', 'only a sent version has a document', request.query.version ? 'version' : 'reportId');
      const bureau = `${state.region.county?.name ?? ''}应急管理局`;
      return reply.type('text/html; charset=utf-8').send(reportDocumentHtml(bureau, i, rep, v));
    },
  );
}
