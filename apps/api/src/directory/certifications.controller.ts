import { ProblemDto, todayInNl } from '@app/common';
import { Actor, CertificationsService } from '@app/domain';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { CertificationDto } from './dto/certification-response.dto';
import { VerifyCertificationDto } from './dto/verify-certification.dto';

@ApiTags('directory')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('certifications')
export class CertificationsController {
  constructor(private readonly certifications: CertificationsService) {}

  @Post(':id/verification')
  @HttpCode(200)
  @Roles('procurement_officer', 'admin')
  @ApiOperation({ summary: 'Verify or reject a certification' })
  @ApiResponse({ status: 200, type: CertificationDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async verify(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VerifyCertificationDto,
  ): Promise<CertificationDto> {
    return CertificationDto.from(await this.certifications.verify(actor, id, dto), todayInNl());
  }
}
