import { TARGET_GROUPS } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchCertificationDto } from './search-certification.dto';

export class EnterpriseHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) kvkNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty() postcode: string;
  @ApiProperty({ type: String, nullable: true }) mission: string | null;
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true }) targetGroups: string[];
  @ApiProperty({ type: [SearchCertificationDto] }) certifications: SearchCertificationDto[];
  @ApiPropertyOptional({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty() score: number;
}

export class EnterpriseSearchResultDto {
  @ApiProperty({ type: [EnterpriseHitDto] }) items: EnterpriseHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
