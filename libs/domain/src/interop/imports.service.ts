import { NotFoundError, ValidationFailedError } from '@app/common';
import {
  BackgroundJobEntity,
  OcdsAwardEntity,
  OcdsImportEntity,
  OrganisationEntity,
  TenderEntity,
  TenderItemEntity,
} from '@app/database';
import { JobName, QueueName } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ReferenceDataService } from '../directory/reference-data.service';
import { Actor, isAdmin } from '../identity/actor';
import { JobsService, ReportProgress } from '../jobs/jobs.service';
import { MatchingTriggers } from '../matching/matching-triggers.service';
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

export const IMPORT_JOB_KIND = 'ocds_import';
/** How many problems an import result lists; `errorsTotal` counts them all. */
export const MAX_REPORTED_ERRORS = 100;
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
  result: OcdsImportResult | null;
  createdAt: Date;
  finishedAt: Date | null;
}

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
    const releasesJson = JSON.stringify(releases);
    const sha256 = createHash('sha256').update(JSON.stringify(meta)).update(releasesJson).digest('hex');
    const id = await this.ds.transaction(async (m) => {
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
      // One parameter, split by PostgreSQL: no per-release round trips, no second copy per release in Node.
      await m
        .query(
          `INSERT INTO ocds_import_release (import_id, position, ocid, body)
         SELECT $1, r.ord - 1, CASE WHEN jsonb_typeof(r.body -> 'ocid') = 'string' THEN left(r.body ->> 'ocid', 300) END, r.body
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(body, ord)`,
          [job.id, releasesJson],
        )
        .catch((err: unknown) => {
          // PostgreSQL's JSON refuses what JSON itself allows: NUL characters and unpaired surrogates.
          if (['22P02', '22P05', '22021'].includes((err as { code?: string }).code ?? ''))
            throw new ValidationFailedError(
              'The release package cannot be stored: it contains a NUL character or invalid Unicode',
              [{ field: '/releases', message: (err as Error).message }],
              InteropErrorCode.InvalidReleasePackage,
            );
          throw err;
        });
      return job.id;
    });
    return this.view((await this.jobs.findById(id))!);
  }

  async get(actor: Actor, id: string): Promise<OcdsImportView> {
    const job = await this.jobs.findById(id);
    const own =
      job &&
      (isAdmin(actor) ||
        (job.organisationId !== null && job.organisationId === actor.organisationId) ||
        job.userId === actor.userId);
    if (!job || !own || job.kind !== IMPORT_JOB_KIND)
      throw new NotFoundError(InteropErrorCode.ImportNotFound, 'Import');
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
        for (const c of cpv) if (unknownCpv.size < MAX_REPORTED_ERRORS) unknownCpv.add(c.value);
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

  /** Writes one batch of contracting processes in one transaction. */
  private async write(
    batch: { tender: ImportedTender; hash: string }[],
    publisherName: string | null,
    result: OcdsImportResult,
  ): Promise<void> {
    if (!batch.length) return;
    await this.ds.transaction(async (m) => {
      const buyerIds = await this.buyerOrganisations(m, batch, result);
      const existing = await m.getRepository(TenderEntity).find({
        where: { ocid: In(batch.map((b) => b.tender.ocid)) },
        select: { id: true, ocid: true, ocdsHash: true, ocdsReleaseDate: true, publishedAt: true },
      });
      const byOcid = new Map(existing.map((t) => [t.ocid!, t]));
      const creates: { tender: ImportedTender; values: QueryDeepPartialEntity<TenderEntity> }[] = [];
      const updates: { tender: ImportedTender; id: string; values: QueryDeepPartialEntity<TenderEntity> }[] =
        [];
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
        const values: QueryDeepPartialEntity<TenderEntity> = {
          source: 'ocds',
          ocid: tender.ocid,
          publisher: publisherName ? publisherName.slice(0, 300) : null,
          buyerName: tender.buyerName ? tender.buyerName.slice(0, 300) : null,
          buyerOrganisationId: buyerIds.get(tender.buyer?.ref ?? '')!,
          title: tender.title,
          description: tender.description,
          mainProcurementCategory: tender.mainProcurementCategory,
          status: tender.status,
          estimatedValueCents: tender.valueCents,
          currency: tender.currency ?? 'EUR',
          tenderPeriodEnd: tender.tenderPeriodEnd,
          contractStart: tender.contractStart,
          contractEnd: tender.contractEnd,
          suitableForSme: tender.suitability.sme,
          suitableForVcse: tender.suitability.vcse,
          ocdsStatus: tender.ocdsStatus,
          lots: tender.lots.length ? tender.lots : null,
          ocdsReleaseDate: releaseDate,
          ocdsReleaseId: tender.releaseId,
          ocdsHash: hash,
          publishedAt: before?.publishedAt ?? (tender.status === 'draft' ? null : new Date()),
        };
        if (before) updates.push({ tender, id: before.id, values });
        else creates.push({ tender, values });
      }
      // Few statements per batch, not per tender: an import of 10,000 releases is mostly these inserts.
      const written: { tender: ImportedTender; id: string }[] = [];
      for (const part of chunks(creates, 500)) {
        const inserted = await m.getRepository(TenderEntity).insert(part.map((c) => c.values));
        part.forEach((c, i) => written.push({ tender: c.tender, id: inserted.identifiers[i].id as string }));
      }
      for (const u of updates) {
        await m.getRepository(TenderEntity).update({ id: u.id }, u.values);
        written.push({ tender: u.tender, id: u.id });
      }
      if (updates.length) {
        const ids = updates.map((u) => u.id);
        await m.getRepository(TenderItemEntity).delete({ tenderId: In(ids) });
        await m.getRepository(OcdsAwardEntity).delete({ tenderId: In(ids) });
      }
      result.tendersCreated += creates.length;
      result.tendersUpdated += updates.length;
      const items = written.flatMap(({ tender, id }) =>
        tender.items.map((i, position) => ({ ...i, tenderId: id, position })),
      );
      for (const part of chunks(items, 2000)) await m.getRepository(TenderItemEntity).insert(part);
      const awards = written.flatMap(({ tender, id }) =>
        dedupeBy(tender.awards, (a) => a.awardId).map((a) => ({
          ...a,
          date: a.date ? new Date(a.date) : null,
          tenderId: id,
        })),
      );
      for (const part of chunks(awards, 1000)) await m.getRepository(OcdsAwardEntity).insert(part);
      const changed = written.map((w) => w.id);
      // Imported tenders are opportunities for social enterprises like the platform's own.
      await this.triggers.request(m, 'tender', changed);
    });
  }

  /**
   * One external buyer organisation per OCDS buyer, found again by its reference on later imports. Processes without
   * any named buyer or publisher are attributed to one "Unknown buyer (open data)" organisation.
   */
  private async buyerOrganisations(
    m: EntityManager,
    batch: { tender: ImportedTender }[],
    result: OcdsImportResult,
  ): Promise<Map<string, string>> {
    const wanted = new Map<string, string>();
    for (const { tender } of batch)
      wanted.set(tender.buyer?.ref ?? '', tender.buyer?.name ?? 'Unknown buyer (open data)');
    const refs = [...wanted.keys()].map((r) => r || 'ocds-unknown-buyer');
    const created: { id: string }[] = await m.query(
      `INSERT INTO organisation (kind, name, postcode, external, external_ref)
       SELECT 'buyer', n, '', true, r FROM unnest($1::varchar[], $2::varchar[]) AS x(r, n)
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
      result: (job.result as OcdsImportResult | null) ?? null,
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

function dateOf(release: unknown): string {
  const d = typeof release === 'object' && release !== null ? (release as { date?: unknown }).date : null;
  return typeof d === 'string' && !Number.isNaN(Date.parse(d)) ? new Date(d).toISOString() : '';
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function dedupeBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}
