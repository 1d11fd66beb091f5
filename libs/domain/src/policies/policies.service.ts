import { ConflictError, MAX_DATE, MIN_DATE, NotFoundError, Page, withUniqueConflicts } from '@app/common';
import { pageNewestFirst, SroiPolicyEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CertificationsService } from '../directory/certifications.service';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { isOwnPolicy, visiblePoliciesWhere } from './policy-visibility';
import { ContributionBody, ContributionResult, valueContribution } from '../sroi/contribution';
import { SroiPolicyBody } from '../sroi/policy.types';
import { AuditService } from '../audit/audit.service';
import { assertPseudonymous } from '../obligations/contribution-input';
import { assertContractPeriod, ContractPeriod } from '../tenders/contract-period';
import { PolicyErrorCode } from './policies.errors';
import { assertPolicyRules } from './policy-rules';
import { engine } from './sroi-engine';

/** Values a hypothetical contribution under a policy: the evaluate body may carry a contract period. */
export type EvaluateInput = ContributionBody & { contractPeriod?: ContractPeriod };

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly certifications: CertificationsService,
  ) {}

  async create(actor: Actor, input: SroiPolicyBody, previous?: SroiPolicyEntity): Promise<SroiPolicyEntity> {
    const body = assertPolicyRules(input);
    return this.versionConflicts(() =>
      this.ds.transaction(async (m) => {
        return this.audit.save(
          m,
          SroiPolicyEntity,
          {
            buyerOrganisationId: actor.organisationId!,
            lineageId: previous?.lineageId ?? randomUUID(),
            previousVersionId: previous?.id ?? null,
            name: body.name,
            version: body.version,
            validFrom: body.validFrom,
            status: 'draft' as const,
            body,
            createdBy: actor.userId,
          },
          { ...this.auditOf(actor), action: previous ? 'new_version' : 'create', before: null },
        );
      }),
    );
  }

  /** A new draft version in the same lineage (published versions never change). */
  async newVersion(actor: Actor, id: string, body: SroiPolicyBody): Promise<SroiPolicyEntity> {
    const previous = await this.get(actor, id);
    return this.create(actor, body, previous);
  }

  /** Merge-patch of a draft's body (top-level keys), then the rules between fields on the merged body. */
  async update(actor: Actor, id: string, patch: Partial<SroiPolicyBody>): Promise<SroiPolicyEntity> {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return this.versionConflicts(() =>
      this.ds.transaction(async (m) => {
        const policy = await this.own(m, actor, id, true);
        if (policy.status !== 'draft') {
          throw new ConflictError(
            PolicyErrorCode.PolicyPublished,
            'A published policy cannot change; create a new version',
          );
        }
        const before = { ...policy };
        const body = assertPolicyRules({ ...policy.body, ...changes });
        Object.assign(policy, { body, name: body.name, version: body.version, validFrom: body.validFrom });
        return this.audit.save(m, SroiPolicyEntity, policy, {
          ...this.auditOf(actor),
          action: 'update',
          before,
        });
      }),
    );
  }

  async publish(actor: Actor, id: string): Promise<SroiPolicyEntity> {
    return this.ds.transaction(async (m) => {
      const policy = await this.own(m, actor, id, true);
      if (policy.status !== 'draft')
        throw new ConflictError(PolicyErrorCode.PolicyPublished, 'The policy is already published');
      const before = { ...policy };
      policy.status = 'published';
      policy.publishedAt = new Date();
      policy.publishedBy = actor.userId;
      return this.audit.save(m, SroiPolicyEntity, policy, {
        ...this.auditOf(actor),
        action: 'publish',
        before,
      });
    });
  }

  get(actor: Actor, id: string): Promise<SroiPolicyEntity> {
    return this.own(this.ds.manager, actor, id, false);
  }

  list(
    actor: Actor,
    q: { status?: string; limit?: number; cursor?: string },
  ): Promise<Page<SroiPolicyEntity>> {
    const visible = visiblePoliciesWhere(actor, 'p');
    const qb = this.ds
      .getRepository(SroiPolicyEntity)
      .createQueryBuilder('p')
      .where(visible.sql, visible.params);
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    return pageNewestFirst(qb, 'p', q);
  }

  /** Values a hypothetical contribution without saving it (officer's preview of the rules). */
  async evaluate(actor: Actor, id: string, input: EvaluateInput): Promise<ContributionResult> {
    const policy = await this.get(actor, id);
    const { contractPeriod, ...body } = input;
    assertPseudonymous(body);
    const period = contractPeriod ?? { startDate: MIN_DATE, endDate: MAX_DATE };
    assertContractPeriod(period, PolicyErrorCode.InvalidPeriod);
    const supplierCertifications =
      body.category === 'social_purchase'
        ? await this.certifications.allFacts(body.supplierOrganisationId)
        : undefined;
    return engine(() =>
      valueContribution(
        policy.body,
        { contractStart: period.startDate, contractEnd: period.endDate, supplierCertifications },
        body,
      ),
    );
  }

  /** Policies are the buyer's own (`isOwnPolicy`): another organisation's answer 404. */
  private own(m: EntityManager, actor: Actor, id: string, lock: boolean): Promise<SroiPolicyEntity> {
    return findVisible(m, SroiPolicyEntity, id, {
      lock,
      visible: (p) => isOwnPolicy(actor, p),
      notFound: () => new NotFoundError(PolicyErrorCode.PolicyNotFound, 'SROI policy'),
    });
  }

  private auditOf(actor: Actor): { buyerOrganisationId: string; actor: Actor; entityType: 'sroi_policy' } {
    return { buyerOrganisationId: actor.organisationId!, actor, entityType: 'sroi_policy' };
  }

  private versionConflicts<T>(work: () => Promise<T>): Promise<T> {
    return withUniqueConflicts(work, {
      uq_sroi_policy_version: () =>
        new ConflictError(
          PolicyErrorCode.PolicyVersionTaken,
          'This policy already has a version with that name',
        ),
    });
  }
}
