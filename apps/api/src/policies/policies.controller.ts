import { ProblemDto } from '@app/common';
import { Actor, PoliciesService, SroiPolicyBody } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SroiApi } from '../sroi-api.decorator';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import {
  ActivityContributionDto,
  PlacementContributionDto,
  PurchaseContributionDto,
  discriminatedSchema,
} from '../obligations/dto/contribution-body.dto';
import { ValuationDto } from '../obligations/dto/valuation.dto';
import {
  EVALUATE_CLASSES,
  EvaluateActivityDto,
  EvaluateBodyPipe,
  EvaluateContributionDto,
  EvaluatePlacementDto,
  EvaluatePurchaseDto,
} from './dto/evaluate-contribution.dto';
import { PolicyBodyDto } from './dto/policy-body.dto';
import { PolicyListQueryDto } from './dto/policy-list-query.dto';
import { PolicyListDto, PolicyResponseDto } from './dto/policy-response.dto';
import { UPDATE_POLICY_PIPE, UpdatePolicyDto } from './dto/update-policy.dto';

@SroiApi()
@ApiExtraModels(
  PlacementContributionDto,
  PurchaseContributionDto,
  ActivityContributionDto,
  EvaluatePlacementDto,
  EvaluatePurchaseDto,
  EvaluateActivityDto,
)
@Roles('procurement_officer')
@Controller('sroi-policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Post()
  @ApiOperation({ summary: "Create a draft SROI policy for the officer's buyer organisation" })
  @ApiResponse({ status: 201, type: PolicyResponseDto })
  async create(@CurrentActor() actor: Actor, @Body() body: PolicyBodyDto): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.create(actor, body));
  }

  @Get()
  @ApiOperation({ summary: "The buyer's SROI policies, every version" })
  @ApiResponse({ status: 200, type: PolicyListDto })
  async list(@CurrentActor() actor: Actor, @Query() q: PolicyListQueryDto): Promise<PolicyListDto> {
    return PolicyListDto.from(await this.policies.list(actor, q));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One policy version' })
  @ApiResponse({ status: 200, type: PolicyResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft (top-level fields replaced, then the whole policy validated)' })
  @ApiBody({ type: UpdatePolicyDto })
  @ApiResponse({ status: 200, type: PolicyResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'Published policies are immutable' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(UPDATE_POLICY_PIPE) body: Partial<SroiPolicyBody>,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.update(actor, id, body));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish (freeze) a draft' })
  @ApiResponse({ status: 200, type: PolicyResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.publish(actor, id));
  }

  @Post(':id/versions')
  @ApiOperation({ summary: 'Start a new draft version of a policy (a published version never changes)' })
  @ApiResponse({ status: 201, type: PolicyResponseDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'The version name is taken in this policy',
  })
  async newVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PolicyBodyDto,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.newVersion(actor, id, body));
  }

  @Post(':id/evaluate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Value a hypothetical contribution under this policy (optional contractPeriod); nothing saved',
  })
  @ApiBody({ schema: discriminatedSchema(EVALUATE_CLASSES) })
  @ApiResponse({ status: 200, type: ValuationDto })
  async evaluate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new EvaluateBodyPipe()) body: EvaluateContributionDto,
  ): Promise<ValuationDto> {
    return ValuationDto.from(await this.policies.evaluate(actor, id, body));
  }
}
