import { KVK_PATTERN, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class RegisterOrganisationDto {
  @ApiProperty({ enum: ['contractor', 'social_enterprise'], example: 'social_enterprise' })
  @IsIn(['contractor', 'social_enterprise'])
  kind: 'contractor' | 'social_enterprise';

  @ApiProperty({ example: 'Stichting Schoon Haarlem', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '12345678', description: 'KvK number: exactly 8 digits' })
  @IsString()
  @Matches(KVK_PATTERN, { message: 'kvkNumber must be exactly 8 digits' })
  kvkNumber: string;

  @ApiProperty({ example: '2011 AB', description: 'Dutch postcode (1234 AB) or PC4' })
  @IsString()
  @Matches(POSTCODE_OR_PC4_PATTERN, { message: 'postcode must be a Dutch postcode such as 2011 AB' })
  postcode: string;

  @ApiPropertyOptional({ example: 'Haarlem', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'info@schoonhaarlem.nl' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Anouk de Vries', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: RegisterOrganisationDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RegisterOrganisationDto)
  organisation: RegisterOrganisationDto;
}
