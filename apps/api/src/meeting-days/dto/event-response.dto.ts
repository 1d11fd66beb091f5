import { MEETING_EVENT_STATUSES, MeetingDayEntity, type MeetingEventStatus } from '@app/database';
import { daySlots } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ScheduleSummaryDto {
  @ApiProperty({ enum: ['exact', 'milp_limit', 'greedy'], description: 'How the schedule was solved' })
  method: string;
  @ApiProperty({ example: 84.85, description: 'Total weight of the planned meetings' })
  objective: number;
  @ApiProperty({ example: 84.85, description: 'Proven upper bound on the best possible total' })
  bound: number;
  @ApiProperty({ example: 0, description: '(bound − objective) / bound; 0 when proven optimal' })
  gap: number;
  @ApiProperty({ example: 8746 }) variables: number;
  @ApiProperty({ example: 975, description: 'Candidate pairs' }) candidates: number;
  @ApiProperty({ example: 170 }) meetings: number;
  @ApiProperty({ example: 1219 }) millis: number;
}

export class EventResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MEETING_EVENT_STATUSES }) status: MeetingEventStatus;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '2026-06-12' }) date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty({ example: '12:00' }) endTime: string;
  @ApiProperty({ example: 20 }) slotMinutes: number;
  @ApiProperty({ example: 9, description: 'Whole slots in the day' }) slots: number;
  @ApiProperty({ example: 20 }) tables: number;
  @ApiProperty({ example: '2011 RD' }) postcode: string;
  @ApiProperty({ format: 'uuid' }) buyerOrganisationId: string;
  @ApiPropertyOptional() buyerName?: string;
  @ApiProperty({ example: 0, description: 'Bumped by every schedule run; 0 until the first' })
  scheduleRevision: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledAt: string | null;
  @ApiProperty({ type: ScheduleSummaryDto, nullable: true }) scheduleSummary: ScheduleSummaryDto | null;
  @ApiProperty({
    example: 0,
    description:
      'The schedule revision registrants see (0: not published); below scheduleRevision after a rebuild that is not published yet',
  })
  publishedRevision: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(e: MeetingDayEntity): EventResponseDto {
    return {
      id: e.id,
      status: e.status,
      title: e.title,
      description: e.description,
      date: e.date,
      startTime: e.startTime,
      endTime: e.endTime,
      slotMinutes: e.slotMinutes,
      slots: daySlots(e.startTime, e.endTime, e.slotMinutes).length,
      tables: e.tables,
      postcode: e.postcode,
      buyerOrganisationId: e.buyerOrganisationId,
      ...(e.buyerOrganisation ? { buyerName: e.buyerOrganisation.name } : {}),
      scheduleRevision: e.scheduleRevision,
      scheduledAt: e.scheduledAt ? e.scheduledAt.toISOString() : null,
      scheduleSummary: e.scheduleSummary,
      publishedRevision: e.publishedRevision,
      publishedAt: e.publishedAt ? e.publishedAt.toISOString() : null,
      createdAt: e.createdAt.toISOString(),
    };
  }
}

export class EventListDto {
  @ApiProperty({ type: [EventResponseDto] }) items: EventResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
