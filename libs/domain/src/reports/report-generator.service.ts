import { AppError, todayInNl } from '@app/common';
import { Env } from '@app/config';
import { ContractEntity, OrganisationEntity, ReportEntity, TenderEntity } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { stringify } from 'csv-stringify/sync';
import { DataSource, EntityManager } from 'typeorm';
import { ReportProgress } from '../jobs/jobs.service';
import { countFailures, FailureCounter } from '../metrics/failure-counts';
import { SroiInputError } from '../sroi/dates';
import {
  ContributionJson,
  ObligationJson,
  obligationJson,
  contributionJson,
} from '../obligations/obligation-json';
import { ObligationsService } from '../obligations/obligations.service';
import { computeProgress } from '../obligations/progress';
import { CSV_OPTIONS } from './csv-cells';
import { renderBuyerPdf } from './pdf/buyer-pdf';
import { renderObligationPdf } from './pdf/obligation-pdf';
import { BuyerXlsxTotals, isAtRisk, writeBuyerXlsx, writeObligationXlsx } from './xlsx/report-xlsx';
import {
  BuyerObligationSummary,
  BuyerReportData,
  ObligationReportData,
  ReportMeta,
  routeTotals,
  ROUTES,
  RouteTotal,
} from './report-data';
import { CONTENT_TYPES, reportFileName } from './report-file-name';
import {
  BUYER_OBLIGATION_ROWS_SQL,
  BUYER_ROUTES_SQL,
  BuyerObligationRow,
  CONTRIBUTION_ROWS_SQL,
  ContributionRow,
  PER_TARGET_GROUP_SQL,
  SPEND_PER_SE_SQL,
} from './report-queries';
import { ChunkWriter, StoredFile } from './report-storage';

const FETCH_ROWS = 5000;

export const CONTRIBUTION_CSV_COLUMNS = [
  'contribution_id',
  'obligation_id',
  'tender_id',
  'date',
  'category',
  'status',
  'description',
  'supplier',
  'invoice_number',
  'target_group',
  'block_code',
  'hours_per_week',
  'end_date',
  'claimed_value_cents',
  'verified_value_cents',
  'created_at',
];

export const BUYER_CSV_COLUMNS = [
  'obligation_id',
  'tender_id',
  'tender_title',
  'contractor',
  'amount_cents',
  'claimed_cents',
  'verified_cents',
  'remaining_cents',
  'forecast_cents',
  'status',
  'due_date',
  'claimed_in_period_cents',
  'verified_in_period_cents',
];

/** The status code a buyer row carries when its progress cannot be computed (the PDF says it in words). */
export const ROW_ERROR_STATUS = 'error';

/** A row that could not be rendered as it should, and was marked in the file instead. */
export interface RowFailure {
  kind: 'buyer_obligation' | 'contribution';
  id: string;
  detail: string;
}

function detailOf(err: unknown): string {
  return ((err as Error | undefined)?.message ?? String(err)).slice(0, 300);
}

/** An instant as ISO 8601, or empty when the stored value is not a date (`infinity`, a broken value). */
function isoOrEmpty(d: Date | null | undefined): string {
  return d instanceof Date && Number.isFinite(d.getTime()) ? d.toISOString() : '';
}

export function contributionCsvRecord(r: ContributionRow): unknown[] {
  return [
    r.id,
    r.obligation_id,
    r.tender_id,
    r.date,
    r.category,
    r.status,
    r.description,
    r.supplier_name,
    r.invoice_number,
    r.target_group,
    r.block_code,
    r.hours_per_week ?? '',
    r.end_date ?? '',
    Number(r.claimed_value_cents),
    r.verified_value_cents === null ? '' : Number(r.verified_value_cents),
    isoOrEmpty(r.created_at),
  ];
}

/**
 * `contributionCsvRecord`, or for a row it cannot render its ids with the status `error` and the rest empty
 * (recorded in `failures`): one row never fails the file.
 */
export function contributionCsvRecordOrMark(r: ContributionRow, failures: RowFailure[]): unknown[] {
  try {
    return contributionCsvRecord(r);
  } catch (err) {
    failures.push({ kind: 'contribution', id: r.id, detail: detailOf(err) });
    return CONTRIBUTION_CSV_COLUMNS.map((c) =>
      c === 'contribution_id'
        ? r.id
        : c === 'obligation_id'
          ? r.obligation_id
          : c === 'tender_id'
            ? r.tender_id
            : c === 'status'
              ? ROW_ERROR_STATUS
              : '',
    );
  }
}

export function buyerCsvRecord(o: BuyerObligationSummary): unknown[] {
  return [
    o.id,
    o.tenderId,
    o.tenderTitle,
    o.contractorName,
    o.amountCents,
    o.claimedCents,
    o.verifiedCents,
    o.remainingCents,
    o.forecastCents,
    o.status,
    o.dueDate,
    o.claimedInPeriodCents,
    o.verifiedInPeriodCents,
  ];
}

/** One buyer-report row, with the status and forecast the API computes for the same obligation. */
export function summarise(row: BuyerObligationRow, today: string): BuyerObligationSummary {
  const live = Number(row.live_count);
  const claimed = Number(row.claimed);
  const verified = Number(row.verified);
  const progress = computeProgress({
    amountCents: Number(row.amount_cents),
    contractStart: row.start_date,
    contractEnd: row.end_date,
    dueDate: row.due_date,
    waived: row.waived,
    today,
    penaltyPercentage: row.penalty_percentage === null ? null : Number(row.penalty_percentage),
    // The aggregate stands in for the single claims: progress only needs their sums and whether any is live.
    contributions: [
      ...(live > 0
        ? [{ status: 'submitted' as const, claimedValueCents: claimed, verifiedValueCents: null }]
        : []),
      ...(verified > 0
        ? [{ status: 'verified' as const, claimedValueCents: 0, verifiedValueCents: verified }]
        : []),
    ],
  });
  return {
    id: row.id,
    tenderId: row.tender_id,
    tenderTitle: row.tender_title,
    contractorName: row.contractor_name,
    amountCents: Number(row.amount_cents),
    claimedCents: progress.claimedCents,
    verifiedCents: progress.verifiedCents,
    remainingCents: progress.remainingCents,
    forecastCents: progress.forecastCents,
    status: progress.status,
    dueDate: row.due_date,
    claimedInPeriodCents: Number(row.period_claimed),
    verifiedInPeriodCents: Number(row.period_verified),
  };
}

/**
 * `summarise`, or for an obligation whose progress cannot be computed (a stored date the engine cannot read) its
 * stored facts and sums with the status `error`: remaining is the amount less the verified sum, the forecast is
 * what is claimed. Recorded in `failures`; the rest of the report is unchanged.
 */
export function summariseOrMark(
  row: BuyerObligationRow,
  today: string,
  failures: RowFailure[],
): BuyerObligationSummary {
  try {
    return summarise(row, today);
  } catch (err) {
    failures.push({ kind: 'buyer_obligation', id: row.id, detail: detailOf(err) });
    const amountCents = Number(row.amount_cents);
    const verifiedCents = Number(row.verified);
    return {
      id: row.id,
      tenderId: row.tender_id,
      tenderTitle: row.tender_title,
      contractorName: row.contractor_name,
      amountCents,
      claimedCents: Number(row.claimed),
      verifiedCents,
      remainingCents: Math.max(0, amountCents - verifiedCents),
      forecastCents: Number(row.claimed),
      status: ROW_ERROR_STATUS,
      dueDate: row.due_date,
      claimedInPeriodCents: Number(row.period_claimed),
      verifiedInPeriodCents: Number(row.period_verified),
    };
  }
}

/**
 * An error of the report's own data (the engine refuses a stored value, or it has a shape the code cannot read):
 * every attempt would fail the same way.
 */
function isDataError(err: unknown): boolean {
  return err instanceof SroiInputError || err instanceof RangeError || err instanceof TypeError;
}

/**
 * Produces a report's file in the worker. Everything is read and the file written in one REPEATABLE READ
 * transaction: the totals agree with the rows, and the file, its size and checksum commit together. A
 * re-delivered job finds the file complete and does nothing; a job retried after a crash starts from an
 * empty file (chunks of the failed attempt were never committed).
 */
@Injectable()
export class ReportGeneratorService {
  private readonly logger = new Logger(ReportGeneratorService.name);

  private readonly ocidPrefix: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly obligations: ObligationsService,
    env: Env,
  ) {
    this.ocidPrefix = (env as Env & { OCDS_OCID_PREFIX?: string }).OCDS_OCID_PREFIX ?? 'ocds-buysocial';
  }

  async generate(reportId: string, progress: ReportProgress): Promise<StoredFile | null> {
    const report = await this.ds.getRepository(ReportEntity).findOneBy({ id: reportId });
    if (!report) {
      this.logger.warn({ reportId }, 'report gone; nothing to generate');
      return null;
    }
    if (report.sha256 && report.sizeBytes !== null)
      return { sizeBytes: report.sizeBytes, sha256: report.sha256 };
    await progress(1);
    const failures: RowFailure[] = [];
    let stored: StoredFile;
    try {
      stored = await this.store(report, progress, failures);
    } catch (err) {
      // A domain error here means the scope is gone or no longer visible to the requester: retrying cannot help.
      if (err instanceof AppError) throw new UnrecoverableError(err.message);
      // The report's subject itself cannot be read (not one row of it): failed at once with the reason.
      if (isDataError(err)) {
        this.logger.warn({ reportId, err: detailOf(err) }, 'report cannot be made from the stored data');
        throw new UnrecoverableError(
          err instanceof SroiInputError
            ? `The report cannot be made: its stored data cannot be valued (${err.message})`
            : 'The report cannot be made: its stored data cannot be read',
        );
      }
      throw err;
    }
    if (failures.length) {
      this.logger.warn(
        { reportId, rows: failures.length, first: failures.slice(0, 5) },
        'report finished with rows marked: they could not be rendered',
      );
      await countFailures(
        this.ds,
        FailureCounter.ReportRowFailed,
        failures.map((f) => f.kind),
        this.logger,
      );
    }
    return stored;
  }

  private store(report: ReportEntity, progress: ReportProgress, failures: RowFailure[]): Promise<StoredFile> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      await m.query('DELETE FROM report_file_chunk WHERE report_id = $1', [report.id]);
      failures.length = 0;
      const writer = new ChunkWriter(m, report.id);
      const reference = await this.write(m, report, writer, progress, failures);
      const stored = await writer.end();
      await m.getRepository(ReportEntity).update(
        { id: report.id },
        {
          ...stored,
          contentType: CONTENT_TYPES[report.format],
          fileName: reportFileName(report.scope, report.language, reference, todayInNl(), report.format),
        },
      );
      await progress(99);
      return stored;
    });
  }

  /** Writes the file; returns the reference that names it (the tender's, or the buyer's name). */
  private async write(
    m: EntityManager,
    report: ReportEntity,
    out: ChunkWriter,
    progress: ReportProgress,
    failures: RowFailure[],
  ): Promise<string> {
    const meta: ReportMeta = {
      scope: report.scope,
      language: report.language,
      period: report.periodFrom && report.periodTo ? { from: report.periodFrom, to: report.periodTo } : null,
      generatedAt: new Date(),
    };
    if (report.scope === 'buyer') {
      const buyer = await m.getRepository(OrganisationEntity).findOneByOrFail({ id: report.scopeId });
      if (report.format === 'csv') await this.buyerCsv(m, report, out, progress, failures);
      else if (report.format === 'xlsx') await this.buyerXlsx(m, meta, buyer, out, progress, failures);
      else {
        const data = await this.buyerData(m, report, meta, buyer, failures);
        await progress(40);
        if (report.format === 'pdf') await pipePdf(await renderBuyerPdf(data), out);
        else await out.write(JSON.stringify(await this.buyerJson(data), null, 2));
      }
      return buyer.name;
    }
    const obligationId = await this.obligationOf(m, report);
    if (report.format === 'csv') {
      // Only the rows, streamed: nothing of the obligation is loaded whole.
      const [{ tender_id: tenderId }] = await m.query('SELECT tender_id FROM obligation WHERE id = $1', [
        obligationId,
      ]);
      const tender = await m.getRepository(TenderEntity).findOneByOrFail({ id: tenderId });
      await this.contributionCsv(m, obligationId, meta, out, progress, failures);
      return tenderReference(tender, this.ocidPrefix);
    }
    const data = await this.obligationData(m, report, obligationId, meta, report.format === 'json');
    await progress(30);
    if (report.format === 'pdf') await pipePdf(await renderObligationPdf(data), out);
    else if (report.format === 'xlsx') await writeObligationXlsx(data, (chunk) => out.write(chunk));
    else await out.write(JSON.stringify(obligationReportJson(data), null, 2));
    return data.tender.reference;
  }

  private async obligationOf(m: EntityManager, report: ReportEntity): Promise<string> {
    if (report.scope === 'obligation') return report.scopeId;
    const [row] = await m.query('SELECT id FROM obligation WHERE tender_id = $1', [report.scopeId]);
    if (!row) throw new Error(`tender ${report.scopeId} has no obligation`);
    return row.id as string;
  }

  /**
   * The request was authorised when it was made (ReportsService); the worker reads for the organisation that asked,
   * which must still be a party of the obligation (else 404, and the report fails).
   */
  private async obligationData(
    m: EntityManager,
    report: ReportEntity,
    obligationId: string,
    meta: ReportMeta,
    withJson = true,
  ): Promise<ObligationReportData> {
    const view = await this.obligations.getForParty(report.organisationId, obligationId);
    const obligation = obligationJson(view);
    const tender = await m.getRepository(TenderEntity).findOneOrFail({
      where: { id: obligation.tenderId },
      relations: { buyerOrganisation: true },
    });
    const contract = await m.getRepository(ContractEntity).findOneOrFail({
      where: { id: obligation.contractId },
      relations: { contractorOrganisation: true },
    });
    const contributions: ContributionRow[] = await m.query(CONTRIBUTION_ROWS_SQL, [
      obligationId,
      meta.period?.from ?? null,
      meta.period?.to ?? null,
    ]);
    const inPeriod = new Set(contributions.map((c) => c.id));
    const contributionsJson: ContributionJson[] = [];
    // Only the JSON report carries the contributions as the API gives them.
    for (let cursor: string | undefined; withJson;) {
      const page = await this.obligations.contributionsOf(obligationId, { limit: 100, cursor });
      contributionsJson.push(...page.items.filter((c) => inPeriod.has(c.id)).map(contributionJson));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const snapshot = contract.policySnapshot;
    return {
      meta,
      tender: {
        id: tender.id,
        title: tender.title,
        reference: tenderReference(tender, this.ocidPrefix),
        buyerName: tender.buyerOrganisation?.name ?? '',
      },
      contractorName: contract.contractorOrganisation?.name ?? '',
      policy: {
        id: contract.policyId,
        name: snapshot.name ?? '',
        version: snapshot.version ?? obligation.policyVersion,
      },
      obligation,
      contributionsJson,
      contributions,
      routes: routeTotals(
        contributions.map((c) => ({
          category: c.category,
          status: c.status,
          claimed: Number(c.claimed_value_cents),
          verified: c.verified_value_cents === null ? null : Number(c.verified_value_cents),
        })),
      ),
    };
  }

  private async buyerData(
    m: EntityManager,
    report: ReportEntity,
    meta: ReportMeta,
    buyer: OrganisationEntity,
    failures: RowFailure[],
  ): Promise<BuyerReportData> {
    const params = [buyer.id, meta.period?.from ?? null, meta.period?.to ?? null];
    const today = todayInNl();
    const rows: BuyerObligationRow[] = await m.query(BUYER_OBLIGATION_ROWS_SQL, params);
    return {
      ...(await this.buyerAggregates(m, meta, buyer)),
      obligations: rows.map((r) => summariseOrMark(r, today, failures)),
    };
  }

  /** Everything of the buyer report except the obligation rows: per SE, per target group, per route. */
  private async buyerAggregates(
    m: EntityManager,
    meta: ReportMeta,
    buyer: OrganisationEntity,
  ): Promise<Omit<BuyerReportData, 'obligations'>> {
    const params = [buyer.id, meta.period?.from ?? null, meta.period?.to ?? null];
    const spend = await m.query(SPEND_PER_SE_SQL, params);
    const groups = await m.query(PER_TARGET_GROUP_SQL, params);
    const routes: { category: string; count: number; claimed_cents: string; verified_cents: string }[] =
      await m.query(BUYER_ROUTES_SQL, params);
    return {
      meta,
      buyer: { id: buyer.id, name: buyer.name },
      spendPerSocialEnterprise: spend.map((s: Record<string, string>) => ({
        socialEnterpriseId: s.id,
        name: s.name,
        count: Number(s.count),
        spentCents: Number(s.spent_cents),
        claimedCents: Number(s.claimed_cents),
        verifiedCents: Number(s.verified_cents),
      })),
      perTargetGroup: groups.map((g: Record<string, string>) => ({
        targetGroup: g.target_group,
        count: Number(g.count),
        claimedCents: Number(g.claimed_cents),
        verifiedCents: Number(g.verified_cents),
      })),
      routes: ROUTES.map((route): RouteTotal => {
        const r = routes.find((x) => x.category === route);
        return {
          route,
          count: r ? Number(r.count) : 0,
          claimedCents: r ? Number(r.claimed_cents) : 0,
          verifiedCents: r ? Number(r.verified_cents) : 0,
        };
      }),
    };
  }

  /**
   * The buyer workbook, streamed: a first pass over the obligations (through a cursor) sums the summary and keeps
   * the ones at risk, a second writes them row by row. Both read the same snapshot (REPEATABLE READ).
   */
  private async buyerXlsx(
    m: EntityManager,
    meta: ReportMeta,
    buyer: OrganisationEntity,
    out: ChunkWriter,
    progress: ReportProgress,
    failures: RowFailure[],
  ): Promise<void> {
    const params = [buyer.id, meta.period?.from ?? null, meta.period?.to ?? null];
    const today = todayInNl();
    const aggregates = await this.buyerAggregates(m, meta, buyer);
    const totals: BuyerXlsxTotals = {
      count: 0,
      amountCents: 0,
      claimedCents: 0,
      verifiedCents: 0,
      remainingCents: 0,
      atRisk: [],
    };
    // The first pass only counts: a row's failure is recorded once, in the second.
    for await (const row of cursorRows<BuyerObligationRow>(m, BUYER_OBLIGATION_ROWS_SQL, params)) {
      const o = summariseOrMark(row, today, []);
      totals.count += 1;
      totals.amountCents += o.amountCents;
      totals.claimedCents += o.claimedCents;
      totals.verifiedCents += o.verifiedCents;
      totals.remainingCents += o.remainingCents;
      if (isAtRisk(o)) totals.atRisk.push(o);
    }
    await progress(40);
    let done = 0;
    async function* summaries(): AsyncGenerator<BuyerObligationSummary> {
      for await (const row of cursorRows<BuyerObligationRow>(m, BUYER_OBLIGATION_ROWS_SQL, params)) {
        yield summariseOrMark(row, today, failures);
        done += 1;
        if (done % FETCH_ROWS === 0 && totals.count > 0) await progress(40 + (done / totals.count) * 55);
      }
    }
    await writeBuyerXlsx(aggregates, totals, summaries(), (chunk) => out.write(chunk));
  }

  /** The buyer JSON: the obligations exactly as `GET /obligations` gives them, plus the report's aggregates. */
  private async buyerJson(data: BuyerReportData): Promise<Record<string, unknown>> {
    const obligations: ObligationJson[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await this.obligations.listOf('buyer', data.buyer.id, { limit: 100, cursor });
      obligations.push(...page.items.map(obligationJson));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const atRisk = new Set(data.obligations.filter((o) => isAtRisk(o)).map((o) => o.id));
    return {
      report: reportMetaJson(data.meta),
      buyer: data.buyer,
      obligations,
      obligationsAtRisk: obligations.filter((o) => atRisk.has(o.id)).map((o) => o.id),
      spendPerSocialEnterprise: data.spendPerSocialEnterprise,
      contributionsPerTargetGroup: data.perTargetGroup,
      totalsPerRoute: data.routes,
      periodTotals: data.obligations.map((o) => ({
        obligationId: o.id,
        claimedCents: o.claimedInPeriodCents,
        verifiedCents: o.verifiedInPeriodCents,
      })),
    };
  }

  private async contributionCsv(
    m: EntityManager,
    obligationId: string,
    meta: ReportMeta,
    out: ChunkWriter,
    progress: ReportProgress,
    failures: RowFailure[],
  ): Promise<void> {
    const params = [obligationId, meta.period?.from ?? null, meta.period?.to ?? null];
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM contribution WHERE obligation_id = $1', [
      obligationId,
    ]);
    await streamCsv(
      m,
      CONTRIBUTION_ROWS_SQL,
      params,
      CONTRIBUTION_CSV_COLUMNS,
      n,
      out,
      progress,
      (r: ContributionRow) => contributionCsvRecordOrMark(r, failures),
    );
  }

  private async buyerCsv(
    m: EntityManager,
    report: ReportEntity,
    out: ChunkWriter,
    progress: ReportProgress,
    failures: RowFailure[],
  ): Promise<void> {
    const params = [report.scopeId, report.periodFrom, report.periodTo];
    const [{ n }] = await m.query(
      'SELECT count(*)::int AS n FROM obligation WHERE buyer_organisation_id = $1',
      [report.scopeId],
    );
    const today = todayInNl();
    await streamCsv(
      m,
      BUYER_OBLIGATION_ROWS_SQL,
      params,
      BUYER_CSV_COLUMNS,
      n,
      out,
      progress,
      (r: BuyerObligationRow) => buyerCsvRecord(summariseOrMark(r, today, failures)),
    );
  }
}

/**
 * Streams a query through a server-side cursor (DECLARE … CURSOR, FETCH in batches) into CSV: memory holds one
 * batch whatever the row count. The caller's transaction keeps the cursor open.
 */
export async function streamCsv<R>(
  m: EntityManager,
  sql: string,
  params: unknown[],
  columns: string[],
  total: number,
  out: ChunkWriter,
  progress: ReportProgress,
  record: (row: R) => unknown[],
): Promise<void> {
  await m.query(`DECLARE report_rows NO SCROLL CURSOR FOR ${sql}`, params);
  await out.write(stringify([columns], CSV_OPTIONS));
  let done = 0;
  for (;;) {
    const rows: R[] = await m.query(`FETCH ${FETCH_ROWS} FROM report_rows`);
    if (!rows.length) break;
    await out.write(stringify(rows.map(record), CSV_OPTIONS));
    done += rows.length;
    if (total > 0) await progress(30 + (done / total) * 65);
  }
  await m.query('CLOSE report_rows');
}

/** A query's rows through a server-side cursor, a batch at a time (the caller's transaction keeps it open). */
export async function* cursorRows<R>(m: EntityManager, sql: string, params: unknown[]): AsyncGenerator<R> {
  await m.query(`DECLARE report_cursor NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const rows: R[] = await m.query(`FETCH ${FETCH_ROWS} FROM report_cursor`);
      if (!rows.length) break;
      yield* rows;
    }
  } finally {
    await m.query('CLOSE report_cursor');
  }
}

async function pipePdf(doc: PDFKit.PDFDocument, out: ChunkWriter): Promise<void> {
  for await (const chunk of doc) await out.write(chunk);
}

/** The tender's OCDS identifier: imported tenders keep theirs, the platform's own are `<prefix>-<id>`. */
export function tenderReference(t: TenderEntity, ocidPrefix: string): string {
  return t.ocid ?? `${ocidPrefix}-${t.id}`;
}

function reportMetaJson(meta: ReportMeta): Record<string, unknown> {
  return {
    scope: meta.scope,
    language: meta.language,
    period: meta.period,
    generatedAt: meta.generatedAt.toISOString(),
  };
}

/** The obligation JSON: the obligation and its contributions exactly as the API gives them, plus the report. */
export function obligationReportJson(data: ObligationReportData): Record<string, unknown> {
  return {
    report: reportMetaJson(data.meta),
    tender: data.tender,
    contractor: { id: data.obligation.contractorOrganisationId, name: data.contractorName },
    policy: data.policy,
    obligation: data.obligation,
    contributions: data.contributionsJson,
    totalsPerRoute: data.routes,
  };
}
