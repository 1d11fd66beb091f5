import { MeetingDayRegistrationEntity } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WishedOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Schoon & Sociaal BV' }) name: string;
}

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
  @ApiPropertyOptional({
    type: [WishedOrganisationDto],
    description: 'The wishes by name, in the order of `wishes`',
  })
  wishedOrganisations?: WishedOrganisationDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  /** `names`: organisation names by id, for the wishes. */
  static from(r: MeetingDayRegistrationEntity, names?: Map<string, string>): RegistrationResponseDto {
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
      ...(names ? { wishedOrganisations: r.wishes.map((id) => ({ id, name: names.get(id) ?? '' })) } : {}),
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class RegistrationListDto {
  @ApiProperty({ type: [RegistrationResponseDto] }) items: RegistrationResponseDto[];
}
