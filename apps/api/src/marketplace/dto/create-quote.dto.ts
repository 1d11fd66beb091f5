import { Bounded, BOUNDS, IsoDateConstraint } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, Validate } from 'class-validator';

export class CreateQuoteDto {
  @ApiProperty({ example: 1250000, description: 'Cents excl. VAT' })
  @Bounded(BOUNDS.invoiceCents)
  amountCents: number;

  @ApiProperty({
    example: '2026-12-31',
    description: 'The last day the quote can be accepted (a past date gives a quote that can no longer be)',
  })
  @Validate(IsoDateConstraint)
  validUntil: string;

  @ApiPropertyOptional({ example: 'Inclusief schoonmaakmiddelen.', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string | null;
}
