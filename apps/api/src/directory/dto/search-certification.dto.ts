import { CERTIFICATION_STATUSES, CERTIFICATION_TYPES } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

/** A certification as both searches show it on a hit. */
export class SearchCertificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CERTIFICATION_TYPES }) type: string;
  @ApiProperty({ type: String, nullable: true }) level: string | null;
  @ApiProperty({ enum: CERTIFICATION_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
}
