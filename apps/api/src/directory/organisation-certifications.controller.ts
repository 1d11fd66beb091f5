import { ProblemDto, todayInNl } from '@app/common';
import { Actor, CertificationsService } from '@app/domain';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { CertificationDto, CertificationListDto } from './dto/certification-response.dto';
import { CreateCertificationDto } from './dto/create-certification.dto';

/** An organisation's own certifications (the enterprise's or contractor's side; officers verify them). */
@ApiTags('directory')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('organisations/:id/certifications')
export class OrganisationCertificationsController {
  constructor(private readonly certifications: CertificationsService) {}

  @Post()
  @Roles('social_enterprise', 'contractor')
  @ApiOperation({ summary: 'Add a certification of the own organisation (status unverified)' })
  @ApiResponse({ status: 201, type: CertificationDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCertificationDto,
  ): Promise<CertificationDto> {
    return CertificationDto.from(await this.certifications.create(actor, id, dto), todayInNl());
  }

  @Get()
  @ApiOperation({
    summary: "An organisation's certifications, expired ones included (own organisation, officers, admins)",
  })
  @ApiResponse({ status: 200, type: CertificationListDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CertificationListDto> {
    return CertificationListDto.from(await this.certifications.list(actor, id), todayInNl());
  }
}
