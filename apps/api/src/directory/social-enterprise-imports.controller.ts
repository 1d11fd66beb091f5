import { ProblemDto } from '@app/common';
import { CsvImportService } from '@app/domain';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { ImportCsvDto } from './dto/import-csv.dto';
import { ImportResultDto } from './dto/import-result.dto';

@ApiTags('directory')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('imports/social-enterprises')
export class SocialEnterpriseImportsController {
  constructor(private readonly imports: CsvImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Bulk import of social enterprises with offerings from CSV (all or nothing)' })
  @ApiResponse({ status: 200, type: ImportResultDto })
  @ApiResponse({
    status: 422,
    type: ProblemDto,
    description: 'Lists every rejected row with its reasons',
  })
  importCsv(@Body() dto: ImportCsvDto): Promise<ImportResultDto> {
    return this.imports.importSocialEnterprises(dto.csv, dto.dryRun ?? false);
  }
}
