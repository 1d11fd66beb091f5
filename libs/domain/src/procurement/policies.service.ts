import {
  BusinessRuleError,
  ConflictError,
  MAX_DATE,
  MIN_DATE,
  NotFoundError,
  Page,
  ValidationFailedError,
  withUniqueConflicts,
} from '@app/common';
import { pageNewestFirst, SroiPolicyEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CertificationsService } from '../directory/certifications.service';
import { Actor } from '../identity/actor';
import { ContributionResult, valueContribution } from '../sroi/contribution';
import { SroiInputError } from '../sroi/dates';
import { SroiPolicyBody } from '../sroi/policy.types';
import { validatePolicy } from '../sroi/validate-policy';
import { AuditService } from '../audit/audit.service';
import { contractPeriodIssues, parseContributionBody } from './contribution-input';
import { ProcurementErrorCode } from './procurement.errors';

/** Values a hypothetical contribution under a policy: the evaluate body may carry a contract period. */
export interface EvaluateContext {
  contractPeriod?: { startDate: string; endDate: string };
}

export function assertValidPolicy(body: unknown): SroiPolicyBody {
  const issues = validatePolicy(body);
  if (issues.length) {
    throw new ValidationFailedError(
      `The policy is invalid: ${issues[0].path || 'body'} ${issues[0].message}`,
      issues.map((i) => ({ field: i.path, message: `${i.path || 'body'} ${i.message}` })),
      ProcurementErrorCode.PolicyInvalid,
    );
  }
  return body as SroiPolicyBody;
}

/** SroiInputError (a malformed date or amount reaching the engine) is bad input: 400, never 500. */
export function engine<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof SroiInputError)
      throw new ValidationFailedError(err.message, [{ message: err.message }]);
    throw err;
  }
}

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly certifications: CertificationsService,
  ) {}

  async create(actor: Actor, raw: unknown, previous?: SroiPolicyEntity): Promise<SroiPolicyEntity> {
    const body = assertValidPolicy(raw);
    return this.versionConflicts(() =>
      this.ds.transaction(async (m) => {
        const policy = await m.getRepository(SroiPolicyEntity).save({
          buyerOrganisationId: actor.organisationId!,
          lineageId: previous?.lineageId ?? randomUUID(),
          previousVersionId: previous?.id ?? null,
          name: body.name,
          version: body.version,
          validFrom: body.validFrom,
          status: 'draft' as const,
          body: body as unknown as Record<string, unknown>,
          createdBy: actor.userId,
        });
        await this.audit.record(m, {
          buyerOrganisationId: policy.buyerOrganisationId,
          actor,
          entityType: 'sroi_policy',
          entityId: policy.id,
          action: previous ? 'new_version' : 'create',
          before: null,
          after: policy,
        });
        return policy;
      }),
    );
  }

  /** A new draft version in the same lineage (published versions never change). */
  async newVersion(actor: Actor, id: string, raw: unknown): Promise<SroiPolicyEntity> {
    const previous = await this.get(actor, id);
    return this.create(actor, raw, previous);
  }

  /** Merge-patch of a draft's body (top-level keys), then full validation. */
  async update(actor: Actor, id: string, patch: Record<string, unknown>): Promise<SroiPolicyEntity> {
    return this.versionConflicts(() =>
      this.ds.transaction(async (m) => {
        const policy = await this.lockOwn(m, actor, id);
        if (policy.status !== 'draft') {
          throw new ConflictError(
            ProcurementErrorCode.PolicyPublished,
            'A published policy cannot change; create a new version',
          );
        }
        const before = { ...policy };
        const body = assertValidPolicy({ ...policy.body, ...patch });
        Object.assign(policy, { body, name: body.name, version: body.version, validFrom: body.validFrom });
        const saved = await m.getRepository(SroiPolicyEntity).save(policy);
        await this.audit.record(m, {
          buyerOrganisationId: policy.buyerOrganisationId,
          actor,
          entityType: 'sroi_policy',
          entityId: id,
          action: 'update',
          before,
          after: saved,
        });
        return saved;
      }),
    );
  }

  async publish(actor: Actor, id: string): Promise<SroiPolicyEntity> {
    return this.ds.transaction(async (m) => {
      const policy = await this.lockOwn(m, actor, id);
      if (policy.status !== 'draft')
        throw new ConflictError(ProcurementErrorCode.PolicyPublished, 'The policy is already published');
      const before = { ...policy };
      policy.status = 'published';
      policy.publishedAt = new Date();
      policy.publishedBy = actor.userId;
      const saved = await m.getRepository(SroiPolicyEntity).save(policy);
      await this.audit.record(m, {
        buyerOrganisationId: policy.buyerOrganisationId,
        actor,
        entityType: 'sroi_policy',
        entityId: id,
        action: 'publish',
        before,
        after: saved,
      });
      return saved;
    });
  }

  async get(actor: Actor, id: string, manager?: EntityManager): Promise<SroiPolicyEntity> {
    const policy = await (manager ?? this.ds.manager)
      .getRepository(SroiPolicyEntity)
      .findOne({ where: { id } });
    if (!policy || policy.buyerOrganisationId !== actor.organisationId) {
      throw new NotFoundError(ProcurementErrorCode.PolicyNotFound, 'SROI policy');
    }
    return policy;
  }

  list(
    actor: Actor,
    q: { status?: string; limit?: number; cursor?: string },
  ): Promise<Page<SroiPolicyEntity>> {
    const qb = this.ds
      .getRepository(SroiPolicyEntity)
      .createQueryBuilder('p')
      .where('p.buyer_organisation_id = :buyer', { buyer: actor.organisationId });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    return pageNewestFirst(qb, 'p', q);
  }

  /** Values a hypothetical contribution without saving it (officer's preview of the rules). */
  async evaluate(actor: Actor, id: string, raw: Record<string, unknown>): Promise<ContributionResult> {
    const policy = await this.get(actor, id);
    const { contractPeriod, ...rest } = raw as Record<string, unknown> & EvaluateContext;
    const body = parseContributionBody(rest);
    const periodIssues = contractPeriod === undefined ? [] : contractPeriodIssues(contractPeriod);
    if (periodIssues.length)
      throw new ValidationFailedError(
        'The contract period is invalid',
        periodIssues,
        ProcurementErrorCode.InvalidPeriod,
      );
    const period = contractPeriod ?? { startDate: MIN_DATE, endDate: MAX_DATE };
    if (period.endDate < period.startDate) {
      throw new BusinessRuleError(
        ProcurementErrorCode.InvalidPeriod,
        'contractPeriod.endDate must not be before startDate',
      );
    }
    const supplierCertifications =
      body.category === 'social_purchase'
        ? await this.certifications.allFacts(body.supplierOrganisationId)
        : undefined;
    return engine(() =>
      valueContribution(
        policy.body as unknown as SroiPolicyBody,
        { contractStart: period.startDate, contractEnd: period.endDate, supplierCertifications },
        body,
      ),
    );
  }

  private async lockOwn(m: EntityManager, actor: Actor, id: string): Promise<SroiPolicyEntity> {
    const policy = await m
      .getRepository(SroiPolicyEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
    if (!policy || policy.buyerOrganisationId !== actor.organisationId) {
      throw new NotFoundError(ProcurementErrorCode.PolicyNotFound, 'SROI policy');
    }
    return policy;
  }

  private versionConflicts<T>(work: () => Promise<T>): Promise<T> {
    return withUniqueConflicts(work, {
      uq_sroi_policy_version: () =>
        new ConflictError(
          ProcurementErrorCode.PolicyVersionTaken,
          'This policy already has a version with that name',
        ),
    });
  }
}
