import { TARGET_GROUPS, TargetGroup } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** The body of `PUT /social-enterprises/:id/profile`. */
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
