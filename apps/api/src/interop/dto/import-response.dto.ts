import {
  EFORMS_PROBLEM_CODES,
  EformsProblemCode,
  legacyProblem,
  type EformsImportResult,
  type EformsProblem,
  type OcdsImportResult,
  type OcdsImportView,
} from '@app/domain';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class OcdsImportErrorDto {
  @ApiProperty({ example: '/releases/3/tender/value/amount', description: 'JSON Pointer into the package' })
  path: string;
  @ApiProperty({ example: 'must be number' }) message: string;
}

/** Named apart from the CSV import's ImportResultDto: one schema name each in the OpenAPI document. */
export class OcdsImportResultDto {
  @ApiProperty({ example: 90, description: 'Releases in the package' }) releases: number;
  @ApiProperty({ example: 90 }) tendersCreated: number;
  @ApiProperty({ example: 0 }) tendersUpdated: number;
  @ApiProperty({ example: 0, description: 'Contracting processes already imported as they are' })
  tendersUnchanged: number;
  @ApiProperty({ example: 0, description: 'Processes without an ocid or a tender title (not imported)' })
  skipped: number;
  @ApiProperty({ example: 3, description: 'Awards of the imported processes, as published' }) awards: number;
  @ApiProperty({ example: 12, description: 'Distinct buyer organisations of the imported processes' })
  organisations: number;
  @ApiProperty({ example: 2, description: 'Of those, created by this import (external buyers)' })
  organisationsCreated: number;
  @ApiProperty({
    type: [String],
    description: 'Declared extensions this platform does not know (not validated)',
  })
  unknownExtensions: string[];
  @ApiProperty({ type: [String], example: ['12345678'], description: 'CPV codes not in the CPV 2008 list' })
  unknownCpvCodes: string[];
  @ApiProperty({
    type: [OcdsImportErrorDto],
    maxItems: 1000,
    description: 'Schema errors and other problems, the first 1,000 (errorsTotal counts them all)',
  })
  errors: OcdsImportErrorDto[];
  @ApiProperty({
    example: 0,
    minimum: 0,
    description: 'How many problems there were in all, also those past the first 1,000 listed in errors',
  })
  errorsTotal: number;

  static from(r: OcdsImportResult): OcdsImportResultDto {
    return { ...r, errors: r.errors.map((e) => ({ path: e.path, message: e.message })) };
  }
}

export class EformsImportErrorDto {
  @ApiProperty({
    example: 'cn_24_minimal.xml',
    description: 'The file name of the notice (in the ZIP, its path)',
  })
  notice: string;
  @ApiProperty({
    example: '/ContractNotice/cac:ProcurementProjectLot[2]/cac:ProcurementProject[1]',
    description: 'XPath-like path into the notice',
  })
  path: string;
  @ApiProperty({
    enum: EFORMS_PROBLEM_CODES,
    enumName: 'EformsProblemCode',
    example: 'LOT_WITHOUT_CPV',
    description:
      "What is wrong, for words in the reader's language: SCHEMA_* from the eForms schemas (libxml2), the others from " +
      "the product's own checks. Problems stored before codes existed get theirs from their message.",
  })
  code: EformsProblemCode;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { element: 'cbc:Bogus', expected: 'cbc:CopyIndicator, cbc:UUID, cbc:ContractFolderID' },
    description:
      'Details of the code: `element` and `attribute` (XML names as in the notice, e.g. `cbc:ContractFolderID`), ' +
      '`expected` (element names, comma-separated, at most 10) and `expectedMore` (how many more), `value`, `type` ' +
      'and `facet` (SCHEMA_INVALID_VALUE), `code` (UNKNOWN_CPV_CODE, UNKNOWN_RESERVED_CODE), `root` and `expected` ' +
      '(UNSUPPORTED_NOTICE)',
  })
  params: Record<string, string | number>;
  @ApiProperty({
    example: 'the lot has no CPV code',
    description: 'What is wrong in English (libxml2 or the product), for developers: show the code instead',
  })
  message: string;

  static from(e: EformsProblem): EformsImportErrorDto {
    const known = e.code ? { code: e.code, params: e.params ?? {} } : legacyProblem(e.message);
    return { notice: e.notice, path: e.path, code: known.code, params: known.params, message: e.message };
  }
}

/** The result of an eForms import (`POST /imports/eforms`). */
export class EformsImportResultDto {
  @ApiProperty({ example: 7, description: 'Notices in the upload' }) notices: number;
  @ApiProperty({ example: 5 }) tendersCreated: number;
  @ApiProperty({ example: 1 }) tendersUpdated: number;
  @ApiProperty({
    example: 0,
    description: 'Procedures already imported as they are (or with a newer notice)',
  })
  tendersUnchanged: number;
  @ApiProperty({ example: 3, description: 'Awards of the contract-award notices imported' }) awards: number;
  @ApiProperty({ example: 4, description: 'Distinct buyers of the imported notices' }) organisations: number;
  @ApiProperty({
    type: [EformsImportErrorDto],
    maxItems: 1000,
    description: 'Schema errors and other problems, the first 1,000 (errorsTotal counts them all)',
  })
  errors: EformsImportErrorDto[];
  @ApiProperty({ example: 0, minimum: 0 }) errorsTotal: number;

  static from(r: EformsImportResult): EformsImportResultDto {
    return {
      notices: r.notices,
      tendersCreated: r.tendersCreated,
      tendersUpdated: r.tendersUpdated,
      tendersUnchanged: r.tendersUnchanged,
      awards: r.awards,
      organisations: r.organisations,
      errors: r.errors.map((e) => EformsImportErrorDto.from(e)),
      errorsTotal: r.errorsTotal,
    };
  }
}

@ApiExtraModels(OcdsImportResultDto, EformsImportResultDto)
export class ImportResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Also the id of its job (GET /api/v1/jobs/:id)' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: OcdsImportView['status'];
  @ApiProperty({ minimum: 0, maximum: 100, example: 100 }) progress: number;
  @ApiPropertyOptional({ description: 'Why the import failed (or why its last attempt did)' }) error?: string;
  @ApiPropertyOptional({
    oneOf: [{ $ref: getSchemaPath(OcdsImportResultDto) }, { $ref: getSchemaPath(EformsImportResultDto) }],
    description: "Once done: an OCDS import's counts, or an eForms import's (with `notices`)",
  })
  result?: OcdsImportResultDto | EformsImportResultDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;

  static from(v: OcdsImportView): ImportResponseDto {
    return {
      id: v.id,
      status: v.status,
      progress: v.progress,
      ...(v.error ? { error: v.error } : {}),
      ...(v.result
        ? {
            result:
              'notices' in v.result
                ? EformsImportResultDto.from(v.result)
                : OcdsImportResultDto.from(v.result),
          }
        : {}),
      createdAt: v.createdAt.toISOString(),
      ...(v.finishedAt ? { finishedAt: v.finishedAt.toISOString() } : {}),
    };
  }
}

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'], example: 'queued' })
  status: OcdsImportView['status'];

  static from(v: OcdsImportView): ImportAcceptedDto {
    return { id: v.id, status: v.status };
  }
}
