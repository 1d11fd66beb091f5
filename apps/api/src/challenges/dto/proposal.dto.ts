import { Bounded, BOUNDS, Sized } from '@app/common';
import { PROPOSAL_DECISIONS, type ProposalDecision } from '@app/database';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateProposalDto {
  @ApiProperty({ example: 'Leerwerkplekken in het groenonderhoud', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'summary must not be blank' })
  @MaxLength(2000)
  summary: string;

  @ApiProperty({ example: 'Twaalf jongeren werken een jaar mee met een vakman.', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'approach must not be blank' })
  @MaxLength(20000)
  approach: string;

  @ApiPropertyOptional({ example: 2000000, type: Number, nullable: true, description: 'Cents excl. VAT' })
  @IsOptional()
  @Bounded(BOUNDS.contractValueCents)
  requestedBudgetCents?: number | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Contractors or social enterprises working with you',
  })
  @IsOptional()
  @IsArray()
  @Sized({ min: 0, max: 20 })
  @IsUUID('all', { each: true })
  partnerOrganisationIds?: string[] | null;
}

/** The same fields, each optional. */
export class UpdateProposalDto extends PartialType(CreateProposalDto) {}

export class ProposalDecisionDto {
  @ApiProperty({ enum: PROPOSAL_DECISIONS })
  @IsIn(PROPOSAL_DECISIONS)
  decision: ProposalDecision;

  @ApiProperty({ example: 'Sterk plan; werk de begroting verder uit.', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'feedback must not be blank' })
  @MaxLength(5000)
  feedback: string;
}
