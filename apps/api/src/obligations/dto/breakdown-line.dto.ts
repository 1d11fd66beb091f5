import { breakdownJson, type BreakdownLine } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BreakdownLineDto {
  @ApiProperty({
    example: 'Contract value excl. VAT',
    description: 'Display label (English); labelNl and labelEn give both',
  })
  label: string;
  @ApiProperty({ example: 'base' }) code: string;
  @ApiProperty({ example: 'Contractwaarde excl. btw' }) labelNl: string;
  @ApiProperty({ example: 'Contract value excl. VAT' }) labelEn: string;
  @ApiPropertyOptional({ example: 50000000 }) valueCents?: number;
  @ApiPropertyOptional({ example: '40000.00 × 24/36 × 12/12' }) detail?: string;

  static list(lines: readonly BreakdownLine[]): BreakdownLineDto[] {
    return breakdownJson(lines);
  }
}
