import type { Page } from '@app/common';
import {
  OcdsAwardEntity,
  PROCUREMENT_CATEGORY_VALUES,
  TENDER_SOURCES,
  TENDER_STATUSES,
  type TenderSource,
  type TenderStatus,
} from '@app/database';
import { OBLIGATION_REASONS, tenderSroiCondition, type TenderView } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContractPeriodDto } from './contract-period.dto';
import { EformsCodeDto, eformsFields, RESERVED_PROPERTY, TenderTranslationsDto } from './eforms-fields.dto';

export class TenderItemResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '90911200-8' }) cpvCode: string;
}

export class TenderSroiResponseDto {
  @ApiProperty({ format: 'uuid' }) policyId: string;
  @ApiProperty({ type: String, nullable: true }) policyName: string | null;
  @ApiProperty({ type: String, nullable: true }) policyVersion: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 5,
    description:
      "The SROI percentage that applies: the tender's own, else the policy's (default or low-labour); when the " +
      "policy does not apply, the tender's own or null",
  })
  percentage: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: "The tender's own percentage, overriding the policy's (null: the policy's applies)",
  })
  percentageOverride: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3_900_000,
    description:
      'The obligation the tender would create at its estimated value, in cents (the SROI engine under the ' +
      "policy, before a contractor's PSO discount); 0 when the policy does not apply; null when unknown",
  })
  estimatedObligationCents: number | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'False when the policy asks no SROI of this tender; null when unknown',
  })
  applicable: boolean | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: OBLIGATION_REASONS,
    description: 'Why the policy asks no SROI of this tender',
  })
  notApplicableReason: string | null;
}

export class TenderBuyerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'Gemeente Haarlem' }) name: string | null;
}

export class TenderAwardSummaryDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) obligationId: string | null;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Bouwbedrijf De Vries B.V.' })
  contractorName: string | null;
  @ApiProperty() contractValueCents: number;
}

export class TenderSuitabilityDto {
  @ApiProperty({ type: Boolean, nullable: true, description: 'Suitable for SMEs (null: not stated)' })
  sme: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Suitable for VCSEs (null: not stated)' })
  vcse: boolean | null;
}

export class OcdsSupplierDto {
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

export class OcdsLotDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) status: string | null;
  @ApiProperty({ type: Number, nullable: true }) valueCents: number | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiPropertyOptional({ type: [String], example: ['98310000'], description: 'eForms lots: their CPV codes' })
  cpvCodes?: string[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'eForms lots: estimated value in cents' })
  estimatedValueCents?: number | null;
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
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Bouwbedrijf De Vries B.V.',
    description:
      "The winning contractor's name; null when not awarded (imported: the first published supplier)",
  })
  contractorName: string | null;
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
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The challenge this tender follows from',
  })
  challengeId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '76c82dad-10b1-4e6a-9326-9312b4bf9baf-01',
    description: 'eForms tenders: the id and version of the notice last imported',
  })
  noticeId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'cn-standard', description: 'eForms notice type' })
  noticeType: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'eForms tenders: the notice on TED, when derivable',
  })
  noticeUrl: string | null;
  @ApiProperty(RESERVED_PROPERTY) reserved: 'sheltered_workshops' | 'public_service_mission' | null;
  @ApiProperty({ type: [EformsCodeDto], description: 'eForms social objectives, with their labels' })
  socialObjectives: EformsCodeDto[];
  @ApiProperty({ type: [EformsCodeDto], description: 'eForms strategic procurement, with their labels' })
  strategicProcurement: EformsCodeDto[];
  @ApiProperty({ type: String, nullable: true, example: 'NL329', description: 'Place of performance (NUTS)' })
  nutsCode: string | null;
  @ApiProperty({
    type: TenderTranslationsDto,
    nullable: true,
    description: 'eForms: Dutch and English texts',
  })
  translations: TenderTranslationsDto | null;

  static from(v: TenderView): TenderResponseDto {
    const { tender: t, award, ocdsAwards } = v;
    return {
      id: t.id,
      ocid: v.ocid,
      source: t.source,
      publisher: t.publisher,
      buyerName: t.buyerName ?? t.buyerOrganisation?.name ?? null,
      challengeId: t.challengeId ?? null,
      contractorName: v.contractorName,
      status: t.status,
      title: t.title,
      description: t.description,
      mainProcurementCategory: t.mainProcurementCategory,
      items: (t.items ?? []).map((i, idx) => ({
        id: i.id,
        description: i.description,
        cpvCode: v.displayCodes[idx],
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
            percentageOverride: t.sroiPercentage,
            ...tenderSroiCondition(t),
          }
        : null,
      suitability: { sme: t.suitableForSme, vcse: t.suitableForVcse },
      ...(t.lots ? { lots: t.lots } : {}),
      ...(ocdsAwards ? { awards: ocdsAwards.map(OcdsAwardDto.from) } : {}),
      buyer: { id: t.buyerOrganisationId, name: t.buyerOrganisation?.name ?? null },
      award,
      createdAt: t.createdAt.toISOString(),
      publishedAt: t.publishedAt?.toISOString() ?? null,
      ...eformsFields(t),
    };
  }
}

export class TenderListDto {
  @ApiProperty({ type: [TenderResponseDto] }) items: TenderResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;

  static from(page: Page<TenderView>): TenderListDto {
    return { items: page.items.map(TenderResponseDto.from), nextCursor: page.nextCursor };
  }
}
