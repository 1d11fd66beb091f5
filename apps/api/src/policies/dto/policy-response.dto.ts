import type { Page } from '@app/common';
import { SroiPolicyEntity } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';
import { PolicyBodyDto } from './policy-body.dto';

export class PolicyResponseDto extends PolicyBodyDto {
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
      ...p.body,
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

  static from(page: Page<SroiPolicyEntity>): PolicyListDto {
    return { items: page.items.map(PolicyResponseDto.from), nextCursor: page.nextCursor };
  }
}
