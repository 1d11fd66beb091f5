import {
  Bounded,
  BOUNDS,
  POSTCODE_OR_PC4_PATTERN,
  Sized,
  TARGET_GROUPS,
  type TargetGroup,
} from '@app/common';
import { CHALLENGE_KINDS, type ChallengeKind } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** A date (the last day proposals are taken) or a timestamp with offset. */
export const DEADLINE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Lengths of a challenge's code lists. */
export const CHALLENGE_SIZES = { cpvCodes: { min: 0, max: 20 }, targetGroups: { min: 0, max: 10 } } as const;

export class ChallengeAreaDto {
  @ApiPropertyOptional({ example: '2031 AA', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'postcode must be a Dutch postcode (1234 AB or 1234)' })
  postcode?: string | null;

  @ApiPropertyOptional({ example: 'Schalkwijk', type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;
}

export class CreateChallengeDto {
  @ApiProperty({ example: 'NewFuture@Work', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Hoe helpen we jongeren in Schalkwijk aan een eerste baan?', maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'description must not be blank' })
  @MaxLength(10000)
  description: string;

  @ApiProperty({ example: 'werk', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'theme must not be blank' })
  @MaxLength(100)
  theme: string;

  @ApiProperty({ enum: CHALLENGE_KINDS })
  @IsIn(CHALLENGE_KINDS)
  kind: ChallengeKind;

  @ApiProperty({
    example: '2027-03-31',
    description:
      'The last day proposals are taken (YYYY-MM-DD, until the end of that Dutch day) or a timestamp with offset; after it the challenge goes to judging by itself',
  })
  @IsString()
  @Matches(DEADLINE_PATTERN, { message: 'deadline must be YYYY-MM-DD or an ISO 8601 timestamp with offset' })
  deadline: string;

  @ApiPropertyOptional({ type: ChallengeAreaDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChallengeAreaDto)
  area?: ChallengeAreaDto | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['77313000-7'],
    description: 'CPV codes the solution touches (for matching)',
  })
  @IsOptional()
  @IsArray()
  @Sized(CHALLENGE_SIZES.cpvCodes)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  cpvCodes?: string[] | null;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true, example: ['participatiewet'] })
  @IsOptional()
  @IsArray()
  @Sized(CHALLENGE_SIZES.targetGroups)
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups?: TargetGroup[] | null;

  @ApiPropertyOptional({ example: 2500000, type: Number, nullable: true, description: 'Cents excl. VAT' })
  @IsOptional()
  @Bounded(BOUNDS.contractValueCents)
  budgetCents?: number | null;

  @ApiPropertyOptional({ example: 'Een pilot van een jaar met de gemeente', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  rewardDescription?: string | null;
}
