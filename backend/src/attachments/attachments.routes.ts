import busboy from 'busboy';
import type { Request } from 'express';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { badRequest, conflict, HttpError, notFound, tooLarge } from '../http/errors.ts';
import { registerResource } from '../http/resource.ts';
import { setDownloadHeaders } from '../http/download.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { selectApplications } from '../applications/index.ts';
import { assertCallOpen } from '../applications/index.ts';
import { isReportEditable, visibleGranteeReportIds } from '../grantee-reports/index.ts';
import { cleanFilename, sniffContentType } from './sniff.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/**
 * Who uploads and deletes: staff, and the applicant while the application is a draft — or, for a
 * receipt of a grantee report, while that report is requested or returned.
 */
const ROLES = ['admin', 'staff', 'applicant'] as const;
/**
 * Who reads: also jurors, for the applications assigned to them (and never one they declared a
 * conflict with) — the scope of `selectApplications`, which every read goes through — and coaches,
 * for the receipts of the reports of the fellowships they coach (the reports' scope).
 */
const READERS = [...ROLES, 'jury', 'coach'] as const;

type Trx = Transaction<Database>;

interface Upload {
  fields: Record<string, string>;
  file?: { filename: string; content: Buffer };
}

/** Reads one multipart upload into memory; more than MAX_ATTACHMENT_BYTES is a 413. */
function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      // Browsers send the file name as raw UTF-8; busboy's default would read it as latin1.
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 1000 } });
    } catch {
      reject(badRequest('Erwartet wird multipart/form-data mit einer Datei im Feld "file".', { file: 'fehlt' }, 'invalid_upload'));
      return;
    }
    // Field names come from the client: a map without a prototype, so `__proto__` is just a name.
    const upload: Upload = { fields: Object.create(null) };
    let failed: HttpError | undefined;
    bb.on('field', (name, value) => {
      upload.fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      // A truncated upload errors on the file stream; unhandled, that would crash the process.
      stream.on('error', () => {
        failed ??= badRequest('Der Upload ist beschädigt.', { file: 'beschädigt' }, 'invalid_upload');
      });
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failed = tooLarge(`Die Datei ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      });
      stream.on('end', () => {
        const content = Buffer.concat(chunks);
        if (content.length > MAX_ATTACHMENT_BYTES) failed ??= tooLarge(`Die Datei ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
        if (!failed) upload.file = { filename: cleanFilename(info.filename), content };
      });
    });
    bb.on('error', () => reject(badRequest('Der Upload ist beschädigt.', { file: 'beschädigt' }, 'invalid_upload')));
    bb.on('close', () => (failed ? reject(failed) : resolve(upload)));
    req.pipe(bb);
  });
}

function selectAttachments(db: RequestContext['db'], ctx: Pick<RequestContext, 'user'>) {
  return db
    .selectFrom('attachments as t')
    .select(['t.id', 't.application_id', 't.grantee_report_id', 't.filename', 't.content_type', 't.size_bytes', 't.uploaded_by', 't.created_at'])
    .where((eb) => eb.or([
      eb('t.application_id', 'in', selectApplications(db, ctx).clearSelect().select('t.id')),
      eb('t.grantee_report_id', 'in', visibleGranteeReportIds(db, ctx.user)),
    ]));
}

const ID = /^\d{1,9}$/;

/** The owner named in the upload's fields: exactly one of application_id and grantee_report_id. */
function uploadOwner(fields: Record<string, string>): { application_id: number } | { grantee_report_id: number } {
  const app = fields.application_id;
  const report = fields.grantee_report_id;
  if (app !== undefined && report !== undefined) {
    throw badRequest('Eine Datei gehört entweder zu einer Bewerbung oder zu einem Bericht.', { grantee_report_id: 'Nicht zusammen mit application_id.' });
  }
  if (report !== undefined) {
    if (!ID.test(report)) throw badRequest('Bitte den Bericht angeben.', { grantee_report_id: 'ungültig' });
    return { grantee_report_id: Number(report) };
  }
  if (!app || !ID.test(app)) throw badRequest('Bitte die Bewerbung angeben.', { application_id: 'ungültig' });
  return { application_id: Number(app) };
}

/** A receipt goes to a report this caller sees; the fellow adds one only while the report is open. */
async function lockReportForUpload(trx: Trx, ctx: RequestContext, reportId: number) {
  const visible = await trx.selectFrom('grantee_reports').select('id').where('id', '=', reportId).where('id', 'in', visibleGranteeReportIds(trx, ctx.user)).executeTakeFirst();
  if (!visible) throw notFound('Bericht nicht gefunden.');
  const report = await trx.selectFrom('grantee_reports').select('status').where('id', '=', reportId).forShare().executeTakeFirstOrThrow();
  if (!isStaff(ctx.user) && !isReportEditable(report.status)) {
    throw conflict('Der Bericht ist eingereicht oder angenommen und kann nicht mehr geändert werden.', 'wrong_state');
  }
}

async function lockApplicationForUpload(trx: Trx, ctx: RequestContext, applicationId: number) {
  const application = await selectApplications(trx, ctx).where('t.id', '=', applicationId).executeTakeFirst();
  if (!application) throw notFound('Bewerbung nicht gefunden.');
  const locked = await trx.selectFrom('applications').select(['status', 'cohort_id']).where('id', '=', applicationId).forUpdate().executeTakeFirstOrThrow();
  if (!isStaff(ctx.user)) {
    if (locked.status !== 'draft') throw conflict('Eine eingereichte Bewerbung kann nicht mehr geändert werden.', 'wrong_state');
    assertCallOpen(await trx.selectFrom('cohorts').selectAll().where('id', '=', locked.cohort_id).executeTakeFirstOrThrow());
  }
}

export function registerAttachmentRoutes(api: ApiRouter): void {
  api.add({
    method: 'post',
    path: '/attachments',
    tag: 'attachments',
    summary: 'Upload an attachment (multipart: application_id or grantee_report_id, file); PDF/PNG/JPEG by content, at most 10 MB',
    access: ROLES,
    status: 201,
    handler: async (ctx, req) => {
      const declared = Number(req.get('content-length') ?? 0);
      if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) {
        req.resume();
        throw tooLarge(`Die Datei ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      }
      if (!req.is('multipart/form-data')) throw badRequest('Erwartet wird multipart/form-data mit einer Datei im Feld "file".', { file: 'fehlt' }, 'invalid_upload');
      const upload = await readUpload(req);
      const owner = uploadOwner(upload.fields);
      if (!upload.file || upload.file.content.length === 0) throw badRequest('Bitte eine Datei auswählen.', { file: 'fehlt' }, 'invalid_upload');
      const contentType = sniffContentType(upload.file.content.subarray(0, 16));
      if (!contentType) throw badRequest('Nur PDF-, PNG- und JPEG-Dateien sind erlaubt.', { file: 'Dateityp nicht erlaubt' }, 'unsupported_file_type');
      const file = upload.file;

      return ctx.db.transaction().execute(async (trx) => {
        if ('grantee_report_id' in owner) await lockReportForUpload(trx, ctx, owner.grantee_report_id);
        else await lockApplicationForUpload(trx, ctx, owner.application_id);
        const inserted = await trx
          .insertInto('attachments')
          .values({ ...owner, filename: file.filename, content_type: contentType, size_bytes: file.content.length, content: file.content, uploaded_by: ctx.user!.id })
          .returning(['id', 'application_id', 'grantee_report_id', 'filename', 'content_type', 'size_bytes', 'uploaded_by', 'created_at'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx.user, 'create', 'attachments', inserted.id, null, inserted);
        return inserted;
      });
    },
  });

  api.add({
    method: 'get',
    path: '/attachments/:id/content',
    tag: 'attachments',
    summary: 'Download an attachment',
    access: READERS,
    handler: async (ctx, _req, res, { id }) => {
      const row = await selectAttachments(ctx.db, ctx).select('t.content').where('t.id', '=', id).executeTakeFirst();
      if (!row) throw notFound();
      setDownloadHeaders(res, row.filename, row.content_type);
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.send(Buffer.from(row.content));
      return undefined;
    },
  });

  registerResource(api, {
    name: 'attachments',
    table: 'attachments',
    select: selectAttachments,
    fields: {
      id: { column: 't.id', type: 'int' },
      application_id: { column: 't.application_id', type: 'int' },
      grantee_report_id: { column: 't.grantee_report_id', type: 'int' },
      filename: { column: 't.filename', type: 'text' },
      content_type: { column: 't.content_type', type: ['application/pdf', 'image/png', 'image/jpeg'] },
      size_bytes: { column: 't.size_bytes', type: 'int' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    access: { read: READERS, delete: ROLES },
    beforeDelete: async (ctx, existing, trx) => {
      if (isStaff(ctx.user)) return;
      if (existing.grantee_report_id != null) {
        await lockReportForUpload(trx, ctx, existing.grantee_report_id);
        return;
      }
      const app = await trx.selectFrom('applications').select(['status', 'cohort_id']).where('id', '=', existing.application_id!).forUpdate().executeTakeFirstOrThrow();
      if (app.status !== 'draft') throw conflict('Eine eingereichte Bewerbung kann nicht mehr geändert werden.', 'wrong_state');
      assertCallOpen(await trx.selectFrom('cohorts').selectAll().where('id', '=', app.cohort_id).executeTakeFirstOrThrow());
    },
  });
}

