import {
  MATCH_FACTORS,
  MATCH_FAILURE_CODES,
  type MatchesPage,
  type MatchFailureView,
  type MatchView,
} from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

/** The `countsFrom` member of matches, opportunities and quotes. */
export const COUNTS_FROM = {
  type: String,
  format: 'date',
  nullable: true,
  example: '2027-03-01',
  description:
    'The contract start when it lies after today: the credit is valued for an invoice dated then (a purchase ' +
    'counts from that day); null once the contract has started',
} as const;

export class MatchReasonDto {
  @ApiProperty({ enum: MATCH_FACTORS, example: 'cpv' }) factor: string;
  @ApiProperty({ description: 'Weight of the factor; the weights sum to 1', example: 0.3 }) weight: number;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.75 }) value: number;
  @ApiProperty({ example: 'CPV 90910000 is in the same CPV class as the tender item 90911200' })
  detail: string;
  @ApiProperty({ example: 'CPV 90910000 valt in dezelfde CPV-klasse als het onderdeel 90911200' })
  detailNl: string;
}

export class MatchDto {
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty({ example: 'Schoonmaak van kantoren' }) offeringTitle: string;
  @ApiProperty({ format: 'uuid', description: "The social enterprise's organisation id" })
  socialEnterpriseId: string;
  @ApiProperty({ example: 'Schoon & Sociaal BV' }) socialEnterpriseName: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.82 }) score: number;
  @ApiProperty({
    description:
      "A purchase from this enterprise, invoiced today (or on the contract start when later), would count under the obligation's frozen policy",
  })
  counts: boolean;
  @ApiProperty({
    example: 3000000,
    description:
      'Credit valued by the SROI engine under the frozen policy for an invoice dated the later of today and the ' +
      'contract start (as quotes and invoices are valued), at most what remains of the obligation',
  })
  projectedCreditCents: number;
  @ApiProperty(COUNTS_FROM) countsFrom: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 3000000 }) spendToFillCents: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 4.2 }) distanceKm: number | null;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];

  static from(m: MatchView): MatchDto {
    return { ...m, reasons: m.reasons.map((r) => ({ ...r })) };
  }
}

export class MatchFailureDto {
  @ApiProperty({
    enum: MATCH_FAILURE_CODES,
    example: 'amount_out_of_range',
    description:
      'amount_out_of_range: an amount of the subject or its policy is past what can be valued; unusable_data: ' +
      'its contract dates or policy cannot be used; unreadable_data: its stored data cannot be read; job_failed: ' +
      'the calculation failed on every attempt',
  })
  code: string;
  @ApiProperty({ example: 'An amount of this obligation or its policy is too large to value.' })
  reason: string;
  @ApiProperty({
    example: 'Een bedrag van deze verplichting of het beleid ervan is te groot om te waarderen.',
  })
  reasonNl: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Since when the set cannot be computed' })
  since: string;

  static from(f: MatchFailureView): MatchFailureDto {
    return { code: f.code, reason: f.reason, reasonNl: f.reasonNl, since: new Date(f.since).toISOString() };
  }
}

/** Shared by obligation and tender matches; the id field differs. */
abstract class MatchesPageBaseDto {
  @ApiProperty({ description: 'Revision of the stored set (0 before the first one is computed)', example: 3 })
  revision: number;
  @ApiProperty({ description: 'True while a re-score that will replace this set is queued or running' })
  pending: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) computedAt: string | null;
  @ApiProperty({
    type: MatchFailureDto,
    nullable: true,
    description:
      'Set when the newest set cannot be computed (then `pending` is false until something changes): why, in ' +
      'words, and since when; `items` are the last set computed, if any. Cleared by the next set computed (after ' +
      'a change, a refresh, or the nightly re-score).',
  })
  failed: MatchFailureDto | null;
  @ApiProperty({ type: [MatchDto], description: 'Best first: counting before not counting, then score' })
  items: MatchDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ObligationMatchesDto extends MatchesPageBaseDto {
  @ApiProperty({ format: 'uuid' }) obligationId: string;

  static from(p: MatchesPage): ObligationMatchesDto {
    return { obligationId: p.subjectId, ...page(p) };
  }
}

export class TenderMatchesDto extends MatchesPageBaseDto {
  @ApiProperty({ format: 'uuid' }) tenderId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: the obligation is the one the tender would create once awarded',
  })
  obligationId: null;

  static from(p: MatchesPage): TenderMatchesDto {
    return { tenderId: p.subjectId, obligationId: null, ...page(p) };
  }
}

function page(p: MatchesPage): Omit<MatchesPageBaseDto, never> {
  return {
    revision: p.revision,
    pending: p.pending,
    computedAt: p.computedAt ? new Date(p.computedAt).toISOString() : null,
    failed: p.failed ? MatchFailureDto.from(p.failed) : null,
    items: p.items.map(MatchDto.from),
    nextCursor: p.nextCursor,
  };
}
