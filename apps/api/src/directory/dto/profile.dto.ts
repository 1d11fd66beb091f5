import { Bounded, BOUNDS, Sized } from '@app/common';
import { TARGET_GROUPS, TargetGroup } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

/** The body of `PUT /social-enterprises/:id/profile`. */
export class ProfileDto {
  @ApiProperty({ example: 'Wij bieden werk aan mensen met afstand tot de arbeidsmarkt.', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  mission: string;

  @ApiProperty({ enum: TARGET_GROUPS, isArray: true, example: ['participatiewet', 'banenafspraak'] })
  @IsArray()
  @Sized({ min: 0, max: TARGET_GROUPS.length })
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups: TargetGroup[];

  @ApiProperty({ example: 24.5 })
  @Bounded(BOUNDS.fte, { decimals: 2 })
  fteTotal: number;

  @ApiProperty({ example: 12 })
  @Bounded(BOUNDS.fte, { decimals: 2 })
  fteTargetGroup: number;

  @ApiPropertyOptional({ example: 'https://schoonhaarlem.nl', type: String, nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ example: 25, type: Number, nullable: true })
  @IsOptional()
  @Bounded(BOUNDS.radiusKm)
  serviceRadiusKm?: number | null;

  @ApiPropertyOptional({
    default: true,
    description: 'Unpublished profiles are hidden from search and public reads',
  })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}
