import { IsoDateConstraint } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';

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
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetCents?: number | null;

  @ApiPropertyOptional({ example: '2026-03-01', type: String, nullable: true })
  @IsOptional()
  @Validate(IsoDateConstraint)
  neededBy?: string | null;
}
