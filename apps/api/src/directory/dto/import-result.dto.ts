import { ApiProperty } from '@nestjs/swagger';

export class RejectedRowDto {
  @ApiProperty({ example: 3, description: 'Line number in the CSV (the header is line 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true, example: '12345678' }) kvkNumber: string | null;
  @ApiProperty({ type: [String], example: ['postcode is not a Dutch postcode'] }) reasons: string[];
}

export class ImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() rows: number;
  @ApiProperty() enterprises: number;
  @ApiProperty() offerings: number;
  @ApiProperty({
    type: [RejectedRowDto],
    description: 'Always empty on success (the import is all or nothing)',
  })
  rejected: RejectedRowDto[];
}
