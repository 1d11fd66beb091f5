import { ProblemDto, todayInNl } from '@app/common';
import { Actor, DirectoryService, ReferenceDataService, SearchService } from '@app/domain';
import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../identity/auth.decorators';
import { EnterpriseSearchResultDto } from './dto/enterprise-search-result.dto';
import { ProfileResponseDto } from './dto/profile-response.dto';
import { ProfileDto } from './dto/profile.dto';
import { SearchQueryDto } from './dto/search-query.dto';

@ApiTags('directory')
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('social-enterprises')
export class SocialEnterprisesController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly reference: ReferenceDataService,
    private readonly search: SearchService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Search social enterprises (one row per enterprise)' })
  @ApiResponse({ status: 200, type: EnterpriseSearchResultDto })
  find(@Query() query: SearchQueryDto): Promise<EnterpriseSearchResultDto> {
    return this.search.enterprises(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'The public profile of a social enterprise with its certifications and offerings',
  })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProfileResponseDto> {
    return this.profile(actor, id);
  }

  @Put(':id/profile')
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: "Create or replace the enterprise's own profile" })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  @ApiResponse({ status: 403, type: ProblemDto })
  async putProfile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProfileDto,
  ): Promise<ProfileResponseDto> {
    await this.directory.upsertProfile(actor, id, dto);
    return this.profile(actor, id);
  }

  /** The answer of both the read and the write: the profile as its reader may see it today. */
  private async profile(actor: Actor | undefined, id: string): Promise<ProfileResponseDto> {
    const today = todayInNl();
    return ProfileResponseDto.from(
      await this.directory.publicProfile(actor, id, today),
      this.reference,
      today,
    );
  }
}
