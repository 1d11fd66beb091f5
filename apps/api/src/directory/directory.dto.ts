import { IsoDateConstraint, PageQueryDto, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import {
  CERTIFICATION_STATUSES,
  CERTIFICATION_TYPES,
  CertificationEntity,
  CertificationType,
  CpvCodeEntity,
  OfferingEntity,
  PSO_LEVELS,
  PsoLevel,
  SocialEnterpriseProfileEntity,
  TARGET_GROUPS,
  TargetGroup,
} from '@app/database';
import {
  certificationValidOn,
  type EnterpriseHit,
  type OfferingHit,
  type PublicProfile,
  SEARCH_SORTS,
  type SearchSort,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';

// Shared by every feature's DTOs; kept importable from here for the existing ones.
export { IsoDateConstraint };

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export class CpvQueryDto {
  @ApiProperty({ example: 'schoonmaak', description: 'Code prefix (digits) or words in Dutch or English' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    default: 20,
    description: 'Larger values are capped at 100',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;
}

export class CpvItemDto {
  @ApiProperty({ example: '90910000-9' }) code: string;
  @ApiProperty({ example: 'Cleaning services' }) labelEn: string;
  @ApiProperty({ example: 'Reinigingsdiensten' }) labelNl: string;
  @ApiProperty({ example: 'class', enum: ['division', 'group', 'class', 'category', 'subcategory'] })
  level: string;
  @ApiProperty({ type: String, nullable: true, example: '90900000-6' }) parent: string | null;

  static from(c: CpvCodeEntity, parentDisplay: string | null): CpvItemDto {
    return {
      code: `${c.code}-${c.checkDigit}`,
      labelEn: c.labelEn,
      labelNl: c.labelNl,
      level: c.level,
      parent: parentDisplay,
    };
  }
}

export class CpvListDto {
  @ApiProperty({ type: [CpvItemDto] }) items: CpvItemDto[];
}

export class ProfileDto {
  @ApiProperty({ example: 'Wij bieden werk aan mensen met afstand tot de arbeidsmarkt.', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  mission: string;

  @ApiProperty({ enum: TARGET_GROUPS, isArray: true, example: ['participatiewet', 'banenafspraak'] })
  @IsArray()
  @ArrayMaxSize(TARGET_GROUPS.length)
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups: TargetGroup[];

  @ApiProperty({ example: 24.5, minimum: 0 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  fteTotal: number;

  @ApiProperty({ example: 12, minimum: 0 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  fteTargetGroup: number;

  @ApiPropertyOptional({ example: 'https://schoonhaarlem.nl', type: String, nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ example: 25, minimum: 0, maximum: 500, type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  serviceRadiusKm?: number | null;

  @ApiPropertyOptional({
    default: true,
    description: 'Unpublished profiles are hidden from search and public reads',
  })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}

export class CreateCertificationDto {
  @ApiProperty({ enum: CERTIFICATION_TYPES, example: 'pso' })
  @IsIn(CERTIFICATION_TYPES)
  type: CertificationType;

  @ApiPropertyOptional({
    enum: PSO_LEVELS,
    example: 'trede_2',
    description: 'Required for type pso, else absent',
  })
  @IsOptional()
  @IsIn(PSO_LEVELS)
  level?: PsoLevel | null;

  @ApiPropertyOptional({ example: 'PSO-2024-00123', type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  certificateNumber?: string | null;

  @ApiProperty({ example: '2024-01-01' })
  @Validate(IsoDateConstraint)
  validFrom: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Inclusive; absent means open-ended',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @Validate(IsoDateConstraint)
  validUntil?: string | null;
}

export class VerifyCertificationDto {
  @ApiProperty({ enum: ['verified', 'rejected'], example: 'verified' })
  @IsIn(['verified', 'rejected'])
  decision: 'verified' | 'rejected';

  @ApiPropertyOptional({
    example: 'Checked against the PSO register',
    type: String,
    nullable: true,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

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
}

export class CreateOfferingDto {
  @ApiProperty({ example: 'Schoonmaak van kantoren', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    example: 'Dagelijkse schoonmaak door een vast team met een leerwerkplek.',
    maxLength: 5000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: ['90910000-9'], description: '1-20 codes: 90910000, 90910000-9 or CPV 90910000-9' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  cpvCodes: string[];

  @ApiPropertyOptional({
    example: 3500,
    description: 'Cents excl. VAT per unit',
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  priceIndicationCents?: number | null;

  @ApiPropertyOptional({ example: 'hour', maxLength: 40, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;

  @ApiPropertyOptional({ example: 0.6, minimum: 0, maximum: 1, type: Number, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0)
  @Max(1)
  labourShare?: number | null;

  @ApiPropertyOptional({ example: '2031 AA', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'deliveryPostcode must be a Dutch postcode such as 2011 AB' })
  deliveryPostcode?: string | null;

  @ApiPropertyOptional({ example: 25, minimum: 0, maximum: 500, type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  deliveryRadiusKm?: number | null;

  @ApiPropertyOptional({ example: 2000000, type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  capacityCentsPerMonth?: number | null;
}

export class UpdateOfferingDto extends PartialType(CreateOfferingDto) {}

export class OfferingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) socialEnterpriseId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: ['90910000-9'] }) cpvCodes: string[];
  @ApiProperty({ type: Number, nullable: true }) priceIndicationCents: number | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true }) labourShare: number | null;
  @ApiProperty({ type: String, nullable: true }) deliveryPostcode: string | null;
  @ApiProperty({ type: Number, nullable: true }) deliveryRadiusKm: number | null;
  @ApiProperty({ type: Number, nullable: true }) capacityCentsPerMonth: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(o: OfferingEntity, displayCodes: string[]): OfferingDto {
    return {
      id: o.id,
      socialEnterpriseId: o.organisationId,
      title: o.title,
      description: o.description,
      cpvCodes: displayCodes,
      priceIndicationCents: o.priceIndicationCents,
      unit: o.unit,
      labourShare: o.labourShare,
      deliveryPostcode: o.deliveryPostcode,
      deliveryRadiusKm: o.deliveryRadiusKm,
      capacityCentsPerMonth: o.capacityCentsPerMonth,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }
}

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

  static from(p: PublicProfile, offerings: OfferingDto[], today: string): ProfileResponseDto {
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
      offerings,
    };
  }
}

export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'schoonmaak',
    description: 'Words in Dutch or English; accents and small typos in names tolerated',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '45000000', description: 'CPV code: matches it and everything below it' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cpv?: string;

  @ApiPropertyOptional({ example: '2011 AB', description: 'PC4 or full postcode to measure distance from' })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'postcode must be a Dutch postcode such as 2011 AB or 2011' })
  postcode?: string;

  @ApiPropertyOptional({ example: 25, minimum: 0, maximum: 300 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(300)
  radiusKm?: number;

  @ApiPropertyOptional({
    enum: CERTIFICATION_TYPES,
    description: 'Only enterprises holding one, valid today and not rejected',
  })
  @IsOptional()
  @IsIn(CERTIFICATION_TYPES)
  certification?: CertificationType;

  @ApiPropertyOptional({ enum: TARGET_GROUPS })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    description:
      'relevance: best match first (ties nearest first with a postcode); distance: nearest first (needs a postcode); ' +
      'recent: most recently updated first. Default: relevance with words, else distance with a postcode, else recent.',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;
}

class SearchCertificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CERTIFICATION_TYPES }) type: string;
  @ApiProperty({ type: String, nullable: true }) level: string | null;
  @ApiProperty({ enum: CERTIFICATION_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
}

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

  static from(h: OfferingHit): OfferingHitDto {
    return h;
  }
}

export class OfferingSearchResultDto {
  @ApiProperty({ type: [OfferingHitDto] }) items: OfferingHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

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

  static from(h: EnterpriseHit): EnterpriseHitDto {
    return h;
  }
}

export class EnterpriseSearchResultDto {
  @ApiProperty({ type: [EnterpriseHitDto] }) items: EnterpriseHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ImportCsvDto {
  @ApiProperty({
    description:
      'CSV text with a header row. Columns: kvk_number, name, postcode (required), city, mission, target_groups (;-separated), fte_total, fte_target_group, website, offering_title, offering_description, cpv_codes (;-separated), price_indication_cents, unit, labour_share, delivery_postcode, delivery_radius_km. One row per offering; rows with the same kvk_number form one enterprise.',
    example:
      'kvk_number,name,postcode,offering_title,cpv_codes\n12345678,Schoon BV,2011 AB,Schoonmaak,90910000-9',
  })
  @IsString()
  @IsNotEmpty()
  csv: string;

  @ApiPropertyOptional({ default: false, description: 'Validate only; write nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

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
