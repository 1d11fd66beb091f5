import { PageQueryDto, ProblemDto } from '@app/common';
import { Actor, ObligationsService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SroiApi } from '../sroi-api.decorator';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { DiscriminatedBodyPipe } from '../discriminated-body.pipe';
import {
  ActivityContributionDto,
  CONTRIBUTION_CLASSES,
  CONTRIBUTION_INVALID,
  ContributionBodyDto,
  discriminatedSchema,
  PlacementContributionDto,
  PurchaseContributionDto,
} from '../obligations/dto/contribution-body.dto';
import { ContributionListDto, ContributionResponseDto } from '../obligations/dto/contribution-response.dto';
import { ObligationListDto, ObligationResponseDto } from './dto/obligation-response.dto';
import { ValuationDto } from './dto/valuation.dto';
import { WaiveDto } from './dto/waive.dto';

@SroiApi()
@ApiExtraModels(PlacementContributionDto, PurchaseContributionDto, ActivityContributionDto)
@Controller('obligations')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get()
  @Roles('procurement_officer', 'contractor')
  @ApiOperation({ summary: "Officer: the buyer's obligations; contractor: its own" })
  @ApiResponse({ status: 200, type: ObligationListDto })
  async list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<ObligationListDto> {
    return ObligationListDto.from(await this.obligations.list(actor, q));
  }

  @Get(':id')
  @Roles('procurement_officer', 'contractor')
  @ApiOperation({ summary: 'One obligation with its progress' })
  @ApiResponse({ status: 200, type: ObligationResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ObligationResponseDto> {
    return ObligationResponseDto.from(await this.obligations.view(actor, id));
  }

  @Post(':id/waive')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Waive an obligation, with a reason' })
  @ApiResponse({ status: 200, type: ObligationResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  async waive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WaiveDto,
  ): Promise<ObligationResponseDto> {
    return ObligationResponseDto.from(await this.obligations.waive(actor, id, dto.reason));
  }

  @Post(':id/contributions/preview')
  @HttpCode(200)
  @Roles('contractor')
  @ApiOperation({ summary: "Value a contribution under this tender's policy without saving it" })
  @ApiBody({ schema: discriminatedSchema(CONTRIBUTION_CLASSES) })
  @ApiResponse({ status: 200, type: ValuationDto })
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new DiscriminatedBodyPipe('category', CONTRIBUTION_CLASSES, CONTRIBUTION_INVALID))
    body: ContributionBodyDto,
  ): Promise<ValuationDto> {
    return ValuationDto.from(await this.obligations.preview(actor, id, body));
  }

  @Post(':id/contributions')
  @Roles('contractor')
  @ApiOperation({ summary: 'Record a placement, purchase or activity' })
  @ApiBody({ schema: discriminatedSchema(CONTRIBUTION_CLASSES) })
  @ApiResponse({ status: 201, type: ContributionResponseDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'DUPLICATE_INVOICE or PERSON_ALREADY_COUNTED',
  })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'NOT_COUNTABLE, with the reason' })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new DiscriminatedBodyPipe('category', CONTRIBUTION_CLASSES, CONTRIBUTION_INVALID))
    body: ContributionBodyDto,
  ): Promise<ContributionResponseDto> {
    return ContributionResponseDto.from(await this.obligations.submit(actor, id, body));
  }

  @Get(':id/contributions')
  @Roles('procurement_officer', 'contractor')
  @ApiOperation({ summary: "The obligation's contributions" })
  @ApiResponse({ status: 200, type: ContributionListDto })
  async contributions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<ContributionListDto> {
    return ContributionListDto.from(await this.obligations.contributions(actor, id, q));
  }
}
