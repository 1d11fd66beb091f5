import { ProblemDto } from '@app/common';
import { Actor, ChallengesService } from '@app/domain';
import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { ProposalResponseDto } from './dto/challenge-response.dto';
import { ProposalDecisionDto, UpdateProposalDto } from './dto/proposal.dto';

@ApiTags('challenges')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input (details name each bad field)' })
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Another role' })
@ApiResponse({ status: 404, type: ProblemDto })
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly challenges: ChallengesService) {}

  @Patch(':id')
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Edit your proposal until the deadline (fields sent replace the stored ones)' })
  @ApiResponse({ status: 200, type: ProposalResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'CHALLENGE_CLOSED' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'INVALID_PARTNER' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProposalDto,
  ): Promise<ProposalResponseDto> {
    return ProposalResponseDto.from(await this.challenges.updateProposal(actor, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Withdraw your proposal until the deadline' })
  @ApiResponse({ status: 204, description: 'Withdrawn' })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'CHALLENGE_CLOSED' })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.challenges.withdraw(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({
    summary:
      'Decide on a proposal while the challenge is judged, with feedback for the proposer; a competition shortlists before it picks winners',
  })
  @ApiResponse({ status: 200, type: ProposalResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'CHALLENGE_NOT_JUDGING' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'NOT_SHORTLISTED' })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProposalDecisionDto,
  ): Promise<ProposalResponseDto> {
    return ProposalResponseDto.from(await this.challenges.decide(actor, id, dto));
  }
}
