import { CERTIFICATION_TYPES, IsoDateConstraint, PSO_LEVELS, ValidationCode } from '@app/common';
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
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
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
const MAX_CENTS = Number.MAX_SAFE_INTEGER;
const MONTHS = 1200;
const CODE = 60;
const notNull = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== null);

export class LowLabourRuleDto {
  @ApiProperty({
    example: 0.3,
    minimum: 0,
    maximum: 1,
    description: 'A labour share strictly below this share uses `percentage`',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  belowShare: number;

  @ApiProperty({ example: 2, minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  percentage: number;
}

export class PsoDiscountDto {
  @ApiProperty({ enum: PSO_LEVELS, example: 'trede_3' })
  @IsIn(PSO_LEVELS)
  level: PsoLevel;

  @ApiProperty({
    example: 20,
    minimum: 0,
    maximum: 100,
    description: 'Percent taken off the obligation amount',
  })
  @IsNumber()
  @Min(0)
  @Max(100)
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
    minimum: 0,
    maximum: MONTHS,
    description: 'Months on benefit, inclusive lower bound',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MONTHS)
  benefitMonthsMin?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 24,
    minimum: 0,
    maximum: MONTHS,
    description: 'Months on benefit, exclusive upper bound',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MONTHS)
  benefitMonthsMax?: number | null;

  @ApiProperty({ enum: BLOCK_UNITS, example: 'fte_year' })
  @IsIn(BLOCK_UNITS)
  unit: BlockUnit;

  @ApiProperty({ example: 3000000, description: 'Value of one unit in cents (fte_year: a full-time year)' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  valueCents: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 24, minimum: 1, maximum: MONTHS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MONTHS)
  maxCountMonths?: number | null;
}

export class PolicyBonusDto {
  @ApiProperty({ example: 'age_50_plus', maxLength: CODE })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE)
  code: string;

  @ApiProperty({ example: 1000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  valueCents: number;

  @ApiProperty({ example: true, description: 'Pro-rated like the placement, else a fixed amount' })
  @IsBoolean()
  proRata: boolean;
}

export class PurchaseRuleDto {
  @ApiProperty({ enum: CERTIFICATION_TYPES, isArray: true, example: ['pso', 'pso_30plus', 'sw_company'] })
  @IsArray()
  @ArrayMaxSize(100)
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
    minimum: 0,
    maximum: 1,
    description: "Share 0..1, required for mode 'factor'",
  })
  @notNull('factor')
  @IsNumber()
  @Min(0)
  @Max(1)
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
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsIn(PROCUREMENT_CATEGORIES, { each: true })
  categories: ProcurementCategory[];

  @ApiProperty({ example: 10000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  thresholdCents: number;

  @ApiProperty({ example: 5, minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  defaultPercentage: number;

  @ApiPropertyOptional({ type: LowLabourRuleDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LowLabourRuleDto)
  lowLabour?: LowLabourRuleDto | null;

  @ApiProperty({ example: 0.3, type: Number, nullable: true, minimum: 0, maximum: 1 })
  @notNull('goodsMinLabourShare')
  @IsNumber()
  @Min(0)
  @Max(1)
  goodsMinLabourShare: number | null;

  @ApiProperty({ example: null, type: 'integer', nullable: true, description: 'At most capCents' })
  @notNull('minCents')
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minCents: number | null;

  @ApiProperty({ example: null, type: 'integer', nullable: true })
  @notNull('capCents')
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  capCents: number | null;

  @ApiProperty({ example: 36, exclusiveMinimum: true, minimum: 0, maximum: 168 })
  @IsNumber()
  @Min(0.000001, { message: '$property must be more than 0' })
  @Max(168)
  fullTimeHoursPerWeek: number;

  @ApiProperty({ type: [PsoDiscountDto], description: 'One per level at most' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PsoDiscountDto)
  psoDiscounts: PsoDiscountDto[];

  @ApiProperty({
    type: [PolicyBlockDto],
    maxItems: 200,
    description: 'Codes unique; benefit-month ranges of one category and target group do not overlap',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PolicyBlockDto)
  blocks: PolicyBlockDto[];

  @ApiProperty({ type: [PolicyBonusDto], maxItems: 50, description: 'Codes unique' })
  @IsArray()
  @ArrayMaxSize(50)
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
    minimum: 0,
    maximum: 100,
    description: 'Penalty preview on the shortfall of an unmet obligation',
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  penaltyPercentage?: number | null;
}
