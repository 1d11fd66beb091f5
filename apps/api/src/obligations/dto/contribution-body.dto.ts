import { Bounded, BOUNDS, IsoDateConstraint, SIZES, Sized, ValidationCode } from '@app/common';
import {
  ObligationErrorCode,
  PERSON_TOKEN,
  PLACEMENT_CATEGORIES,
  TARGET_GROUPS,
  type ActivityBody,
  type PlacementBody,
  type PlacementCategory,
  type PurchaseBody,
  type TargetGroup,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

const CODE = 60;

/** `endDate` of a placement: not before its `startDate` (inclusive dates). */
@ValidatorConstraint({ name: 'INVALID_PERIOD' })
class NotBeforeStartConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const start = (args.object as { startDate?: unknown }).startDate;
    return typeof value !== 'string' || typeof start !== 'string' || value >= start;
  }
  defaultMessage(): string {
    return 'endDate must not be before startDate';
  }
}

/** A placement: employment or training of one person, named by a pseudonymous token. */
@ValidationCode(ObligationErrorCode.ContributionInvalid, 'The contribution is invalid')
export class PlacementContributionDto implements PlacementBody {
  @ApiProperty({ enum: PLACEMENT_CATEGORIES })
  @IsIn(PLACEMENT_CATEGORIES)
  category: PlacementCategory;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'PW_LT2Y',
    maxLength: CODE,
    description: 'Absent: the block is chosen by target group and benefit months',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE)
  blockCode?: string | null;

  @ApiProperty({ enum: TARGET_GROUPS })
  @IsIn(TARGET_GROUPS)
  targetGroup: TargetGroup;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 12 })
  @IsOptional()
  @Bounded(BOUNDS.benefitMonths)
  benefitMonths?: number | null;

  @ApiProperty({ example: 24 })
  @Bounded(BOUNDS.hoursPerWeek)
  hoursPerWeek: number;

  @ApiProperty({ example: '2026-01-01' })
  @Validate(IsoDateConstraint)
  startDate: string;

  @ApiProperty({ example: '2026-12-31', description: 'Inclusive; not before startDate' })
  @Validate(IsoDateConstraint)
  @Validate(NotBeforeStartConstraint)
  endDate: string;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['age_50_plus'],
    description: "Bonus codes of the tender's policy",
  })
  @IsOptional()
  @IsArray()
  @Sized(SIZES.placementBonuses)
  @IsString({ each: true })
  @MaxLength(CODE, { each: true })
  bonuses?: string[] | null;

  @ApiProperty({
    example: 'hlm-7f3a9c21',
    pattern: PERSON_TOKEN.source,
    description: 'Pseudonymous token; never a BSN, email address or name',
  })
  @IsString()
  @Matches(PERSON_TOKEN, {
    message:
      'personToken must be a pseudonymous token of 8-64 letters, digits, - or _ (never a BSN or a name)',
  })
  personToken: string;
}

/** A purchase from a social enterprise (or other certified supplier) on the platform. */
@ValidationCode(ObligationErrorCode.ContributionInvalid, 'The contribution is invalid')
export class PurchaseContributionDto implements PurchaseBody {
  @ApiProperty({ enum: ['social_purchase'] })
  @IsIn(['social_purchase'])
  category: 'social_purchase';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  supplierOrganisationId: string;

  @ApiProperty({ example: 'F2026-0042', maxLength: CODE })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE)
  invoiceNumber: string;

  @ApiProperty({ example: '2026-03-15' })
  @Validate(IsoDateConstraint)
  invoiceDate: string;

  @ApiProperty({ example: 1250000 })
  @Bounded(BOUNDS.invoiceCents)
  amountCents: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.4 })
  @IsOptional()
  @Bounded(BOUNDS.share)
  labourShare?: number | null;
}

/** A social activity (guest lessons, coaching hours...) counted in the units of a policy block. */
@ValidationCode(ObligationErrorCode.ContributionInvalid, 'The contribution is invalid')
export class ActivityContributionDto implements ActivityBody {
  @ApiProperty({ enum: ['social_activity'] })
  @IsIn(['social_activity'])
  category: 'social_activity';

  @ApiProperty({ example: 'ACT_HOUR', maxLength: CODE })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE)
  blockCode: string;

  @ApiProperty({ example: 16 })
  @Bounded(BOUNDS.activityQuantity)
  quantity: number;

  @ApiProperty({ example: 'Gastlessen op het ROC', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;
}

export type ContributionBodyDto =
  PlacementContributionDto | PurchaseContributionDto | ActivityContributionDto;

/** The class of each `category`: the body is flat (api.md), so a pipe picks the class by the tag. */
export const CONTRIBUTION_CLASSES = {
  employment: PlacementContributionDto,
  training: PlacementContributionDto,
  social_purchase: PurchaseContributionDto,
  social_activity: ActivityContributionDto,
};

/** `oneOf` the classes with `category` as the discriminator, for a request body or a response field. */
export function discriminatedSchema(classes: Record<string, new () => object>): {
  oneOf: { $ref: string }[];
  discriminator: { propertyName: string; mapping: Record<string, string> };
} {
  const refs = [...new Set(Object.values(classes))].map((c) => ({ $ref: getSchemaPath(c) }));
  const mapping = Object.fromEntries(Object.entries(classes).map(([tag, c]) => [tag, getSchemaPath(c)]));
  return { oneOf: refs, discriminator: { propertyName: 'category', mapping } };
}

export const CONTRIBUTION_INVALID: ValidationCode = {
  code: ObligationErrorCode.ContributionInvalid,
  message: 'The contribution is invalid',
};
