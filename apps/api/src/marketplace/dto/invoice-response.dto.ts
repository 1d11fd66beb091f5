import type { InvoiceView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { BreakdownLineDto } from '../../obligations/dto/breakdown-line.dto';

export class InvoiceContributionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['submitted', 'verified', 'rejected'], example: 'submitted' }) status: string;
  @ApiProperty({ example: 1250000 }) claimedValueCents: number;
  @ApiProperty({ type: Number, nullable: true }) verifiedValueCents: number | null;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
}

export class InvoiceResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ example: 'F2026-0042' }) invoiceNumber: string;
  @ApiProperty({ example: '2026-04-30' }) invoiceDate: string;
  @ApiProperty({ example: 1250000 }) amountCents: number;
  @ApiProperty({
    type: InvoiceContributionDto,
    description: "The social_purchase contribution the invoice created on the order's obligation",
  })
  contribution: InvoiceContributionDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from({ invoice: i, contribution: c }: InvoiceView): InvoiceResponseDto {
    return {
      id: i.id,
      orderId: i.orderId,
      invoiceNumber: i.invoiceNumber,
      invoiceDate: i.invoiceDate,
      amountCents: i.amountCents,
      contribution: {
        id: c.id,
        status: c.status,
        claimedValueCents: c.claimedValueCents,
        verifiedValueCents: c.verifiedValueCents,
        breakdown: BreakdownLineDto.list(c.breakdown),
      },
      createdAt: i.createdAt.toISOString(),
    };
  }
}
