import { ProblemDto } from '@app/common';
import { Actor, InitiativesService } from '@app/domain';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../identity/auth.decorators';
import {
  CreateInitiativeDto,
  CreatePledgeDto,
  InitiativeListQueryDto,
  InitiativeStatsQueryDto,
  UpdateInitiativeDto,
} from './dto/initiative.dto';
import {
  InitiativeListDto,
  InitiativeResponseDto,
  InitiativeStatsDto,
  PledgeResponseDto,
} from './dto/initiative-response.dto';

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input (details name each bad field)' })
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Another role' })
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post()
  @ApiOperation({
    summary: 'Enter a social initiative; an officer may enter one for a resident (initiator)',
  })
  @ApiResponse({ status: 201, type: InitiativeResponseDto })
  @ApiResponse({ status: 403, type: ProblemDto, description: 'INITIATOR_OFFICER_ONLY' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateInitiativeDto,
  ): Promise<InitiativeResponseDto> {
    const i = await this.initiatives.create(actor, dto);
    return InitiativeResponseDto.from(await this.initiatives.get(actor, i.id));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Initiatives with their needs and pledges' })
  @ApiResponse({ status: 200, type: InitiativeListDto })
  async list(
    @CurrentActor() actor: Actor | undefined,
    @Query() q: InitiativeListQueryDto,
  ): Promise<InitiativeListDto> {
    const page = await this.initiatives.list(actor, q);
    return { items: page.items.map(InitiativeResponseDto.from), nextCursor: page.nextCursor };
  }

  // Declared before ':id' so that "stats" is never read as an id.
  @Get('stats')
  @Public()
  @ApiOperation({
    summary:
      'Initiatives pitched in the period (by pitch date): how many, their outcomes now, the support pledged and the SROI credit it earned',
  })
  @ApiResponse({ status: 200, type: InitiativeStatsDto })
  async stats(@Query() q: InitiativeStatsQueryDto): Promise<InitiativeStatsDto> {
    return InitiativeStatsDto.from(await this.initiatives.stats(q));
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: "One initiative; the initiator's contact only for its organisation and officers" })
  @ApiResponse({ status: 200, type: InitiativeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InitiativeResponseDto> {
    return InitiativeResponseDto.from(await this.initiatives.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Record where the initiative stands (status) and its outcome' })
  @ApiResponse({ status: 200, type: InitiativeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateInitiativeDto,
  ): Promise<InitiativeResponseDto> {
    return InitiativeResponseDto.from(await this.initiatives.update(actor, id, dto));
  }

  @Post(':id/pledges')
  @Roles('contractor', 'social_enterprise', 'procurement_officer')
  @ApiOperation({ summary: 'Offer money, hours, goods, space or your network to an initiative' })
  @ApiResponse({ status: 201, type: PledgeResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'INITIATIVE_CLOSED' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'INVALID_NEED' })
  async pledge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreatePledgeDto,
  ): Promise<PledgeResponseDto> {
    return PledgeResponseDto.from(await this.initiatives.pledge(actor, id, dto));
  }
}
