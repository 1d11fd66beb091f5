import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class PublisherDoc {
  @ApiProperty({ example: 'Open Data Services Co-operative Limited' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'GB-COH' }) scheme?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '9506232' }) uid?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri' }) uri?: string | null;
}

/**
 * Documentation of an OCDS 1.1 release package. The body is checked against the OCDS release-package schema by the
 * import itself (every error with its JSON Pointer in the result), not by request validation.
 */
export class ReleasePackageDoc {
  @ApiProperty({ format: 'uri', example: 'https://example.org/ocds/2025-02.json' }) uri: string;
  @ApiProperty({ example: '1.1' }) version: string;
  @ApiProperty({ format: 'date-time', example: '2025-02-28T00:00:00Z' }) publishedDate: string;
  @ApiProperty({ type: PublisherDoc }) publisher: PublisherDoc;
  @ApiPropertyOptional({
    type: [String],
    example: [
      'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json',
    ],
  })
  extensions?: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'OCDS releases (ocid, id, date, tag, parties, buyer, tender, awards, contracts, ...)',
  })
  releases: object[];
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri' }) license?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri' }) publicationPolicy?: string | null;
}

/** An OCDS 1.1 release package as published (documented loosely: the OCDS schema is the reference). */
export class ReleasePackageResponseDto extends ReleasePackageDoc {}
