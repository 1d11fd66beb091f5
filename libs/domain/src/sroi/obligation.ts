import { validThroughout, meetsPsoLevel } from './certifications';
import { isValidIsoDate, SroiInputError } from './dates';
import { assertPeriod, type DatePeriod } from './months';
import type {
  BreakdownLine,
  CertificationFact,
  IsoDate,
  ProcurementCategory,
  PsoLevel,
  SroiPolicyBody,
} from './policy.types';
import { centsOf, formatCents, Rational, safeCents } from './rational';
import type { AppliedPsoDiscount } from '@app/common/sroi-json';

export interface ObligationInput {
  category: ProcurementCategory;
  contractValueCents: number;
  /** The tender's own percentage; wins over the policy's default and low-labour percentage. */
  percentageOverride?: number | null;
  /** Share 0..1 of labour in the contract value. */
  labourShare?: number | null;
  contractStart: IsoDate;
  contractEnd: IsoDate;
  contractorCertifications: CertificationFact[];
}

export const OBLIGATION_REASONS = [
  'NOT_APPLICABLE_CATEGORY',
  'BELOW_THRESHOLD',
  'GOODS_LABOUR_SHARE_TOO_LOW',
  'GOODS_LABOUR_SHARE_MISSING',
] as const;
export type ObligationReason = (typeof OBLIGATION_REASONS)[number];

export type { AppliedPsoDiscount };

export interface ObligationResult {
  applicable: boolean;
  /** What the contractor owes, after min/cap and PSO discount; 0 when not applicable. */
  amountCents: number;
  /** The percentage used; 0 when not applicable. */
  percentage: number;
  reason?: ObligationReason;
  /** After min/cap, before the PSO discount. */
  grossAmountCents: number;
  psoDiscount: AppliedPsoDiscount | null;
  breakdown: BreakdownLine[];
}

const REASON_LABELS: Record<ObligationReason, [string, string]> = {
  NOT_APPLICABLE_CATEGORY: [
    'Niet van toepassing: het beleid geldt niet voor deze categorie opdrachten',
    'Not applicable: the policy does not cover this procurement category',
  ],
  BELOW_THRESHOLD: [
    'Niet van toepassing: de opdrachtwaarde ligt onder de drempel',
    'Not applicable: the contract value is below the threshold',
  ],
  GOODS_LABOUR_SHARE_TOO_LOW: [
    'Niet van toepassing: het arbeidsaandeel van deze levering is te laag',
    'Not applicable: the labour share of these goods is too low',
  ],
  GOODS_LABOUR_SHARE_MISSING: [
    'Niet van toepassing: het arbeidsaandeel van deze levering is onbekend',
    'Not applicable: the labour share of these goods is unknown',
  ],
};

/**
 * The SROI obligation at award (domain.md "Setting the obligation"). Two figures are results in their own
 * right and each rounded half-up once: the gross amount (base × percentage, then clamped to min/cap) and the
 * amount after the PSO discount; the breakdown lines therefore add up to the cent.
 */
export function computeObligation(policy: SroiPolicyBody, input: ObligationInput): ObligationResult {
  checkInput(input);
  checkPolicy(policy);
  const base = input.contractValueCents;
  const breakdown: BreakdownLine[] = [
    {
      code: 'BASE',
      labelNl: 'Grondslag: opdrachtwaarde excl. btw',
      labelEn: 'Base: contract value excl. VAT',
      valueCents: base,
    },
  ];

  const reason = notApplicableReason(policy, input);
  if (reason) {
    const [labelNl, labelEn] = REASON_LABELS[reason];
    breakdown.push({
      code: reason,
      labelNl,
      labelEn,
      detail: applicabilityDetail(policy, input, reason),
      params: {
        category: input.category,
        contractValueCents: input.contractValueCents,
        thresholdCents: policy.thresholdCents ?? null,
        labourShare: input.labourShare ?? null,
        minLabourShare: policy.goodsMinLabourShare ?? null,
      },
    });
    breakdown.push(totalLine(0));
    return {
      applicable: false,
      amountCents: 0,
      percentage: 0,
      reason,
      grossAmountCents: 0,
      psoDiscount: null,
      breakdown,
    };
  }

  const { percentage, line } = choosePercentage(policy, input);
  breakdown.push(line);

  let gross = Rational.of(base).mul(Rational.fromNumber(percentage)).div(100).roundHalfUp();
  breakdown.push({
    code: 'AMOUNT',
    labelNl: 'Bedrag: grondslag × percentage',
    labelEn: 'Amount: base × percentage',
    valueCents: safeCents(gross),
    detail: `${formatCents(base)} × ${percentage} % = ${formatCents(gross)}`,
    params: { baseCents: base, percentage, amountCents: safeCents(gross) },
  });
  if (policy.minCents != null && gross < BigInt(policy.minCents)) {
    gross = BigInt(policy.minCents);
    breakdown.push({
      code: 'MIN_APPLIED',
      labelNl: 'Verhoogd tot het minimumbedrag van het beleid',
      labelEn: "Raised to the policy's minimum amount",
      valueCents: policy.minCents,
    });
  }
  if (policy.capCents != null && gross > BigInt(policy.capCents)) {
    gross = BigInt(policy.capCents);
    breakdown.push({
      code: 'CAP_APPLIED',
      labelNl: 'Begrensd tot het maximumbedrag van het beleid',
      labelEn: "Limited to the policy's maximum amount",
      valueCents: policy.capCents,
    });
  }

  const discount = bestPsoDiscount(policy, input);
  let amount = gross;
  let psoDiscount: AppliedPsoDiscount | null = null;
  if (discount) {
    amount = Rational.of(gross)
      .mul(Rational.of(100).sub(Rational.fromNumber(discount.percentage)))
      .div(100)
      .roundHalfUp();
    psoDiscount = {
      level: discount.level,
      percentage: discount.percentage,
      discountCents: safeCents(gross - amount),
    };
    breakdown.push({
      code: 'PSO_DISCOUNT',
      labelNl: `Korting voor PSO-certificaat (${discount.level}), geldig gedurende de hele contractperiode`,
      labelEn: `Discount for a PSO certificate (${discount.level}) valid for the whole contract period`,
      valueCents: -psoDiscount.discountCents,
      detail: `${formatCents(gross)} × ${discount.percentage} %`,
      params: { level: discount.level, grossCents: safeCents(gross), percentage: discount.percentage },
    });
  }
  breakdown.push(totalLine(safeCents(amount)));
  return {
    applicable: true,
    amountCents: safeCents(amount),
    percentage,
    grossAmountCents: safeCents(gross),
    psoDiscount,
    breakdown,
  };
}

function checkInput(input: ObligationInput): void {
  if (!Number.isSafeInteger(input.contractValueCents) || input.contractValueCents < 0) {
    throw new SroiInputError('contractValueCents must be a non-negative integer');
  }
  if (input.percentageOverride != null && !isNumberIn(input.percentageOverride, 0, 100)) {
    throw new SroiInputError('percentageOverride must be a number from 0 to 100');
  }
  if (input.labourShare != null && !isNumberIn(input.labourShare, 0, 1)) {
    throw new SroiInputError('labourShare must be a number from 0 to 1');
  }
  for (const date of [input.contractStart, input.contractEnd]) {
    if (!isValidIsoDate(date)) throw new SroiInputError(`Invalid contract date '${String(date)}'`);
  }
  assertPeriod({ start: input.contractStart, end: input.contractEnd }, 'contract period');
}

/**
 * The policy's own figures, as the engine multiplies them: cents are safe integers, percentages 0..100. A policy
 * stored before the edge bounded them must fail as bad input, never as a RangeError or a rounded amount.
 */
function checkPolicy(policy: SroiPolicyBody): void {
  centsOf(policy.thresholdCents, 'thresholdCents');
  if (policy.minCents != null) centsOf(policy.minCents, 'minCents');
  if (policy.capCents != null) centsOf(policy.capCents, 'capCents');
  const percentages: [string, unknown][] = [
    ['defaultPercentage', policy.defaultPercentage],
    ['lowLabour.percentage', policy.lowLabour?.percentage ?? 0],
    ...policy.psoDiscounts.map((d, i): [string, unknown] => [`psoDiscounts[${i}].percentage`, d.percentage]),
  ];
  for (const [what, p] of percentages) {
    if (!isNumberIn(p, 0, 100)) throw new SroiInputError(`${what} must be a number from 0 to 100`);
  }
}

function isNumberIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

function notApplicableReason(policy: SroiPolicyBody, input: ObligationInput): ObligationReason | undefined {
  if (!policy.categories.includes(input.category)) return 'NOT_APPLICABLE_CATEGORY';
  if (input.contractValueCents < policy.thresholdCents) return 'BELOW_THRESHOLD';
  if (input.category === 'goods' && policy.goodsMinLabourShare != null) {
    if (input.labourShare == null) return 'GOODS_LABOUR_SHARE_MISSING';
    if (shareLt(input.labourShare, policy.goodsMinLabourShare)) return 'GOODS_LABOUR_SHARE_TOO_LOW';
  }
  return undefined;
}

function applicabilityDetail(
  policy: SroiPolicyBody,
  input: ObligationInput,
  reason: ObligationReason,
): string {
  switch (reason) {
    case 'NOT_APPLICABLE_CATEGORY':
      return `${input.category} ∉ [${policy.categories.join(', ')}]`;
    case 'BELOW_THRESHOLD':
      return `${formatCents(input.contractValueCents)} < ${formatCents(policy.thresholdCents)}`;
    case 'GOODS_LABOUR_SHARE_TOO_LOW':
      return `${input.labourShare} < ${policy.goodsMinLabourShare}`;
    case 'GOODS_LABOUR_SHARE_MISSING':
      return `labourShare ? ≥ ${policy.goodsMinLabourShare}`;
  }
}

/** Compared exactly: 0.3 as typed must equal 0.3 as typed, whatever binary floating point makes of it. */
function shareLt(a: number, b: number): boolean {
  return Rational.fromNumber(a).lt(Rational.fromNumber(b));
}

function sharePercent(share: number): number {
  return Rational.fromNumber(share).mul(100).toNumber();
}

function choosePercentage(
  policy: SroiPolicyBody,
  input: ObligationInput,
): { percentage: number; line: BreakdownLine } {
  if (input.percentageOverride != null) {
    return {
      percentage: input.percentageOverride,
      line: {
        code: 'PERCENTAGE_TENDER',
        labelNl: 'Percentage vastgesteld in de aanbesteding',
        labelEn: 'Percentage set by the tender',
        detail: `${input.percentageOverride} %`,
        params: { percentage: input.percentageOverride },
      },
    };
  }
  const low = policy.lowLabour;
  if (low && input.labourShare != null && shareLt(input.labourShare, low.belowShare)) {
    return {
      percentage: low.percentage,
      line: {
        code: 'PERCENTAGE_LOW_LABOUR',
        labelNl: `Lager percentage: arbeidsaandeel onder ${sharePercent(low.belowShare)} %`,
        labelEn: `Lower percentage: labour share below ${sharePercent(low.belowShare)} %`,
        detail: `${input.labourShare} < ${low.belowShare} → ${low.percentage} %`,
        params: { labourShare: input.labourShare, belowShare: low.belowShare, percentage: low.percentage },
      },
    };
  }
  return {
    percentage: policy.defaultPercentage,
    line: {
      code: 'PERCENTAGE_DEFAULT',
      labelNl: 'Standaardpercentage van het beleid',
      labelEn: "The policy's default percentage",
      detail: `${policy.defaultPercentage} %`,
      params: { percentage: policy.defaultPercentage },
    },
  };
}

/**
 * The largest discount whose level the contractor reaches with a verified PSO certificate covering the
 * whole contract period; a certificate of a higher level counts for a lower level's discount.
 */
function bestPsoDiscount(
  policy: SroiPolicyBody,
  input: ObligationInput,
): { level: PsoLevel; percentage: number } | undefined {
  const period: DatePeriod = { start: input.contractStart, end: input.contractEnd };
  const qualifying = input.contractorCertifications.filter(
    (c) => c.type === 'pso' && c.status === 'verified' && validThroughout(c, period),
  );
  let best: { level: PsoLevel; percentage: number } | undefined;
  for (const d of policy.psoDiscounts) {
    if (d.percentage <= 0 || !qualifying.some((c) => meetsPsoLevel(c, d.level))) continue;
    if (!best || d.percentage > best.percentage) best = { level: d.level, percentage: d.percentage };
  }
  return best;
}

function totalLine(amountCents: number): BreakdownLine {
  return {
    code: 'TOTAL',
    labelNl: 'SROI-verplichting',
    labelEn: 'SROI obligation',
    valueCents: amountCents,
  };
}
