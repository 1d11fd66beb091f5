import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

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
