import { ErrorResponseDto, pageLimit, todayInNl } from '@app/common';
import {
  Actor,
  CertificationsService,
  CsvImportService,
  DirectoryService,
  ReferenceDataService,
  SearchService,
} from '@app/domain';
import { OfferingEntity } from '@app/database';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import {
  CertificationDto,
  CertificationListDto,
  CpvItemDto,
  CpvListDto,
  CpvQueryDto,
  CreateCertificationDto,
  CreateOfferingDto,
  EnterpriseSearchResultDto,
  ImportCsvDto,
  ImportResultDto,
  OfferingDto,
  OfferingSearchResultDto,
  ProfileDto,
  ProfileResponseDto,
  SearchQueryDto,
  UpdateOfferingDto,
  VerifyCertificationDto,
} from './directory.dto';

@ApiTags('directory')
@ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Invalid input' })
@Controller()
export class DirectoryController {
  constructor(
    private readonly reference: ReferenceDataService,
    private readonly directory: DirectoryService,
    private readonly certifications: CertificationsService,
    private readonly search: SearchService,
    private readonly imports: CsvImportService,
  ) {}

  @Get('cpv')
  @Public()
  @ApiOperation({ summary: 'Find CPV codes by code prefix or by words in Dutch or English' })
  @ApiResponse({ status: 200, type: CpvListDto })
  async cpv(@Query() query: CpvQueryDto): Promise<CpvListDto> {
    const rows = await this.reference.searchCpv(query.q, pageLimit(query.limit));
    const parents = await this.reference.displayCodes(rows.map((r) => r.parent ?? ''));
    return { items: rows.map((r, i) => CpvItemDto.from(r, r.parent ? parents[i] : null)) };
  }

  @Get('social-enterprises')
  @Public()
  @ApiOperation({ summary: 'Search social enterprises (one row per enterprise)' })
  @ApiResponse({ status: 200, type: EnterpriseSearchResultDto })
  searchEnterprises(@Query() query: SearchQueryDto): Promise<EnterpriseSearchResultDto> {
    return this.search.enterprises(query);
  }

  @Get('social-enterprises/:id')
  @Public()
  @ApiOperation({
    summary: 'The public profile of a social enterprise with its certifications and offerings',
  })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async profile(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProfileResponseDto> {
    const today = todayInNl();
    const p = await this.directory.publicProfile(actor, id, today);
    return ProfileResponseDto.from(p, await this.offeringDtos(p.offerings), today);
  }

  @Put('social-enterprises/:id/profile')
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: "Create or replace the enterprise's own profile" })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  @ApiResponse({ status: 403, type: ErrorResponseDto })
  async putProfile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProfileDto,
  ): Promise<ProfileResponseDto> {
    await this.directory.upsertProfile(actor, id, dto);
    return this.profile(actor, id);
  }

  @Post('organisations/:id/certifications')
  @ApiBearerAuth()
  @Roles('social_enterprise', 'contractor')
  @ApiOperation({ summary: 'Add a certification of the own organisation (status unverified)' })
  @ApiResponse({ status: 201, type: CertificationDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async addCertification(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCertificationDto,
  ): Promise<CertificationDto> {
    return CertificationDto.from(await this.certifications.create(actor, id, dto), todayInNl());
  }

  @Get('organisations/:id/certifications')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "An organisation's certifications, expired ones included (own organisation, officers, admins)",
  })
  @ApiResponse({ status: 200, type: CertificationListDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async listCertifications(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CertificationListDto> {
    const today = todayInNl();
    return { items: (await this.certifications.list(actor, id)).map((c) => CertificationDto.from(c, today)) };
  }

  @Post('certifications/:id/verification')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('procurement_officer', 'admin')
  @ApiOperation({ summary: 'Verify or reject a certification' })
  @ApiResponse({ status: 200, type: CertificationDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async verifyCertification(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VerifyCertificationDto,
  ): Promise<CertificationDto> {
    return CertificationDto.from(await this.certifications.verify(actor, id, dto), todayInNl());
  }

  @Get('offerings')
  @Public()
  @ApiOperation({
    summary: 'Search offerings by words, CPV subtree, distance, certification and target group',
  })
  @ApiResponse({ status: 200, type: OfferingSearchResultDto })
  searchOfferings(@Query() query: SearchQueryDto): Promise<OfferingSearchResultDto> {
    return this.search.offerings(query);
  }

  @Get('offerings/:id')
  @Public()
  @ApiOperation({ summary: 'One offering' })
  @ApiResponse({ status: 200, type: OfferingDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async getOffering(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OfferingDto> {
    return (await this.offeringDtos([await this.directory.getOffering(id, actor)]))[0];
  }

  @Post('offerings')
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Add an offering of the own enterprise' })
  @ApiResponse({ status: 201, type: OfferingDto })
  async createOffering(@CurrentActor() actor: Actor, @Body() dto: CreateOfferingDto): Promise<OfferingDto> {
    return (await this.offeringDtos([await this.directory.createOffering(actor, dto)]))[0];
  }

  @Patch('offerings/:id')
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Change an offering of the own enterprise' })
  @ApiResponse({ status: 200, type: OfferingDto })
  @ApiResponse({ status: 403, type: ErrorResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async updateOffering(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOfferingDto,
  ): Promise<OfferingDto> {
    return (await this.offeringDtos([await this.directory.updateOffering(actor, id, dto)]))[0];
  }

  @Delete('offerings/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Delete an offering of the own enterprise' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 403, type: ErrorResponseDto })
  @ApiResponse({ status: 404, type: ErrorResponseDto })
  async deleteOffering(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.directory.deleteOffering(actor, id);
  }

  @Post('imports/social-enterprises')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'Bulk import of social enterprises with offerings from CSV (all or nothing)' })
  @ApiResponse({ status: 200, type: ImportResultDto })
  @ApiResponse({
    status: 422,
    type: ErrorResponseDto,
    description: 'Lists every rejected row with its reasons',
  })
  importCsv(@Body() dto: ImportCsvDto): Promise<ImportResultDto> {
    return this.imports.importSocialEnterprises(dto.csv, dto.dryRun ?? false);
  }

  private async offeringDtos(offerings: OfferingEntity[]): Promise<OfferingDto[]> {
    return Promise.all(
      offerings.map(async (o) => OfferingDto.from(o, await this.reference.displayCodes(o.cpvCodes))),
    );
  }
}
