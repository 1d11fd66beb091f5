import { PageQueryDto } from '@app/common';
import { CHALLENGE_STATUSES, type ChallengeStatus } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ChallengeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHALLENGE_STATUSES })
  @IsOptional()
  @IsIn(CHALLENGE_STATUSES)
  status?: ChallengeStatus;

  @ApiPropertyOptional({ description: 'Words in the title, description or theme', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'werk', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  theme?: string;

  @ApiPropertyOptional({
    description: 'Area name or postcode (prefix)',
    example: 'Schalkwijk',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  area?: string;
}
