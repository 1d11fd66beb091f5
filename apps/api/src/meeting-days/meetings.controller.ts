import { ProblemDto } from '@app/common';
import { Actor, MeetingDayScheduleService } from '@app/domain';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { MeetingResponseDto } from './dto/meeting-response.dto';
import { RecordOutcomeDto } from './dto/record-outcome.dto';

@ApiTags('events')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ProblemDto,
  description: 'Invalid input (details name each bad field)',
})
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Another role' })
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly schedules: MeetingDayScheduleService) {}

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Record how a meeting went (either party; the latest record counts)' })
  @ApiResponse({ status: 200, type: MeetingResponseDto })
  @ApiResponse({
    status: 404,
    type: ProblemDto,
    description: 'MEETING_NOT_FOUND (also for meetings of others)',
  })
  async outcome(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<MeetingResponseDto> {
    return MeetingResponseDto.from(await this.schedules.recordOutcome(actor, id, dto));
  }
}
