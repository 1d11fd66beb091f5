import { KVK_PATTERN, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateOrganisationDto {
  @ApiProperty({ enum: ['buyer'], example: 'buyer', description: 'Admins create buyer organisations' })
  @IsIn(['buyer'])
  kind: 'buyer';

  @ApiProperty({ example: 'Gemeente Haarlem', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '34369853', description: 'KvK number: exactly 8 digits' })
  @IsOptional()
  @IsString()
  @Matches(KVK_PATTERN, { message: 'kvkNumber must be exactly 8 digits' })
  kvkNumber?: string;

  @ApiProperty({ example: '2011 RD' })
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'postcode must be a Dutch postcode such as 2011 AB' })
  postcode: string;

  @ApiPropertyOptional({ example: 'Haarlem', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;
}
