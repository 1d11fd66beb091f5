import type { Page } from '@app/common';
import { OBLIGATION_STATUSES, obligationJson } from '@app/domain';
import type { ObligationView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ContractPeriodDto } from '../../tenders/dto/contract-period.dto';
import { BreakdownLineDto } from './breakdown-line.dto';

/** A social-activity block of the obligation's policy (as agreed in the contract): what a pledge can count under. */
export class ActivityBlockDto {
  @ApiProperty({ example: 'VRIJWILLIGERSWERK' }) code: string;
  @ApiProperty({ enum: ['fte_year', 'month', 'week', 'hour', 'activity'], example: 'hour' }) unit: string;
  @ApiProperty({ example: 5000, description: 'Value of one unit in cents' }) valueCents: number;
}

export class ObligationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tenderId: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ format: 'uuid' }) buyerOrganisationId: string;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Bouwbedrijf De Vries B.V.' })
  contractorName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Gemeente Haarlem' }) buyerName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Schoonmaak stadhuis' }) tenderTitle: string | null;
  @ApiProperty({ format: 'uuid' }) policyId: string;
  @ApiProperty({ example: '2024' }) policyVersion: string;
  @ApiProperty() applicable: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) reason: string | null;
  @ApiProperty({ example: 5 }) percentage: number;
  @ApiProperty({ example: 5750000 }) amountCents: number;
  @ApiProperty({ type: [BreakdownLineDto] }) breakdown: BreakdownLineDto[];
  @ApiProperty() contractValueCents: number;
  @ApiProperty({ type: ContractPeriodDto }) contractPeriod: ContractPeriodDto;
  @ApiProperty() claimedCents: number;
  @ApiProperty() verifiedCents: number;
  @ApiProperty() remainingCents: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Claims so far extrapolated linearly from the contract start to its end; null before the contract start and ' +
      'until at least a tenth of the contract period has passed',
  })
  forecastCents: number | null;
  @ApiProperty({
    enum: OBLIGATION_STATUSES,
    description:
      'not_started: before the contract start (never at risk); open: nothing claimed yet, or too early to ' +
      'forecast; on_track / at_risk: by the forecast; fulfilled: verified ≥ amount; waived; closed: after the due ' +
      'date, short (see penaltyPreviewCents)',
  })
  status: string;
  @ApiProperty({ type: Number, nullable: true }) penaltyPreviewCents: number | null;
  @ApiProperty({ example: '2027-12-31' }) dueDate: string;
  @ApiProperty({ type: String, nullable: true }) waivedReason: string | null;
  @ApiProperty() createdAt: string;

  @ApiProperty({
    type: [ActivityBlockDto],
    description:
      "The social-activity blocks of the contract's policy, to count a delivered pledge under (POST /pledges/:id/contribution)",
  })
  activityBlocks: ActivityBlockDto[];

  static from(v: ObligationView): ObligationResponseDto {
    return obligationJson(v);
  }
}

export class ObligationListDto {
  @ApiProperty({ type: [ObligationResponseDto] }) items: ObligationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;

  static from(page: Page<ObligationView>): ObligationListDto {
    return { items: page.items.map(ObligationResponseDto.from), nextCursor: page.nextCursor };
  }
}
