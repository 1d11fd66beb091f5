import { Actor, AuditService } from '@app/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SroiApi } from '../sroi-api.decorator';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { AuditListDto } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@SroiApi()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('procurement_officer')
  @ApiOperation({
    summary: "Audit trail of the buyer's policies, tenders, awards, contributions and reviews",
  })
  @ApiResponse({ status: 200, type: AuditListDto })
  async list(@CurrentActor() actor: Actor, @Query() q: AuditQueryDto): Promise<AuditListDto> {
    return AuditListDto.from(await this.audit.list(actor, q));
  }
}
