import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';

export class ImportCsvDto {
  @ApiProperty({
    description:
      'CSV text with a header row. Columns: kvk_number, name, postcode (required), city, mission, target_groups (;-separated), fte_total, fte_target_group, website, offering_title, offering_description, cpv_codes (;-separated), price_indication_cents, unit, labour_share, delivery_postcode, delivery_radius_km. One row per offering; rows with the same kvk_number form one enterprise.',
    example:
      'kvk_number,name,postcode,offering_title,cpv_codes\n12345678,Schoon BV,2011 AB,Schoonmaak,90910000-9',
  })
  @IsString()
  @IsNotEmpty()
  csv: string;

  @ApiPropertyOptional({ default: false, description: 'Validate only; write nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
