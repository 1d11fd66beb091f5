import { OrganisationEntity, SroiPolicyEntity, UserEntity } from '@app/database';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { ObligationsService } from '../obligations/obligations.service';
import { PoliciesService } from '../policies/policies.service';
import { SroiPolicyBody } from '../sroi/policy.types';
import { TenderInput } from '../tenders/tender-input';
import { TendersService } from '../tenders/tenders.service';

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

export interface ProcurementServices {
  policies: PoliciesService;
  tenders: TendersService;
  obligations: ObligationsService;
}

async function actorOf(ds: DataSource, email: string): Promise<Actor> {
  const user = await ds
    .getRepository(UserEntity)
    .findOneOrFail({ where: { email }, relations: { organisation: true } });
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisation?.kind ?? null,
  };
}

/**
 * Demo SROI data for Gemeente Haarlem, made the way users make it (through the same services as the API,
 * so validation, audit log and notifications are real): a published policy (the Utrecht building-block
 * table from the shared data, labelled as a demo), an active tender, and an awarded tender whose
 * obligation has a verified placement and a submitted purchase. Skipped when the demo policy exists.
 */
export async function seedProcurementDemo(ds: DataSource, s: ProcurementServices): Promise<string[]> {
  const haarlem = await ds.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: '34369853' });
  if (
    await ds
      .getRepository(SroiPolicyEntity)
      .countBy({ buyerOrganisationId: haarlem.id, name: DEMO_POLICY_NAME })
  ) {
    return [];
  }
  const officer = await actorOf(ds, 'inkoop@haarlem.demo');
  const contractor = await actorOf(ds, 'inkoop@kennemerfacilitair.demo');
  const supplier = await ds.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: '90000101' });

  // The shared policy file passes the policy DTO (policy-body.dto.spec.ts checks it).
  const table = JSON.parse(readFileSync(POLICY_FILE, 'utf8')) as SroiPolicyBody;
  const policy = await s.policies.create(officer, {
    ...table,
    name: DEMO_POLICY_NAME,
    version: '2026',
    validFrom: '2026-01-01',
    psoDiscounts: [{ level: 'trede_3', percentage: 20 }],
    penaltyPercentage: 50,
  });
  await s.policies.publish(officer, policy.id);

  const tender = async (
    title: string,
    cpvCode: string,
    startDate: string,
    endDate: string,
  ): Promise<string> => {
    const input: TenderInput = {
      title,
      description: title,
      mainProcurementCategory: 'services',
      items: [{ description: title, cpvCode }],
      estimatedValueCents: 120_000_000,
      deliveryPostcode: '2011 RD',
      contractPeriod: { startDate, endDate },
      labourShare: 0.7,
      sroi: { policyId: policy.id },
    };
    const t = await s.tenders.create(officer, input);
    await s.tenders.transition(officer, t.id, 'publish');
    return t.id;
  };
  await tender(
    'Groenonderhoud openbare ruimte Haarlem-Noord 2027-2028',
    '77310000',
    '2027-01-01',
    '2028-12-31',
  );
  const awardedId = await tender(
    'Schoonmaak gemeentelijke panden 2026-2027',
    '90911200',
    '2026-01-01',
    '2027-12-31',
  );
  const { obligation } = await s.tenders.award(officer, awardedId, {
    contractorOrganisationId: contractor.organisationId!,
    contractValueCents: 115_000_000,
  });

  const placement = await s.obligations.submit(contractor, obligation.id, {
    category: 'employment',
    targetGroup: 'participatiewet',
    hoursPerWeek: 32,
    startDate: '2026-02-01',
    endDate: '2026-12-31',
    personToken: 'demo-hlm-0001',
    bonuses: ['age_50_plus'],
  });
  await s.obligations.review(officer, placement.id, {
    decision: 'verified',
    note: 'Arbeidscontract en loonstroken gezien (demo)',
  });
  await s.obligations.submit(contractor, obligation.id, {
    category: 'social_purchase',
    supplierOrganisationId: supplier.id,
    invoiceNumber: 'SHS-2026-0117',
    invoiceDate: '2026-06-30',
    amountCents: 1_850_000,
  });
  return [
    `SROI policy "${policy.name}" (published), 2 tenders (1 active, 1 awarded)`,
    `obligation of Kennemer Facilitair B.V.: EUR ${(obligation.amountCents / 100).toFixed(2)} with a verified placement and a submitted purchase`,
  ];
}
