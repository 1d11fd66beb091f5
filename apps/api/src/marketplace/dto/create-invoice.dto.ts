import { Bounded, BOUNDS, IsoDateConstraint } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, Validate } from 'class-validator';

export class CreateInvoiceDto {
  @ApiProperty({ example: 'F2026-0042', description: 'Unique per enterprise; spaces and case are ignored' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  invoiceNumber: string;

  @ApiProperty({
    example: '2026-04-30',
    description: 'The purchase counts only if the enterprise was certified on it',
  })
  @Validate(IsoDateConstraint)
  invoiceDate: string;

  @ApiProperty({ example: 1250000, description: 'Cents excl. VAT' })
  @Bounded(BOUNDS.invoiceCents)
  amountCents: number;
}
