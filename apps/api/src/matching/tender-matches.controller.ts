import { PageQueryDto, ProblemDto } from '@app/common';
import { Actor, MatchesService } from '@app/domain';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { TenderMatchesDto } from './dto/match-response.dto';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('tenders')
export class TenderMatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get(':id/matches')
  @Roles('contractor', 'procurement_officer')
  @ApiOperation({
    summary:
      'Who could help a bidder meet the SROI: matches for the obligation an active tender would create at its estimated value',
  })
  @ApiResponse({ status: 200, type: TenderMatchesDto })
  @ApiResponse({ status: 400, type: ProblemDto })
  @ApiResponse({ status: 401, type: ProblemDto })
  @ApiResponse({
    status: 403,
    type: ProblemDto,
    description: "Not a contractor, or another buyer's officer",
  })
  @ApiResponse({ status: 404, type: ProblemDto, description: 'TENDER_NOT_FOUND' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'TENDER_NOT_ACTIVE' })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<TenderMatchesDto> {
    return TenderMatchesDto.from(await this.matches.tenderMatches(actor, id, q));
  }
}
