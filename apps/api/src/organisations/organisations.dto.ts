import { KVK_PATTERN, POSTCODE_OR_PC4_PATTERN } from '@app/common';
import { OrganisationEntity, type OrganisationKind } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

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

export class CreateOfficerDto {
  @ApiProperty({ example: 'inkoop@haarlem.nl' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sanne Bakker' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'a long initial password', minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ['procurement_officer'], example: 'procurement_officer' })
  @IsIn(['procurement_officer'])
  role: 'procurement_officer';
}

export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['buyer', 'contractor', 'social_enterprise'] }) kind: OrganisationKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '34369853' }) kvkNumber: string | null;
  @ApiProperty({ example: '2011 RD' }) postcode: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty() createdAt: string;

  static from(o: OrganisationEntity): OrganisationResponseDto {
    return {
      id: o.id,
      kind: o.kind,
      name: o.name,
      kvkNumber: o.kvkNumber,
      postcode: o.postcode,
      city: o.city,
      createdAt: o.createdAt.toISOString(),
    };
  }
}
