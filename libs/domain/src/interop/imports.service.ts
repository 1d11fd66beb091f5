import { NotFoundError, ValidationFailedError } from '@app/common';
import {
  BackgroundJobEntity,
  OcdsImportEntity,
  OrganisationEntity,
  retryingTransaction,
  TenderEntity,
} from '@app/database';
import { JobName, QueueName } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReferenceDataService } from '../directory/reference-data.service';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { canSeeJob } from '../jobs/job-visibility';
import { JobsService, ReportProgress } from '../jobs/jobs.service';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import type { EformsImportResult } from './eforms/eforms-import.service';
import { InteropErrorCode } from './interop.errors';
import {
  CpvLookup,
  fingerprint,
  ImportedTender,
  isUsable,
  mapCompiledRelease,
  mergeReleases,
  unknownCpvCodes,
} from './ocds-import.mapping';
import { OcdsValidator, resolveExtensions, SchemaError } from './ocds-schema';
import { unstorableText } from './package-text';

export const IMPORT_JOB_KIND = 'ocds_import';
/** How many problems an import result lists (every schema error up to 1,000); `errorsTotal` counts them all. */
export const MAX_REPORTED_ERRORS = 1000;
/** How many distinct unknown CPV codes an import result names (each is also among the errors, with its path). */
export const MAX_REPORTED_UNKNOWN_CPV = 100;
const BATCH_RELEASES = 500;

export interface OcdsImportResult {
  releases: number;
  tendersCreated: number;
  tendersUpdated: number;
  tendersUnchanged: number;
  /** Contracting processes without an ocid or a tender title (not imported). */
  skipped: number;
  /** Awards of the imported processes, as published in this package. */
  awards: number;
  /** Distinct buyer organisations of the imported processes. */
  organisations: number;
  /** Of those, how many this import created (external buyers seen for the first time). */
  organisationsCreated: number;
  unknownExtensions: string[];
  unknownCpvCodes: string[];
  errors: SchemaError[];
  errorsTotal: number;
}

export interface OcdsImportView {
  id: string;
  status: BackgroundJobEntity['status'];
  progress: number;
  error: string | null;
  result: OcdsImportResult | EformsImportResult | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The columns an import writes (snake_case: rows go to PostgreSQL as JSON records). */
const TENDER_COLUMNS = [
  'source',
  'ocid',
  'publisher',
  'buyer_name',
  'buyer_organisation_id',
  'title',
  'description',
  'main_procurement_category',
  'status',
  'estimated_value_cents',
  'currency',
  'tender_period_end',
  'contract_start',
  'contract_end',
  'suitable_for_sme',
  'suitable_for_vcse',
  'ocds_status',
  'lots',
  'ocds_release_date',
  'ocds_release_id',
  'ocds_hash',
  'published_at',
].join(', ');
type TenderRow = Record<string, unknown>;
const AWARD_COLUMNS = 'tender_id, award_id, title, status, date, value_cents, currency, suppliers';

/** What one batch's write adds to the result. */
type BatchCounts = Pick<
  OcdsImportResult,
  'tendersCreated' | 'tendersUpdated' | 'tendersUnchanged' | 'organisationsCreated'
>;

interface ReleaseRow {
  position: number;
  ocid: string | null;
  body: unknown;
}

/**
 * OCDS release packages in: the API stores the package (one row per release) and queues the import; the worker
 * validates every release against the 1.1.5 schema with the extensions the package declares and the product knows,
 * merges the releases of each ocid and writes one read-only tender per contracting process. Re-importing the same
 * package changes nothing: each tender keeps a fingerprint of what was imported.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  private readonly validator = new OcdsValidator();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly reference: ReferenceDataService,
    private readonly triggers: MatchingTriggers,
  ) {}

  /** Stores the package and queues its import; the same package while one import of it is pending answers that one. */
  async submit(actor: Actor, body: unknown): Promise<OcdsImportView> {
    const pkg = assertReleasePackage(body);
    const { releases, ...meta } = pkg;
    const { releasesJson, metaJson } = serialise(releases, meta);
    assertStorableText(pkg, [releasesJson, metaJson]);
    const sha256 = createHash('sha256').update(metaJson).update(releasesJson).digest('hex');
    const id = await this.ds
      .transaction(async (m) => {
        const job = await this.jobs.enqueue(m, {
          kind: IMPORT_JOB_KIND,
          queue: QueueName.Imports,
          name: JobName.ImportOcds,
          payload: {},
          organisationId: actor.organisationId,
          userId: actor.userId,
          dedupeKey: `ocds-import-${actor.organisationId ?? actor.userId}-${sha256}`,
        });
        if (await m.getRepository(OcdsImportEntity).existsBy({ id: job.id })) return job.id;
        await m.getRepository(OcdsImportEntity).save(
          m.getRepository(OcdsImportEntity).create({
            id: job.id,
            organisationId: actor.organisationId,
            userId: actor.userId,
            packageMeta: meta,
            releaseCount: releases.length,
            sha256,
          }),
        );
        // One parameter, split by PostgreSQL (as json: only each release is converted to jsonb): no per-release round
        // trips, no second copy per release in Node.
        await m.query(
          `INSERT INTO ocds_import_release (import_id, position, ocid, body)
           SELECT $1, r.ord - 1,
                  CASE WHEN json_typeof(r.body -> 'ocid') = 'string' THEN left(r.body ->> 'ocid', 300) END,
                  r.body::jsonb
             FROM json_array_elements($2::json) WITH ORDINALITY AS r(body, ord)`,
          [job.id, releasesJson],
        );
        return job.id;
      })
      .catch((err: unknown) => {
        // What assertStorableText did not foresee that PostgreSQL's JSON still refuses (22P02, 22P05, 22021:
        // text; 54001: nesting deeper than its parser goes). Its own message quotes the package: it stays in the
        // log, the client gets a sentence of ours.
        const code = (err as { code?: string }).code ?? '';
        if (['22P02', '22P05', '22021', '54001'].includes(code))
          this.logger.warn({ code, err: (err as Error).message }, 'release package refused by PostgreSQL');
        if (code === '54001')
          throw new ValidationFailedError(
            'The release package is nested too deeply to be stored',
            [{ field: '/', code: 'too_deep', message: 'nested deeper than the database can store' }],
            InteropErrorCode.InvalidReleasePackage,
          );
        if (['22P02', '22P05', '22021'].includes(code))
          throw new ValidationFailedError(
            'The release package cannot be stored: it contains text that is not valid Unicode',
            [{ field: '/', code: 'invalid_text', message: 'contains text the database cannot store' }],
            InteropErrorCode.InvalidReleasePackage,
          );
        throw err;
      });
    return this.view((await this.jobs.findById(id))!);
  }

  /** An import of either kind (OCDS or eForms): `GET /imports/:id`. */
  async get(actor: Actor, id: string): Promise<OcdsImportView> {
    const job = await findVisible(this.ds.manager, BackgroundJobEntity, id, {
      // One route for both imports: an eForms import is read here too (its result has its own shape).
      visible: (j) => (j.kind === IMPORT_JOB_KIND || j.kind === 'eforms_import') && canSeeJob(actor, j),
      notFound: () => new NotFoundError(InteropErrorCode.ImportNotFound, 'Import'),
    });
    return this.view(job);
  }

  /**
   * The worker's part. Streams the stored releases in ocid order (a batch at a time, never the whole package),
   * so memory stays flat in the package size. Null when the import is gone.
   */
  async run(id: string, progress: ReportProgress): Promise<OcdsImportResult | null> {
    const imp = await this.ds.getRepository(OcdsImportEntity).findOne({ where: { id } });
    if (!imp) return null;
    const result: OcdsImportResult = {
      releases: imp.releaseCount,
      tendersCreated: 0,
      tendersUpdated: 0,
      tendersUnchanged: 0,
      skipped: 0,
      awards: 0,
      organisations: 0,
      organisationsCreated: 0,
      unknownExtensions: [],
      unknownCpvCodes: [],
      errors: [],
      errorsTotal: 0,
    };
    const report = (errors: SchemaError[]) => {
      result.errorsTotal += errors.length;
      for (const e of errors) if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(e);
    };
    const unknownCpv = new Set<string>();
    const buyers = new Set<string>();

    const meta = imp.packageMeta;
    report(this.validator.validatePackageMeta(meta));
    const extensions = resolveExtensions(meta.extensions);
    result.unknownExtensions = extensions.unknown.map((u) => u.url);
    report(
      extensions.unknown.map((u) => ({
        path: u.path,
        message: `extension ${u.url} is not known to this platform: its fields were not validated`,
      })),
    );
    const publisherName =
      typeof meta.publisher === 'object' && meta.publisher !== null
        ? stringOrNull((meta.publisher as Record<string, unknown>).name)
        : null;
    const tree = await this.reference.cpvTree();
    const lookup: CpvLookup = (code) => tree.get(code)?.checkDigit;

    let done = 0;
    const groups: { ocid: string; rows: ReleaseRow[] }[] = [];
    const flush = async () => {
      if (!groups.length) return;
      const batch = groups.splice(0, groups.length);
      const mapped: { tender: ImportedTender; hash: string }[] = [];
      for (const g of batch) {
        const merged = mergeReleases(g.rows.map((r) => r.body));
        const latest = g.rows.reduce((a, b) => (dateOf(b.body) >= dateOf(a.body) ? b : a));
        if (!isUsable(merged)) {
          result.skipped += 1;
          report([
            {
              path: `/releases/${latest.position}`,
              message: `ocid ${g.ocid}: no tender title in any release; not imported`,
            },
          ]);
          continue;
        }
        const { tender, problems } = mapCompiledRelease(merged, {
          lookup,
          publisherName,
          at: `/releases/${latest.position}`,
        });
        report(problems);
        result.awards += tender.awards.length;
        if (tender.buyer) buyers.add(tender.buyer.ref);
        mapped.push({ tender, hash: fingerprint(tender) });
      }
      await this.write(mapped, publisherName, result);
    };

    // Releases without a usable ocid cannot be merged or imported: validate and report them.
    await this.stream(id, false, async (rows) => {
      for (const r of rows) {
        report(this.validator.validateRelease(r.body, extensions.known, `/releases/${r.position}`));
        result.skipped += 1;
      }
      done += rows.length;
      await progress((done / Math.max(1, imp.releaseCount)) * 100);
    });
    let current: { ocid: string; rows: ReleaseRow[] } | undefined;
    await this.stream(id, true, async (rows) => {
      for (const r of rows) {
        report(this.validator.validateRelease(r.body, extensions.known, `/releases/${r.position}`));
        const cpv = unknownCpvCodes(r.body, `/releases/${r.position}`, lookup);
        report(cpv.map(({ path, message }) => ({ path, message })));
        for (const c of cpv) if (unknownCpv.size < MAX_REPORTED_UNKNOWN_CPV) unknownCpv.add(c.value);
        if (current?.ocid !== r.ocid) {
          current = { ocid: r.ocid!, rows: [] };
          groups.push(current);
        }
        current.rows.push(r);
      }
      // The last group may continue in the next batch: keep it back.
      const open = groups.pop();
      await flush();
      if (open) groups.push(open);
      done += rows.length;
      await progress(Math.min(99, (done / Math.max(1, imp.releaseCount)) * 100));
    });
    await flush();
    result.organisations = buyers.size;
    result.unknownCpvCodes = [...unknownCpv];
    this.logger.log(
      {
        importId: id,
        created: result.tendersCreated,
        updated: result.tendersUpdated,
        errors: result.errorsTotal,
      },
      'OCDS import done',
    );
    return result;
  }

  /** Keyset pages over the stored releases: with an ocid in (ocid, position) order, the others by position. */
  private async stream(
    importId: string,
    withOcid: boolean,
    each: (rows: ReleaseRow[]) => Promise<void>,
  ): Promise<void> {
    let after = { ocid: '', position: -1 };
    for (;;) {
      const rows: ReleaseRow[] = withOcid
        ? await this.ds.query(
            `SELECT position, ocid, body FROM ocds_import_release
              WHERE import_id = $1 AND ocid IS NOT NULL AND (ocid, position) > ($2::varchar, $3::int)
              ORDER BY ocid, position LIMIT ${BATCH_RELEASES}`,
            [importId, after.ocid, after.position],
          )
        : await this.ds.query(
            `SELECT position, ocid, body FROM ocds_import_release
              WHERE import_id = $1 AND ocid IS NULL AND position > $2
              ORDER BY position LIMIT ${BATCH_RELEASES}`,
            [importId, after.position],
          );
      if (!rows.length) return;
      await each(rows);
      const last = rows[rows.length - 1];
      after = { ocid: last.ocid ?? '', position: last.position };
      if (rows.length < BATCH_RELEASES) return;
    }
  }

  /**
   * Writes one batch of contracting processes in one transaction, run again when it loses a race with another
   * import of the same tenders or buyers (a deadlock); a try's counts are added to the result once it committed.
   */
  private async write(
    batch: { tender: ImportedTender; hash: string }[],
    publisherName: string | null,
    total: OcdsImportResult,
  ): Promise<void> {
    if (!batch.length) return;
    const counts = await retryingTransaction(this.ds, async (m) => {
      const result: BatchCounts = {
        tendersCreated: 0,
        tendersUpdated: 0,
        tendersUnchanged: 0,
        organisationsCreated: 0,
      };
      const buyerIds = await this.buyerOrganisations(m, batch, result);
      const existing = await m.getRepository(TenderEntity).find({
        where: { ocid: In(batch.map((b) => b.tender.ocid)) },
        select: { id: true, ocid: true, ocdsHash: true, ocdsReleaseDate: true, publishedAt: true },
      });
      const byOcid = new Map(existing.map((t) => [t.ocid!, t]));
      const creates: { tender: ImportedTender; row: TenderRow }[] = [];
      const updates: { tender: ImportedTender; id: string; row: TenderRow }[] = [];
      for (const { tender, hash } of batch) {
        const before = byOcid.get(tender.ocid);
        const releaseDate = tender.releaseDate ? new Date(tender.releaseDate) : null;
        // The same data again, or older data than what we hold (latest date wins): nothing to do.
        if (
          before &&
          (before.ocdsHash === hash ||
            (before.ocdsReleaseDate && releaseDate && releaseDate < before.ocdsReleaseDate))
        ) {
          result.tendersUnchanged += 1;
          continue;
        }
        const row: TenderRow = {
          source: 'ocds',
          ocid: tender.ocid,
          publisher: publisherName ? publisherName.slice(0, 300) : null,
          buyer_name: tender.buyerName ? tender.buyerName.slice(0, 300) : null,
          buyer_organisation_id: buyerIds.get(tender.buyer?.ref ?? '')!,
          title: tender.title,
          description: tender.description,
          main_procurement_category: tender.mainProcurementCategory,
          status: tender.status,
          estimated_value_cents: tender.valueCents,
          currency: tender.currency ?? 'EUR',
          tender_period_end: tender.tenderPeriodEnd,
          contract_start: tender.contractStart,
          contract_end: tender.contractEnd,
          suitable_for_sme: tender.suitability.sme,
          suitable_for_vcse: tender.suitability.vcse,
          ocds_status: tender.ocdsStatus,
          lots: tender.lots.length ? tender.lots : null,
          ocds_release_date: releaseDate?.toISOString() ?? null,
          ocds_release_id: tender.releaseId,
          ocds_hash: hash,
          published_at:
            before?.publishedAt?.toISOString() ??
            (tender.status === 'draft' ? null : new Date().toISOString()),
        };
        if (before) updates.push({ tender, id: before.id, row });
        else creates.push({ tender, row });
      }
      // A few statements per batch, not per tender: rows travel as one JSON parameter each.
      const written: { tender: ImportedTender; id: string }[] = [];
      if (creates.length) {
        const ids: { id: string; ocid: string }[] = await m.query(
          `INSERT INTO tender (${TENDER_COLUMNS}) SELECT ${TENDER_COLUMNS}
             FROM jsonb_populate_recordset(NULL::tender, $1::jsonb) RETURNING id, ocid`,
          [JSON.stringify(creates.map((c) => c.row))],
        );
        const idOf = new Map(ids.map((r) => [r.ocid, r.id]));
        for (const c of creates) written.push({ tender: c.tender, id: idOf.get(c.tender.ocid)! });
      }
      if (updates.length) {
        const ids = updates.map((u) => u.id);
        await m.query(
          `UPDATE tender t SET (${TENDER_COLUMNS}, updated_at) = (${TENDER_COLUMNS.split(', ')
            .map((c) => `r.${c}`)
            .join(', ')}, now())
             FROM jsonb_populate_recordset(NULL::tender, $1::jsonb) AS r WHERE t.ocid = r.ocid`,
          [JSON.stringify(updates.map((u) => u.row))],
        );
        await m.query('DELETE FROM tender_item WHERE tender_id = ANY($1)', [ids]);
        await m.query('DELETE FROM ocds_award WHERE tender_id = ANY($1)', [ids]);
        for (const u of updates) written.push({ tender: u.tender, id: u.id });
      }
      result.tendersCreated += creates.length;
      result.tendersUpdated += updates.length;
      const items = written.flatMap(({ tender, id }) =>
        tender.items.map((i, position) => ({
          tender_id: id,
          position,
          description: i.description,
          cpv_code: i.cpvCode,
        })),
      );
      if (items.length)
        await m.query(
          `INSERT INTO tender_item (tender_id, position, description, cpv_code)
           SELECT tender_id, position, description, cpv_code FROM jsonb_populate_recordset(NULL::tender_item, $1::jsonb)`,
          [JSON.stringify(items)],
        );
      const awards = written.flatMap(({ tender, id }) =>
        dedupeBy(tender.awards, (a) => a.awardId).map((a) => ({
          tender_id: id,
          award_id: a.awardId,
          title: a.title,
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
      // Active imported tenders are opportunities for social enterprises like the platform's own; an update may
      // also close one that was open, so updated tenders are re-scored whatever their status.
      const updated = new Set(updates.map((u) => u.id));
      await this.triggers.request(
        m,
        'tender',
        written.filter((w) => w.tender.status === 'active' || updated.has(w.id)).map((w) => w.id),
      );
      return result;
    });
    for (const key of Object.keys(counts) as (keyof BatchCounts)[]) total[key] += counts[key];
  }

  /**
   * One external buyer organisation per OCDS buyer, found again by its reference on later imports. Processes without
   * any named buyer or publisher are attributed to one "Unknown buyer (open data)" organisation.
   */
  private async buyerOrganisations(
    m: EntityManager,
    batch: { tender: ImportedTender }[],
    result: Pick<BatchCounts, 'organisationsCreated'>,
  ): Promise<Map<string, string>> {
    const wanted = new Map<string, string>();
    for (const { tender } of batch)
      wanted.set(tender.buyer?.ref ?? '', tender.buyer?.name ?? 'Unknown buyer (open data)');
    const refs = [...wanted.keys()].map((r) => r || 'ocds-unknown-buyer');
    const created: { id: string }[] = await m.query(
      `INSERT INTO organisation (kind, name, postcode, external, external_ref)
       SELECT 'buyer', n, '', true, r FROM unnest($1::varchar[], $2::varchar[]) AS x(r, n) ORDER BY r
       ON CONFLICT (external_ref) WHERE external_ref IS NOT NULL DO NOTHING
       RETURNING id`,
      [refs, [...wanted.values()]],
    );
    result.organisationsCreated += created.length;
    const rows = await m.getRepository(OrganisationEntity).find({
      where: { externalRef: In(refs) },
      select: { id: true, externalRef: true },
    });
    const byRef = new Map(rows.map((o) => [o.externalRef!, o.id]));
    return new Map([...wanted.keys()].map((k) => [k, byRef.get(k || 'ocds-unknown-buyer')!]));
  }

  private view(job: BackgroundJobEntity): OcdsImportView {
    return {
      id: job.id,
      status: job.status,
      progress: job.progress,
      error: job.error,
      result: (job.result as OcdsImportResult | EformsImportResult | null) ?? null,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
    };
  }
}

/** Whether the body is a release package at all; everything finer is the schema check's job in the worker. */
function assertReleasePackage(body: unknown): Record<string, unknown> & { releases: unknown[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationFailedError(
      'The body must be an OCDS release package (a JSON object)',
      [{ field: '/', message: 'must be object' }],
      InteropErrorCode.InvalidReleasePackage,
    );
  const releases = (body as Record<string, unknown>).releases;
  if (!Array.isArray(releases) || releases.length === 0)
    throw new ValidationFailedError(
      'The release package has no releases',
      [{ field: '/releases', message: 'must be a non-empty array of releases' }],
      InteropErrorCode.InvalidReleasePackage,
    );
  return body as Record<string, unknown> & { releases: unknown[] };
}

/**
 * Refuses a package with text PostgreSQL's JSON cannot store (an unpaired surrogate, a NUL character) before it
 * gets there, naming every place by its JSON Pointer (the first 100).
 */
function assertStorableText(pkg: unknown, serialised: string[]): void {
  const found = unstorableText(pkg, 100, serialised);
  if (!found.length) return;
  throw new ValidationFailedError(
    'The release package cannot be stored: it contains text that is not valid Unicode (an unpaired surrogate) or a NUL character',
    found.map((f) => ({ field: f.path, code: f.code, message: f.message })),
    InteropErrorCode.InvalidReleasePackage,
  );
}

/** JSON text of the package's parts; nesting too deep to serialise is bad input, not a server error. */
function serialise(releases: unknown[], meta: unknown): { releasesJson: string; metaJson: string } {
  try {
    return { releasesJson: JSON.stringify(releases), metaJson: JSON.stringify(meta) };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new ValidationFailedError(
      'The release package is nested too deeply',
      [{ field: '/', code: 'too_deep', message: 'nested too deeply to be read' }],
      InteropErrorCode.InvalidReleasePackage,
    );
  }
}

function dateOf(release: unknown): string {
  const d = typeof release === 'object' && release !== null ? (release as { date?: unknown }).date : null;
  return typeof d === 'string' && !Number.isNaN(Date.parse(d)) ? new Date(d).toISOString() : '';
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function dedupeBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}
