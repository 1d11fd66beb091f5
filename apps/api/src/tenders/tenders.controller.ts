import { ProblemDto } from '@app/common';
import { Actor, TendersService } from '@app/domain';
import { TenderEntity } from '@app/database';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SroiApi } from '../sroi-api.decorator';
import { CurrentActor, Public, Roles } from '../identity/auth.decorators';
import { AwardResponseDto } from './dto/award-response.dto';
import { AwardDto } from './dto/award.dto';
import { CreateTenderDto } from './dto/create-tender.dto';
import { TenderListQueryDto } from './dto/tender-list-query.dto';
import { TenderListDto, TenderResponseDto } from './dto/tender-response.dto';

@SroiApi()
@Controller('tenders')
export class TendersController {
  constructor(private readonly tenders: TendersService) {}

  @Post()
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Create a draft tender with CPV-coded items and an SROI requirement' })
  @ApiResponse({ status: 201, type: TenderResponseDto })
  @ApiResponse({ status: 422, type: ProblemDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTenderDto): Promise<TenderResponseDto> {
    return this.shown(actor, this.tenders.create(actor, dto));
  }

  @Put(':id')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Replace a draft tender' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTenderDto,
  ): Promise<TenderResponseDto> {
    return this.shown(actor, this.tenders.update(actor, id, dto));
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Active, awarded and complete tenders; officers also see their own drafts and cancelled ones',
  })
  @ApiResponse({ status: 200, type: TenderListDto })
  async list(
    @CurrentActor() actor: Actor | undefined,
    @Query() q: TenderListQueryDto,
  ): Promise<TenderListDto> {
    return TenderListDto.from(await this.tenders.viewsFor(actor, q));
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One tender (drafts only for its own officers)' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TenderResponseDto> {
    return TenderResponseDto.from(await this.tenders.viewFor(actor, id));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'draft → active' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'Illegal transition' })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TenderResponseDto> {
    return this.shown(actor, this.tenders.transition(actor, id, 'publish'));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'draft or active → cancelled' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TenderResponseDto> {
    return this.shown(actor, this.tenders.transition(actor, id, 'cancel'));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'awarded → complete' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TenderResponseDto> {
    return this.shown(actor, this.tenders.transition(actor, id, 'complete'));
  }

  @Post(':id/award')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Award: creates the contract and its SROI obligation (policy version frozen)' })
  @ApiResponse({ status: 201, type: AwardResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'The tender is not active' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'Unknown contractor' })
  async award(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AwardDto,
  ): Promise<AwardResponseDto> {
    return AwardResponseDto.from(await this.tenders.award(actor, id, dto));
  }

  /** A write answers with the tender as a read shows it (its policy, buyer and display codes loaded). */
  private async shown(actor: Actor, saved: Promise<TenderEntity>): Promise<TenderResponseDto> {
    return TenderResponseDto.from(await this.tenders.viewFor(actor, (await saved).id));
  }
}
