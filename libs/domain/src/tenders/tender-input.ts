import { ErrorDetail, normalisePostcode, ValidationFailedError } from '@app/common';
import { MainProcurementCategory, TenderEntity, TenderItemEntity } from '@app/database';
import { ReferenceDataService } from '../directory/reference-data.service';
import { assertContractPeriod, ContractPeriod } from './contract-period';
import { TenderErrorCode } from './tenders.errors';

export interface TenderInput {
  title: string;
  description?: string;
  mainProcurementCategory: MainProcurementCategory;
  items: { description: string; cpvCode: string }[];
  estimatedValueCents: number;
  deliveryPostcode?: string | null;
  tenderPeriodEnd?: string | null;
  contractPeriod: ContractPeriod;
  labourShare?: number | null;
  sroi: { policyId: string; percentage?: number | null };
  /** The challenge of the same buyer this tender follows from (issue 34). */
  challengeId?: string | null;
}

export interface AwardInput {
  contractorOrganisationId: string;
  contractValueCents: number;
  contractPeriod?: ContractPeriod;
}

/**
 * A tender's columns and items from its input: the contract-period rule, every CPV code known (each unknown one
 * named with its item's path) and stored without check digit, the delivery postcode known and normalised.
 */
export async function tenderValues(
  reference: ReferenceDataService,
  input: TenderInput,
): Promise<{ tender: Partial<TenderEntity>; items: Partial<TenderItemEntity>[] }> {
  assertContractPeriod(input.contractPeriod);
  // One code per item (duplicates allowed across items), every unknown code named with its item's path.
  const normalised: string[] = [];
  const problems: ErrorDetail[] = [];
  for (const [idx, item] of input.items.entries()) {
    try {
      normalised.push(await reference.normaliseCpvCode(item.cpvCode, `items[${idx}].cpvCode`));
    } catch (err) {
      if (!(err instanceof ValidationFailedError)) throw err;
      problems.push(...err.details);
    }
  }
  if (problems.length) {
    throw new ValidationFailedError(
      `Unknown CPV code: ${problems.map((p) => p.value).join(', ')}`,
      problems,
      TenderErrorCode.UnknownCpvCode,
    );
  }
  if (input.deliveryPostcode) await reference.resolvePostcode(input.deliveryPostcode, 'deliveryPostcode');
  return {
    tender: {
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      mainProcurementCategory: input.mainProcurementCategory,
      estimatedValueCents: input.estimatedValueCents,
      deliveryPostcode: input.deliveryPostcode ? normalisePostcode(input.deliveryPostcode) : null,
      tenderPeriodEnd: input.tenderPeriodEnd ?? null,
      contractStart: input.contractPeriod.startDate,
      contractEnd: input.contractPeriod.endDate,
      labourShare: input.labourShare ?? null,
      sroiPolicyId: input.sroi.policyId,
      sroiPercentage: input.sroi.percentage ?? null,
    },
    items: normalised.map((cpvCode, position) => ({
      position,
      description: input.items[position].description.trim(),
      cpvCode,
    })),
  };
}
