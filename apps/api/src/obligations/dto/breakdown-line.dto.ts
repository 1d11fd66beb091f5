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
  @ApiPropertyOptional({
    example: '780000.00 × 5 % = 39000.00',
    description: 'Language-neutral formula (for developers); `params` gives its figures to word for people',
  })
  detail?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
    },
    example: { baseCents: 78000000, percentage: 5, amountCents: 3900000 },
    description:
      "The line's figures and codes by name, per `code`: amounts in cents (`…Cents`), dates YYYY-MM-DD, percentages as numbers, codes as codes (`unit`, `psoLevel`, `certificationType`…). Absent on lines stored before 1.3.",
  })
  params?: Record<string, string | number | boolean | null>;

  static list(lines: readonly BreakdownLine[]): BreakdownLineDto[] {
    return breakdownJson(lines);
  }
}
