import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchCertificationDto } from './search-certification.dto';

class OfferingHitEnterpriseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: [SearchCertificationDto] }) certifications: SearchCertificationDto[];
}

export class OfferingHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: ['90910000-9'] }) cpvCodes: string[];
  @ApiProperty({ type: OfferingHitEnterpriseDto }) socialEnterprise: OfferingHitEnterpriseDto;
  @ApiPropertyOptional({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty() score: number;
}

export class OfferingSearchResultDto {
  @ApiProperty({ type: [OfferingHitDto] }) items: OfferingHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
