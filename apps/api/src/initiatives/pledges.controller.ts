import { ProblemDto } from '@app/common';
import { Actor, InitiativesService } from '@app/domain';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { ContributionResponseDto } from '../obligations/dto/contribution-response.dto';
import { PledgeContributionDto } from './dto/initiative.dto';
import { PledgeResponseDto } from './dto/initiative-response.dto';

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input (details name each bad field)' })
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 404, type: ProblemDto })
@Controller('pledges')
export class PledgesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: "Accept a pledge (offered → accepted): the initiative's organisation or an officer",
  })
  @ApiResponse({ status: 200, type: PledgeResponseDto })
  @ApiResponse({
    status: 403,
    type: ProblemDto,
    description: 'Not the initiative’s organisation or an officer',
  })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  async accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PledgeResponseDto> {
    return PledgeResponseDto.from(await this.initiatives.movePledge(actor, id, 'accept'));
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Record a pledge as delivered (accepted → delivered): the initiative's organisation or an officer",
  })
  @ApiResponse({ status: 200, type: PledgeResponseDto })
  @ApiResponse({
    status: 403,
    type: ProblemDto,
    description: 'Not the initiative’s organisation or an officer',
  })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  async deliver(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PledgeResponseDto> {
    return PledgeResponseDto.from(await this.initiatives.movePledge(actor, id, 'deliver'));
  }

  @Post(':id/contribution')
  @Roles('contractor')
  @ApiOperation({
    summary:
      'Count your delivered pledge towards one of your obligations: a social_activity contribution (hours or one activity per the block’s unit), reviewed like any other',
  })
  @ApiResponse({ status: 201, type: ContributionResponseDto })
  @ApiResponse({ status: 403, type: ProblemDto, description: 'Another role' })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'PLEDGE_NOT_DELIVERED or PLEDGE_ALREADY_COUNTED',
  })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'PLEDGE_NOT_COUNTABLE or NOT_COUNTABLE' })
  async contribution(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PledgeContributionDto,
  ): Promise<ContributionResponseDto> {
    return ContributionResponseDto.from(await this.initiatives.contribution(actor, id, dto));
  }
}
