import { PageQueryDto } from '@app/common';
import { MEETING_EVENT_STATUSES, type MeetingEventStatus } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class EventListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEETING_EVENT_STATUSES })
  @IsOptional()
  @IsIn(MEETING_EVENT_STATUSES)
  status?: MeetingEventStatus;
}
