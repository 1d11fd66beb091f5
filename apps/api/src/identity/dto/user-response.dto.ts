import { UserEntity, USER_ROLES, type UserRole } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

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
