import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  HAZARD_KINDS,
  HAZARD_STATES,
  hazardIdSchema,
  importHazards,
  IMPORT_MAX_ROWS,
  photoIdSchema,
  RISK_LEVELS,
} from '@watchfloor/shared';
import { submitFromRequest } from '../routes/command-helpers.js';
import { ledgerCsv, ledgerXlsx } from './export-file.js';
import { checkLedgerRows, IMPORT_CRS, IMPORT_FORMATS, readRows } from './import-file.js';
import { HazardLedgerIndex, type LedgerFilter } from './ledger-index.js';
import { PHOTO_MAX_BYTES, readPhoto, storePhoto } from './photos.js';
import { cstDay } from '@watchfloor/shared';
import { acceptFileBodies, importErrorBodySchema, readUploadedFile, rejectedRowsSchema } from '../imports/file-body.js';

/** Largest import file, in bytes: 60,000 ledger rows as CSV are about 15 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const filterQuery = z.object({
  state: z.enum(HAZARD_STATES).optional(),
  township: z.string().regex(/^\d{12}$/).optional(),
  kind: z.enum(HAZARD_KINDS).optional(),
  category: z.enum(['natural', 'enterprise']).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  overdue: bool.optional(),
  supervised: bool.optional(),
  q: z.string().max(100).optional(),
});
const toFilter = (q: z.infer<typeof filterQuery>): LedgerFilter => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
const sec = [{ bearer: [] }];

/**
 * The hazard ledger over REST (隐患台账): paged queries with filters, import and export of ledger
 * files, and evidence photos. Changes to items are commands (`hazard:*`, `patrol:*`) through
 * /api/commands/{type}; this plugin reads the ledger through its own query projection.
 */
export async function hazardRoutes(app: FastifyInstance): Promise<void> {
  const index = new HazardLedgerIndex(app.journal.current.hazardLedger);
  const stop = app.journal.subscribe((events) => index.apply(events, app.journal.current.hazardLedger));
  app.addHook('onClose', async () => void stop());

  // This plugin's routes take files, never JSON: every body arrives as bytes (import), or as
  // multipart (photos). Encapsulated, so the rest of the API keeps its JSON parser and limit.
  acceptFileBodies(app, IMPORT_MAX_BYTES);
  await app.register(fastifyMultipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => app.clock.now().getTime();

  r.get(
    '/api/hazards',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'One page of the hazard ledger, filtered, newest first, with the total',
        tags: ['hazards'],
        security: sec,
        querystring: filterQuery.extend({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }),
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return { ...index.page(toFilter(filter), page, pageSize, now()), page, pageSize };
    },
  );

  r.get(
    '/api/hazards/export',
    {
      onRequest: app.requireRole('duty', 'commander', 'admin'),
      schema: { summary: 'Export the ledger, filtered, as CSV or XLSX (what import reads back)', tags: ['hazards'], security: sec, querystring: filterQuery.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const items = index.all(toFilter(filter), now());
      const region = app.journal.current.region;
      const day = cstDay(now()).replaceAll('-', '');
      const body = format === 'csv' ? ledgerCsv(items, region) : await ledgerXlsx(items, region);
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.header('content-type', type).header('content-disposition', `attachment; filename="hazards-${day}.${format}"`).send(body);
    },
  );

  r.post(
    '/api/hazards/import',
    {
      onRequest: app.requireRole('duty', 'commander', 'admin'),
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        summary: 'Import a ledger file (CSV UTF-8/GBK, XLSX, GeoJSON) in its coordinate system; all rows or none, or only the good rows',
        description: 'Body: the file itself. `crs` names the coordinates of the file; they are converted once to WGS-84. `mode=good-rows` imports the valid rows and reports the rest. Each rejected row has a reason `code` and its `params` (for the UI to translate) and the `reason` in English. A file refused whole (empty, unreadable, too many rows, an XLSX that unpacks too large: a zip bomb) answers 400 with `detail`: a file-level `code` and its `params`.',
        tags: ['hazards'],
        security: sec,
        querystring: z.object({ format: z.enum(IMPORT_FORMATS), crs: z.enum(IMPORT_CRS), mode: z.enum(['all', 'good-rows']).default('all') }),
        response: {
          201: z.object({ imported: z.number(), rejected: rejectedRowsSchema, importId: z.string().optional(), seq: z.number().optional() }),
          400: importErrorBodySchema,
          422: z.object({ imported: z.literal(0), rejected: rejectedRowsSchema }),
        },
      },
    },
    async (request, reply) => {
      const { format, crs, mode } = request.query;
      // The parsed rows are never held in a local: this handler waits on the journal below, and
      // whatever it holds stays alive until the 60,000-row command is committed.
      const { accepted, rejected } = checkLedgerRows(await readUploadedFile(request.body, (body) => readRows(format, body, IMPORT_MAX_ROWS)), crs, app.journal.current);
      if ((rejected.length > 0 && mode === 'all') || accepted.length === 0) return reply.code(422).send({ imported: 0, rejected });
      const result = await submitFromRequest(request, importHazards.type, { rows: accepted });
      return reply.code(201).send({ imported: accepted.length, rejected, importId: String(result.importId), seq: result.seq });
    },
  );

  r.get(
    '/api/hazards/:id',
    {
      onRequest: app.authenticate,
      schema: { summary: 'One hazard with its recent patrols', tags: ['hazards'], security: sec, params: z.object({ id: hazardIdSchema }) },
    },
    async (request) => {
      const item = index.get(request.params.id);
      if (!item) throw new DomainError('not_found', `no hazard ${request.params.id}`, 'id');
      return { item, patrols: index.patrolsOf(item.id) };
    },
  );

  r.post(
    '/api/hazards/photos',
    {
      onRequest: app.requireRole('duty', 'commander', 'reporter', 'team', 'admin'),
      schema: { summary: 'Upload an evidence photo (multipart field `photo`): JPEG, PNG or WebP by content, thumbnailed', tags: ['hazards'], security: sec, consumes: ['multipart/form-data'] },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('invalid', 'send the photo as multipart/form-data', 'photo');
      const file = await request.file();
      if (!file || file.fieldname !== 'photo') throw new DomainError('invalid', 'no file in the `photo` field', 'photo');
      const bytes = await file.toBuffer(); // throws 413 past PHOTO_MAX_BYTES
      const stored = await storePhoto(app.config.dataDir, bytes, file.mimetype, file.filename);
      return reply.code(201).send({ ...stored, url: `/api/hazards/photos/${stored.photoId}`, thumbnailUrl: `/api/hazards/photos/${stored.photoId}?thumb=true` });
    },
  );

  r.get(
    '/api/hazards/photos/:photoId',
    {
      onRequest: app.authenticate,
      schema: { summary: 'An evidence photo, or its thumbnail', tags: ['hazards'], security: sec, params: z.object({ photoId: photoIdSchema }), querystring: z.object({ thumb: bool.optional() }) },
    },
    async (request, reply) => {
      const photo = await readPhoto(app.config.dataDir, request.params.photoId, request.query.thumb === true);
      if (!photo) throw new DomainError('not_found', 'no such photo', 'photoId');
      return reply.header('content-type', photo.type).header('cache-control', 'private, max-age=31536000, immutable').send(photo.body);
    },
  );
}
