import { Bounded, BOUNDS, PageQueryDto, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import { CERTIFICATION_TYPES, CertificationType, TARGET_GROUPS, TargetGroup } from '@app/database';
import { SEARCH_SORTS, type SearchSort } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The filters of both searches: `GET /offerings` and `GET /social-enterprises`. */
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

  @ApiPropertyOptional({ example: 25 })
  @IsOptional()
  @Type(() => Number)
  @Bounded(BOUNDS.searchRadiusKm)
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
