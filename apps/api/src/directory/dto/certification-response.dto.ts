import {
  CERTIFICATION_STATUSES,
  CERTIFICATION_TYPES,
  CertificationEntity,
  CertificationType,
  PSO_LEVELS,
  PsoLevel,
} from '@app/database';
import { certificationValidOn } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class CertificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: CERTIFICATION_TYPES }) type: CertificationType;
  @ApiProperty({ enum: PSO_LEVELS, nullable: true }) level: PsoLevel | null;
  @ApiProperty({ type: String, nullable: true }) certificateNumber: string | null;
  @ApiProperty({ example: '2024-01-01' }) validFrom: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-31' }) validUntil: string | null;
  @ApiProperty({ enum: CERTIFICATION_STATUSES }) status: string;
  @ApiProperty({ description: 'Valid today and not rejected' }) validToday: boolean;
  @ApiProperty({ type: String, nullable: true }) reviewNote: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt: string | null;

  static from(c: CertificationEntity, today: string): CertificationDto {
    return {
      id: c.id,
      organisationId: c.organisationId,
      type: c.type,
      level: c.level,
      certificateNumber: c.certificateNumber,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      status: c.status,
      validToday: certificationValidOn(c, today),
      reviewNote: c.reviewNote,
      reviewedAt: c.reviewedAt?.toISOString() ?? null,
    };
  }
}

export class CertificationListDto {
  @ApiProperty({ type: [CertificationDto] }) items: CertificationDto[];

  static from(certifications: CertificationEntity[], today: string): CertificationListDto {
    return { items: certifications.map((c) => CertificationDto.from(c, today)) };
  }
}
