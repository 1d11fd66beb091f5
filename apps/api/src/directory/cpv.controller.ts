import { pageLimit, ProblemDto } from '@app/common';
import { ReferenceDataService } from '@app/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/auth.decorators';
import { CpvQueryDto } from './dto/cpv-query.dto';
import { CpvListDto } from './dto/cpv-response.dto';

@ApiTags('directory')
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('cpv')
export class CpvController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Find CPV codes by code prefix or by words in Dutch or English' })
  @ApiResponse({ status: 200, type: CpvListDto })
  async search(@Query() query: CpvQueryDto): Promise<CpvListDto> {
    return CpvListDto.from(await this.reference.searchCpv(query.q, pageLimit(query.limit)), this.reference);
  }
}
