import { Bounded, BOUNDS } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReviewDto {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  decision: 'verified' | 'rejected';

  @ApiPropertyOptional({
    example: 2500000,
    description: 'Defaults to the claimed value; at most the claimed value',
    type: Number,
    nullable: true,
  })
  @IsOptional()
  @Bounded(BOUNDS.contributionValueCents)
  verifiedValueCents?: number | null;

  @ApiPropertyOptional({
    example: 'Loonstroken gecontroleerd',
    type: String,
    nullable: true,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
