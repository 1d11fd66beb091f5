import { Bounded, BOUNDS, POSTCODE_OR_PC4_PATTERN, SIZES, Sized } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateOfferingDto {
  @ApiProperty({ example: 'Schoonmaak van kantoren', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    example: 'Dagelijkse schoonmaak door een vast team met een leerwerkplek.',
    maxLength: 5000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: ['90910000-9'], description: '1-20 codes: 90910000, 90910000-9 or CPV 90910000-9' })
  @IsArray()
  @Sized(SIZES.cpvCodes)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  cpvCodes: string[];

  @ApiPropertyOptional({
    example: 3500,
    description: 'Cents excl. VAT per unit',
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @Bounded(BOUNDS.priceIndicationCents)
  priceIndicationCents?: number | null;

  @ApiPropertyOptional({ example: 'hour', maxLength: 40, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;

  @ApiPropertyOptional({ example: 0.6, type: Number, nullable: true })
  @IsOptional()
  @Bounded(BOUNDS.share, { decimals: 3 })
  labourShare?: number | null;

  @ApiPropertyOptional({ example: '2031 AA', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'deliveryPostcode must be a Dutch postcode such as 2011 AB' })
  deliveryPostcode?: string | null;

  @ApiPropertyOptional({ example: 25, type: Number, nullable: true })
  @IsOptional()
  @Bounded(BOUNDS.radiusKm)
  deliveryRadiusKm?: number | null;

  @ApiPropertyOptional({ example: 2000000, type: Number, nullable: true, description: 'Cents excl. VAT' })
  @IsOptional()
  @Bounded(BOUNDS.capacityCentsPerMonth)
  capacityCentsPerMonth?: number | null;
}
