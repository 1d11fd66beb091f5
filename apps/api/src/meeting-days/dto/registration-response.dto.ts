import { MeetingDayRegistrationEntity } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RegistrationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiPropertyOptional() organisationName?: string;
  @ApiProperty({ enum: ['contractor', 'social_enterprise'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: '10:00' }) availableFrom: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12:00' }) availableUntil: string | null;
  @ApiProperty({ example: 4 }) maxMeetings: number;
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) wishes: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(r: MeetingDayRegistrationEntity): RegistrationResponseDto {
    return {
      id: r.id,
      eventId: r.eventId,
      organisationId: r.organisationId,
      ...(r.organisation ? { organisationName: r.organisation.name } : {}),
      kind: r.kind,
      availableFrom: r.availableFrom,
      availableUntil: r.availableUntil,
      maxMeetings: r.maxMeetings,
      wishes: r.wishes,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class RegistrationListDto {
  @ApiProperty({ type: [RegistrationResponseDto] }) items: RegistrationResponseDto[];
}
