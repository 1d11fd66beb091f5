import type { ContributionResult } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BreakdownLineDto } from './breakdown-line.dto';

export class ValuationDto {
  @ApiProperty({ example: 2666667 }) claimedValueCents: number;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
  @ApiProperty() countable: boolean;
  @ApiPropertyOptional({ example: 'SUPPLIER_NOT_CERTIFIED' }) reason?: string;

  static from(r: ContributionResult): ValuationDto {
    return {
      claimedValueCents: r.valueCents,
      breakdown: BreakdownLineDto.list(r.breakdown),
      countable: r.countable,
      ...(r.reason ? { reason: r.reason } : {}),
    };
  }
}
