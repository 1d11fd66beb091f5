import { ProblemDto } from '@app/common';
import { Actor, OcdsExportService, SOCIAL_RETURN_EXTENSION, SOCIAL_RETURN_RELEASE_SCHEMA } from '@app/domain';
import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public } from '../identity/auth.decorators';
import { ExtensionDoc, ExtensionSchemaDoc } from './dto/extension.dto';
import { ReleasePackageResponseDto } from './dto/release-package.dto';

@ApiTags('open data')
@Controller('tenders')
export class OpenDataController {
  constructor(private readonly exports: OcdsExportService) {}

  @Get(':id/ocds')
  @Public()
  @ApiOperation({
    summary:
      'The tender as an OCDS 1.1 release package (with its award and contract, and the SROI requirement in the social_return extension)',
  })
  @ApiResponse({ status: 200, type: ReleasePackageResponseDto })
  @ApiResponse({
    status: 404,
    type: ProblemDto,
    description: 'No such tender, or not visible to the caller',
  })
  async releasePackage(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReleasePackageResponseDto> {
    return this.exports.releasePackage(actor, id);
  }
}

/** The product's own OCDS extension, served where exported packages declare it. */
@ApiTags('open data')
@Controller('ocds/extensions/social_return')
export class OcdsExtensionsController {
  @Get('extension.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'extension.json of the social return (SROI) OCDS extension' })
  @ApiResponse({ status: 200, type: ExtensionDoc })
  extension(): ExtensionDoc {
    return SOCIAL_RETURN_EXTENSION;
  }

  @Get('release-schema.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The extension’s JSON merge patch onto the OCDS 1.1 release schema' })
  @ApiResponse({ status: 200, type: ExtensionSchemaDoc })
  releaseSchema(): ExtensionSchemaDoc {
    return SOCIAL_RETURN_RELEASE_SCHEMA;
  }
}
