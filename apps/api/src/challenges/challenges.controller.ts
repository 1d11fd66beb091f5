import { ProblemDto } from '@app/common';
import { Actor, ChallengesService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../identity/auth.decorators';
import { ChallengeListQueryDto } from './dto/challenge-query.dto';
import {
  ChallengeListDto,
  ChallengeResponseDto,
  ProposalListDto,
  ProposalResponseDto,
} from './dto/challenge-response.dto';
import { CreateChallengeDto } from './dto/create-challenge.dto';
import { CreateProposalDto } from './dto/proposal.dto';
import { UpdateChallengeDto } from './dto/update-challenge.dto';

@ApiTags('challenges')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input (details name each bad field)' })
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Another role' })
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Post()
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Bring a social task or area question to entrepreneurs (a draft)' })
  @ApiResponse({ status: 201, type: ChallengeResponseDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateChallengeDto): Promise<ChallengeResponseDto> {
    const c = await this.challenges.create(actor, dto);
    return ChallengeResponseDto.from(await this.challenges.get(actor, c.id));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Challenges that are open or later; officers also see their own drafts' })
  @ApiResponse({ status: 200, type: ChallengeListDto })
  async list(
    @CurrentActor() actor: Actor | undefined,
    @Query() q: ChallengeListQueryDto,
  ): Promise<ChallengeListDto> {
    const page = await this.challenges.list(actor, q);
    return { items: page.items.map(ChallengeResponseDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One challenge, with its proposal counts and, once decided, its winners' })
  @ApiResponse({ status: 200, type: ChallengeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChallengeResponseDto> {
    return ChallengeResponseDto.from(await this.challenges.get(actor, id));
  }

  @Patch(':id')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Change a draft challenge (fields sent replace the stored ones)' })
  @ApiResponse({ status: 200, type: ChallengeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'CHALLENGE_NOT_EDITABLE (no longer a draft)' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateChallengeDto,
  ): Promise<ChallengeResponseDto> {
    await this.challenges.update(actor, id, dto);
    return ChallengeResponseDto.from(await this.challenges.get(actor, id));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Publish (draft → open); matching social enterprises are told' })
  @ApiResponse({ status: 200, type: ChallengeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChallengeResponseDto> {
    return this.move(actor, id, 'publish');
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({
    summary: 'Stop taking proposals and start judging (open → judging); also happens at the deadline',
  })
  @ApiResponse({ status: 200, type: ChallengeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChallengeResponseDto> {
    return this.move(actor, id, 'close');
  }

  @Post(':id/finish')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Publish the decision (judging → decided): the winners become public' })
  @ApiResponse({ status: 200, type: ChallengeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  finish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChallengeResponseDto> {
    return this.move(actor, id, 'finish');
  }

  @Post(':id/proposals')
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Send your organisation’s proposal (one per organisation), until the deadline' })
  @ApiResponse({ status: 201, type: ProposalResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ALREADY_PROPOSED or CHALLENGE_CLOSED' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'INVALID_PARTNER' })
  async propose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateProposalDto,
  ): Promise<ProposalResponseDto> {
    return ProposalResponseDto.from(await this.challenges.propose(actor, id, dto));
  }

  @Get(':id/proposals')
  @Roles('procurement_officer', 'contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Proposals: all for the challenge’s officers; a proposer or partner its own' })
  @ApiResponse({ status: 200, type: ProposalListDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async proposals(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProposalListDto> {
    return { items: (await this.challenges.proposals(actor, id)).map(ProposalResponseDto.from) };
  }

  private async move(actor: Actor, id: string, action: 'publish' | 'close' | 'finish') {
    await this.challenges.transition(actor, id, action);
    return ChallengeResponseDto.from(await this.challenges.get(actor, id));
  }
}
