import { KVK_PATTERN, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import {
  OrganisationEntity,
  UserEntity,
  USER_ROLES,
  type OrganisationKind,
  type UserRole,
} from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsObject,
  IsIn,
  IsNotEmpty,
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

export class LoginDto {
  @ApiProperty({ example: 'officer@haarlem.demo' })
  @IsEmail({ require_tld: false }, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-password-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ example: '3f1c...e9.Zk9v...' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;

  static from(u: UserEntity): UserResponseDto {
    return { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId };
  }
}

export class SessionResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Single use: a refresh returns a new one and the old one stops working' })
  refreshToken: string;
  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;
}

export class OrganisationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['buyer', 'contractor', 'social_enterprise'] }) kind: OrganisationKind;
  @ApiProperty() name: string;

  static from(o: OrganisationEntity): OrganisationSummaryDto {
    return { id: o.id, kind: o.kind, name: o.name };
  }
}

export class MeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ type: OrganisationSummaryDto, nullable: true }) organisation: OrganisationSummaryDto | null;

  static from(u: UserEntity): MeResponseDto {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      organisation: u.organisation ? OrganisationSummaryDto.from(u.organisation) : null,
    };
  }
}
