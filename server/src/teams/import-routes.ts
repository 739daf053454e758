import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importTeams, TEAM_IMPORT_MAX_ROWS, teamImportRefusals, type ImportRejection, type RegisterTeam } from '@watchfloor/shared';
import { IMPORT_CRS } from '../imports/coordinates.js';
import { readTable, TABLE_FORMATS } from '../imports/table-file.js';
import { submitFromRequest } from '../routes/command-helpers.js';
import { TEAM_COLUMNS, TEAM_REQUIRED, teamFromRow } from './team-file.js';
import { acceptFileBodies, importErrorBodySchema, readUploadedFile, rejectedRowsSchema } from '../imports/file-body.js';

/** Largest team file, in bytes: a few hundred teams are tens of KB. */
export const TEAM_IMPORT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Team import (救援队伍导入) from the ledger a bureau keeps: every row through `team:register`'s
 * schema, then the file as a whole; one `team:import` command, all or nothing.
 */
export async function teamImportRoutes(app: FastifyInstance): Promise<void> {
  // Encapsulated: this plugin's one route takes the file itself as the body, up to its own limit.
  acceptFileBodies(app, TEAM_IMPORT_MAX_BYTES);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/teams/import',
    {
      onRequest: app.requireRole('commander', 'admin'),
      bodyLimit: TEAM_IMPORT_MAX_BYTES,
      schema: {
        summary: 'Import rescue teams (CSV UTF-8/GBK or XLSX): every row or none',
        description:
          'Body: the file itself. Columns: 编号 id (optional), 队伍名称 name, 类别 kind, 级别 level, 人数 headcount, 负责人 leader, 联系电话 phone, 装备 equipment ("冲锋舟×4、救生衣×100"), 驻地 base, 经度/纬度 lon/lat (in `crs`), 乡镇 township (name or code). A team with the name of one on record updates it. 422 lists every rejected row with a reason `code` and its `params` (for the UI to translate) and the `reason` in English. A file refused whole (empty, unreadable, too many rows, an XLSX that unpacks too large: a zip bomb) answers 400 with `detail`: a file-level `code` and its `params`.',
        tags: ['teams'],
        security: [{ bearer: [] }],
        querystring: z.object({ format: z.enum(TABLE_FORMATS), crs: z.enum(IMPORT_CRS).default('wgs84') }),
        response: { 201: z.object({ imported: z.number(), rejected: rejectedRowsSchema }), 400: importErrorBodySchema, 422: z.object({ imported: z.literal(0), rejected: rejectedRowsSchema }) },
      },
    },
    async (request, reply) => {
      const rows = await readUploadedFile(request.body, (body) => readTable(request.query.format, body, TEAM_COLUMNS, TEAM_REQUIRED, TEAM_IMPORT_MAX_ROWS));
      const state = app.journal.current;
      const rejected: ImportRejection[] = [];
      const good: Array<{ row: number; team: RegisterTeam }> = [];
      for (const { row, values } of rows) {
        const t = teamFromRow(values, state.region, request.query.crs);
        if ('reason' in t) rejected.push({ row, ...t });
        else good.push({ row, team: t.team });
      }
      const parsed = good.map((g) => ({ ...g.team, equipment: g.team.equipment ?? [], accounts: g.team.accounts ?? [] }));
      for (const x of teamImportRefusals(state, parsed)) rejected.push({ row: good[x.index]!.row, code: x.code, params: x.params, reason: x.reason });
      if (rejected.length > 0) return reply.code(422).send({ imported: 0, rejected: rejected.sort((a, b) => a.row - b.row) });
      const result = await submitFromRequest(request, importTeams.type, { teams: good.map((g) => g.team) });
      return reply.code(201).send({ imported: Number(result.imported), rejected: [] });
    },
  );
}
