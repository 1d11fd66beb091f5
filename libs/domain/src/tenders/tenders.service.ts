import { BusinessRuleError, ConflictError, NotFoundError, Page } from '@app/common';
import {
  ContractEntity,
  OcdsAwardEntity,
  ObligationEntity,
  pageNewestFirst,
  OrganisationEntity,
  isPlatformTender,
  PlatformTender,
  SroiPolicyEntity,
  TenderEntity,
  TenderItemEntity,
  TenderSource,
  TenderStatus,
} from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Env } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CertificationsService } from '../directory/certifications.service';
import { cpvSignificantPrefix } from '../directory/cpv-input';
import { ChallengesErrorCode } from '../challenges/challenges.errors';
import { ReferenceDataService } from '../directory/reference-data.service';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import { ObligationsService, ObligationView } from '../obligations/obligations.service';
import { computeObligation } from '../sroi/obligation';
import { AuditService } from '../audit/audit.service';
import { PolicyErrorCode } from '../policies/policies.errors';
import { isOwnPolicy } from '../policies/policy-visibility';
import { engine } from '../policies/sroi-engine';
import { assertContractPeriod } from './contract-period';
import { AwardInput, TenderInput, tenderValues } from './tender-input';
import { assertTransition, TRANSITIONS } from './tender-status';
import { canSeeTender, isOwnTender, visibleTendersWhere } from './tender-visibility';
import { TenderErrorCode } from './tenders.errors';

/** The contract of an awarded platform tender, as the tender shows it. */
export interface TenderAwardSummary {
  contractId: string;
  obligationId: string | null;
  contractorOrganisationId: string;
  contractorName: string | null;
  contractValueCents: number;
}

/** A tender's contract with its obligation and its contractor's name, as one query finds them. */
export type ContractWithNames = ContractEntity & { obligationId?: string; contractorName: string | null };

/** One tender as the API shows it: CPV codes for display, its ocid, its contract or its published awards. */
export interface TenderView {
  tender: TenderEntity;
  displayCodes: string[];
  ocid: string;
  award: TenderAwardSummary | null;
  /** The winning contractor's name (null until awarded; imported tenders: the first published supplier). */
  contractorName: string | null;
  /** Imported tenders only: the awards as published. */
  ocdsAwards?: OcdsAwardEntity[];
}

export interface Award {
  contract: ContractEntity;
  obligation: ObligationEntity;
  obligationView: ObligationView;
}

@Injectable()
export class TendersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly certifications: CertificationsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly env: Env,
    private readonly matching: MatchingTriggers,
    private readonly obligations: ObligationsService,
  ) {}

  async create(actor: Actor, input: TenderInput): Promise<TenderEntity> {
    const values = await tenderValues(this.reference, input);
    return this.ds.transaction(async (m) => {
      await this.publishedPolicyOfBuyer(m, actor, input.sroi.policyId);
      await challengeOfBuyer(m, actor.organisationId!, input.challengeId);
      const tender = await m.getRepository(TenderEntity).save({
        ...values.tender,
        challengeId: input.challengeId ?? null,
        buyerOrganisationId: actor.organisationId!,
        status: 'draft' as const,
        createdBy: actor.userId,
      });
      tender.items = await m
        .getRepository(TenderItemEntity)
        .save(values.items.map((i) => ({ ...i, tenderId: tender.id })));
      await this.audit.record(m, {
        buyerOrganisationId: tender.buyerOrganisationId,
        actor,
        entityType: 'tender',
        entityId: tender.id,
        action: 'create',
        after: tender,
      });
      return tender;
    });
  }

  /** Drafts can be edited as a whole (same body as create); later states cannot. */
  async update(actor: Actor, id: string, input: TenderInput): Promise<TenderEntity> {
    const values = await tenderValues(this.reference, input);
    return this.ds.transaction(async (m) => {
      const tender = await this.lockOwn(m, actor, id);
      if (tender.status !== 'draft')
        throw new ConflictError(
          TenderErrorCode.TenderNotEditable,
          `A ${tender.status} tender cannot be edited`,
        );
      await this.publishedPolicyOfBuyer(m, actor, input.sroi.policyId);
      const before = { ...tender, items: await this.items(m, id) };
      Object.assign(tender, values.tender);
      if (input.challengeId !== undefined) {
        await challengeOfBuyer(m, tender.buyerOrganisationId, input.challengeId);
        tender.challengeId = input.challengeId ?? null;
      }
      const saved = await m.getRepository(TenderEntity).save(tender);
      await m.getRepository(TenderItemEntity).delete({ tenderId: id });
      saved.items = await m
        .getRepository(TenderItemEntity)
        .save(values.items.map((i) => ({ ...i, tenderId: id })));
      await this.audit.record(m, {
        buyerOrganisationId: tender.buyerOrganisationId,
        actor,
        entityType: 'tender',
        entityId: id,
        action: 'update',
        before,
        after: saved,
      });
      return saved;
    });
  }

  async transition(
    actor: Actor,
    id: string,
    action: 'publish' | 'complete' | 'cancel',
  ): Promise<TenderEntity> {
    return this.ds.transaction(async (m) => {
      const tender = await this.lockOwn(m, actor, id);
      const before = { ...tender };
      assertTransition(tender, action);
      tender.status = TRANSITIONS[action].to;
      if (action === 'publish') tender.publishedAt = new Date();
      const saved = await this.audit.save(
        m,
        TenderEntity,
        tender,
        this.auditOf(actor, tender, action, before),
      );
      // Published: scored for bidders; completed or cancelled: its set is emptied.
      await this.matching.tenderChanged(m, id);
      saved.items = await this.items(m, id);
      return saved;
    });
  }

  /**
   * Award: contract and obligation in one transaction, the policy body frozen on the contract, the amount
   * and breakdown from the rule engine. Later policy versions never touch this obligation.
   */
  async award(actor: Actor, id: string, input: AwardInput): Promise<Award> {
    const awarded = await this.ds.transaction(async (m) => {
      const tender = await this.lockOwn(m, actor, id);
      const before = { ...tender };
      assertTransition(tender, 'award');
      const contractor = await m
        .getRepository(OrganisationEntity)
        .findOne({ where: { id: input.contractorOrganisationId } });
      if (!contractor || contractor.kind !== 'contractor') {
        throw new BusinessRuleError(
          TenderErrorCode.ContractorNotFound,
          'contractorOrganisationId is not a registered contractor',
          [{ field: 'contractorOrganisationId', message: 'no contractor organisation with this id' }],
        );
      }
      const startDate = input.contractPeriod?.startDate ?? tender.contractStart;
      const endDate = input.contractPeriod?.endDate ?? tender.contractEnd;
      assertContractPeriod({ startDate, endDate });
      const policy = await m.getRepository(SroiPolicyEntity).findOneByOrFail({ id: tender.sroiPolicyId });
      const body = policy.body;
      const facts = await this.certifications.allFacts(contractor.id, m);
      const result = engine(() =>
        computeObligation(body, {
          category: tender.mainProcurementCategory,
          contractValueCents: input.contractValueCents,
          percentageOverride: tender.sroiPercentage ?? undefined,
          labourShare: tender.labourShare ?? undefined,
          contractStart: startDate,
          contractEnd: endDate,
          contractorCertifications: facts,
        }),
      );
      const audited = {
        buyerOrganisationId: tender.buyerOrganisationId,
        actor,
        action: 'create',
        before: null,
      };
      const contract = await this.audit.save(
        m,
        ContractEntity,
        {
          tenderId: tender.id,
          buyerOrganisationId: tender.buyerOrganisationId,
          contractorOrganisationId: contractor.id,
          valueCents: input.contractValueCents,
          startDate,
          endDate,
          policyId: policy.id,
          policySnapshot: policy.body,
          awardedBy: actor.userId,
        },
        { ...audited, entityType: 'contract' },
      );
      const obligation = await this.audit.save(
        m,
        ObligationEntity,
        {
          contractId: contract.id,
          tenderId: tender.id,
          buyerOrganisationId: tender.buyerOrganisationId,
          contractorOrganisationId: contractor.id,
          policyId: policy.id,
          applicable: result.applicable,
          reason: result.reason ?? null,
          percentage: result.percentage,
          amountCents: result.amountCents,
          breakdown: result.breakdown,
          inputs: {
            category: tender.mainProcurementCategory,
            contractValueCents: input.contractValueCents,
            percentageOverride: tender.sroiPercentage,
            labourShare: tender.labourShare,
            contractStart: startDate,
            contractEnd: endDate,
            policyName: policy.name,
            policyVersion: policy.version,
            grossAmountCents: result.grossAmountCents,
            psoDiscount: result.psoDiscount,
          },
          dueDate: endDate,
          waivedAt: null,
          waivedReason: null,
        },
        { ...audited, entityType: 'obligation' },
      );
      tender.status = 'awarded';
      await this.audit.save(m, TenderEntity, tender, this.auditOf(actor, tender, 'award', before));
      await this.outbox.add(
        m,
        OutboxJobs.obligationCreated(obligation.id, {
          organisationId: contractor.id,
          message: `Gegund: "${tender.title}". Uw SROI-verplichting is EUR ${(result.amountCents / 100).toFixed(2)}.`,
          params: { tenderTitle: tender.title, amountCents: result.amountCents, obligationId: obligation.id },
        }),
      );
      await this.matching.obligationChanged(m, obligation.id);
      await this.matching.tenderChanged(m, tender.id);
      return { contract, obligation };
    });
    return { ...awarded, obligationView: await this.obligations.view(actor, awarded.obligation.id) };
  }

  /** Anyone sees active, awarded and complete tenders; an officer also sees the own buyer's drafts. */
  async get(actor: Actor | undefined, id: string): Promise<TenderEntity> {
    return this.load(id, (t) => canSeeTender(actor, t));
  }

  async list(
    actor: Actor | undefined,
    q: {
      status?: TenderStatus;
      source?: TenderSource;
      /** Imported eForms tenders: reserved (true) or not (false). */
      reserved?: 'true' | 'false';
      q?: string;
      cpv?: string;
      limit?: number;
      cursor?: string;
    },
  ): Promise<Page<TenderEntity>> {
    const qb = this.ds
      .getRepository(TenderEntity)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.sroiPolicy', 'p')
      .leftJoinAndSelect('t.buyerOrganisation', 'b');
    const visible = visibleTendersWhere(actor, 't');
    qb.where(visible.sql, visible.params);
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.source) qb.andWhere('t.source = :source', { source: q.source });
    if (q.reserved) qb.andWhere(q.reserved === 'true' ? 't.reserved IS NOT NULL' : 't.reserved IS NULL');
    if (q.q) {
      qb.andWhere('(t.title ILIKE :like OR t.description ILIKE :like)', {
        like: `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (q.cpv) {
      const code = await this.reference.normaliseCpvCode(q.cpv, 'cpv');
      qb.andWhere(
        'EXISTS (SELECT 1 FROM tender_item i WHERE i.tender_id = t.id AND i.cpv_code LIKE :prefix)',
        {
          prefix: `${cpvSignificantPrefix(code)}%`,
        },
      );
    }
    const page = await pageNewestFirst(qb, 't', q);
    const ids = page.items.map((t) => t.id);
    const allItems = ids.length
      ? await this.ds
          .getRepository(TenderItemEntity)
          .createQueryBuilder('i')
          .where('i.tender_id IN (:...ids)', { ids })
          .orderBy('i.position')
          .getMany()
      : [];
    for (const t of page.items) t.items = allItems.filter((i) => i.tenderId === t.id);
    return page;
  }

  /** A tender as the API shows it, without an access check: for the worker and other readers with no actor. */
  async view(id: string): Promise<TenderView> {
    return this.viewOf(await this.load(id, () => true));
  }

  /** `get` as the API shows it. */
  async viewFor(actor: Actor | undefined, id: string): Promise<TenderView> {
    return this.viewOf(await this.get(actor, id));
  }

  /** `list` as the API shows it. */
  async viewsFor(
    actor: Actor | undefined,
    q: Parameters<TendersService['list']>[1],
  ): Promise<Page<TenderView>> {
    const page = await this.list(actor, q);
    // One query for the contracts (and contractor names) of the whole page, not one per tender.
    const contracts = await this.contractsOf(
      page.items.filter((t) => t.source !== 'ocds' && hasContract(t)).map((t) => t.id),
    );
    return {
      items: await Promise.all(page.items.map((t) => this.viewOf(t, contracts))),
      nextCursor: page.nextCursor,
    };
  }

  private async viewOf(
    tender: TenderEntity,
    contracts?: Map<string, ContractWithNames>,
  ): Promise<TenderView> {
    const displayCodes = await this.reference.displayCodes((tender.items ?? []).map((i) => i.cpvCode));
    const base = { tender, displayCodes, ocid: this.ocidOf(tender), award: null, contractorName: null };
    if (tender.source !== 'platform') {
      const ocdsAwards = await this.ocdsAwards(tender.id);
      const supplier = ocdsAwards.flatMap((a) => a.suppliers ?? [])[0];
      return { ...base, ocdsAwards, contractorName: supplier?.name ?? null };
    }
    if (!hasContract(tender)) return base;
    const c = contracts ? (contracts.get(tender.id) ?? null) : await this.contractOf(tender.id);
    return {
      ...base,
      contractorName: c?.contractorName ?? null,
      award: c && {
        contractId: c.id,
        obligationId: c.obligationId ?? null,
        contractorOrganisationId: c.contractorOrganisationId,
        contractorName: c.contractorName,
        contractValueCents: c.valueCents,
      },
    };
  }

  async contractOf(tenderId: string): Promise<ContractWithNames | null> {
    return (await this.contractsOf([tenderId])).get(tenderId) ?? null;
  }

  /** The contracts of these tenders by tender id, each with its obligation id and contractor's name. */
  private async contractsOf(tenderIds: string[]): Promise<Map<string, ContractWithNames>> {
    if (!tenderIds.length) return new Map();
    const { entities, raw } = await this.ds
      .getRepository(ContractEntity)
      .createQueryBuilder('c')
      .leftJoin(ObligationEntity, 'ob', 'ob.contract_id = c.id')
      .leftJoin(OrganisationEntity, 'co', 'co.id = c.contractor_organisation_id')
      .addSelect('ob.id', 'obligation_id')
      .addSelect('co.name', 'contractor_name')
      .where('c.tender_id IN (:...tenderIds)', { tenderIds })
      .getRawAndEntities<{ c_id: string; obligation_id: string | null; contractor_name: string | null }>();
    const extra = new Map(raw.map((r) => [r.c_id, r]));
    return new Map(
      entities.map((c) => [
        c.tenderId,
        Object.assign(c, {
          obligationId: extra.get(c.id)?.obligation_id ?? undefined,
          contractorName: extra.get(c.id)?.contractor_name ?? null,
        }),
      ]),
    );
  }

  /** Imported tenders keep the ocid they were published with; the platform's own get the configured prefix. */
  ocidOf(t: TenderEntity): string {
    return t.ocid ?? `${this.env.OCDS_OCID_PREFIX}-${t.id}`;
  }

  /** The awards of an imported tender as published (platform tenders record theirs as a contract). */
  ocdsAwards(tenderId: string): Promise<OcdsAwardEntity[]> {
    return this.ds
      .getRepository(OcdsAwardEntity)
      .find({ where: { tenderId }, order: { date: 'ASC', awardId: 'ASC' } });
  }

  private async load(id: string, visible: (t: TenderEntity) => boolean): Promise<TenderEntity> {
    const tender = await this.ds
      .getRepository(TenderEntity)
      .findOne({ where: { id }, relations: { sroiPolicy: true, buyerOrganisation: true } });
    if (!tender || !visible(tender)) throw new NotFoundError(TenderErrorCode.TenderNotFound, 'Tender');
    tender.items = await this.items(this.ds.manager, id);
    return tender;
  }

  private items(m: EntityManager, tenderId: string): Promise<TenderItemEntity[]> {
    return m.getRepository(TenderItemEntity).find({ where: { tenderId }, order: { position: 'ASC' } });
  }

  /** A platform tender of the officer's buyer, locked for a write; an imported one is read-only (409). */
  private async lockOwn(m: EntityManager, actor: Actor, id: string): Promise<PlatformTender> {
    const tender = await findVisible(m, TenderEntity, id, {
      lock: true,
      visible: (t) => {
        // Imported tenders mirror a publisher's data: a later import is their only writer.
        if (!isPlatformTender(t) && canSeeTender(actor, t))
          throw new ConflictError(
            TenderErrorCode.TenderReadOnly,
            'This tender was imported from open data (OCDS) and is read-only',
          );
        return isPlatformTender(t) && isOwnTender(actor, t);
      },
      notFound: () => new NotFoundError(TenderErrorCode.TenderNotFound, 'Tender'),
    });
    return tender as PlatformTender;
  }

  private auditOf(actor: Actor, tender: TenderEntity, action: string, before: object) {
    return {
      buyerOrganisationId: tender.buyerOrganisationId,
      actor,
      entityType: 'tender' as const,
      action,
      before,
    };
  }

  private async publishedPolicyOfBuyer(
    m: EntityManager,
    actor: Actor,
    policyId: string,
  ): Promise<SroiPolicyEntity> {
    const policy = await m.getRepository(SroiPolicyEntity).findOne({ where: { id: policyId } });
    if (!policy || !isOwnPolicy(actor, policy)) {
      throw new BusinessRuleError(
        PolicyErrorCode.PolicyNotFound,
        'sroi.policyId is not a policy of your organisation',
        [{ field: 'sroi.policyId', message: 'unknown policy' }],
      );
    }
    if (policy.status !== 'published') {
      throw new BusinessRuleError(
        PolicyErrorCode.PolicyNotPublished,
        'Only a published policy can be attached to a tender',
        [{ field: 'sroi.policyId', message: 'policy is a draft' }],
      );
    }
    return policy;
  }
}

function hasContract(t: TenderEntity): boolean {
  return t.status === 'awarded' || t.status === 'complete';
}

/** A tender follows only from a challenge of its own buyer (422 INVALID_CHALLENGE otherwise). */
async function challengeOfBuyer(m: EntityManager, buyerOrganisationId: string, challengeId?: string | null) {
  if (!challengeId) return;
  const [row] = await m.query<{ buyer_organisation_id: string }[]>(
    'SELECT buyer_organisation_id FROM challenge WHERE id = $1',
    [challengeId],
  );
  if (row?.buyer_organisation_id !== buyerOrganisationId)
    throw new BusinessRuleError(
      ChallengesErrorCode.InvalidChallenge,
      'challengeId names no challenge of your organisation',
      [{ field: 'challengeId', message: 'unknown challenge' }],
    );
}
