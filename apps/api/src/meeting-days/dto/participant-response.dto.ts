import type { Participant } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Schoon & Sociaal BV' }) name: string;
  @ApiProperty({ enum: ['contractor', 'social_enterprise'] }) kind: 'contractor' | 'social_enterprise';

  static from(p: Participant): ParticipantDto {
    return { organisationId: p.organisationId, name: p.name, kind: p.kind };
  }
}

export class ParticipantListDto {
  @ApiProperty({
    type: [ParticipantDto],
    description:
      'By name: every registered organisation for the host; for a contractor or social enterprise the ones of the other kind',
  })
  items: ParticipantDto[];
}
