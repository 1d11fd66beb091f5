import type { OpportunityView } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EformsCodeDto, RESERVED_PROPERTY } from '../../tenders/dto/eforms-fields.dto';
import { COUNTS_FROM, MatchReasonDto } from './match-response.dto';

export class OpportunityDto {
  @ApiProperty({ enum: ['obligation', 'tender', 'challenge'] }) kind: 'obligation' | 'tender' | 'challenge';
  @ApiPropertyOptional({ format: 'uuid', description: 'Set when kind is obligation' }) obligationId?: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a challenge' })
  tenderId: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Set when kind is challenge' }) challengeId?: string;
  @ApiProperty({
    example: 'Schoonmaak gemeentelijke panden',
    description: 'The tender’s or challenge’s title',
  })
  title: string;
  @ApiProperty({ example: 'Schoonmaak gemeentelijke panden' }) tenderTitle: string;
  @ApiProperty({ example: 'Gemeente Haarlem' }) buyerName: string;
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty({ example: 'Schoonmaak van kantoren' }) offeringTitle: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.82 }) score: number;
  @ApiProperty() counts: boolean;
  @ApiProperty({ example: 3000000 }) projectedCreditCents: number;
  @ApiProperty(COUNTS_FROM) countsFrom: string | null;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
  @ApiProperty({
    ...RESERVED_PROPERTY,
    description:
      `${RESERVED_PROPERTY.description}. For an enterprise that qualifies (a verified sw_company or pso_30plus ` +
      'certificate, or at least 30 % of its staff in a target group) a reserved tender ranks above an unreserved one of equal score',
  })
  reserved: 'sheltered_workshops' | 'public_service_mission' | null;
  @ApiProperty({
    type: [EformsCodeDto],
    description: 'eForms social objectives of the tender, with their labels',
  })
  socialObjectives: EformsCodeDto[];

  static from(o: OpportunityView): OpportunityDto {
    const { obligationId, challengeId, ...rest } = o;
    return { ...rest, ...(obligationId ? { obligationId } : {}), ...(challengeId ? { challengeId } : {}) };
  }
}

export class OpportunityListDto {
  @ApiProperty({ type: [OpportunityDto] }) items: OpportunityDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
