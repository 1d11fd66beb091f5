import { PageQueryDto, ProblemDto } from '@app/common';
import { Actor, MatchesService } from '@app/domain';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { JobAcceptedDto } from '../jobs/dto/job-response.dto';
import { ObligationMatchesDto } from './dto/match-response.dto';

@ApiTags('matching')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Not a contractor or officer' })
@ApiResponse({ status: 404, type: ProblemDto, description: 'OBLIGATION_NOT_FOUND (also for others)' })
@Controller('obligations')
export class ObligationMatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get(':id/matches')
  @Roles('contractor', 'procurement_officer')
  @ApiOperation({ summary: 'Ranked, explained matches for an obligation, with projected SROI credit' })
  @ApiResponse({ status: 200, type: ObligationMatchesDto })
  @ApiResponse({ status: 400, type: ProblemDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<ObligationMatchesDto> {
    return ObligationMatchesDto.from(await this.matches.obligationMatches(actor, id, q));
  }

  @Post(':id/matches/refresh')
  @HttpCode(202)
  @Roles('contractor', 'procurement_officer')
  @ApiOperation({ summary: 'Re-score the matches now; poll GET /api/v1/jobs/:id' })
  @ApiResponse({ status: 202, type: JobAcceptedDto })
  async refresh(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<JobAcceptedDto> {
    return JobAcceptedDto.from(await this.matches.refresh(actor, id));
  }
}
