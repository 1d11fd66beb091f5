import { IsoDateConstraint } from '@app/common';
import { CERTIFICATION_TYPES, CertificationType, PSO_LEVELS, PsoLevel } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, Validate } from 'class-validator';

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
