import { INITIATIVE_STATUSES, PLEDGE_STATUSES, PledgeEntity, SUPPORT_KINDS } from '@app/database';
import type { InitiativeStats, InitiativeView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class PledgeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ type: Number, nullable: true }) needIndex: number | null;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Bouwbedrijf Spaarne' }) organisationName: string;
  @ApiProperty({ enum: SUPPORT_KINDS }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: Number, nullable: true }) amountCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) hours: number | null;
  @ApiProperty({ enum: PLEDGE_STATUSES }) status: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The SROI contribution this pledge counts in, once counted',
  })
  contributionId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(
    p: PledgeEntity,
    organisationName = '',
    contributionId: string | null = null,
  ): PledgeResponseDto {
    return {
      id: p.id,
      initiativeId: p.initiativeId,
      needIndex: p.needIndex,
      organisationId: p.organisationId,
      organisationName,
      kind: p.kind,
      description: p.description,
      amountCents: p.amountCents,
      hours: p.hours,
      status: p.status,
      contributionId,
      createdAt: p.createdAt.toISOString(),
    };
  }
}

export class NeedResponseDto {
  @ApiProperty({ example: 0 }) index: number;
  @ApiProperty({ enum: SUPPORT_KINDS }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: Number, nullable: true }) amountCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) hours: number | null;
  @ApiProperty({ description: 'Pledged so far (every pledge for this need)' }) pledgedCount: number;
  @ApiProperty({ example: 50000 }) pledgedAmountCents: number;
  @ApiProperty({ example: 12 }) pledgedHours: number;
}

export class InitiatorResponseDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class PitchResponseDto {
  @ApiProperty({ example: '2026-11-12' }) date: string;
  @ApiProperty({ type: String, nullable: true }) eventName: string | null;
}

export class InitiativeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) postcode: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeNote: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ description: 'Entered by an officer for a resident' }) forResident: boolean;
  @ApiProperty({
    type: InitiatorResponseDto,
    nullable: true,
    description: "The initiator's contact: only for the initiative's organisation and officers",
  })
  initiator: InitiatorResponseDto | null;
  @ApiProperty({ type: PitchResponseDto, nullable: true }) pitchedAt: PitchResponseDto | null;
  @ApiProperty({ type: [NeedResponseDto] }) needs: NeedResponseDto[];
  @ApiProperty({ type: [PledgeResponseDto] }) pledges: PledgeResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(v: InitiativeView): InitiativeResponseDto {
    const i = v.initiative;
    return {
      id: i.id,
      status: i.status,
      title: i.title,
      summary: i.summary,
      postcode: i.postcode,
      outcomeNote: i.outcomeNote,
      organisationId: i.organisationId,
      organisationName: v.organisationName,
      forResident: i.forResident,
      initiator: v.initiator,
      pitchedAt: i.pitchedAtEvent ? { date: i.pitchedOn, eventName: i.pitchEventName } : null,
      needs: i.needs.map((n, index) => {
        const mine = v.pledges.filter((p) => p.pledge.needIndex === index).map((p) => p.pledge);
        return {
          index,
          ...n,
          pledgedCount: mine.length,
          pledgedAmountCents: mine.reduce((s, p) => s + (p.amountCents ?? 0), 0),
          pledgedHours: mine.reduce((s, p) => s + (p.hours ?? 0), 0),
        };
      }),
      pledges: v.pledges.map((p) =>
        PledgeResponseDto.from(p.pledge, p.organisationName, p.countedContributionId),
      ),
      createdAt: i.createdAt.toISOString(),
    };
  }
}

export class InitiativeListDto {
  @ApiProperty({ type: [InitiativeResponseDto] }) items: InitiativeResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PledgeTotalsDto {
  @ApiProperty({ example: 14 }) count: number;
  @ApiProperty({ example: 350000 }) amountCents: number;
  @ApiProperty({ example: 120 }) hours: number;
}

export class InitiativeStatsDto {
  @ApiProperty({ description: 'Initiatives pitched in the period' }) pitched: number;
  @ApiProperty({ description: 'Of those, in progress now' }) inProgress: number;
  @ApiProperty() realised: number;
  @ApiProperty() changed: number;
  @ApiProperty() stopped: number;
  @ApiProperty({ type: PledgeTotalsDto, description: 'Pledges made to them' }) pledges: PledgeTotalsDto;
  @ApiProperty({ description: 'Verified SROI credit of contributions from their pledges' })
  sroiCreditCents: number;

  static from(s: InitiativeStats): InitiativeStatsDto {
    return s;
  }
}
