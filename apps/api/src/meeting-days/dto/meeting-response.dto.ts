import { MEETING_OUTCOMES, type MeetingOutcome } from '@app/database';
import { amsterdamIso, type MeetingView, type ScheduleView } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MeetingReasonDto {
  @ApiProperty({
    example: 'cpv',
    description: "A matching factor, or 'wish' when a party asked for the meeting",
  })
  factor: string;
  @ApiProperty({ example: 0.35 }) weight: number;
  @ApiProperty({ example: 1 }) value: number;
  @ApiProperty({ example: 'The offering covers CPV 90910000 (cleaning services).' }) detail: string;
  @ApiProperty({ example: 'Het aanbod dekt CPV 90910000 (schoonmaakdiensten).' }) detailNl: string;
}

export class MeetingOfferingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String], example: ['90910000'] }) cpvCodes: string[];
}

export class MeetingResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    example: '2026-06-12T09:00:00+02:00',
    description: 'ISO 8601 with the Europe/Amsterdam offset',
  })
  start: string;
  @ApiProperty({ example: '2026-06-12T09:20:00+02:00' }) end: string;
  @ApiProperty({ example: 0, description: '0-based slot of the day' }) slot: number;
  @ApiProperty({ example: 3, description: '1..tables' }) table: number;
  @ApiProperty({ format: 'uuid' }) contractorOrganisationId: string;
  @ApiProperty() contractorName: string;
  @ApiProperty({ format: 'uuid' }) socialEnterpriseOrganisationId: string;
  @ApiProperty() socialEnterpriseName: string;
  @ApiProperty({ example: 0.82, description: 'The match score (0..1) behind the pair; 0 when only a wish' })
  score: number;
  @ApiProperty({
    example: 0.61,
    description: 'What the scheduler maximised: score × remaining share, plus wishes',
  })
  weight: number;
  @ApiProperty({ type: [MeetingReasonDto], description: 'Why they were paired' }) reasons: MeetingReasonDto[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The obligation the match is on',
  })
  obligationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) offeringId: string | null;
  @ApiProperty({
    type: String,
    isArray: true,
    format: 'uuid',
    description: 'Organisations that asked for this meeting',
  })
  wishedBy: string[];
  @ApiProperty({ type: [MeetingOfferingDto], description: "The social enterprise's offerings" })
  offerings: MeetingOfferingDto[];
  @ApiProperty({ enum: MEETING_OUTCOMES, nullable: true }) outcome: MeetingOutcome | null;
  @ApiProperty({ type: String, nullable: true }) outcomeNote: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) outcomeAt?: string | null;

  static from(v: MeetingView): MeetingResponseDto {
    const m = v.meeting;
    return {
      id: m.id,
      eventId: m.eventId,
      start: amsterdamIso(m.startsAt),
      end: amsterdamIso(m.endsAt),
      slot: m.slot,
      table: m.tableNumber,
      contractorOrganisationId: m.contractorOrganisationId,
      contractorName: v.contractorName,
      socialEnterpriseOrganisationId: m.socialEnterpriseOrganisationId,
      socialEnterpriseName: v.socialEnterpriseName,
      score: m.score,
      weight: m.weight,
      reasons: m.reasons.map((r) => ({
        factor: r.factor,
        weight: r.weight,
        value: r.value,
        detail: r.detail,
        detailNl: r.detailNl,
      })),
      obligationId: m.obligationId,
      offeringId: m.offeringId,
      wishedBy: m.wishedBy,
      offerings: v.offerings,
      outcome: m.outcome,
      outcomeNote: m.outcomeNote,
      outcomeAt: m.outcomeAt ? m.outcomeAt.toISOString() : null,
    };
  }
}

export class ScheduleResponseDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 1, description: '0 until the schedule is built' }) revision: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledAt: string | null;
  @ApiProperty({
    example: 1,
    description: 'The revision registrants see (0: not published yet; a registrant then gets no meetings)',
  })
  publishedRevision: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [MeetingResponseDto] }) meetings: MeetingResponseDto[];

  static from(s: ScheduleView): ScheduleResponseDto {
    return {
      eventId: s.event.id,
      revision: s.event.scheduleRevision,
      scheduledAt: s.event.scheduledAt ? s.event.scheduledAt.toISOString() : null,
      publishedRevision: s.event.publishedRevision,
      publishedAt: s.event.publishedAt ? s.event.publishedAt.toISOString() : null,
      meetings: s.meetings.map(MeetingResponseDto.from),
    };
  }
}
