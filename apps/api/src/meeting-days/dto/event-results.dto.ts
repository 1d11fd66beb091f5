import { MEETING_OUTCOMES, type MeetingOutcome } from '@app/database';
import type { EventResults } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class OutcomeCountsDto {
  @ApiProperty({ example: 12 }) follow_up: number;
  @ApiProperty({ example: 5 }) no_fit: number;
  @ApiProperty({ example: 1 }) no_show: number;
  @ApiProperty({ example: 2 }) unrecorded: number;
}

export class MeetingFollowUpDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ example: '2026-06-12T09:00:00+02:00' }) start: string;
  @ApiProperty({ example: 3 }) table: number;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty() contractorName: string;
  @ApiProperty({ format: 'uuid' }) socialEnterpriseOrganisationId: string;
  @ApiProperty() socialEnterpriseName: string;
  @ApiProperty({ enum: MEETING_OUTCOMES, nullable: true }) outcome: MeetingOutcome | null;
  @ApiProperty({
    type: String,
    isArray: true,
    format: 'uuid',
    description: 'Quote requests between the two since the meeting was planned',
  })
  quoteRequestIds: string[];
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) orderIds: string[];
  @ApiProperty({ example: 1500000 }) orderedCents: number;
  @ApiProperty({
    example: 1500000,
    description: 'Verified Buy Social credit of the contractor at this enterprise',
  })
  verifiedCreditCents: number;
}

export class EventResultsDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 20 }) meetingsPlanned: number;
  @ApiProperty({ example: 17, description: 'Meetings with outcome follow_up or no_fit' })
  meetingsHeld: number;
  @ApiProperty({ type: OutcomeCountsDto }) outcomes: OutcomeCountsDto;
  @ApiProperty({ example: 6 }) quoteRequests: number;
  @ApiProperty({ example: 3 }) orders: number;
  @ApiProperty({ example: 4500000 }) orderedCents: number;
  @ApiProperty({ example: 2500000 }) verifiedCreditCents: number;
  @ApiProperty({ type: [MeetingFollowUpDto] }) meetings: MeetingFollowUpDto[];

  static from(r: EventResults): EventResultsDto {
    return { ...r, outcomes: { ...r.outcomes }, meetings: r.meetings.map((m) => ({ ...m })) };
  }
}
