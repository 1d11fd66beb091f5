import { ErrorResponseDto, PageQueryDto } from '@app/common';
import {
  Actor,
  AuditService,
  ObligationsService,
  PoliciesService,
  ReferenceDataService,
  TendersService,
} from '@app/domain';
import { TenderEntity } from '@app/database';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import {
  ActivityContributionDoc,
  AuditListDto,
  AuditEntryDto,
  AuditQueryDto,
  AwardDto,
  AwardResponseDto,
  ContributionListDto,
  ContributionResponseDto,
  CreateTenderDto,
  ObligationListDto,
  ObligationResponseDto,
  PlacementContributionDoc,
  PolicyBodyDoc,
  PolicyListDto,
  PolicyListQueryDto,
  PolicyResponseDto,
  PurchaseContributionDoc,
  ReviewDto,
  TenderListDto,
  TenderListQueryDto,
  TenderResponseDto,
  ValuationDto,
  WaiveDto,
} from './procurement.dto';

const CONTRIBUTION_BODY = {
  schema: {
    oneOf: [
      { $ref: getSchemaPath(PlacementContributionDoc) },
      { $ref: getSchemaPath(PurchaseContributionDoc) },
      { $ref: getSchemaPath(ActivityContributionDoc) },
    ],
  },
};

@ApiTags('sroi')
@ApiBearerAuth()
@ApiExtraModels(PlacementContributionDoc, PurchaseContributionDoc, ActivityContributionDoc, PolicyBodyDoc)
@ApiResponse({
  status: 400,
  type: ErrorResponseDto,
  description: 'Invalid input (details name each bad field)',
})
@ApiResponse({ status: 401, type: ErrorResponseDto })
@Controller()
export class ProcurementController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly tenders: TendersService,
    private readonly obligations: ObligationsService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceDataService,
  ) {}

  // Policy bodies are plain objects: the rule engine validates them completely and names the path of each bad field.
  @Post('sroi-policies')
  @Roles('procurement_officer')
  @ApiOperation({ summary: "Create a draft SROI policy for the officer's buyer organisation" })
  @ApiBody({ type: PolicyBodyDoc })
  @ApiResponse({ status: 201, type: PolicyResponseDto })
  async createPolicy(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.create(actor, body));
  }

  @Get('sroi-policies')
  @Roles('procurement_officer')
  @ApiOperation({ summary: "The buyer's SROI policies, every version" })
  @ApiResponse({ status: 200, type: PolicyListDto })
  async listPolicies(@CurrentActor() actor: Actor, @Query() q: PolicyListQueryDto): Promise<PolicyListDto> {
    const page = await this.policies.list(actor, q);
    return { items: page.items.map(PolicyResponseDto.from), nextCursor: page.nextCursor };
  }

  @Get('sroi-policies/:id')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'One policy version' })
  @ApiResponse({ status: 200, type: PolicyResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async getPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.get(actor, id));
  }

  @Patch('sroi-policies/:id')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Edit a draft (top-level fields replaced, then the whole policy validated)' })
  @ApiBody({ type: PolicyBodyDoc })
  @ApiResponse({ status: 200, type: PolicyResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: 'Published policies are immutable' })
  async updatePolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.update(actor, id, body));
  }

  @Post('sroi-policies/:id/publish')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Publish (freeze) a draft' })
  @ApiResponse({ status: 200, type: PolicyResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto })
  async publishPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.publish(actor, id));
  }

  @Post('sroi-policies/:id/versions')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Start a new draft version of a policy (a published version never changes)' })
  @ApiBody({ type: PolicyBodyDoc })
  @ApiResponse({ status: 201, type: PolicyResponseDto })
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description: 'The version name is taken in this policy',
  })
  async newPolicyVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PolicyResponseDto> {
    return PolicyResponseDto.from(await this.policies.newVersion(actor, id, body));
  }

  @Post('sroi-policies/:id/evaluate')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({
    summary: 'Value a hypothetical contribution under this policy (optional contractPeriod); nothing saved',
  })
  @ApiBody(CONTRIBUTION_BODY)
  @ApiResponse({ status: 200, type: ValuationDto })
  async evaluate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<ValuationDto> {
    return ValuationDto.from(await this.policies.evaluate(actor, id, body));
  }

  @Post('tenders')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Create a draft tender with CPV-coded items and an SROI requirement' })
  @ApiResponse({ status: 201, type: TenderResponseDto })
  @ApiResponse({ status: 422, type: ErrorResponseDto })
  async createTender(@CurrentActor() actor: Actor, @Body() dto: CreateTenderDto): Promise<TenderResponseDto> {
    return this.reloaded(actor, await this.tenders.create(actor, dto));
  }

  @Put('tenders/:id')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Replace a draft tender' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto })
  async updateTender(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTenderDto,
  ): Promise<TenderResponseDto> {
    return this.reloaded(actor, await this.tenders.update(actor, id, dto));
  }

  @Get('tenders')
  @Public()
  @ApiOperation({
    summary: 'Active, awarded and complete tenders; officers also see their own drafts and cancelled ones',
  })
  @ApiResponse({ status: 200, type: TenderListDto })
  async listTenders(
    @CurrentActor() actor: Actor | undefined,
    @Query() q: TenderListQueryDto,
  ): Promise<TenderListDto> {
    const page = await this.tenders.list(actor, q);
    return {
      items: await Promise.all(page.items.map((t) => this.tenderDto(t))),
      nextCursor: page.nextCursor,
    };
  }

  @Get('tenders/:id')
  @Public()
  @ApiOperation({ summary: 'One tender (drafts only for its own officers)' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async getTender(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TenderResponseDto> {
    return this.tenderDto(await this.tenders.get(actor, id));
  }

  @Post('tenders/:id/publish')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'draft → active' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: 'Illegal transition' })
  async publishTender(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TenderResponseDto> {
    return this.reloaded(actor, await this.tenders.transition(actor, id, 'publish'));
  }

  @Post('tenders/:id/cancel')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'draft or active → cancelled' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto })
  async cancelTender(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TenderResponseDto> {
    return this.reloaded(actor, await this.tenders.transition(actor, id, 'cancel'));
  }

  @Post('tenders/:id/complete')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'awarded → complete' })
  @ApiResponse({ status: 200, type: TenderResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto })
  async completeTender(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TenderResponseDto> {
    return this.reloaded(actor, await this.tenders.transition(actor, id, 'complete'));
  }

  @Post('tenders/:id/award')
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Award: creates the contract and its SROI obligation (policy version frozen)' })
  @ApiResponse({ status: 201, type: AwardResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: 'The tender is not active' })
  @ApiResponse({ status: 422, type: ErrorResponseDto, description: 'Unknown contractor' })
  async award(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AwardDto,
  ): Promise<AwardResponseDto> {
    const { contract, obligation } = await this.tenders.award(actor, id, dto);
    return {
      contractId: contract.id,
      obligation: ObligationResponseDto.from(await this.obligations.view(actor, obligation.id)),
    };
  }

  @Get('obligations')
  @Roles('procurement_officer', 'contractor')
  @ApiOperation({ summary: "Officer: the buyer's obligations; contractor: its own" })
  @ApiResponse({ status: 200, type: ObligationListDto })
  async listObligations(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<ObligationListDto> {
    const page = await this.obligations.list(actor, q);
    return { items: page.items.map(ObligationResponseDto.from), nextCursor: page.nextCursor };
  }

  @Get('obligations/:id')
  @Roles('procurement_officer', 'contractor')
  @ApiOperation({ summary: 'One obligation with its progress' })
  @ApiResponse({ status: 200, type: ObligationResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async getObligation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ObligationResponseDto> {
    return ObligationResponseDto.from(await this.obligations.view(actor, id));
  }

  @Post('obligations/:id/waive')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Waive an obligation, with a reason' })
  @ApiResponse({ status: 200, type: ObligationResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto })
  async waive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WaiveDto,
  ): Promise<ObligationResponseDto> {
    return ObligationResponseDto.from(await this.obligations.waive(actor, id, dto.reason));
  }

  @Post('obligations/:id/contributions/preview')
  @HttpCode(200)
  @Roles('contractor')
  @ApiOperation({ summary: "Value a contribution under this tender's policy without saving it" })
  @ApiBody(CONTRIBUTION_BODY)
  @ApiResponse({ status: 200, type: ValuationDto })
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<ValuationDto> {
    return ValuationDto.from(await this.obligations.preview(actor, id, body));
  }

  @Post('obligations/:id/contributions')
  @Roles('contractor')
  @ApiOperation({ summary: 'Record a placement, purchase or activity' })
  @ApiBody(CONTRIBUTION_BODY)
  @ApiResponse({ status: 201, type: ContributionResponseDto })
  @ApiResponse({
    status: 409,
    type: ErrorResponseDto,
    description: 'DUPLICATE_INVOICE or PERSON_ALREADY_COUNTED',
  })
  @ApiResponse({ status: 422, type: ErrorResponseDto, description: 'NOT_COUNTABLE, with the reason' })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<ContributionResponseDto> {
    return ContributionResponseDto.from(await this.obligations.submit(actor, id, body));
  }

  @Get('obligations/:id/contributions')
  @Roles('procurement_officer', 'contractor')
  @ApiOperation({ summary: "The obligation's contributions" })
  @ApiResponse({ status: 200, type: ContributionListDto })
  async contributions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<ContributionListDto> {
    const page = await this.obligations.contributions(actor, id, q);
    return { items: page.items.map(ContributionResponseDto.from), nextCursor: page.nextCursor };
  }

  @Post('contributions/:id/review')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Verify (with a value) or reject a contribution' })
  @ApiResponse({ status: 200, type: ContributionResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: 'Already reviewed' })
  async review(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDto,
  ): Promise<ContributionResponseDto> {
    return ContributionResponseDto.from(await this.obligations.review(actor, id, dto));
  }

  @Get('audit-log')
  @Roles('procurement_officer')
  @ApiOperation({
    summary: "Audit trail of the buyer's policies, tenders, awards, contributions and reviews",
  })
  @ApiResponse({ status: 200, type: AuditListDto })
  async auditLog(@CurrentActor() actor: Actor, @Query() q: AuditQueryDto): Promise<AuditListDto> {
    const page = await this.audit.list(actor, q);
    return { items: page.items.map(AuditEntryDto.from), nextCursor: page.nextCursor };
  }

  private async reloaded(actor: Actor, t: TenderEntity): Promise<TenderResponseDto> {
    return this.tenderDto(await this.tenders.get(actor, t.id));
  }

  private async tenderDto(t: TenderEntity): Promise<TenderResponseDto> {
    const codes = await this.reference.displayCodes((t.items ?? []).map((i) => i.cpvCode));
    const ocid = this.tenders.ocidOf(t);
    if (t.source === 'ocds')
      return TenderResponseDto.from(t, codes, null, { ocid, awards: await this.tenders.ocdsAwards(t.id) });
    if (t.status === 'draft' || t.status === 'active' || t.status === 'cancelled')
      return TenderResponseDto.from(t, codes, null, { ocid });
    const c = await this.tenders.contractOf(t.id);
    return TenderResponseDto.from(
      t,
      codes,
      c
        ? {
            contractId: c.id,
            obligationId: c.obligationId ?? null,
            contractorOrganisationId: c.contractorOrganisationId,
            contractValueCents: c.valueCents,
          }
        : null,
      { ocid },
    );
  }
}
