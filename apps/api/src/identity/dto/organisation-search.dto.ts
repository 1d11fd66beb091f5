import { PageQueryDto } from '@app/common';
import { ORGANISATION_KINDS, type OrganisationKind } from '@app/database';
import type { OrganisationHit } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class OrganisationSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, description: 'Only organisations of this kind' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({
    example: 'bouw',
    description: 'Part of the name (case and accents ignored) or the start of the KvK number',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class OrganisationHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty({ example: 'Bouwbedrijf De Vries B.V.' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '34369853' }) kvkNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Haarlem' }) city: string | null;

  static from(h: OrganisationHit): OrganisationHitDto {
    return { id: h.id, kind: h.kind, name: h.name, kvkNumber: h.kvkNumber, city: h.city };
  }
}

export class OrganisationSearchListDto {
  @ApiProperty({ type: [OrganisationHitDto] }) items: OrganisationHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
