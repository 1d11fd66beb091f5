import { Actor, JobsService } from '@app/domain';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../identity/auth.decorators';
import { JobResponseDto } from './dto/job-response.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'A background job started by the caller (or its organisation): status and progress',
  })
  @ApiResponse({ status: 200, type: JobResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<JobResponseDto> {
    return JobResponseDto.from(await this.jobs.get(id, actor));
  }
}
