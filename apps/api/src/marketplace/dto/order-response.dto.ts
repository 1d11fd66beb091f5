import { ORDER_STATUSES } from '@app/database';
import type { OrderView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { dealContextJson, DealContextDto } from './deal-context.dto';
import { InvoiceResponseDto } from './invoice-response.dto';

export class OrderResponseDto extends DealContextDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ORDER_STATUSES, example: 'open' }) status: string;
  @ApiProperty({ format: 'uuid' }) quoteId: string;
  @ApiProperty({ format: 'uuid' }) quoteRequestId: string;
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ format: 'uuid' }) socialEnterpriseId: string;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty({ example: 1250000 }) amountCents: number;
  @ApiProperty({ example: 1250000, description: 'Sum of the invoices so far' }) invoicedCents: number;
  @ApiProperty({ type: [InvoiceResponseDto], description: 'Oldest first' }) invoices: InvoiceResponseDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from({ order: o, invoices, context }: OrderView): OrderResponseDto {
    return {
      ...dealContextJson(context),
      id: o.id,
      status: o.status,
      quoteId: o.quoteId,
      quoteRequestId: o.quoteRequestId,
      obligationId: o.obligationId,
      socialEnterpriseId: o.socialEnterpriseId,
      contractorOrganisationId: o.contractorOrganisationId,
      amountCents: o.amountCents,
      invoicedCents: invoices.reduce((sum, i) => sum + i.invoice.amountCents, 0),
      invoices: invoices.map(InvoiceResponseDto.from),
      completedAt: o.completedAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
    };
  }
}

export class OrderListDto {
  @ApiProperty({ type: [OrderResponseDto] }) items: OrderResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
