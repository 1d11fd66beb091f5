import { Bounded, BOUNDS, IsoDateConstraint } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Validate } from 'class-validator';

export class CreateQuoteRequestDto {
  @ApiProperty({ format: 'uuid', description: 'One of your obligations' })
  @IsUUID()
  obligationId: string;

  @ApiProperty({ format: 'uuid', description: 'The offering of the social enterprise you ask' })
  @IsUUID()
  offeringId: string;

  @ApiProperty({ example: 'Schoonmaak van twee bouwketen, drie keer per week, maart tot en met juni.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({ example: 1500000, type: Number, nullable: true, description: 'Cents excl. VAT' })
  @IsOptional()
  @Bounded(BOUNDS.invoiceCents)
  budgetCents?: number | null;

  @ApiPropertyOptional({ example: '2026-03-01', type: String, nullable: true })
  @IsOptional()
  @Validate(IsoDateConstraint)
  neededBy?: string | null;
}
