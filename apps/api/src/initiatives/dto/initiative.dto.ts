import {
  Bounded,
  BOUNDS,
  IsoDateConstraint,
  PageQueryDto,
  POSTCODE_OR_PC4_PATTERN,
  Sized,
} from '@app/common';
import { INITIATIVE_STATUSES, type InitiativeStatus, SUPPORT_KINDS, type SupportKind } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateNested,
} from 'class-validator';

/** Hours of support in one need or pledge. */
const SUPPORT_HOURS = BOUNDS.activityQuantity;

export class SupportDto {
  @ApiProperty({ enum: SUPPORT_KINDS })
  @IsIn(SUPPORT_KINDS)
  kind: SupportKind;

  @ApiProperty({ example: 'Vrijwilligers om de moestuin aan te leggen', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'description must not be blank' })
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ example: 150000, type: Number, nullable: true, description: 'Cents (money)' })
  @IsOptional()
  @Bounded(BOUNDS.invoiceCents)
  amountCents?: number | null;

  @ApiPropertyOptional({ example: 40, type: Number, nullable: true })
  @IsOptional()
  @Bounded(SUPPORT_HOURS, { decimals: 2 })
  hours?: number | null;
}

export class PitchDto {
  @ApiProperty({ example: '2026-11-12' })
  @Validate(IsoDateConstraint)
  date: string;

  @ApiProperty({ example: 'Initiatievencafé Haarlem-Oost', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  eventName: string;
}

export class InitiatorDto {
  @ApiProperty({ example: 'Fatima el Amrani', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'fatima@example.nl', type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class CreateInitiativeDto {
  @ApiProperty({ example: 'Buurtmoestuin Schalkwijk', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Een moestuin waar buren samen groente kweken.', maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'summary must not be blank' })
  @MaxLength(10000)
  summary: string;

  @ApiPropertyOptional({ example: '2035 AB', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'postcode must be a Dutch postcode (1234 AB or 1234)' })
  postcode?: string | null;

  @ApiPropertyOptional({
    type: [SupportDto],
    description: 'What it asks for (money, hours, goods, space, network)',
  })
  @IsOptional()
  @IsArray()
  @Sized({ min: 0, max: 20 })
  @ValidateNested({ each: true })
  @Type(() => SupportDto)
  needs?: SupportDto[];

  @ApiPropertyOptional({ type: PitchDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PitchDto)
  pitchedAt?: PitchDto | null;

  @ApiPropertyOptional({
    type: InitiatorDto,
    nullable: true,
    description: 'Officers only: the resident whose idea this is (never shown publicly)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InitiatorDto)
  initiator?: InitiatorDto | null;
}

export class UpdateInitiativeDto {
  @ApiPropertyOptional({ enum: INITIATIVE_STATUSES.filter((s) => s !== 'pitched') })
  @IsOptional()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;

  @ApiPropertyOptional({ example: 'De tuin is geopend op 1 mei.', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  outcomeNote?: string | null;
}

export class CreatePledgeDto extends SupportDto {
  @ApiPropertyOptional({
    example: 0,
    type: Number,
    nullable: true,
    description: 'The need it answers (its index)',
  })
  @IsOptional()
  @Bounded({ min: 0, max: 19, integer: true, unit: 'index', why: 'at most 20 needs' })
  needIndex?: number | null;
}

export class PledgeContributionDto {
  @ApiProperty({ format: 'uuid', description: 'One of your obligations' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'obligationId must be a UUID',
  })
  obligationId: string;

  @ApiProperty({
    example: 'ACT_HOUR',
    description: "A social_activity block of the obligation's policy",
    maxLength: 50,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  blockCode: string;
}

export class InitiativeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INITIATIVE_STATUSES })
  @IsOptional()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class InitiativeStatsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Pitched on or after' })
  @IsOptional()
  @Validate(IsoDateConstraint)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Pitched on or before' })
  @IsOptional()
  @Validate(IsoDateConstraint)
  to?: string;
}
