import { CERTIFICATION_TYPES, PageQueryDto, POSTCODE_OR_PC4_PATTERN, PSO_LEVELS } from '@app/common';
import {
  AuditLogEntity,
  ContributionEntity,
  PROCUREMENT_CATEGORY_VALUES,
  SroiPolicyEntity,
  TENDER_SOURCES,
  TENDER_STATUSES,
  TARGET_GROUPS,
  OcdsAwardEntity,
  TenderEntity,
  type TenderSource,
  type MainProcurementCategory,
  type TenderStatus,
} from '@app/database';
import {
  BLOCK_CATEGORIES,
  BLOCK_UNITS,
  breakdownJson,
  contributionJson,
  obligationJson,
  PURCHASE_MODES,
} from '@app/domain';
import type { ContributionResult, ObligationView } from '@app/domain';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
} from 'class-validator';
import { IsoDateConstraint } from '../directory/directory.dto';

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

class LowLabourRuleDoc {
  @ApiProperty({ example: 0.3, description: 'A labour share strictly below this share uses `percentage`' })
  belowShare: number;
  @ApiProperty({ example: 2 }) percentage: number;
}

class PsoDiscountDoc {
  @ApiProperty({ enum: PSO_LEVELS, example: 'trede_3' }) level: string;
  @ApiProperty({ example: 20, description: 'Percent taken off the obligation amount' }) percentage: number;
}

class PolicyBlockDoc {
  @ApiProperty({ example: 'PW_LT2Y' }) code: string;
  @ApiProperty({ enum: BLOCK_CATEGORIES, example: 'employment' }) category: string;
  @ApiPropertyOptional({
    enum: TARGET_GROUPS,
    nullable: true,
    description: 'Absent: the fallback block of its category',
  })
  targetGroup?: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Months on benefit, inclusive lower bound',
  })
  benefitMonthsMin?: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 24,
    description: 'Months on benefit, exclusive upper bound',
  })
  benefitMonthsMax?: number | null;
  @ApiProperty({ enum: BLOCK_UNITS, example: 'fte_year' }) unit: string;
  @ApiProperty({ example: 3000000, description: 'Value of one unit in cents (fte_year: a full-time year)' })
  valueCents: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 24 }) maxCountMonths?: number | null;
}

class PolicyBonusDoc {
  @ApiProperty({ example: 'age_50_plus' }) code: string;
  @ApiProperty({ example: 1000000 }) valueCents: number;
  @ApiProperty({ example: true, description: 'Pro-rated like the placement, else a fixed amount' })
  proRata: boolean;
}

class PurchaseRuleDoc {
  @ApiProperty({ enum: CERTIFICATION_TYPES, isArray: true, example: ['pso', 'pso_30plus', 'sw_company'] })
  eligibleCertifications: string[];
  @ApiProperty({ enum: PSO_LEVELS, nullable: true, example: null }) minPsoLevel: string | null;
  @ApiProperty({ enum: PURCHASE_MODES, example: 'full_invoice' }) mode: string;
  @ApiProperty({ type: Number, nullable: true, example: null, description: "Share 0..1 for mode 'factor'" })
  factor: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Region the supplier must be in' })
  region?: string | null;
}

/** Documentation of the policy body; the rule engine validates it completely (paths of bad fields in details). */
export class PolicyBodyDoc {
  @ApiProperty({ example: 'Bouwblokken social return' }) name: string;
  @ApiProperty({ example: '2024' }) version: string;
  @ApiProperty({ example: '2024-01-01' }) validFrom: string;
  @ApiProperty({ example: ['services', 'works', 'goods'], enum: PROCUREMENT_CATEGORY_VALUES, isArray: true })
  categories: string[];
  @ApiProperty({ example: 10000000 }) thresholdCents: number;
  @ApiProperty({ example: 5 }) defaultPercentage: number;
  @ApiPropertyOptional({ type: LowLabourRuleDoc, nullable: true }) lowLabour?: LowLabourRuleDoc | null;
  @ApiProperty({ example: 0.3, type: Number, nullable: true }) goodsMinLabourShare: number | null;
  @ApiProperty({ example: null, type: Number, nullable: true }) minCents: number | null;
  @ApiProperty({ example: null, type: Number, nullable: true }) capCents: number | null;
  @ApiProperty({ example: 36 }) fullTimeHoursPerWeek: number;
  @ApiProperty({ type: [PsoDiscountDoc] }) psoDiscounts: PsoDiscountDoc[];
  @ApiProperty({ type: [PolicyBlockDoc] }) blocks: PolicyBlockDoc[];
  @ApiProperty({ type: [PolicyBonusDoc] }) bonuses: PolicyBonusDoc[];
  @ApiProperty({ type: PurchaseRuleDoc }) purchaseRule: PurchaseRuleDoc;
  @ApiPropertyOptional({
    example: 50,
    description: 'Penalty preview on the shortfall of an unmet obligation',
    type: Number,
    nullable: true,
  })
  penaltyPercentage?: number | null;
}

export class PolicyResponseDto extends PolicyBodyDoc {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ format: 'uuid', description: 'Shared by all versions of this policy' }) lineageId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) previousVersionId: string | null;
  @ApiProperty({ format: 'uuid' }) buyerOrganisationId: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(p: SroiPolicyEntity): PolicyResponseDto {
    return {
      ...(p.body as unknown as PolicyBodyDoc),
      id: p.id,
      status: p.status,
      lineageId: p.lineageId,
      previousVersionId: p.previousVersionId,
      buyerOrganisationId: p.buyerOrganisationId,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

export class PolicyListDto {
  @ApiProperty({ type: [PolicyResponseDto] }) items: PolicyResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PolicyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}

export class BreakdownLineDto {
  @ApiProperty({
    example: 'Contract value excl. VAT',
    description: 'Display label (English); labelNl and labelEn give both',
  })
  label: string;
  @ApiProperty({ example: 'base' }) code: string;
  @ApiProperty({ example: 'Contractwaarde excl. btw' }) labelNl: string;
  @ApiProperty({ example: 'Contract value excl. VAT' }) labelEn: string;
  @ApiPropertyOptional({ example: 50000000 }) valueCents?: number;
  @ApiPropertyOptional({ example: '40000.00 × 24/36 × 12/12' }) detail?: string;

  static list(lines: unknown): BreakdownLineDto[] {
    return breakdownJson(lines);
  }
}

export class ValuationDto {
  @ApiProperty({ example: 2666667 }) claimedValueCents: number;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
  @ApiProperty() countable: boolean;
  @ApiPropertyOptional({ example: 'SUPPLIER_NOT_CERTIFIED' }) reason?: string;

  static from(r: ContributionResult): ValuationDto {
    return {
      claimedValueCents: r.valueCents,
      breakdown: BreakdownLineDto.list(r.breakdown),
      countable: r.countable,
      ...(r.reason ? { reason: r.reason } : {}),
    };
  }
}

/** Documentation of the three contribution bodies; validated by the service (details name each bad field). */
export class PlacementContributionDoc {
  @ApiProperty({ enum: ['employment', 'training'] }) category: string;
  @ApiPropertyOptional({ example: 'PW_LT2Y' }) blockCode?: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: string;
  @ApiPropertyOptional({ example: 12 }) benefitMonths?: number;
  @ApiProperty({ example: 24 }) hoursPerWeek: number;
  @ApiProperty({ example: '2026-01-01' }) startDate: string;
  @ApiProperty({ example: '2026-12-31', description: 'Inclusive' }) endDate: string;
  @ApiPropertyOptional({ example: ['age_50_plus'] }) bonuses?: string[];
  @ApiProperty({ example: 'hlm-7f3a9c21', description: 'Pseudonymous token; never a BSN or name' })
  personToken: string;
}

export class PurchaseContributionDoc {
  @ApiProperty({ enum: ['social_purchase'] }) category: string;
  @ApiProperty({ format: 'uuid' }) supplierOrganisationId: string;
  @ApiProperty({ example: 'F2026-0042' }) invoiceNumber: string;
  @ApiProperty({ example: '2026-03-15' }) invoiceDate: string;
  @ApiProperty({ example: 1250000 }) amountCents: number;
  @ApiPropertyOptional({ example: 0.4 }) labourShare?: number;
}

export class ActivityContributionDoc {
  @ApiProperty({ enum: ['social_activity'] }) category: string;
  @ApiProperty({ example: 'ACT_HOUR' }) blockCode: string;
  @ApiProperty({ example: 16 }) quantity: number;
  @ApiProperty({ example: 'Gastlessen op het ROC' }) description: string;
}

export class ContractPeriodDto {
  @ApiProperty({ example: '2026-01-01' })
  @Validate(IsoDateConstraint)
  startDate: string;

  @ApiProperty({ example: '2027-12-31' })
  @Validate(IsoDateConstraint)
  endDate: string;
}

export class TenderItemDto {
  @ApiProperty({ example: 'Schoonmaak van gemeentelijke gebouwen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  @ApiProperty({ example: '90911200-8' })
  @IsString()
  @MaxLength(20)
  cpvCode: string;
}

export class TenderSroiDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  policyId: string;

  @ApiPropertyOptional({
    example: 5,
    description: "The tender's own percentage (overrides the policy default)",
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  percentage?: number | null;
}

export class CreateTenderDto {
  @ApiProperty({ example: 'Schoonmaak gemeentelijke panden 2026-2028' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 'Dagelijkse schoonmaak van 14 panden.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({ enum: PROCUREMENT_CATEGORY_VALUES })
  @IsIn(PROCUREMENT_CATEGORY_VALUES)
  mainProcurementCategory: MainProcurementCategory;

  @ApiProperty({ type: [TenderItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TenderItemDto)
  items: TenderItemDto[];

  @ApiProperty({ example: 120000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  estimatedValueCents: number;

  @ApiPropertyOptional({ example: '2011 RD', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'deliveryPostcode must be a Dutch postcode such as 2011 AB' })
  deliveryPostcode?: string | null;

  @ApiPropertyOptional({ example: '2026-02-01', type: String, nullable: true })
  @IsOptional()
  @Validate(IsoDateConstraint)
  tenderPeriodEnd?: string | null;

  @ApiProperty({ type: ContractPeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContractPeriodDto)
  contractPeriod: ContractPeriodDto;

  @ApiPropertyOptional({ example: 0.7, minimum: 0, maximum: 1, type: Number, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0)
  @Max(1)
  labourShare?: number | null;

  @ApiProperty({ type: TenderSroiDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TenderSroiDto)
  sroi: TenderSroiDto;
}

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contractorOrganisationId: string;

  @ApiProperty({ example: 115000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  contractValueCents: number;

  @ApiPropertyOptional({ type: ContractPeriodDto, description: "Defaults to the tender's contract period" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContractPeriodDto)
  contractPeriod?: ContractPeriodDto;
}

export class TenderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENDER_STATUSES })
  @IsOptional()
  @IsIn(TENDER_STATUSES)
  status?: TenderStatus;

  @ApiPropertyOptional({
    enum: TENDER_SOURCES,
    description: '`ocds`: imported from open data (read-only); `platform`: made here',
  })
  @IsOptional()
  @IsIn(TENDER_SOURCES)
  source?: TenderSource;

  @ApiPropertyOptional({ example: 'schoonmaak' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '90000000', description: 'CPV code; matches its whole subtree' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cpv?: string;
}

class TenderItemResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '90911200-8' }) cpvCode: string;
}

class TenderSroiResponseDto {
  @ApiProperty({ format: 'uuid' }) policyId: string;
  @ApiProperty({ type: String, nullable: true }) policyName: string | null;
  @ApiProperty({ type: String, nullable: true }) policyVersion: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The tender override, if any' }) percentage:
    number | null;
}

class TenderBuyerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'Gemeente Haarlem' }) name: string | null;
}

class TenderAwardSummaryDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) obligationId: string | null;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty() contractValueCents: number;
}

class TenderSuitabilityDto {
  @ApiProperty({ type: Boolean, nullable: true, description: 'Suitable for SMEs (null: not stated)' })
  sme: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Suitable for VCSEs (null: not stated)' })
  vcse: boolean | null;
}

class OcdsSupplierDto {
  @ApiProperty({ type: String, nullable: true, description: "The party id in the publisher's data" })
  id: string | null;
  @ApiProperty({ example: 'Acme Ltd' }) name: string;
}

/** An award of an imported tender, as published. */
export class OcdsAwardDto {
  @ApiProperty({ example: 'ocds-213czf-000-00001-award-01' }) awardId: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'active' }) status: string | null;
  @ApiProperty({ type: String, nullable: true }) date: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'In cents of `currency`' }) valueCents:
    number | null;
  @ApiProperty({ type: String, nullable: true, example: 'GBP' }) currency: string | null;
  @ApiProperty({ type: [OcdsSupplierDto] }) suppliers: OcdsSupplierDto[];

  static from(a: OcdsAwardEntity): OcdsAwardDto {
    return {
      awardId: a.awardId,
      title: a.title,
      status: a.status,
      date: a.date?.toISOString() ?? null,
      valueCents: a.valueCents,
      currency: a.currency,
      suppliers: a.suppliers,
    };
  }
}

class OcdsLotDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) status: string | null;
  @ApiProperty({ type: Number, nullable: true }) valueCents: number | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
}

export class TenderResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'ocds-buysocial-2f1c...',
    description:
      'Imported tenders: the OCDS ocid as published; platform tenders: the configured prefix and the id',
  })
  ocid: string;
  @ApiProperty({ enum: TENDER_SOURCES, description: '`ocds` tenders are imported open data and read-only' })
  source: TenderSource;
  @ApiProperty({ type: String, nullable: true, description: 'Imported tenders: the package publisher' })
  publisher: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The buyer's name as published (imported tenders)",
  })
  buyerName: string | null;
  @ApiProperty({ enum: TENDER_STATUSES }) status: TenderStatus;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({
    enum: PROCUREMENT_CATEGORY_VALUES,
    nullable: true,
    description: 'null: not stated (imports)',
  })
  mainProcurementCategory: string | null;
  @ApiProperty({ type: [TenderItemResponseDto] }) items: TenderItemResponseDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'In cents of `currency`; null: not stated (imports)',
  })
  estimatedValueCents: number | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: String, nullable: true }) deliveryPostcode: string | null;
  @ApiProperty({ type: String, nullable: true }) tenderPeriodEnd: string | null;
  @ApiProperty({ type: ContractPeriodDto, nullable: true, description: 'null: not stated (imports)' })
  contractPeriod: ContractPeriodDto | null;
  @ApiProperty({ type: Number, nullable: true }) labourShare: number | null;
  @ApiProperty({ type: TenderSroiResponseDto, nullable: true, description: 'null for imported tenders' })
  sroi: TenderSroiResponseDto | null;
  @ApiProperty({ type: TenderSuitabilityDto }) suitability: TenderSuitabilityDto;
  @ApiPropertyOptional({ type: [OcdsLotDto], description: 'Imported tenders: the lots as published' })
  lots?: OcdsLotDto[];
  @ApiPropertyOptional({ type: [OcdsAwardDto], description: 'Imported tenders: the awards as published' })
  awards?: OcdsAwardDto[];
  @ApiProperty({ type: TenderBuyerDto }) buyer: TenderBuyerDto;
  @ApiPropertyOptional({ type: TenderAwardSummaryDto, nullable: true }) award?: TenderAwardSummaryDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;

  static from(
    t: TenderEntity,
    displayCodes: string[],
    award?: TenderAwardSummaryDto | null,
    ocds?: { ocid: string; awards?: OcdsAwardEntity[] },
  ): TenderResponseDto {
    return {
      id: t.id,
      ocid: ocds?.ocid ?? t.ocid ?? `ocds-buysocial-${t.id}`,
      source: t.source,
      publisher: t.publisher,
      buyerName: t.buyerName ?? t.buyerOrganisation?.name ?? null,
      status: t.status,
      title: t.title,
      description: t.description,
      mainProcurementCategory: t.mainProcurementCategory,
      items: (t.items ?? []).map((i, idx) => ({
        id: i.id,
        description: i.description,
        cpvCode: displayCodes[idx],
      })),
      estimatedValueCents: t.estimatedValueCents,
      currency: t.currency,
      deliveryPostcode: t.deliveryPostcode,
      tenderPeriodEnd: t.tenderPeriodEnd,
      contractPeriod:
        t.contractStart && t.contractEnd ? { startDate: t.contractStart, endDate: t.contractEnd } : null,
      labourShare: t.labourShare,
      sroi: t.sroiPolicyId
        ? {
            policyId: t.sroiPolicyId,
            policyName: t.sroiPolicy?.name ?? null,
            policyVersion: t.sroiPolicy?.version ?? null,
            percentage: t.sroiPercentage,
          }
        : null,
      suitability: { sme: t.suitableForSme, vcse: t.suitableForVcse },
      ...(t.lots ? { lots: t.lots } : {}),
      ...(ocds?.awards ? { awards: ocds.awards.map(OcdsAwardDto.from) } : {}),
      buyer: { id: t.buyerOrganisationId, name: t.buyerOrganisation?.name ?? null },
      ...(award !== undefined ? { award } : {}),
      createdAt: t.createdAt.toISOString(),
      publishedAt: t.publishedAt?.toISOString() ?? null,
    };
  }
}

export class TenderListDto {
  @ApiProperty({ type: [TenderResponseDto] }) items: TenderResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ObligationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tenderId: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ format: 'uuid' }) buyerOrganisationId: string;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty({ format: 'uuid' }) policyId: string;
  @ApiProperty({ example: '2024' }) policyVersion: string;
  @ApiProperty() applicable: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) reason: string | null;
  @ApiProperty({ example: 5 }) percentage: number;
  @ApiProperty({ example: 5750000 }) amountCents: number;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
  @ApiProperty() contractValueCents: number;
  @ApiProperty({ type: ContractPeriodDto }) contractPeriod: ContractPeriodDto;
  @ApiProperty() claimedCents: number;
  @ApiProperty() verifiedCents: number;
  @ApiProperty() remainingCents: number;
  @ApiProperty({ description: 'Claims so far extrapolated linearly over the contract period' })
  forecastCents: number;
  @ApiProperty({ enum: ['open', 'on_track', 'at_risk', 'met', 'not_met', 'waived'] }) status: string;
  @ApiProperty({ type: Number, nullable: true }) penaltyPreviewCents: number | null;
  @ApiProperty({ example: '2027-12-31' }) dueDate: string;
  @ApiProperty({ type: String, nullable: true }) waivedReason: string | null;
  @ApiProperty() createdAt: string;

  static from(v: ObligationView): ObligationResponseDto {
    return obligationJson(v);
  }
}

export class ObligationListDto {
  @ApiProperty({ type: [ObligationResponseDto] }) items: ObligationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AwardResponseDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ type: ObligationResponseDto }) obligation: ObligationResponseDto;
}

export class WaiveDto {
  @ApiProperty({ example: 'Contract ended early by mutual agreement' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  decision: 'verified' | 'rejected';

  @ApiPropertyOptional({
    example: 2500000,
    description: 'Defaults to the claimed value; at most the claimed value',
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  verifiedValueCents?: number | null;

  @ApiPropertyOptional({
    example: 'Loonstroken gecontroleerd',
    type: String,
    nullable: true,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ContributionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ enum: ['employment', 'training', 'social_purchase', 'social_activity'] }) category: string;
  @ApiProperty({ enum: ['submitted', 'verified', 'rejected'] }) status: string;
  @ApiProperty() claimedValueCents: number;
  @ApiProperty({ type: Number, nullable: true }) verifiedValueCents: number | null;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
  @ApiProperty({
    description: 'The submitted body',
    oneOf: [
      { $ref: getSchemaPath(PlacementContributionDoc) },
      { $ref: getSchemaPath(PurchaseContributionDoc) },
      { $ref: getSchemaPath(ActivityContributionDoc) },
    ],
  })
  body: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) reviewNote: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The marketplace order whose invoice created this purchase claim',
  })
  orderId: string | null;
  @ApiProperty() createdAt: string;

  static from(c: ContributionEntity): ContributionResponseDto {
    return contributionJson(c);
  }
}

export class ContributionListDto {
  @ApiProperty({ type: [ContributionResponseDto] }) items: ContributionResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['sroi_policy', 'tender', 'contract', 'obligation', 'contribution', 'certification'],
  })
  @IsOptional()
  @IsIn(['sroi_policy', 'tender', 'contract', 'obligation', 'contribution', 'certification'])
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'publish' }) action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<
    string,
    unknown
  > | null;
  @ApiProperty() createdAt: string;

  static from(a: AuditLogEntity): AuditEntryDto {
    return {
      id: a.id,
      entityType: a.entityType,
      entityId: a.entityId,
      action: a.action,
      actorUserId: a.actorUserId,
      before: a.before,
      after: a.after,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
