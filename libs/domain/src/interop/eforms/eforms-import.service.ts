import { retryingTransaction } from '@app/database';
import { JobName, QueueName } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { ReferenceDataService } from '../../directory/reference-data.service';
import { Actor } from '../../identity/actor';
import { JobsService, ReportProgress } from '../../jobs/jobs.service';
import { MatchingTriggers } from '../../matching/matching-triggers.service';
import { EformsProblemCode } from './eforms-problems';
import { EformsSchemaValidator, type NoticeToValidate } from './eforms-schema';
import {
  EformsUploadErrorCode,
  readXmlUpload,
  removeSpool,
  spool,
  type SpooledUpload,
  type NoticeFile,
  UploadError,
  uploadKind,
  zipNotices,
} from './eforms-upload';
import { hasDoctype, parseNotice, rootElement, UnsafeXmlError } from './eforms-xml';
import {
  eformsFingerprint,
  type EformsProblem,
  type EformsTender,
  mapNotice,
  NOTICE_ROOTS,
  type NoticeRoot,
} from './eforms.mapping';

export const EFORMS_IMPORT_JOB_KIND = 'eforms_import';
/** How many problems a result lists; `errorsTotal` counts them all. */
export const MAX_REPORTED_EFORMS_ERRORS = 1000;
/** Notices per worker batch (one schema validation call per notice type, one transaction). */
const BATCH_NOTICES = 500;
/** Notices per insert while storing an upload. */
const STORE_ROWS = 200;
const STORE_BYTES = 8 * 1024 * 1024;

export interface EformsImportResult {
  notices: number;
  tendersCreated: number;
  tendersUpdated: number;
  tendersUnchanged: number;
  awards: number;
  organisations: number;
  errors: EformsProblem[];
  errorsTotal: number;
}

const TENDER_COLUMNS = [
  'source',
  'procedure_id',
  'notice_id',
  'notice_type',
  'notice_url',
  'buyer_name',
  'buyer_organisation_id',
  'title',
  'description',
  'translations',
  'main_procurement_category',
  'status',
  'estimated_value_cents',
  'currency',
  'delivery_postcode',
  'nuts_code',
  'tender_period_end',
  'reserved',
  'social_objectives',
  'strategic_procurement',
  'lots',
  'ocds_release_date',
  'ocds_hash',
  'published_at',
].join(', ');
const AWARD_COLUMNS = 'tender_id, award_id, title, status, date, value_cents, currency, suppliers';

interface NoticeRow {
  position: number;
  name: string;
  xml: string;
}

/**
 * eForms notices in (TenderNed, TED): the API stores the upload one notice per row (a ZIP is read entry by entry
 * from a spooled file, never held whole) and queues the import; the worker validates each notice against the
 * eForms SDK XML schemas, checks what the product needs, and writes one read-only tender per procedure
 * (`cbc:ContractFolderID`). A later notice of the procedure (a change notice, a contract-award notice) updates the
 * tender; an older one, or the same one again, changes nothing.
 */
@Injectable()
export class EformsImportService {
  private readonly logger = new Logger(EformsImportService.name);
  private readonly validator = new EformsSchemaValidator();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly reference: ReferenceDataService,
    private readonly triggers: MatchingTriggers,
  ) {}

  /**
   * Stores an upload (one XML notice or a ZIP of notices) and queues its import; the same upload while its import is
   * pending answers that one. Returns the import's (job's) id.
   */
  async submit(
    actor: Actor,
    body: Readable,
    contentType: string | undefined,
    fileName: string | null,
  ): Promise<string> {
    const kind = uploadKind(contentType);
    if (!kind)
      throw new UploadError(
        415,
        EformsUploadErrorCode.UnsupportedMediaType,
        'Send one eForms notice as application/xml or a ZIP of notices as application/zip',
      );
    let up: SpooledUpload | null = null;
    try {
      up = await spool(body);
      if (up.bytes === 0)
        throw new UploadError(400, EformsUploadErrorCode.EmptyUpload, 'The upload is empty');
      const spooled = up;
      return await this.ds.transaction(async (m) => {
        const job = await this.jobs.enqueue(m, {
          kind: EFORMS_IMPORT_JOB_KIND,
          queue: QueueName.Imports,
          name: JobName.ImportEforms,
          payload: {},
          organisationId: actor.organisationId,
          userId: actor.userId,
          dedupeKey: `eforms-import-${actor.organisationId ?? actor.userId}-${spooled.sha256}`,
        });
        const [exists] = await m.query('SELECT 1 FROM eforms_import WHERE id = $1', [job.id]);
        if (exists) return job.id;
        await m.query(
          `INSERT INTO eforms_import (id, organisation_id, user_id, notice_count, sha256) VALUES ($1, $2, $3, 0, $4)`,
          [job.id, actor.organisationId, actor.userId, spooled.sha256],
        );
        const files =
          kind === 'xml'
            ? single(await readXmlUpload(spooled, safeName(fileName) ?? 'notice.xml'))
            : zipNotices(spooled);
        const count = await this.store(m, job.id, files);
        if (!count)
          throw new UploadError(400, EformsUploadErrorCode.NoNotices, 'The ZIP file holds no notices');
        await m.query('UPDATE eforms_import SET notice_count = $2 WHERE id = $1', [job.id, count]);
        return job.id;
      });
    } finally {
      await removeSpool(up);
    }
  }

  /** Inserts the notices a few hundred (or a few MB) at a time; returns how many. */
  private async store(m: EntityManager, importId: string, files: AsyncIterable<NoticeFile>): Promise<number> {
    let position = 0;
    let batch: NoticeRow[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      bytes = 0;
      await m.query(
        `INSERT INTO eforms_import_notice (import_id, position, name, xml)
         SELECT $1, x.position, x.name, x.xml FROM unnest($2::int[], $3::varchar[], $4::text[]) AS x(position, name, xml)`,
        [importId, rows.map((r) => r.position), rows.map((r) => r.name), rows.map((r) => r.xml)],
      );
    };
    for await (const f of files) {
      // Text PostgreSQL cannot store (NUL) is the worker's to report; the row keeps the name.
      const xml = f.xml === null ? '' : f.xml.includes('\u0000') ? '\u0001' : f.xml;
      batch.push({ position: position++, name: f.name.slice(0, 500), xml });
      bytes += xml.length;
      if (batch.length >= STORE_ROWS || bytes >= STORE_BYTES) await flush();
    }
    await flush();
    return position;
  }

  /** The worker's part: reads the stored notices a batch at a time. Null when the import is gone. */
  async run(id: string, progress: ReportProgress): Promise<EformsImportResult | null> {
    const [imp] = await this.ds.query<{ notice_count: number }[]>(
      'SELECT notice_count FROM eforms_import WHERE id = $1',
      [id],
    );
    if (!imp) return null;
    const result: EformsImportResult = {
      notices: imp.notice_count,
      tendersCreated: 0,
      tendersUpdated: 0,
      tendersUnchanged: 0,
      awards: 0,
      organisations: 0,
      errors: [],
      errorsTotal: 0,
    };
    const report = (problems: EformsProblem[]) => {
      result.errorsTotal += problems.length;
      for (const p of problems) if (result.errors.length < MAX_REPORTED_EFORMS_ERRORS) result.errors.push(p);
    };
    const tree = await this.reference.cpvTree();
    const known = (code: string) => tree.has(code);
    const buyers = new Set<string>();
    let after = -1;
    let done = 0;
    for (;;) {
      const rows: NoticeRow[] = await this.ds.query(
        `SELECT position, name, xml FROM eforms_import_notice WHERE import_id = $1 AND position > $2
          ORDER BY position LIMIT ${BATCH_NOTICES}`,
        [id, after],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].position;
      // Schema validation runs in a worker thread (WebAssembly) while this thread parses and maps the same notices.
      const toValidate: NoticeToValidate[] = [];
      for (const row of rows) {
        const root = row.xml.length > 1 && !hasDoctype(row.xml) ? rootElement(row.xml) : null;
        if (root) toValidate.push({ name: row.name, root, xml: row.xml });
      }
      const validation = this.validator.validate(toValidate);
      // Each notice is parsed and mapped at once: one parsed tree at a time, whatever the batch.
      const readable = new Set<string>();
      const mappedProblems: EformsProblem[] = [];
      const mapped: EformsTender[] = [];
      for (const row of rows) {
        if (row.xml === '') {
          report([
            {
              notice: row.name,
              path: '/',
              code: EformsProblemCode.NotXmlFile,
              params: {},
              message: 'not an eForms notice (only .xml files are read)',
            },
          ]);
          continue;
        }
        if (row.xml === '\u0001') {
          report([
            {
              notice: row.name,
              path: '/',
              code: EformsProblemCode.NulCharacter,
              params: {},
              message: 'the file contains a NUL character: not XML text',
            },
          ]);
          continue;
        }
        let doc: ReturnType<typeof parseNotice>;
        try {
          doc = parseNotice(row.xml);
        } catch (err) {
          report([
            {
              notice: row.name,
              path: '/',
              code:
                err instanceof UnsafeXmlError ? EformsProblemCode.DoctypeRefused : EformsProblemCode.NotXml,
              params: {},
              message:
                err instanceof UnsafeXmlError
                  ? err.message
                  : `not well-formed XML: ${(err as Error).message.slice(0, 300)}`,
            },
          ]);
          continue;
        }
        if (!(NOTICE_ROOTS as readonly string[]).includes(doc.root)) {
          report([
            {
              notice: row.name,
              path: `/${doc.root}`,
              code: EformsProblemCode.UnsupportedNotice,
              params: { root: doc.root, expected: NOTICE_ROOTS.join(', ') },
              message: `not a notice the import reads (${NOTICE_ROOTS.join(', ')})`,
            },
          ]);
          continue;
        }
        readable.add(row.name);
        const { tender, problems } = mapNotice(row.name, doc.root as NoticeRoot, doc.node, known);
        mappedProblems.push(...problems);
        if (!tender) continue;
        result.awards += tender.awards.length;
        buyers.add(tender.buyer.ref);
        mapped.push(tender);
      }
      // Schema problems of the notices that parsed (a malformed one is reported once, above).
      report((await validation).filter((p) => readable.has(p.notice)));
      report(mappedProblems);
      await this.write(mapped, result);
      done += rows.length;
      await progress(Math.min(99, (done / Math.max(1, imp.notice_count)) * 100));
    }
    result.organisations = buyers.size;
    this.logger.log(
      {
        importId: id,
        created: result.tendersCreated,
        updated: result.tendersUpdated,
        errors: result.errorsTotal,
      },
      'eForms import done',
    );
    return result;
  }

  /**
   * Writes one batch in one transaction (run again after a deadlock with another import). Notices of one procedure
   * are applied in issue order: the latest wins; an award notice keeps what the earlier notices said where it says
   * nothing itself.
   */
  private async write(batch: EformsTender[], total: EformsImportResult): Promise<void> {
    if (!batch.length) return;
    const counts = await retryingTransaction(this.ds, async (m) => {
      const c = { tendersCreated: 0, tendersUpdated: 0, tendersUnchanged: 0 };
      const buyerIds = await this.buyerOrganisations(m, batch);
      const existing: {
        id: string;
        procedure_id: string;
        ocds_hash: string | null;
        ocds_release_date: Date | null;
        published_at: Date | null;
        row: Record<string, unknown>;
      }[] = await m.query(
        `SELECT id, procedure_id, ocds_hash, ocds_release_date, published_at, to_jsonb(t) AS row
           FROM tender t WHERE procedure_id = ANY($1::varchar[]) FOR UPDATE`,
        [[...new Set(batch.map((b) => b.procedureId))]],
      );
      const state = new Map(
        existing.map((e) => [
          e.procedure_id,
          {
            id: e.id as string | null,
            hash: e.ocds_hash,
            issued: e.ocds_release_date ? new Date(e.ocds_release_date).toISOString() : null,
            row: e.row as Record<string, unknown> | null,
            awards: null as EformsTender['awards'] | null,
            changed: false,
          },
        ]),
      );
      // Issue order within the batch (position order where the dates tie).
      const ordered = [...batch].sort((a, b) => (a.issuedAt ?? '').localeCompare(b.issuedAt ?? ''));
      for (const t of ordered) {
        const hash = eformsFingerprint(t);
        const before = state.get(t.procedureId);
        if (before && (before.hash === hash || (before.issued && t.issuedAt && t.issuedAt < before.issued))) {
          if (!before.changed) c.tendersUnchanged += 1;
          continue;
        }
        const prev = before?.row ?? null;
        const keep = <T>(v: T | null, col: string): T | null =>
          v === null && t.form === 'result' && prev ? ((prev[col] as T) ?? null) : v;
        const row: Record<string, unknown> = {
          source: 'eforms',
          procedure_id: t.procedureId,
          notice_id: t.noticeId,
          notice_type: t.noticeType,
          notice_url: t.noticeUrl ?? (prev?.notice_url as string | null) ?? null,
          buyer_name: t.buyer.name.slice(0, 300),
          buyer_organisation_id: buyerIds.get(t.buyer.ref)!,
          title: t.title,
          description: t.description || (t.form === 'result' && prev ? (prev.description as string) : ''),
          translations: t.translations,
          main_procurement_category: keep(t.mainProcurementCategory, 'main_procurement_category'),
          status: t.status,
          estimated_value_cents: keep(t.estimatedValueCents, 'estimated_value_cents'),
          currency: t.currency,
          delivery_postcode: keep(t.postcode, 'delivery_postcode'),
          nuts_code: keep(t.nutsCode, 'nuts_code'),
          tender_period_end: keep(t.deadline, 'tender_period_end'),
          reserved: t.form === 'result' && prev ? (t.reserved ?? prev.reserved ?? null) : t.reserved,
          social_objectives: t.socialObjectives.length ? t.socialObjectives : keep(null, 'social_objectives'),
          strategic_procurement: t.strategicProcurement.length
            ? t.strategicProcurement
            : keep(null, 'strategic_procurement'),
          lots: t.lots.length ? t.lots : keep(null, 'lots'),
          ocds_release_date: t.issuedAt,
          ocds_hash: hash,
          published_at:
            (prev?.published_at as string | null) ?? (t.status === 'draft' ? null : new Date().toISOString()),
        };
        const cpv = t.cpvCodes.length ? t.cpvCodes : null;
        state.set(t.procedureId, {
          id: before?.id ?? null,
          hash,
          issued: t.issuedAt,
          row: { ...row, cpv, titleForItems: t.title },
          awards: t.form === 'result' ? t.awards : (before?.awards ?? null),
          changed: true,
        });
      }
      const creates: Record<string, unknown>[] = [];
      const updates: { id: string; row: Record<string, unknown> }[] = [];
      const written: {
        id: string | null;
        procedureId: string;
        row: Record<string, unknown>;
        awards: EformsTender['awards'] | null;
      }[] = [];
      for (const [procedureId, s] of state) {
        if (!s.changed || !s.row) continue;
        written.push({ id: s.id, procedureId, row: s.row, awards: s.awards });
        if (s.id) updates.push({ id: s.id, row: s.row });
        else creates.push(s.row);
      }
      const pick = (r: Record<string, unknown>) =>
        Object.fromEntries(TENDER_COLUMNS.split(', ').map((k) => [k, r[k] ?? null]));
      if (creates.length) {
        const ids: { id: string; procedure_id: string }[] = await m.query(
          `INSERT INTO tender (${TENDER_COLUMNS}) SELECT ${TENDER_COLUMNS}
             FROM jsonb_populate_recordset(NULL::tender, $1::jsonb) RETURNING id, procedure_id`,
          [JSON.stringify(creates.map(pick))],
        );
        const idOf = new Map(ids.map((r) => [r.procedure_id, r.id]));
        for (const w of written) if (!w.id) w.id = idOf.get(w.procedureId)!;
      }
      if (updates.length) {
        await m.query(
          `UPDATE tender t SET (${TENDER_COLUMNS}, updated_at) = (${TENDER_COLUMNS.split(', ')
            .map((col) => `r.${col}`)
            .join(', ')}, now())
             FROM jsonb_populate_recordset(NULL::tender, $1::jsonb) AS r WHERE t.procedure_id = r.procedure_id`,
          [JSON.stringify(updates.map((u) => pick(u.row)))],
        );
      }
      c.tendersCreated += creates.length;
      c.tendersUpdated += updates.length;
      // Items: one per CPV code (procedure and lots); a notice without codes keeps the earlier ones.
      const withItems = written.filter((w) => w.row.cpv);
      if (withItems.length) {
        await m.query('DELETE FROM tender_item WHERE tender_id = ANY($1)', [withItems.map((w) => w.id)]);
        const items = withItems.flatMap((w) =>
          (w.row.cpv as string[]).map((code, position) => ({
            tender_id: w.id,
            position,
            description: String(w.row.titleForItems).slice(0, 500),
            cpv_code: code,
          })),
        );
        await m.query(
          `INSERT INTO tender_item (tender_id, position, description, cpv_code)
           SELECT tender_id, position, description, cpv_code FROM jsonb_populate_recordset(NULL::tender_item, $1::jsonb)`,
          [JSON.stringify(items)],
        );
      }
      const withAwards = written.filter((w) => w.awards);
      if (withAwards.length) {
        await m.query('DELETE FROM ocds_award WHERE tender_id = ANY($1)', [withAwards.map((w) => w.id)]);
        const awards = withAwards.flatMap((w) =>
          dedupe(w.awards!).map((a) => ({
            tender_id: w.id,
            award_id: a.awardId.slice(0, 300),
            title: a.title?.slice(0, 300) ?? null,
            status: a.status,
            date: a.date,
            value_cents: a.valueCents,
            currency: a.currency,
            suppliers: a.suppliers,
          })),
        );
        if (awards.length)
          await m.query(
            `INSERT INTO ocds_award (${AWARD_COLUMNS})
             SELECT ${AWARD_COLUMNS} FROM jsonb_populate_recordset(NULL::ocds_award, $1::jsonb)`,
            [JSON.stringify(awards)],
          );
      }
      // Open tenders are opportunities; an updated one may have closed, so it is scored again whatever its status.
      const updated = new Set(updates.map((u) => u.id));
      await this.triggers.request(
        m,
        'tender',
        written.filter((w) => w.row.status === 'active' || updated.has(w.id!)).map((w) => w.id!),
      );
      return c;
    });
    total.tendersCreated += counts.tendersCreated;
    total.tendersUpdated += counts.tendersUpdated;
    total.tendersUnchanged += counts.tendersUnchanged;
  }

  /** One external buyer organisation per buyer (name and postcode), created on first sight. */
  private async buyerOrganisations(m: EntityManager, batch: EformsTender[]): Promise<Map<string, string>> {
    const wanted = new Map<string, EformsTender['buyer']>();
    for (const t of batch) wanted.set(t.buyer.ref, t.buyer);
    const list = [...wanted.values()].sort((a, b) => a.ref.localeCompare(b.ref));
    await m.query(
      `INSERT INTO organisation (kind, name, postcode, city, external, external_ref)
       SELECT 'buyer', n, coalesce(p, ''), c, true, r
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) AS x(r, n, p, c)
       ON CONFLICT (external_ref) WHERE external_ref IS NOT NULL DO NOTHING`,
      [list.map((b) => b.ref), list.map((b) => b.name), list.map((b) => b.postcode), list.map((b) => b.city)],
    );
    const rows: { id: string; external_ref: string }[] = await m.query(
      'SELECT id, external_ref FROM organisation WHERE external_ref = ANY($1::varchar[])',
      [list.map((b) => b.ref)],
    );
    return new Map(rows.map((r) => [r.external_ref, r.id]));
  }
}

async function* single(f: NoticeFile): AsyncGenerator<NoticeFile> {
  yield f;
}

/** A file name from the client (Content-Disposition), without directories. */
function safeName(name: string | null): string | null {
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base.slice(0, 200) : null;
}

function dedupe(awards: EformsTender['awards']): EformsTender['awards'] {
  const seen = new Set<string>();
  return awards.filter((a) => (seen.has(a.awardId) ? false : (seen.add(a.awardId), true)));
}
