import { todayInNl } from '@app/common';
import { QUOTE_STATUSES, QuoteEntity } from '@app/database';
import { countsFrom, quoteExpired, type DealContext } from '@app/domain';
import { dealContextJson, DealContextDto } from './deal-context.dto';
import { ApiProperty } from '@nestjs/swagger';

export class QuoteResponseDto extends DealContextDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) quoteRequestId: string;
  @ApiProperty({ enum: QUOTE_STATUSES, example: 'open' }) status: string;
  @ApiProperty({ example: 1250000 }) amountCents: number;
  @ApiProperty({ example: '2026-12-31', description: 'The last day the quote can be accepted' })
  validUntil: string;
  @ApiProperty({ description: 'True after validUntil (the quote can no longer be accepted)' })
  expired: boolean;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({
    example: 1250000,
    description:
      "Credit under the obligation's frozen policy when quoted: the engine's purchase valuation of an invoice " +
      "dated the later of that day and the contract start (as matches are valued), with the offering's labour " +
      'share, at most what the obligation still lacked beyond its live claims',
  })
  projectedCreditCents: number;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-03-01',
    description:
      'The contract start when it lies after today: the credit is valued for an invoice dated then (a purchase ' +
      'counts from that day); null once the contract has started',
  })
  countsFrom: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(q: QuoteEntity, context: DealContext): QuoteResponseDto {
    return {
      ...dealContextJson(context),
      id: q.id,
      quoteRequestId: q.quoteRequestId,
      status: q.status,
      amountCents: q.amountCents,
      validUntil: q.validUntil,
      expired: q.status === 'open' && quoteExpired(q.validUntil, todayInNl()),
      message: q.message,
      projectedCreditCents: q.projectedCreditCents,
      countsFrom: context.contractPeriod ? countsFrom(context.contractPeriod.startDate, todayInNl()) : null,
      decidedAt: q.decidedAt?.toISOString() ?? null,
      createdAt: q.createdAt.toISOString(),
    };
  }
}
