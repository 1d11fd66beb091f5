import { ProblemDto } from '@app/common';
import { Actor, DashboardService } from '@app/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { SroiApi } from '../sroi-api.decorator';
import { DashboardResponseDto } from './dto/dashboard-response.dto';

@SroiApi()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Roles('procurement_officer')
  @ApiOperation({
    summary:
      "The buyer's dashboard figures: money spent with each social enterprise (computed, nothing filed)",
  })
  @ApiResponse({ status: 200, type: DashboardResponseDto })
  @ApiResponse({ status: 403, type: ProblemDto, description: 'Not a procurement officer' })
  async get(@CurrentActor() actor: Actor): Promise<DashboardResponseDto> {
    return DashboardResponseDto.from(await this.dashboard.buyer(actor));
  }
}
