import {
  AuditLogEntity,
  CertificationEntity,
  ContractEntity,
  ContributionEntity,
  ObligationEntity,
  OrganisationEntity,
  SroiPolicyEntity,
  TenderEntity,
  TenderItemEntity,
  UserEntity,
} from '@app/database';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { invoiceKey } from '../procurement/contribution-input';
import { placementCoverage, valueContribution, ContributionBody } from '../sroi/contribution';
import { computeObligation } from '../sroi/obligation';
import { SroiPolicyBody } from '../sroi/policy.types';
import { validatePolicy } from '../sroi/validate-policy';

const POLICY_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'database',
  'src',
  'reference-data',
  'sroi-policies',
  'utrecht-current.json',
);
const DEMO_POLICY_NAME = 'Social return Haarlem (demo: Utrecht bouwblokken-tabel)';

/**
 * Demo SROI data for Gemeente Haarlem: a published policy (the Utrecht building-block table from
 * ../shared/data, labelled as a demo), an active tender, and an awarded tender whose obligation has a
 * verified placement and a submitted purchase. Values come from the rule engine, as in the API.
 * Idempotent: nothing is written when the demo policy exists.
 */
export async function seedProcurementDemo(ds: DataSource): Promise<string[]> {
  return ds.transaction(async (m) => {
    const haarlem = await m.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: '34369853' });
    if (
      await m
        .getRepository(SroiPolicyEntity)
        .countBy({ buyerOrganisationId: haarlem.id, name: DEMO_POLICY_NAME })
    )
      return [];
    const officer = await m.getRepository(UserEntity).findOneByOrFail({ organisationId: haarlem.id });
    const contractor = await m.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: '90000002' });
    const supplier = await m.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: '90000101' });

    const raw = JSON.parse(readFileSync(POLICY_FILE, 'utf8')) as Record<string, unknown>;
    const body = {
      ...raw,
      name: DEMO_POLICY_NAME,
      version: '2026',
      validFrom: '2026-01-01',
      psoDiscounts: [{ level: 'trede_3', percentage: 20 }],
      penaltyPercentage: 50,
    } as unknown as SroiPolicyBody;
    const issues = validatePolicy(body);
    if (issues.length) throw new Error(`demo policy invalid: ${JSON.stringify(issues)}`);
    const policy = await m.getRepository(SroiPolicyEntity).save({
      buyerOrganisationId: haarlem.id,
      lineageId: randomUUID(),
      previousVersionId: null,
      name: body.name,
      version: body.version,
      validFrom: body.validFrom,
      status: 'published' as const,
      body: body as unknown as Record<string, unknown>,
      createdBy: officer.id,
      publishedAt: new Date(),
      publishedBy: officer.id,
    });
    await audit(m, haarlem.id, officer.id, 'sroi_policy', policy.id, 'publish', policy);

    const tender = async (
      title: string,
      cpvCode: string,
      description: string,
      estimatedValueCents: number,
      start: string,
      end: string,
      status: TenderEntity['status'],
    ) => {
      const t = await m.getRepository(TenderEntity).save({
        buyerOrganisationId: haarlem.id,
        title,
        description,
        mainProcurementCategory: 'services' as const,
        status,
        estimatedValueCents,
        deliveryPostcode: '2011 RD',
        tenderPeriodEnd: null,
        contractStart: start,
        contractEnd: end,
        labourShare: 0.7,
        sroiPolicyId: policy.id,
        sroiPercentage: null,
        createdBy: officer.id,
        publishedAt: new Date(),
      });
      await m
        .getRepository(TenderItemEntity)
        .save({ tenderId: t.id, position: 0, description: title, cpvCode });
      await audit(m, haarlem.id, officer.id, 'tender', t.id, 'publish', t);
      return t;
    };
    await tender(
      'Groenonderhoud openbare ruimte Haarlem-Noord 2027-2028',
      '77310000',
      'Maaien, snoeien en onkruidbeheer.',
      80_000_000,
      '2027-01-01',
      '2028-12-31',
      'active',
    );
    const awarded = await tender(
      'Schoonmaak gemeentelijke panden 2026-2027',
      '90911200',
      'Dagelijkse schoonmaak van 14 panden.',
      120_000_000,
      '2026-01-01',
      '2027-12-31',
      'awarded',
    );

    const contractValueCents = 115_000_000;
    const facts = (await m.getRepository(CertificationEntity).findBy({ organisationId: contractor.id })).map(
      (c) => ({ ...c }),
    );
    const result = computeObligation(body, {
      category: 'services',
      contractValueCents,
      labourShare: 0.7,
      contractStart: awarded.contractStart,
      contractEnd: awarded.contractEnd,
      contractorCertifications: facts,
    });
    const contract = await m.getRepository(ContractEntity).save({
      tenderId: awarded.id,
      buyerOrganisationId: haarlem.id,
      contractorOrganisationId: contractor.id,
      valueCents: contractValueCents,
      startDate: awarded.contractStart,
      endDate: awarded.contractEnd,
      policyId: policy.id,
      policySnapshot: policy.body,
      awardedBy: officer.id,
    });
    const obligation = await m.getRepository(ObligationEntity).save({
      contractId: contract.id,
      tenderId: awarded.id,
      buyerOrganisationId: haarlem.id,
      contractorOrganisationId: contractor.id,
      policyId: policy.id,
      applicable: result.applicable,
      reason: result.reason ?? null,
      percentage: result.percentage,
      amountCents: result.amountCents,
      breakdown: result.breakdown as unknown as Record<string, unknown>[],
      inputs: {
        category: 'services',
        contractValueCents,
        labourShare: 0.7,
        policyName: policy.name,
        policyVersion: policy.version,
      },
      dueDate: awarded.contractEnd,
      waivedAt: null,
      waivedReason: null,
    });
    await audit(m, haarlem.id, officer.id, 'obligation', obligation.id, 'create', obligation);

    const ctx = { contractStart: contract.startDate, contractEnd: contract.endDate };
    const contributorId = (
      await m.getRepository(UserEntity).findOneByOrFail({ organisationId: contractor.id })
    ).id;
    const placement: ContributionBody = {
      category: 'employment',
      targetGroup: 'participatiewet',
      hoursPerWeek: 32,
      startDate: '2026-02-01',
      endDate: '2026-12-31',
      personToken: 'demo-hlm-0001',
      bonuses: ['age_50_plus'],
    };
    const purchase: ContributionBody = {
      category: 'social_purchase',
      supplierOrganisationId: supplier.id,
      invoiceNumber: 'SHS-2026-0117',
      invoiceDate: '2026-06-30',
      amountCents: 1_850_000,
    };
    const supplierFacts = (
      await m.getRepository(CertificationEntity).findBy({ organisationId: supplier.id })
    ).map((c) => ({ ...c }));
    const placed = valueContribution(body, ctx, placement);
    const coverage = placementCoverage(body, ctx, placement);
    await m.getRepository(ContributionEntity).save({
      obligationId: obligation.id,
      category: 'employment',
      status: 'verified',
      body: placement as unknown as Record<string, unknown>,
      claimedValueCents: placed.valueCents,
      verifiedValueCents: placed.valueCents,
      breakdown: placed.breakdown as unknown as Record<string, unknown>[],
      personToken: placement.personToken,
      periodStart: coverage?.countedStart ?? null,
      periodEnd: coverage?.countedEnd ?? null,
      hoursPerWeek: coverage?.effectiveHoursPerWeek ?? null,
      fullTimeHoursPerWeek: coverage?.fullTimeHoursPerWeek ?? null,
      submittedBy: contributorId,
      reviewedBy: officer.id,
      reviewedAt: new Date(),
      reviewNote: 'Arbeidscontract en loonstroken gezien (demo)',
    });
    const bought = valueContribution(body, { ...ctx, supplierCertifications: supplierFacts }, purchase);
    await m.getRepository(ContributionEntity).save({
      obligationId: obligation.id,
      category: 'social_purchase',
      status: 'submitted',
      body: purchase as unknown as Record<string, unknown>,
      claimedValueCents: bought.valueCents,
      breakdown: bought.breakdown as unknown as Record<string, unknown>[],
      supplierOrganisationId: supplier.id,
      invoiceKey: invoiceKey(purchase.invoiceNumber),
      submittedBy: contributorId,
    });
    return [
      `SROI policy "${policy.name}" (published), 2 tenders (1 active, 1 awarded)`,
      `obligation of ${contractor.name}: EUR ${(result.amountCents / 100).toFixed(2)} with a verified placement and a submitted purchase`,
    ];
  });
}

async function audit(
  m: EntityManager,
  buyer: string,
  actor: string,
  entityType: string,
  entityId: string,
  action: string,
  after: object,
): Promise<void> {
  await m.getRepository(AuditLogEntity).save(
    m.getRepository(AuditLogEntity).create({
      buyerOrganisationId: buyer,
      actorUserId: actor,
      entityType,
      entityId,
      action,
      before: null,
      after: JSON.parse(JSON.stringify(after)) as Record<string, unknown>,
    }),
  );
}
