import { IsoDateConstraint } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, Validate } from 'class-validator';

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
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountCents: number;
}
