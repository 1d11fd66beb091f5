import { PageQueryDto, ProblemDto } from '@app/common';
import { Actor, MatchesService } from '@app/domain';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { OpportunityDto, OpportunityListDto } from './dto/opportunity-response.dto';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('social-enterprises')
export class OpportunitiesController {
  constructor(private readonly matches: MatchesService) {}

  @Get(':id/opportunities')
  @Roles('social_enterprise')
  @ApiOperation({ summary: "Obligations and active tenders the enterprise's offerings match, best first" })
  @ApiResponse({ status: 200, type: OpportunityListDto })
  @ApiResponse({ status: 400, type: ProblemDto })
  @ApiResponse({ status: 401, type: ProblemDto })
  @ApiResponse({ status: 403, type: ProblemDto, description: 'Another enterprise, or another role' })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<OpportunityListDto> {
    const page = await this.matches.opportunities(actor, id, q);
    return { items: page.items.map(OpportunityDto.from), nextCursor: page.nextCursor };
  }
}
