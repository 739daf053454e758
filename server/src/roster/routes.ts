import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importRoster, ROSTER_MAX_SHIFTS, rosterRefusals, type ImportRejection, type RosterShift } from '@watchfloor/shared';
import { submitFromRequest } from '../routes/command-helpers.js';
import { readTable, TABLE_FORMATS } from '../imports/table-file.js';
import { ROSTER_COLUMNS, ROSTER_REQUIRED, shiftFromRow } from './roster-file.js';
import { acceptFileBodies, importErrorBodySchema, readUploadedFile, rejectedRowsSchema } from '../imports/file-body.js';

/** Largest roster file, in bytes: a month is a few KB; an XLSX with styling a few hundred KB. */
export const ROSTER_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Roster import (排班表导入) over REST: the file is read into rows, each row checked, then the
 * roster as a whole (overlaps); any rejected row refuses the whole file (422, nothing written).
 * Swaps and substitutes are commands (`shift:swap`, `shift:substitute`) through /api/commands.
 */
export async function rosterRoutes(app: FastifyInstance): Promise<void> {
  // Encapsulated: this plugin's one route takes the file itself as the body, up to its own limit.
  acceptFileBodies(app, ROSTER_MAX_BYTES);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/roster/import',
    {
      onRequest: app.requireRole('duty', 'commander', 'admin'),
      bodyLimit: ROSTER_MAX_BYTES,
      schema: {
        summary: 'Import a duty roster (CSV UTF-8/GBK or XLSX): every shift or none',
        description:
          'Body: the file itself. Columns: 日期 date, 开始时间 start, 结束时间 end (CST; an end at or before the start is the next day; or whole date-times in start/end), 带班领导 leader, 值班员1/值班员2 officer1/officer2 (or 值班员 with both names). 422 lists every rejected row with a reason `code` and its `params` (for the UI to translate) and the `reason` in English. A file refused whole (empty, unreadable, too many rows, an XLSX that unpacks too large: a zip bomb) answers 400 with `detail`: a file-level `code` and its `params`.',
        tags: ['shifts'],
        security: [{ bearer: [] }],
        querystring: z.object({ format: z.enum(TABLE_FORMATS) }),
        response: { 201: z.object({ imported: z.number(), rejected: rejectedRowsSchema }), 400: importErrorBodySchema, 422: z.object({ imported: z.literal(0), rejected: rejectedRowsSchema }) },
      },
    },
    async (request, reply) => {
      const rows = await readUploadedFile(request.body, (body) => readTable(request.query.format, body, ROSTER_COLUMNS, ROSTER_REQUIRED, ROSTER_MAX_SHIFTS));
      const rejected: ImportRejection[] = [];
      const good: Array<{ row: number; shift: RosterShift }> = [];
      for (const { row, values } of rows) {
        const r = shiftFromRow(values);
        if ('reason' in r) rejected.push({ row, ...r });
        else good.push({ row, shift: r.shift });
      }
      for (const x of rosterRefusals(app.journal.current.shifts.shifts, good.map((g) => g.shift))) rejected.push({ row: good[x.index]!.row, code: x.code, params: x.params, reason: x.reason });
      if (rejected.length > 0) return reply.code(422).send({ imported: 0, rejected: rejected.sort((a, b) => a.row - b.row) });
      const result = await submitFromRequest(request, importRoster.type, { shifts: good.map((g) => g.shift) });
      return reply.code(201).send({ imported: Number(result.imported), rejected: [] });
    },
  );
}
