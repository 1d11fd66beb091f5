import { ProblemDto } from '@app/common';
import { Actor, IdentityService } from '@app/domain';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from './auth.decorators';
import { UserResponseDto } from './dto/user-response.dto';
import { CreateOfficerDto } from './dto/create-officer.dto';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationResponseDto } from './dto/organisation-response.dto';
import {
  OrganisationHitDto,
  OrganisationSearchListDto,
  OrganisationSearchQueryDto,
} from './dto/organisation-search.dto';

@ApiTags('identity')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ProblemDto })
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly identity: IdentityService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a buyer organisation (admin)' })
  @ApiResponse({ status: 201, type: OrganisationResponseDto })
  @ApiResponse({ status: 403, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  async create(@Body() dto: CreateOrganisationDto): Promise<OrganisationResponseDto> {
    return OrganisationResponseDto.from(await this.identity.createOrganisation(dto));
  }

  @Get()
  @Roles('procurement_officer', 'admin')
  @ApiOperation({
    summary: 'Find organisations by name or KvK number (the pickers of the award and other forms)',
  })
  @ApiResponse({ status: 200, type: OrganisationSearchListDto })
  @ApiResponse({ status: 400, type: ProblemDto })
  @ApiResponse({ status: 403, type: ProblemDto })
  async search(@Query() q: OrganisationSearchQueryDto): Promise<OrganisationSearchListDto> {
    const page = await this.identity.findOrganisations(q);
    return { items: page.items.map((h) => OrganisationHitDto.from(h)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation (its own members and admins)' })
  @ApiResponse({ status: 200, type: OrganisationResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OrganisationResponseDto> {
    return OrganisationResponseDto.from(await this.identity.getOrganisation(actor, id));
  }

  @Post(':id/users')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a procurement officer account in a buyer organisation (admin)' })
  @ApiResponse({ status: 201, type: UserResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto })
  @ApiResponse({ status: 422, type: ProblemDto })
  async createUser(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateOfficerDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.identity.createUser(id, dto));
  }
}
