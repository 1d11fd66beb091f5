import {
  BusinessRuleError,
  ConflictError,
  isIsoDate,
  NotFoundError,
  Page,
  ValidationFailedError,
} from '@app/common';
import {
  BackgroundJobEntity,
  ContractEntity,
  ObligationEntity,
  pageNewestFirst,
  ReportEntity,
  TenderEntity,
  type ReportFormat,
  type ReportLanguage,
  type ReportScope,
} from '@app/database';
import { JobName, QueueName } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Readable } from 'node:stream';
import { Actor, isOfficerOf } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { JobsService } from '../jobs/jobs.service';
import { canSeeObligation } from '../obligations/obligation-visibility';
import { ObligationsService } from '../obligations/obligations.service';
import { TenderErrorCode } from '../tenders/tenders.errors';
import { ReportsErrorCode } from './reports.errors';
import { readStoredFile } from './report-storage';
import { canSeeReport, visibleReportsWhere } from './report-visibility';

export const REPORT_JOB_KIND = 'report';

export interface ReportRequest {
  scope: ReportScope;
  scopeId: string;
  format: ReportFormat;
  language?: ReportLanguage;
  period?: { from: string; to: string } | null;
}

export interface ReportView {
  report: ReportEntity;
  job: BackgroundJobEntity;
}

export interface ReportDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  stream: Readable;
}

interface Scoped {
  buyerOrganisationId: string;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly obligations: ObligationsService,
  ) {}

  /**
   * Queues a report (202). The report row shares its id with the background job, written in the same
   * transaction with the outbox row; an identical request while one is queued or running answers that one.
   */
  async request(actor: Actor, input: ReportRequest): Promise<ReportView> {
    const language = input.language ?? 'nl';
    const period = this.period(input.period);
    const scoped = await this.authorise(actor, input);
    const organisationId = actor.organisationId!;
    const dedupeKey = [
      'report',
      organisationId,
      input.scope,
      input.scopeId,
      input.format,
      language,
      period?.from ?? '',
      period?.to ?? '',
    ].join('-');
    return this.ds.transaction(async (m) => {
      const job = await this.jobs.enqueue(m, {
        kind: REPORT_JOB_KIND,
        queue: QueueName.Reports,
        name: JobName.GenerateReport,
        payload: {},
        organisationId,
        userId: actor.userId,
        dedupeKey,
      });
      const existing = await m.getRepository(ReportEntity).findOneBy({ id: job.id });
      const report =
        existing ??
        (await m.getRepository(ReportEntity).save(
          m.getRepository(ReportEntity).create({
            id: job.id,
            organisationId,
            requestedBy: actor.userId,
            buyerOrganisationId: scoped.buyerOrganisationId,
            scope: input.scope,
            scopeId: input.scopeId,
            format: input.format,
            language,
            periodFrom: period?.from ?? null,
            periodTo: period?.to ?? null,
          }),
        ));
      return { report, job };
    });
  }

  /**
   * A scheduled buyer report, requested on the buyer's behalf. The schedule key makes a repeated tick (a
   * re-delivered job, two workers) add nothing; returns null when that run already exists.
   */
  async requestScheduled(
    m: EntityManager,
    buyerOrganisationId: string,
    period: { from: string; to: string },
    scheduleKey: string,
  ): Promise<ReportEntity | null> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [scheduleKey]);
    if (await m.getRepository(ReportEntity).existsBy({ scheduleKey })) return null;
    const job = await this.jobs.enqueue(m, {
      kind: REPORT_JOB_KIND,
      queue: QueueName.Reports,
      name: JobName.GenerateReport,
      payload: {},
      organisationId: buyerOrganisationId,
      userId: null,
    });
    return m.getRepository(ReportEntity).save(
      m.getRepository(ReportEntity).create({
        id: job.id,
        organisationId: buyerOrganisationId,
        requestedBy: null,
        buyerOrganisationId,
        scope: 'buyer',
        scopeId: buyerOrganisationId,
        format: 'pdf',
        language: 'nl',
        periodFrom: period.from,
        periodTo: period.to,
        scheduleKey,
      }),
    );
  }

  /** The organisation's reports and, for a buyer's officers, the tender and buyer reports about that buyer. */
  /** Reports and their jobs in one snapshot, as `get`. */
  list(actor: Actor, q: { limit?: number; cursor?: string }): Promise<Page<ReportView>> {
    return this.ds.transaction('REPEATABLE READ', (m) => this.listIn(m, actor, q));
  }

  private async listIn(
    m: EntityManager,
    actor: Actor,
    q: { limit?: number; cursor?: string },
  ): Promise<Page<ReportView>> {
    const visible = visibleReportsWhere(actor, 'r');
    const qb = m.getRepository(ReportEntity).createQueryBuilder('r').where(visible.sql, visible.params);
    const page = await pageNewestFirst(qb, 'r', q);
    const jobs = page.items.length
      ? await m.getRepository(BackgroundJobEntity).findBy({ id: In(page.items.map((r) => r.id)) })
      : [];
    return {
      items: page.items.map((report) => ({ report, job: jobs.find((j) => j.id === report.id)! })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The report and its job read in one snapshot: the worker commits the file (size, checksum) before it marks the
   * job done, so a view never says done without them (two separate reads could see the job after the file).
   */
  async get(actor: Actor, id: string): Promise<ReportView> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const report = await findVisible(m, ReportEntity, id, {
        visible: (r) => canSeeReport(actor, r),
        notFound: () => new NotFoundError(ReportsErrorCode.ReportNotFound, 'Report'),
      });
      const job = await m.getRepository(BackgroundJobEntity).findOneByOrFail({ id });
      return { report, job };
    });
  }

  /** 409 REPORT_NOT_READY until the job is done; the file streams from the database chunk by chunk. */
  async download(actor: Actor, id: string): Promise<ReportDownload> {
    const { report, job } = await this.get(actor, id);
    if (job.status !== 'done' || !report.sha256 || report.sizeBytes === null) {
      throw new ConflictError(
        ReportsErrorCode.ReportNotReady,
        `The report is ${job.status}; download it once it is done`,
      );
    }
    return {
      fileName: report.fileName!,
      contentType: report.contentType!,
      sizeBytes: report.sizeBytes,
      stream: readStoredFile(this.ds, report.id),
    };
  }

  private period(p: ReportRequest['period']): { from: string; to: string } | null {
    if (!p) return null;
    const bad = (['from', 'to'] as const).filter((k) => !isIsoDate(p[k]));
    if (bad.length)
      throw new ValidationFailedError(
        'period needs real dates',
        bad.map((k) => ({ field: `period.${k}`, message: 'must be a date YYYY-MM-DD' })),
      );
    if (p.from > p.to)
      throw new ValidationFailedError(
        'period.from is after period.to',
        [{ field: 'period.to', message: 'must not be before period.from' }],
        ReportsErrorCode.InvalidPeriod,
      );
    return { from: p.from, to: p.to };
  }

  /** Officers report on their own buyer's scope, contractors on their own obligations (404 otherwise). */
  private async authorise(actor: Actor, input: ReportRequest): Promise<Scoped> {
    switch (input.scope) {
      case 'obligation': {
        const o = await this.obligations.find(actor, input.scopeId);
        return { buyerOrganisationId: o.buyerOrganisationId };
      }
      case 'tender': {
        const tender = await this.ds.getRepository(TenderEntity).findOneBy({ id: input.scopeId });
        const contract = tender
          ? await this.ds.getRepository(ContractEntity).findOneBy({ tenderId: tender.id })
          : null;
        const mine =
          tender &&
          canSeeObligation(actor, {
            buyerOrganisationId: tender.buyerOrganisationId,
            contractorOrganisationId: contract?.contractorOrganisationId,
          });
        if (!tender || !mine) throw new NotFoundError(TenderErrorCode.TenderNotFound, 'Tender');
        const awarded =
          contract && (await this.ds.getRepository(ObligationEntity).existsBy({ contractId: contract.id }));
        if (!awarded)
          throw new BusinessRuleError(
            ReportsErrorCode.TenderNotAwarded,
            'A tender report needs an awarded tender (its SROI obligation is set at award)',
          );
        return { buyerOrganisationId: tender.buyerOrganisationId };
      }
      case 'buyer':
        if (!isOfficerOf(actor, input.scopeId))
          throw new NotFoundError(ReportsErrorCode.ScopeNotFound, 'Buyer');
        return { buyerOrganisationId: input.scopeId };
    }
  }
}
