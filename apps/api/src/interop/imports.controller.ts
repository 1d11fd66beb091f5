import { ProblemDto } from '@app/common';
import { Actor, EformsImportService, EformsUploadErrorCode, ImportsService, UploadError } from '@app/domain';
import {
  Controller,
  createParamDecorator,
  ExecutionContext,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../identity/auth.decorators';
import { ImportAcceptedDto, ImportResponseDto } from './dto/import-response.dto';
import type { EformsUploadRequest } from './eforms-upload.parser';

/** The release package as parsed (set aside by setupApp before the generic input cleaning). */
const ReleasePackageBody = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): unknown =>
    ctx.switchToHttp().getRequest<{ releasePackage?: unknown }>().releasePackage,
);

@ApiTags('open data')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Not an officer or admin' })
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly eforms: EformsImportService,
  ) {}

  // A release package is checked against the OCDS schema by the import (errors with JSON Pointers in its result).
  @Post('ocds')
  @HttpCode(202)
  @Roles('procurement_officer', 'admin')
  @ApiOperation({
    summary: 'Import an OCDS 1.1 release package (JSON, up to 50 MB); processed by the worker',
  })
  // Documented without properties on purpose: OCDS packages may carry any extra field, and the import reports schema
  // problems with their paths instead of refusing the package; only a body without a releases array is refused here.
  @ApiBody({
    description:
      'An OCDS 1.1 release package: `{ uri, version: "1.1", publishedDate, publisher: { name }, extensions?, releases: [...] }` ' +
      '(https://standard.open-contracting.org/1.1/en/schema/release_package/). Only `releases` (a non-empty array) is ' +
      'checked here; the import validates the rest against the OCDS 1.1.5 schema and lists every error with its path.',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiResponse({
    status: 202,
    type: ImportAcceptedDto,
    description: 'Queued; the same package while its import is queued or running answers that import',
  })
  @ApiResponse({ status: 400, type: ProblemDto, description: 'Not JSON, or not a release package' })
  @ApiResponse({ status: 413, type: ProblemDto, description: 'Over 50 MB' })
  async importOcds(
    @CurrentActor() actor: Actor,
    @ReleasePackageBody() body: unknown,
  ): Promise<ImportAcceptedDto> {
    return ImportAcceptedDto.from(await this.imports.submit(actor, body));
  }

  // The body is streamed to a file (never parsed into memory) and stored a notice per row; the worker validates each
  // notice against the eForms SDK schemas and reports problems with the notice's name and an XPath-like path.
  @Post('eforms')
  @HttpCode(202)
  @Roles('procurement_officer', 'admin')
  @ApiOperation({
    summary:
      'Import eForms notices (TenderNed, TED): one notice as application/xml or a ZIP of notices as application/zip, up to 50 MB; processed by the worker',
  })
  @ApiConsumes('application/xml', 'application/zip')
  @ApiBody({
    description:
      'One eForms notice (UBL 2.3 XML, SDK 1.x) or a ZIP file of notices (.xml entries). Documents with a DOCTYPE ' +
      'or entity declarations are reported, never expanded. A ZIP is refused past 20,000 entries or 512 MB uncompressed.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({
    status: 202,
    type: ImportAcceptedDto,
    description: 'Queued; the same upload while its import is queued or running answers that import',
  })
  @ApiResponse({
    status: 400,
    type: ProblemDto,
    description: 'Empty upload, unreadable ZIP, or a ZIP without notices',
  })
  @ApiResponse({
    status: 413,
    type: ProblemDto,
    description: 'Over 50 MB, or a ZIP past its entry or size limits',
  })
  @ApiResponse({ status: 415, type: ProblemDto, description: 'Not application/xml or application/zip' })
  async importEforms(
    @CurrentActor() actor: Actor,
    @Req() req: EformsUploadRequest,
  ): Promise<ImportAcceptedDto> {
    if (!req.eformsUpload)
      throw new UploadError(
        415,
        EformsUploadErrorCode.UnsupportedMediaType,
        'Send one eForms notice as application/xml or a ZIP of notices as application/zip',
      );
    const id = await this.eforms.submit(
      actor,
      req.eformsUpload,
      req.headers['content-type'],
      fileNameOf(req),
    );
    return ImportAcceptedDto.from(await this.imports.get(actor, id));
  }

  @Get(':id')
  @Roles('procurement_officer', 'admin')
  @ApiOperation({ summary: 'An import: status, progress and, once done, its counts and errors' })
  @ApiResponse({ status: 200, type: ImportResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ImportResponseDto> {
    return ImportResponseDto.from(await this.imports.get(actor, id));
  }
}

/** The file name a client gave in Content-Disposition (`attachment; filename="notice.xml"`), if any. */
function fileNameOf(req: EformsUploadRequest): string | null {
  const header = req.headers['content-disposition'];
  const m = typeof header === 'string' ? header.match(/filename="?([^";]+)"?/i) : null;
  return m ? m[1] : null;
}
