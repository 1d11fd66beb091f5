import { BusinessRuleError, NotFoundError, ValidationFailedError } from '@app/common';
import {
  CertificationEntity,
  CertificationStatus,
  CertificationType,
  OrganisationEntity,
  PsoLevel,
  retryingTransaction,
} from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import type { CertificationFact } from '../sroi/policy.types';
import { DirectoryErrorCode } from './directory.errors';
import { lockEnterpriseOf, lockEnterprises } from './enterprise-lock';
import { OutboxJobs, OutboxService } from '@app/queue';

export interface CertificationInput {
  type: CertificationType;
  level?: PsoLevel | null;
  certificateNumber?: string | null;
  validFrom: string;
  validUntil?: string | null;
}

export interface VerificationInput {
  decision: 'verified' | 'rejected';
  note?: string | null;
}

/** Whether a certification counts on a date: not rejected, and the date inside [validFrom, validUntil]. */
export function certificationValidOn(
  c: Pick<CertificationEntity, 'status' | 'validFrom' | 'validUntil'>,
  date: string,
): boolean {
  return c.status !== 'rejected' && c.validFrom <= date && (c.validUntil === null || c.validUntil >= date);
}

@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly matching: MatchingTriggers,
    private readonly outbox: OutboxService,
  ) {}

  async create(
    actor: Actor,
    organisationId: string,
    input: CertificationInput,
  ): Promise<CertificationEntity> {
    const org = await this.ownOrganisation(actor, organisationId);
    if (org.kind === 'buyer') {
      throw new BusinessRuleError(
        DirectoryErrorCode.CertificationNotAllowed,
        'Buyer organisations do not hold certifications',
      );
    }
    if (input.type === 'pso' && !input.level) {
      throw new ValidationFailedError('A PSO certification needs a level', [
        { field: 'level', message: 'level is required for type pso' },
      ]);
    }
    if (input.type !== 'pso' && input.level) {
      throw new ValidationFailedError('Only PSO certifications have a level', [
        { field: 'level', message: 'level is only allowed for type pso' },
      ]);
    }
    if (input.validUntil && input.validUntil < input.validFrom) {
      throw new ValidationFailedError('validUntil is before validFrom', [
        {
          field: 'validUntil',
          code: DirectoryErrorCode.InvalidPeriod,
          message: 'validUntil must not be before validFrom',
        },
      ]);
    }
    // The organisation's row first, like every write to an enterprise's data (enterprise-lock.ts).
    return retryingTransaction(
      this.ds,
      async (m) => {
        await lockEnterprises(m, [org.id]);
        const saved = await m.getRepository(CertificationEntity).save({
          organisationId: org.id,
          type: input.type,
          level: input.level ?? null,
          certificateNumber: input.certificateNumber?.trim() || null,
          validFrom: input.validFrom,
          validUntil: input.validUntil ?? null,
          status: 'unverified' as CertificationStatus,
        });
        await this.matching.enterprisesChanged(m, [org.id]);
        return saved;
      },
      { label: 'certification create' },
    );
  }

  /** The organisation itself, officers (who verify) and admins may list; anyone else gets 404. */
  async list(actor: Actor, organisationId: string): Promise<CertificationEntity[]> {
    await findVisible(this.ds.manager, OrganisationEntity, organisationId, {
      visible: () =>
        actor.role === 'admin' ||
        actor.role === 'procurement_officer' ||
        actor.organisationId === organisationId,
      notFound: organisationNotFound,
    });
    return this.ds
      .getRepository(CertificationEntity)
      .find({ where: { organisationId }, order: { validFrom: 'DESC', id: 'ASC' } });
  }

  async verify(actor: Actor, id: string, input: VerificationInput): Promise<CertificationEntity> {
    return retryingTransaction(this.ds, (m) => this.verifyIn(m, actor, id, input), {
      label: 'certification verification',
    });
  }

  private async verifyIn(
    m: EntityManager,
    actor: Actor,
    id: string,
    input: VerificationInput,
  ): Promise<CertificationEntity> {
    // The holder's organisation row first, like every write to an enterprise's data (enterprise-lock.ts).
    await lockEnterpriseOf(m, 'certification', id);
    // Any officer or admin (the route's roles) may verify any organisation's certifications.
    const cert = await findVisible(m, CertificationEntity, id, {
      lock: true,
      visible: () => true,
      notFound: () => new NotFoundError(DirectoryErrorCode.CertificationNotFound, 'Certification'),
    });
    const before = { ...cert };
    cert.status = input.decision;
    cert.reviewedBy = actor.userId;
    cert.reviewedAt = new Date();
    cert.reviewNote = input.note?.trim() || null;
    // Officers see their own verifications in their buyer's audit log (admins' have no buyer scope).
    const saved = await this.audit.save(m, CertificationEntity, cert, {
      buyerOrganisationId: actor.role === 'procurement_officer' ? actor.organisationId : null,
      actor,
      entityType: 'certification',
      action: `verification_${input.decision}`,
      before,
    });
    // The holder hears of the decision (once per certification and decision).
    await this.outbox.add(
      m,
      OutboxJobs.notification('certification_reviewed', [cert.id, input.decision], {
        organisationId: cert.organisationId,
        params: { type: cert.type, status: input.decision },
      }),
    );
    await this.matching.enterprisesChanged(m, [cert.organisationId]);
    return saved;
  }

  /**
   * Which certifications organisation X held on date D: not rejected and valid on that day (expired ones
   * stay on record but never count). The SROI rules decide which statuses and types they accept.
   */
  async heldOn(organisationId: string, date: string, manager?: EntityManager): Promise<CertificationFact[]> {
    const rows = await (manager ?? this.ds.manager)
      .getRepository(CertificationEntity)
      .createQueryBuilder('c')
      .where('c.organisation_id = :organisationId', { organisationId })
      .andWhere("c.status <> 'rejected'")
      .andWhere('c.valid_from <= :date', { date })
      .andWhere('(c.valid_until IS NULL OR c.valid_until >= :date)', { date })
      .orderBy('c.type')
      .addOrderBy('c.id')
      .getMany();
    return rows.map(toFact);
  }

  /** Every certification on record (for rules that look at whole periods, such as the PSO discount). */
  async allFacts(organisationId: string, manager?: EntityManager): Promise<CertificationFact[]> {
    const rows = await (manager ?? this.ds.manager)
      .getRepository(CertificationEntity)
      .find({ where: { organisationId } });
    return rows.map(toFact);
  }

  private ownOrganisation(actor: Actor, organisationId: string): Promise<OrganisationEntity> {
    return findVisible(this.ds.manager, OrganisationEntity, organisationId, {
      visible: () => actor.organisationId === organisationId || actor.role === 'admin',
      notFound: organisationNotFound,
    });
  }
}

/** What the SROI rules read of a certification. */
const toFact = (c: CertificationEntity): CertificationFact => ({
  type: c.type,
  level: c.level,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  status: c.status,
});

const organisationNotFound = () => new NotFoundError(DirectoryErrorCode.OrganisationNotFound, 'Organisation');
