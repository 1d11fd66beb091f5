import { CHALLENGE_KINDS, CHALLENGE_STATUSES, PROPOSAL_DECISIONS } from '@app/database';
import type { ChallengeView, ProposalView } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class ChallengeAreaResponseDto {
  @ApiProperty({ type: String, nullable: true, example: '2031 AA' }) postcode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Schalkwijk' }) name: string | null;
}

export class ProposalCountsDto {
  @ApiProperty({ example: 20 }) total: number;
  @ApiProperty({ example: 3, description: 'Shortlisted (winners included)' }) shortlisted: number;
  @ApiProperty({ example: 1 }) winners: number;
}

export class ChallengeWinnerDto {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Groene Handen' }) organisationName: string;
  @ApiProperty() summary: string;
}

export class ChallengeTenderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class ChallengeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: CHALLENGE_STATUSES,
    description: 'An open challenge whose deadline passed is judging',
  })
  status: string;
  @ApiProperty({ enum: CHALLENGE_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() theme: string;
  @ApiProperty({ example: '2027-03-31', description: 'As given: a date or a timestamp' }) deadline: string;
  @ApiProperty({ format: 'date-time', description: 'When proposals close' }) closesAt: string;
  @ApiProperty({ type: ChallengeAreaResponseDto, nullable: true }) area: ChallengeAreaResponseDto | null;
  @ApiProperty({ type: [String], example: ['77313000-7'] }) cpvCodes: string[];
  @ApiProperty({ type: [String], example: ['participatiewet'] }) targetGroups: string[];
  @ApiProperty({ type: Number, nullable: true }) budgetCents: number | null;
  @ApiProperty({ type: String, nullable: true }) rewardDescription: string | null;
  @ApiProperty({ format: 'uuid' }) buyerOrganisationId: string;
  @ApiProperty({ example: 'Gemeente Haarlem' }) buyerName: string;
  @ApiProperty({ example: 20 }) proposalCount: number;
  @ApiProperty({ type: ProposalCountsDto }) proposalCounts: ProposalCountsDto;
  @ApiProperty({ type: [ChallengeWinnerDto], description: 'Empty until the challenge is decided' })
  winners: ChallengeWinnerDto[];
  @ApiProperty({
    type: [ChallengeTenderDto],
    description: 'Published tenders that follow from this challenge',
  })
  tenders: ChallengeTenderDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(v: ChallengeView): ChallengeResponseDto {
    const c = v.challenge;
    return {
      id: c.id,
      status: v.status,
      kind: c.kind,
      title: c.title,
      description: c.description,
      theme: c.theme,
      deadline: c.deadline,
      closesAt: c.closesAt.toISOString(),
      area: c.areaPostcode || c.areaName ? { postcode: c.areaPostcode, name: c.areaName } : null,
      cpvCodes: v.cpvCodes,
      targetGroups: c.targetGroups,
      budgetCents: c.budgetCents,
      rewardDescription: c.rewardDescription,
      buyerOrganisationId: c.buyerOrganisationId,
      buyerName: v.buyerName,
      proposalCount: v.counts.total,
      proposalCounts: v.counts,
      winners: v.winners,
      tenders: v.tenders,
      publishedAt: c.publishedAt?.toISOString() ?? null,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    };
  }
}

export class ChallengeListDto {
  @ApiProperty({ type: [ChallengeResponseDto] }) items: ChallengeResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Groene Handen' }) organisationName: string;
  @ApiProperty({
    enum: ['submitted', ...PROPOSAL_DECISIONS],
    description: 'submitted until decided, then the decision',
  })
  status: string;
  @ApiProperty() summary: string;
  @ApiProperty() approach: string;
  @ApiProperty({ type: Number, nullable: true }) requestedBudgetCents: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) partnerOrganisationIds: string[];
  @ApiProperty({ type: [PartnerDto] }) partners: PartnerDto[];
  @ApiProperty({ enum: PROPOSAL_DECISIONS, nullable: true }) decision: string | null;
  @ApiProperty({ type: String, nullable: true }) feedback: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(v: ProposalView): ProposalResponseDto {
    const p = v.proposal;
    return {
      id: p.id,
      challengeId: p.challengeId,
      organisationId: p.organisationId,
      organisationName: v.organisationName,
      status: p.decision ?? 'submitted',
      summary: p.summary,
      approach: p.approach,
      requestedBudgetCents: p.requestedBudgetCents,
      partnerOrganisationIds: p.partnerOrganisationIds,
      partners: v.partners,
      decision: p.decision,
      feedback: p.feedback,
      decidedAt: p.decidedAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

export class ProposalListDto {
  @ApiProperty({ type: [ProposalResponseDto] }) items: ProposalResponseDto[];
}
