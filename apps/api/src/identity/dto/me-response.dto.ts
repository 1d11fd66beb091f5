import {
  OrganisationEntity,
  UserEntity,
  USER_ROLES,
  type OrganisationKind,
  type UserRole,
} from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

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
