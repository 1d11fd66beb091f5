import { meetsPsoLevel } from './certifications';
import { compareDates, isValidIsoDate, isWithin, SroiInputError } from './dates';
import {
  capPeriodToMonths,
  clipPeriod,
  type DatePeriod,
  periodDays,
  placementMonths,
  periodsOverlap,
} from './months';
import type {
  BlockUnit,
  BreakdownLine,
  CertificationFact,
  IsoDate,
  SroiBlock,
  SroiBonus,
  SroiPolicyBody,
} from './policy.types';
import { centsOf, formatCents, Rational } from './rational';
import { blockName } from '@app/common/glossary';
import type { ActivityBody, ContributionBody, PlacementBody, PurchaseBody } from '@app/common/sroi-json';

export interface ContributionContext {
  contractStart: IsoDate;
  contractEnd: IsoDate;
  /** The supplier's certifications, needed to value purchases. */
  supplierCertifications?: CertificationFact[];
  /**
   * Whether the supplier lies inside the purchase rule's region; only read when the policy names a region.
   * The engine has no geography, so the caller decides.
   */
  supplierInRegion?: boolean;
}

export type { ActivityBody, ContributionBody, PlacementBody, PurchaseBody };

export const CONTRIBUTION_REASONS = [
  'UNSUPPORTED_CATEGORY',
  'BLOCK_NOT_FOUND',
  'BLOCK_CATEGORY_MISMATCH',
  'TARGET_GROUP_MISMATCH',
  'BENEFIT_MONTHS_REQUIRED',
  'BENEFIT_MONTHS_OUT_OF_RANGE',
  'BONUS_NOT_FOUND',
  'ZERO_HOURS',
  'INVALID_PERIOD',
  'OUTSIDE_CONTRACT_PERIOD',
  'ZERO_QUANTITY',
  'ZERO_AMOUNT',
  'LABOUR_SHARE_REQUIRED',
  'INVALID_LABOUR_SHARE',
  'SUPPLIER_NOT_CERTIFIED',
  'CERTIFICATION_REJECTED',
  'CERTIFICATION_NOT_VERIFIED',
  'CERTIFICATION_NOT_YET_VALID',
  'CERTIFICATION_EXPIRED',
  'PSO_LEVEL_TOO_LOW',
  'SUPPLIER_OUTSIDE_REGION',
  'ZERO_VALUE',
] as const;
export type ContributionReason = (typeof CONTRIBUTION_REASONS)[number];

export interface ContributionResult {
  countable: boolean;
  /** Rounded half-up once from the exact sum of all parts; 0 when not countable. */
  valueCents: number;
  reason?: ContributionReason;
  breakdown: BreakdownLine[];
  /** The block used (placements and activities). */
  blockCode?: string;
}

/** What a placement takes of a person, for the caller's check "not beyond full time" across obligations. */
export interface PlacementCoverage {
  /** The placement clipped to the contract period and capped by the block's maxCountMonths. */
  countedStart: IsoDate;
  countedEnd: IsoDate;
  countedMonths: Rational;
  clippedToContract: boolean;
  cappedByMaxCountMonths: boolean;
  /** hoursPerWeek capped at full time. */
  effectiveHoursPerWeek: number;
  fullTimeHoursPerWeek: number;
  /** effectiveHoursPerWeek / fullTimeHoursPerWeek, exact; 0..1. */
  fteShare: Rational;
}

const REASON_LABELS: Record<ContributionReason, [string, string]> = {
  UNSUPPORTED_CATEGORY: ['Onbekende soort bijdrage', 'Unknown kind of contribution'],
  BLOCK_NOT_FOUND: ['Geen passend bouwblok in het beleid', 'No matching building block in the policy'],
  BLOCK_CATEGORY_MISMATCH: [
    'Het bouwblok hoort bij een andere soort bijdrage',
    'The building block belongs to another kind of contribution',
  ],
  TARGET_GROUP_MISMATCH: [
    'Het bouwblok geldt voor een andere doelgroep',
    'The building block is for another target group',
  ],
  BENEFIT_MONTHS_REQUIRED: [
    'Het aantal maanden in de uitkering is nodig om het bouwblok te kiezen',
    'The number of months on benefit is needed to choose the building block',
  ],
  BENEFIT_MONTHS_OUT_OF_RANGE: [
    'Het aantal maanden in de uitkering past niet bij het bouwblok',
    'The number of months on benefit does not fit the building block',
  ],
  BONUS_NOT_FOUND: ['Onbekende bonus voor dit beleid', 'Unknown bonus for this policy'],
  ZERO_HOURS: ['Geen uren per week opgegeven', 'No hours per week given'],
  INVALID_PERIOD: ['De einddatum ligt voor de begindatum', 'The end date is before the start date'],
  OUTSIDE_CONTRACT_PERIOD: ['Valt buiten de contractperiode', 'Falls outside the contract period'],
  ZERO_QUANTITY: ['Geen aantal opgegeven', 'No quantity given'],
  ZERO_AMOUNT: ['Geen factuurbedrag opgegeven', 'No invoice amount given'],
  LABOUR_SHARE_REQUIRED: [
    'Het loonaandeel van de doelgroep in de prijs is nodig',
    'The share of target-group wages in the price is needed',
  ],
  INVALID_LABOUR_SHARE: [
    'Het loonaandeel moet tussen 0 en 1 liggen',
    'The labour share must be between 0 and 1',
  ],
  SUPPLIER_NOT_CERTIFIED: [
    'De leverancier heeft geen certificering die het beleid accepteert',
    'The supplier holds no certification that the policy accepts',
  ],
  CERTIFICATION_REJECTED: [
    'De certificering van de leverancier is afgewezen',
    "The supplier's certification was rejected",
  ],
  CERTIFICATION_NOT_VERIFIED: [
    'De certificering van de leverancier is nog niet geverifieerd',
    "The supplier's certification has not been verified yet",
  ],
  CERTIFICATION_NOT_YET_VALID: [
    'De certificering van de leverancier was op de factuurdatum nog niet geldig',
    "The supplier's certification was not yet valid on the invoice date",
  ],
  CERTIFICATION_EXPIRED: [
    'De certificering van de leverancier was op de factuurdatum verlopen',
    "The supplier's certification had expired on the invoice date",
  ],
  PSO_LEVEL_TOO_LOW: [
    'De PSO-trede van de leverancier is lager dan het beleid vraagt',
    "The supplier's PSO level is below the policy's minimum",
  ],
  SUPPLIER_OUTSIDE_REGION: [
    'De leverancier valt buiten de regio van het beleid',
    "The supplier is outside the policy's region",
  ],
  ZERO_VALUE: [
    'Deze bijdrage heeft volgens het beleid geen waarde',
    'Under this policy the contribution has no value',
  ],
};

/** Values one contribution under one policy (domain.md "Valuing a contribution"). */
export function valueContribution(
  policy: SroiPolicyBody,
  ctx: ContributionContext,
  body: ContributionBody,
): ContributionResult {
  checkContext(ctx);
  switch (body.category) {
    case 'employment':
    case 'training':
      return valuePlacement(policy, ctx, body);
    case 'social_purchase':
      return valuePurchase(policy, ctx, body);
    case 'social_activity':
      return valueActivity(policy, body);
    default:
      return notCountable('UNSUPPORTED_CATEGORY', [], String((body as { category?: unknown }).category));
  }
}

function checkContext(ctx: ContributionContext): void {
  for (const date of [ctx.contractStart, ctx.contractEnd]) {
    if (!isValidIsoDate(date)) throw new SroiInputError(`Invalid contract date '${String(date)}'`);
  }
  if (compareDates(ctx.contractStart, ctx.contractEnd) > 0) {
    throw new SroiInputError('The contract period ends before it starts');
  }
}

function notCountable(
  reason: ContributionReason,
  breakdown: BreakdownLine[],
  detail?: string,
  params?: BreakdownLine['params'],
): ContributionResult {
  const [labelNl, labelEn] = REASON_LABELS[reason];
  return {
    countable: false,
    valueCents: 0,
    reason,
    breakdown: [
      ...breakdown,
      { code: reason, labelNl, labelEn, ...(detail ? { detail } : {}), ...(params ? { params } : {}) },
    ],
  };
}

function finish(total: Rational, breakdown: BreakdownLine[], blockCode?: string): ContributionResult {
  const valueCents = total.toCents();
  const withBlock = blockCode ? { blockCode } : {};
  if (valueCents <= 0) return { ...notCountable('ZERO_VALUE', breakdown), ...withBlock };
  breakdown.push({
    code: 'TOTAL',
    labelNl: 'Waarde van de bijdrage onder dit beleid',
    labelEn: 'Value of the contribution under this policy',
    valueCents,
  });
  return { countable: true, valueCents, breakdown, ...withBlock };
}

// ---------------------------------------------------------------- placements

type BlockChoice = { block: SroiBlock } | { reason: ContributionReason; detail?: string };

function inBenefitRange(block: SroiBlock, months: number): boolean {
  return (
    (block.benefitMonthsMin ?? 0) <= months &&
    (block.benefitMonthsMax == null || months < block.benefitMonthsMax)
  );
}

function hasBenefitRange(block: SroiBlock): boolean {
  return block.benefitMonthsMin != null || block.benefitMonthsMax != null;
}

/**
 * By code when given; else the block of the category and target group whose benefit-months range holds the
 * placement's. A block without a target group is the category's fallback, used only when no block names the
 * target group at all: a person of a named group never silently drops to the generic value.
 */
export function choosePlacementBlock(policy: SroiPolicyBody, body: PlacementBody): BlockChoice {
  if (body.blockCode != null) {
    const block = policy.blocks.find((b) => b.code === body.blockCode);
    if (!block) return { reason: 'BLOCK_NOT_FOUND', detail: body.blockCode };
    if (block.category !== body.category) {
      return {
        reason: 'BLOCK_CATEGORY_MISMATCH',
        detail: `${block.code}: ${block.category} ≠ ${body.category}`,
      };
    }
    if (block.targetGroup != null && block.targetGroup !== body.targetGroup) {
      return {
        reason: 'TARGET_GROUP_MISMATCH',
        detail: `${block.code}: ${block.targetGroup} ≠ ${body.targetGroup}`,
      };
    }
    if (body.benefitMonths != null && !inBenefitRange(block, body.benefitMonths)) {
      return { reason: 'BENEFIT_MONTHS_OUT_OF_RANGE', detail: `${block.code}: ${body.benefitMonths}` };
    }
    return { block };
  }
  const named = policy.blocks.filter(
    (b) => b.category === body.category && b.targetGroup === body.targetGroup,
  );
  const candidates =
    named.length > 0
      ? named
      : policy.blocks.filter((b) => b.category === body.category && b.targetGroup == null);
  const match =
    body.benefitMonths != null
      ? candidates.find((b) => inBenefitRange(b, body.benefitMonths!))
      : candidates.find((b) => !hasBenefitRange(b));
  if (match) return { block: match };
  if (body.benefitMonths == null && candidates.some(hasBenefitRange)) {
    return { reason: 'BENEFIT_MONTHS_REQUIRED', detail: `${body.category}/${body.targetGroup}` };
  }
  const monthsText = body.benefitMonths != null ? `, ${body.benefitMonths}` : '';
  return { reason: 'BLOCK_NOT_FOUND', detail: `${body.category}/${body.targetGroup}${monthsText}` };
}

/**
 * The counted period and FTE share of a placement, or null when it has no day inside the contract period.
 * Callers use it to keep a person token from being counted beyond full time over overlapping periods.
 */
export function placementCoverage(
  policy: SroiPolicyBody,
  ctx: Pick<ContributionContext, 'contractStart' | 'contractEnd'>,
  body: Pick<PlacementBody, 'startDate' | 'endDate' | 'hoursPerWeek'>,
  block?: Pick<SroiBlock, 'maxCountMonths'>,
): PlacementCoverage | null {
  const placement: DatePeriod = { start: body.startDate, end: body.endDate };
  if (compareDates(placement.start, placement.end) > 0) return null;
  const clipped = clipPeriod(placement, { start: ctx.contractStart, end: ctx.contractEnd });
  if (!clipped) return null;
  const counted = block?.maxCountMonths != null ? capPeriodToMonths(clipped, block.maxCountMonths) : clipped;
  const full = Rational.fromNumber(policy.fullTimeHoursPerWeek);
  const hours = Rational.fromNumber(Math.max(0, body.hoursPerWeek)).min(full);
  return {
    countedStart: counted.start,
    countedEnd: counted.end,
    countedMonths: placementMonths(counted.start, counted.end),
    clippedToContract: clipped.start !== placement.start || clipped.end !== placement.end,
    cappedByMaxCountMonths: counted.end !== clipped.end,
    effectiveHoursPerWeek: hours.toNumber(),
    fullTimeHoursPerWeek: policy.fullTimeHoursPerWeek,
    fteShare: hours.div(full),
  };
}

export interface PersonLoad {
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  hoursPerWeek: number;
  /** Of the policy the load was counted under; policies differ (36, 38, 40 h). */
  fullTimeHoursPerWeek: number;
}

/**
 * Whether the loads together exceed one FTE on any day; reports the first such day. Shares are summed
 * exactly, so three thirds make exactly one.
 */
export function fullTimeExceeded(loads: PersonLoad[]): {
  exceeded: boolean;
  date?: IsoDate;
  fteShare?: Rational;
} {
  const shares = loads.map((l) => ({
    period: { start: l.start, end: l.end },
    share: Rational.fromNumber(l.hoursPerWeek).div(Rational.fromNumber(l.fullTimeHoursPerWeek)),
  }));
  // The total only rises where a load starts, so checking every start date finds the peak.
  const starts = [...new Set(loads.map((l) => l.start))].sort(compareDates);
  for (const day of starts) {
    const at = { start: day, end: day };
    const total = shares
      .filter((s) => periodsOverlap(s.period, at))
      .reduce((sum, s) => sum.add(s.share), Rational.ZERO);
    if (total.gt(Rational.ONE)) return { exceeded: true, date: day, fteShare: total };
  }
  return { exceeded: false };
}

const UNIT_LABELS: Record<BlockUnit, [string, string]> = {
  fte_year: [
    'per voltijdjaar, naar rato van uren en maanden',
    'per full-time year, pro rata of hours and months',
  ],
  month: [
    'per plaats per maand; naar rato van de uren als die onder voltijd liggen',
    'per place per month; pro rata of hours when below full time',
  ],
  week: [
    'per plaats per week; naar rato van de uren als die onder voltijd liggen',
    'per place per week; pro rata of hours when below full time',
  ],
  hour: [
    'per gewerkt uur (uren per week × weken, hoogstens voltijd)',
    'per hour worked (hours per week × weeks, at most full time)',
  ],
  activity: ['vast bedrag per plaatsing', 'lump sum per placement'],
};

function valuePlacement(
  policy: SroiPolicyBody,
  ctx: ContributionContext,
  body: PlacementBody,
): ContributionResult {
  const breakdown: BreakdownLine[] = [];
  if (!(typeof body.hoursPerWeek === 'number' && body.hoursPerWeek > 0)) {
    return notCountable('ZERO_HOURS', breakdown);
  }
  if (!Number.isFinite(body.hoursPerWeek)) throw new SroiInputError('hoursPerWeek must be a finite number');
  const full = policy.fullTimeHoursPerWeek;
  if (!(typeof full === 'number' && Number.isFinite(full) && full > 0))
    throw new SroiInputError("The policy's fullTimeHoursPerWeek must be a number above 0");
  if (compareDates(body.startDate, body.endDate) > 0) {
    return notCountable('INVALID_PERIOD', breakdown, `${body.startDate} > ${body.endDate}`);
  }
  const choice = choosePlacementBlock(policy, body);
  if ('reason' in choice) return notCountable(choice.reason, breakdown, choice.detail);
  const { block } = choice;
  const value = centsOf(block.valueCents, `Block ${block.code} valueCents`);
  const [unitNl, unitEn] = UNIT_LABELS[block.unit];
  breakdown.push({
    code: 'BLOCK',
    labelNl: `${blockName(block, 'nl')}: EUR ${formatCents(block.valueCents)} ${unitNl}`,
    labelEn: `${blockName(block, 'en')}: EUR ${formatCents(block.valueCents)} ${unitEn}`,
    detail: block.unit,
    params: {
      block: block.code,
      blockValueCents: block.valueCents,
      unit: block.unit,
      ...blockFactParams(block),
    },
  });

  const bonuses: SroiBonus[] = [];
  for (const code of new Set(body.bonuses ?? [])) {
    const bonus = policy.bonuses.find((b) => b.code === code);
    if (!bonus) return notCountable('BONUS_NOT_FOUND', breakdown, code);
    bonuses.push(bonus);
  }

  const cov = placementCoverage(policy, ctx, body, block);
  if (!cov) {
    return notCountable(
      'OUTSIDE_CONTRACT_PERIOD',
      breakdown,
      `${body.startDate} – ${body.endDate} ∩ ${ctx.contractStart} – ${ctx.contractEnd} = ∅`,
      {
        start: body.startDate,
        end: body.endDate,
        contractStart: ctx.contractStart,
        contractEnd: ctx.contractEnd,
      },
    );
  }
  const months = cov.countedMonths;
  const weeks = Rational.of(periodDays({ start: cov.countedStart, end: cov.countedEnd }), 7);
  breakdown.push({
    code: 'COUNTED_PERIOD',
    labelNl: cov.clippedToContract
      ? 'Getelde periode, ingekort tot de contractperiode'
      : 'Getelde periode (binnen de contractperiode)',
    labelEn: cov.clippedToContract
      ? 'Counted period, clipped to the contract period'
      : 'Counted period (inside the contract period)',
    detail: `${cov.countedStart} – ${cov.countedEnd}: ${months} mo`,
    params: { start: cov.countedStart, end: cov.countedEnd, months: roundTo(months.toNumber(), 2) },
  });
  if (cov.cappedByMaxCountMonths) {
    breakdown.push({
      code: 'MAX_COUNT_MONTHS',
      labelNl: `Hoogstens ${block.maxCountMonths} maanden telbaar voor dit bouwblok`,
      labelEn: `At most ${block.maxCountMonths} months count for this building block`,
      detail: `${block.maxCountMonths} mo`,
      params: { months: block.maxCountMonths ?? null },
    });
  }
  const aboveFullTime = body.hoursPerWeek > policy.fullTimeHoursPerWeek;
  breakdown.push({
    code: 'HOURS',
    labelNl: aboveFullTime
      ? `Uren per week: ${body.hoursPerWeek}, begrensd op voltijd (${policy.fullTimeHoursPerWeek})`
      : `Uren per week: ${body.hoursPerWeek} van ${policy.fullTimeHoursPerWeek} (voltijd)`,
    labelEn: aboveFullTime
      ? `Hours per week: ${body.hoursPerWeek}, capped at full time (${policy.fullTimeHoursPerWeek})`
      : `Hours per week: ${body.hoursPerWeek} of ${policy.fullTimeHoursPerWeek} (full time)`,
    detail: `${cov.effectiveHoursPerWeek}/${policy.fullTimeHoursPerWeek}`,
    params: {
      hoursPerWeek: body.hoursPerWeek,
      effectiveHoursPerWeek: cov.effectiveHoursPerWeek,
      fullTimeHoursPerWeek: policy.fullTimeHoursPerWeek,
    },
  });

  const hf = cov.fteShare;
  const fteText = `${cov.effectiveHoursPerWeek}/${policy.fullTimeHoursPerWeek}`;
  const v = formatCents(block.valueCents);
  let base: Rational;
  let formula: string;
  switch (block.unit) {
    case 'fte_year':
      base = value.mul(hf).mul(months).div(12);
      formula = `${v} × ${fteText} × (${months})/12`;
      break;
    case 'month':
      base = value.mul(hf).mul(months);
      formula = `${v} × ${fteText} × ${months} mo`;
      break;
    case 'week':
      base = value.mul(hf).mul(weeks);
      formula = `${v} × ${fteText} × ${weeks} wk`;
      break;
    case 'hour':
      base = value.mul(hf.mul(Rational.fromNumber(policy.fullTimeHoursPerWeek))).mul(weeks);
      formula = `${v} × ${cov.effectiveHoursPerWeek} h × ${weeks} wk`;
      break;
    case 'activity':
      base = value;
      formula = `${v} × 1`;
      break;
  }
  breakdown.push({
    code: 'BASE_VALUE',
    labelNl: 'Waarde van de plaatsing',
    labelEn: 'Value of the placement',
    valueCents: base.toCents(),
    detail: formula,
    params: {
      unit: block.unit,
      blockValueCents: block.valueCents,
      effectiveHoursPerWeek: cov.effectiveHoursPerWeek,
      fullTimeHoursPerWeek: policy.fullTimeHoursPerWeek,
      months: roundTo(months.toNumber(), 2),
      weeks: roundTo(weeks.toNumber(), 2),
    },
  });

  let total = base;
  for (const bonus of bonuses) {
    const bonusValue = centsOf(bonus.valueCents, `Bonus ${bonus.code} valueCents`);
    const b = formatCents(bonus.valueCents);
    const amount = bonus.proRata ? bonusValue.mul(hf).mul(months).div(12) : bonusValue;
    total = total.add(amount);
    breakdown.push({
      code: `BONUS_${bonus.code.toUpperCase()}`,
      labelNl: bonus.proRata
        ? `Bonus ${bonus.code}, naar rato van uren en maanden`
        : `Bonus ${bonus.code}, vast bedrag`,
      labelEn: bonus.proRata
        ? `Bonus ${bonus.code}, pro rata of hours and months`
        : `Bonus ${bonus.code}, fixed amount`,
      valueCents: amount.toCents(),
      detail: bonus.proRata ? `${b} × ${fteText} × (${months})/12` : b,
      params: {
        bonus: bonus.code,
        proRata: bonus.proRata,
        bonusValueCents: bonus.valueCents,
        effectiveHoursPerWeek: cov.effectiveHoursPerWeek,
        fullTimeHoursPerWeek: policy.fullTimeHoursPerWeek,
        months: roundTo(months.toNumber(), 2),
      },
    });
  }
  return finish(total, breakdown, block.code);
}

// ---------------------------------------------------------------- purchases

/** When no certification qualifies, the reason of the one closest to qualifying is reported. */
const CERT_FAILURE_ORDER: ContributionReason[] = [
  'PSO_LEVEL_TOO_LOW',
  'CERTIFICATION_EXPIRED',
  'CERTIFICATION_NOT_YET_VALID',
  'CERTIFICATION_NOT_VERIFIED',
  'CERTIFICATION_REJECTED',
];

function certFailure(
  policy: SroiPolicyBody,
  cert: CertificationFact,
  date: IsoDate,
): ContributionReason | null {
  if (cert.status === 'rejected') return 'CERTIFICATION_REJECTED';
  if (cert.status !== 'verified') return 'CERTIFICATION_NOT_VERIFIED';
  if (compareDates(date, cert.validFrom) < 0) return 'CERTIFICATION_NOT_YET_VALID';
  if (!isWithin(date, cert.validFrom, cert.validUntil)) return 'CERTIFICATION_EXPIRED';
  const min = policy.purchaseRule.minPsoLevel;
  if (cert.type === 'pso' && min != null && !meetsPsoLevel(cert, min)) return 'PSO_LEVEL_TOO_LOW';
  return null;
}

/** The block's facts a reader names it by (`blockName`): its code is the officer's, not a contractor's word. */
function blockFactParams(block: SroiBlock): NonNullable<BreakdownLine['params']> {
  return {
    category: block.category,
    targetGroup: block.targetGroup ?? null,
    benefitMonthsMin: block.benefitMonthsMin ?? null,
    benefitMonthsMax: block.benefitMonthsMax ?? null,
  };
}

/** A certification's facts as breakdown params: a reader words them ("PSO trede 3, geldig … (geverifieerd)"). */
function certParams(c: CertificationFact): NonNullable<BreakdownLine['params']> {
  return {
    certificationType: c.type,
    psoLevel: c.level ?? null,
    validFrom: c.validFrom,
    validUntil: c.validUntil ?? null,
    certificationStatus: c.status,
  };
}

function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function describeCert(c: CertificationFact): string {
  return `${c.type}${c.level ? ` ${c.level}` : ''} ${c.validFrom} – ${c.validUntil ?? '…'} (${c.status})`;
}

function valuePurchase(
  policy: SroiPolicyBody,
  ctx: ContributionContext,
  body: PurchaseBody,
): ContributionResult {
  const breakdown: BreakdownLine[] = [];
  if (!Number.isSafeInteger(body.amountCents)) throw new SroiInputError('amountCents must be an integer');
  if (!isValidIsoDate(body.invoiceDate))
    throw new SroiInputError(`Invalid invoice date '${body.invoiceDate}'`);
  if (body.amountCents <= 0) return notCountable('ZERO_AMOUNT', breakdown);
  breakdown.push({
    code: 'INVOICE',
    labelNl: `Factuur ${body.invoiceNumber} van ${body.invoiceDate}, excl. btw`,
    labelEn: `Invoice ${body.invoiceNumber} of ${body.invoiceDate}, excl. VAT`,
    valueCents: body.amountCents,
    params: { invoiceNumber: body.invoiceNumber, invoiceDate: body.invoiceDate },
  });
  if (!isWithin(body.invoiceDate, ctx.contractStart, ctx.contractEnd)) {
    return notCountable(
      'OUTSIDE_CONTRACT_PERIOD',
      breakdown,
      `${body.invoiceDate} ∉ ${ctx.contractStart} – ${ctx.contractEnd}`,
      { date: body.invoiceDate, contractStart: ctx.contractStart, contractEnd: ctx.contractEnd },
    );
  }

  const rule = policy.purchaseRule;
  const eligible = (ctx.supplierCertifications ?? []).filter((c) =>
    rule.eligibleCertifications.includes(c.type),
  );
  const qualifying = eligible.find((c) => certFailure(policy, c, body.invoiceDate) === null);
  if (!qualifying) {
    if (eligible.length === 0) {
      return notCountable('SUPPLIER_NOT_CERTIFIED', breakdown, `[${rule.eligibleCertifications.join(', ')}]`);
    }
    const failures = eligible.map((c) => ({ c, reason: certFailure(policy, c, body.invoiceDate)! }));
    failures.sort((a, b) => CERT_FAILURE_ORDER.indexOf(a.reason) - CERT_FAILURE_ORDER.indexOf(b.reason));
    const minLevel = failures[0].reason === 'PSO_LEVEL_TOO_LOW' ? ` < ${rule.minPsoLevel}` : '';
    return notCountable(failures[0].reason, breakdown, describeCert(failures[0].c) + minLevel, {
      ...certParams(failures[0].c),
      ...(minLevel ? { minPsoLevel: rule.minPsoLevel ?? null } : {}),
    });
  }
  breakdown.push({
    code: 'CERTIFICATION',
    labelNl: 'Leverancier was op de factuurdatum gecertificeerd',
    labelEn: 'The supplier was certified on the invoice date',
    detail: describeCert(qualifying),
    params: certParams(qualifying),
  });
  if (rule.region != null && rule.region !== '') {
    if (ctx.supplierInRegion !== true) return notCountable('SUPPLIER_OUTSIDE_REGION', breakdown, rule.region);
    breakdown.push({
      code: 'REGION',
      labelNl: `Leverancier ligt in de regio ${rule.region}`,
      labelEn: `The supplier is inside the region ${rule.region}`,
    });
  }

  const amount = Rational.of(body.amountCents);
  const a = formatCents(body.amountCents);
  let value: Rational;
  let line: BreakdownLine;
  switch (rule.mode) {
    case 'full_invoice':
      value = amount;
      line = {
        code: 'MODE_FULL_INVOICE',
        labelNl: 'Het volledige factuurbedrag telt',
        labelEn: 'The full invoice amount counts',
      };
      break;
    case 'labour_component': {
      if (body.labourShare == null) return notCountable('LABOUR_SHARE_REQUIRED', breakdown);
      if (!(typeof body.labourShare === 'number' && body.labourShare >= 0 && body.labourShare <= 1)) {
        return notCountable('INVALID_LABOUR_SHARE', breakdown, String(body.labourShare));
      }
      value = amount.mul(Rational.fromNumber(body.labourShare));
      line = {
        code: 'MODE_LABOUR_COMPONENT',
        labelNl: 'Alleen het loonaandeel van de doelgroep telt',
        labelEn: 'Only the target-group labour component counts',
        detail: `${a} × ${body.labourShare}`,
        params: { amountCents: body.amountCents, labourShare: body.labourShare },
      };
      break;
    }
    case 'factor':
      if (rule.factor == null)
        throw new SroiInputError("The policy's purchase rule has mode 'factor' but no factor");
      value = amount.mul(Rational.fromNumber(rule.factor));
      line = {
        code: 'MODE_FACTOR',
        labelNl: `Het factuurbedrag telt voor een vaste factor ${rule.factor}`,
        labelEn: `The invoice amount counts at a fixed factor of ${rule.factor}`,
        detail: `${a} × ${rule.factor}`,
        params: { amountCents: body.amountCents, factor: rule.factor },
      };
      break;
  }
  breakdown.push({ ...line, valueCents: value.toCents() });
  return finish(value, breakdown);
}

// ---------------------------------------------------------------- activities

function valueActivity(policy: SroiPolicyBody, body: ActivityBody): ContributionResult {
  const breakdown: BreakdownLine[] = [];
  const block = policy.blocks.find((b) => b.code === body.blockCode);
  if (!block) return notCountable('BLOCK_NOT_FOUND', breakdown, body.blockCode);
  if (block.category !== 'social_activity') {
    return notCountable('BLOCK_CATEGORY_MISMATCH', breakdown, `${block.code}: ${block.category}`);
  }
  if (!(typeof body.quantity === 'number' && Number.isFinite(body.quantity) && body.quantity > 0)) {
    return notCountable('ZERO_QUANTITY', breakdown);
  }
  const value = centsOf(block.valueCents, `Block ${block.code} valueCents`).mul(
    Rational.fromNumber(body.quantity),
  );
  const each = `${body.quantity} × EUR ${formatCents(block.valueCents)}`;
  breakdown.push({
    code: 'ACTIVITY',
    labelNl: `${blockName(block, 'nl')}: ${each}`,
    labelEn: `${blockName(block, 'en')}: ${each}`,
    valueCents: value.toCents(),
    detail: `${formatCents(block.valueCents)} × ${body.quantity}`,
    params: {
      block: block.code,
      blockValueCents: block.valueCents,
      unit: block.unit,
      quantity: body.quantity,
      ...blockFactParams(block),
    },
  });
  return finish(value, breakdown, block.code);
}
