import type { SessionResult } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { UserResponseDto } from './user-response.dto';

export class SessionResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Single use: a refresh returns a new one and the old one stops working' })
  refreshToken: string;
  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;

  static from(s: SessionResult): SessionResponseDto {
    return {
      accessToken: s.accessToken,
      refreshToken: s.refreshToken,
      expiresIn: s.expiresIn,
      user: UserResponseDto.from(s.user),
    };
  }
}
