import { QUOTE_REQUEST_STATUSES } from '@app/database';
import type { QuoteRequestView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { dealContextJson, DealContextDto } from './deal-context.dto';
import { QuoteResponseDto } from './quote-response.dto';

export class QuoteRequestResponseDto extends DealContextDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUOTE_REQUEST_STATUSES, example: 'open' }) status: string;
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null once the offering was deleted',
  })
  offeringId: string | null;
  @ApiProperty({ example: 'Schoonmaak van kantoren' }) offeringTitle: string;
  @ApiProperty({ format: 'uuid', description: 'The social enterprise organisation asked' })
  socialEnterpriseId: string;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: Number, nullable: true }) budgetCents: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-01' }) neededBy: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First quote or decline' })
  answeredAt: string | null;
  @ApiProperty({ type: [QuoteResponseDto], description: 'Newest first' }) quotes: QuoteResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from({ request: r, quotes, context }: QuoteRequestView): QuoteRequestResponseDto {
    return {
      ...dealContextJson(context),
      id: r.id,
      status: r.status,
      obligationId: r.obligationId,
      offeringId: r.offeringId,
      offeringTitle: r.offeringTitle,
      socialEnterpriseId: r.socialEnterpriseId,
      contractorOrganisationId: r.contractorOrganisationId,
      description: r.description,
      budgetCents: r.budgetCents,
      neededBy: r.neededBy,
      declineReason: r.declineReason,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      quotes: quotes.map((q) => QuoteResponseDto.from(q, context)),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

export class QuoteRequestListDto {
  @ApiProperty({ type: [QuoteRequestResponseDto] }) items: QuoteRequestResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
