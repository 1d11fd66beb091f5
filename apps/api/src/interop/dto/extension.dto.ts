import { ApiProperty } from '@nestjs/swagger';

class LocalisedTextDoc {
  @ApiProperty({ example: 'Social return (SROI)' }) en: string;
}

export class ExtensionDoc {
  @ApiProperty({ type: LocalisedTextDoc }) name: LocalisedTextDoc;
  @ApiProperty({ type: LocalisedTextDoc }) description: LocalisedTextDoc;
  @ApiProperty({ type: LocalisedTextDoc }) documentationUrl: LocalisedTextDoc;
  @ApiProperty({ example: ['release-schema.json'] }) schemas: string[];
  @ApiProperty({ example: ['1.1'] }) compatibility: string[];
}

export class ExtensionSchemaDoc {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    description: 'JSON Schema definitions merged into the OCDS release schema',
  })
  definitions: Record<string, object>;
}
