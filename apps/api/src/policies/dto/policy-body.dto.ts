import {
  Bounded,
  BOUNDS,
  CERTIFICATION_TYPES,
  IsoDateConstraint,
  PSO_LEVELS,
  SIZES,
  Sized,
  ValidationCode,
} from '@app/common';
import {
  BLOCK_CATEGORIES,
  BLOCK_UNITS,
  PolicyErrorCode,
  PROCUREMENT_CATEGORIES,
  PURCHASE_MODES,
  TARGET_GROUPS,
  type BlockCategory,
  type BlockUnit,
  type CertificationType,
  type ProcurementCategory,
  type PsoLevel,
  type PurchaseMode,
  type SroiPolicyBody,
  type TargetGroup,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * The SROI policy body (api.md "SROI policies"): its shape is checked here; the rules between fields (a block's
 * benefit-month range, overlapping ranges, duplicate codes, minCents ≤ capCents, a factor for mode 'factor') are
 * the domain's `policyRuleIssues`, checked after a PATCH is merged. Nullable fields are required keys whose
 * value may be null (`ValidateIf(not null)`); optional fields may be left out.
 */
const CODE = 60;
const notNull = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== null);

export class LowLabourRuleDto {
  @ApiProperty({
    example: 0.3,
    description: 'A labour share strictly below this share uses `percentage`',
  })
  @Bounded(BOUNDS.share)
  belowShare: number;

  @ApiProperty({ example: 2 })
  @Bounded(BOUNDS.percentage)
  percentage: number;
}

export class PsoDiscountDto {
  @ApiProperty({ enum: PSO_LEVELS, example: 'trede_3' })
  @IsIn(PSO_LEVELS)
  level: PsoLevel;

  @ApiProperty({
    example: 20,
    description: 'Percent taken off the obligation amount',
  })
  @Bounded(BOUNDS.percentage)
  percentage: number;
}

export class PolicyBlockDto {
  @ApiProperty({ example: 'PW_LT2Y', maxLength: CODE })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE)
  code: string;

  @ApiProperty({ enum: BLOCK_CATEGORIES, example: 'employment' })
  @IsIn(BLOCK_CATEGORIES)
  category: BlockCategory;

  @ApiPropertyOptional({
    enum: TARGET_GROUPS,
    nullable: true,
    description: 'Absent: the fallback block of its category',
  })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Months on benefit, inclusive lower bound',
  })
  @IsOptional()
  @Bounded(BOUNDS.benefitMonthsRange)
  benefitMonthsMin?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 24,
    description: 'Months on benefit, exclusive upper bound',
  })
  @IsOptional()
  @Bounded(BOUNDS.benefitMonthsRange)
  benefitMonthsMax?: number | null;

  @ApiProperty({ enum: BLOCK_UNITS, example: 'fte_year' })
  @IsIn(BLOCK_UNITS)
  unit: BlockUnit;

  @ApiProperty({ example: 3000000, description: 'Value of one unit in cents (fte_year: a full-time year)' })
  @Bounded(BOUNDS.unitValueCents)
  valueCents: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 24 })
  @IsOptional()
  @Bounded(BOUNDS.maxCountMonths)
  maxCountMonths?: number | null;
}

export class PolicyBonusDto {
  @ApiProperty({ example: 'age_50_plus', maxLength: CODE })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE)
  code: string;

  @ApiProperty({ example: 1000000 })
  @Bounded(BOUNDS.unitValueCents)
  valueCents: number;

  @ApiProperty({ example: true, description: 'Pro-rated like the placement, else a fixed amount' })
  @IsBoolean()
  proRata: boolean;
}

export class PurchaseRuleDto {
  @ApiProperty({ enum: CERTIFICATION_TYPES, isArray: true, example: ['pso', 'pso_30plus', 'sw_company'] })
  @IsArray()
  @Sized(SIZES.eligibleCertifications)
  @ArrayUnique()
  @IsIn(CERTIFICATION_TYPES, { each: true })
  eligibleCertifications: CertificationType[];

  @ApiProperty({
    enum: PSO_LEVELS,
    nullable: true,
    example: 'trede_1',
    description: 'Lowest level a `pso` certification needs to count; null: any level',
  })
  @notNull('minPsoLevel')
  @IsIn(PSO_LEVELS)
  minPsoLevel: PsoLevel | null;

  @ApiProperty({ enum: PURCHASE_MODES, example: 'full_invoice' })
  @IsIn(PURCHASE_MODES)
  mode: PurchaseMode;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: "Share 0..1, required for mode 'factor'",
  })
  @notNull('factor')
  @Bounded(BOUNDS.share)
  factor: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    description: 'Region the supplier must be in',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;
}

@ValidationCode(PolicyErrorCode.PolicyInvalid, 'The policy is invalid')
export class PolicyBodyDto implements SroiPolicyBody {
  @ApiProperty({ example: 'Bouwblokken social return', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2024', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  version: string;

  @ApiProperty({ example: '2024-01-01' })
  @Validate(IsoDateConstraint)
  validFrom: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'Provenance note' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string | null;

  @ApiProperty({ example: ['services', 'works', 'goods'], enum: PROCUREMENT_CATEGORIES, isArray: true })
  @IsArray()
  @Sized(SIZES.policyCategories)
  @ArrayUnique()
  @IsIn(PROCUREMENT_CATEGORIES, { each: true })
  categories: ProcurementCategory[];

  @ApiProperty({ example: 10000000 })
  @Bounded(BOUNDS.policyAmountCents)
  thresholdCents: number;

  @ApiProperty({ example: 5 })
  @Bounded(BOUNDS.percentage)
  defaultPercentage: number;

  @ApiPropertyOptional({ type: LowLabourRuleDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LowLabourRuleDto)
  lowLabour?: LowLabourRuleDto | null;

  @ApiProperty({ example: 0.3, type: Number, nullable: true })
  @notNull('goodsMinLabourShare')
  @Bounded(BOUNDS.share)
  goodsMinLabourShare: number | null;

  @ApiProperty({ example: null, type: 'integer', nullable: true, description: 'At most capCents' })
  @notNull('minCents')
  @Bounded(BOUNDS.policyAmountCents)
  minCents: number | null;

  @ApiProperty({ example: null, type: 'integer', nullable: true })
  @notNull('capCents')
  @Bounded(BOUNDS.policyAmountCents)
  capCents: number | null;

  @ApiProperty({ example: 36 })
  @Bounded(BOUNDS.fullTimeHoursPerWeek)
  fullTimeHoursPerWeek: number;

  @ApiProperty({ type: [PsoDiscountDto], description: 'One per level at most' })
  @IsArray()
  @Sized(SIZES.psoDiscounts)
  @ValidateNested({ each: true })
  @Type(() => PsoDiscountDto)
  psoDiscounts: PsoDiscountDto[];

  @ApiProperty({
    type: [PolicyBlockDto],
    description: 'Codes unique; benefit-month ranges of one category and target group do not overlap',
  })
  @IsArray()
  @Sized(SIZES.policyBlocks)
  @ValidateNested({ each: true })
  @Type(() => PolicyBlockDto)
  blocks: PolicyBlockDto[];

  @ApiProperty({ type: [PolicyBonusDto], description: 'Codes unique' })
  @IsArray()
  @Sized(SIZES.policyBonuses)
  @ValidateNested({ each: true })
  @Type(() => PolicyBonusDto)
  bonuses: PolicyBonusDto[];

  @ApiProperty({ type: PurchaseRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PurchaseRuleDto)
  purchaseRule: PurchaseRuleDto;

  @ApiPropertyOptional({
    example: 50,
    description: 'Penalty preview on the shortfall of an unmet obligation',
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @Bounded(BOUNDS.percentage)
  penaltyPercentage?: number | null;
}
