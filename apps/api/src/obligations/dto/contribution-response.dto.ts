import type { Page } from '@app/common';
import { ContributionEntity } from '@app/database';
import { contributionJson, type ContributionBody } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { BreakdownLineDto } from '../../obligations/dto/breakdown-line.dto';
import { CONTRIBUTION_CLASSES, discriminatedSchema } from './contribution-body.dto';

export class ContributionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ enum: ['employment', 'training', 'social_purchase', 'social_activity'] }) category: string;
  @ApiProperty({ enum: ['submitted', 'verified', 'rejected'] }) status: string;
  @ApiProperty() claimedValueCents: number;
  @ApiProperty({ type: Number, nullable: true }) verifiedValueCents: number | null;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
  @ApiProperty({ description: 'The submitted body', ...discriminatedSchema(CONTRIBUTION_CLASSES) })
  body: ContributionBody;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Groene Handen',
    description:
      "Purchases: the supplier's name (the organisation of body.supplierOrganisationId); null otherwise",
  })
  supplierName: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewNote: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The marketplace order whose invoice created this purchase claim',
  })
  orderId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The delivered initiative pledge this activity claim comes from',
  })
  pledgeId: string | null;
  @ApiProperty() createdAt: string;

  static from(c: ContributionEntity): ContributionResponseDto {
    return contributionJson(c);
  }
}

export class ContributionListDto {
  @ApiProperty({ type: [ContributionResponseDto] }) items: ContributionResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;

  static from(page: Page<ContributionEntity>): ContributionListDto {
    return { items: page.items.map((c) => ContributionResponseDto.from(c)), nextCursor: page.nextCursor };
  }
}
