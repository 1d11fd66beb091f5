import { SocialEnterpriseProfileEntity, TARGET_GROUPS } from '@app/database';
import type { PublicProfile } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { CertificationDto } from './certification-response.dto';
import type { CpvDisplay } from './cpv-display';
import { OfferingDto } from './offering-response.dto';

export class ProfileResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) kvkNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty() postcode: string;
  @ApiProperty() mission: string;
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true }) targetGroups: string[];
  @ApiProperty() fteTotal: number;
  @ApiProperty() fteTargetGroup: number;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: Number, nullable: true }) serviceRadiusKm: number | null;
  @ApiProperty() published: boolean;
  @ApiProperty({ type: [CertificationDto] }) certifications: CertificationDto[];
  @ApiProperty({ type: [OfferingDto] }) offerings: OfferingDto[];

  static async from(p: PublicProfile, cpv: CpvDisplay, today: string): Promise<ProfileResponseDto> {
    const profile: Partial<SocialEnterpriseProfileEntity> = p.profile ?? {};
    return {
      id: p.organisation.id,
      name: p.organisation.name,
      kvkNumber: p.organisation.kvkNumber,
      city: p.organisation.city,
      postcode: p.organisation.postcode,
      mission: profile.mission ?? '',
      targetGroups: profile.targetGroups ?? [],
      fteTotal: profile.fteTotal ?? 0,
      fteTargetGroup: profile.fteTargetGroup ?? 0,
      website: profile.website ?? null,
      serviceRadiusKm: profile.serviceRadiusKm ?? null,
      published: profile.published ?? true,
      certifications: p.certifications.map((c) => CertificationDto.from(c, today)),
      offerings: await Promise.all(p.offerings.map((o) => OfferingDto.from(o, cpv))),
    };
  }
}
