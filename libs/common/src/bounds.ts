import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNumber, Max, Min, ValidateBy } from 'class-validator';

/**
 * The one table of numeric bounds at the API edge. Every money, count and size field of every request body and
 * query takes its range from here, so the validation and the OpenAPI document (`minimum`/`maximum`) say the same,
 * and every product the SROI engine and matching form from them stays inside safe integers:
 *
 * - a contract value (≤ 10^12) × a percentage (≤ 100) / 100 stays ≤ 10^12;
 * - a placement at the largest block value (10^8) × hours per week (≤ 80, capped at full time) × weeks in the
 *   whole date range (2000-01-01..2100-12-31: 5,270 weeks) is about 4.2 × 10^13;
 * - an activity at the largest block value × the largest quantity (10^6) is 10^14;
 * - a monthly capacity (≤ 10^10) × the months left in a contract (an imported one may end in 9999: ≤ 96,000
 *   months) is about 9.6 × 10^14;
 *
 * all far below Number.MAX_SAFE_INTEGER (about 9 × 10^15). Each upper bound lies far above any real case.
 */
export interface NumberBound {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (all money: integer cents). */
  readonly integer: boolean;
  /** `min` itself is refused: the value must be more than it. */
  readonly exclusiveMin?: boolean;
  /** What the number counts, for the documentation table. */
  readonly unit: string;
  /** Why the upper bound is where it is. */
  readonly why: string;
}

const int = (min: number, max: number, unit: string, why: string): NumberBound => ({
  min,
  max,
  integer: true,
  unit,
  why,
});
const num = (min: number, max: number, unit: string, why: string): NumberBound => ({
  min,
  max,
  integer: false,
  unit,
  why,
});

/** € 10 billion: above any single Dutch public contract. */
const CONTRACT_CENTS = 1_000_000_000_000;
/** € 1 billion: one invoice, quote or budget. */
const INVOICE_CENTS = 100_000_000_000;
/** € 1 million: the value of one unit of a building block (an FTE-year is typically € 30,000-50,000). */
const UNIT_VALUE_CENTS = 100_000_000;
/** 100 years: months on benefit and months a block counts. */
const MONTHS = 1200;

export const BOUNDS = {
  // ------------------------------------------------------------------ money (integer cents)
  contractValueCents: int(0, CONTRACT_CENTS, 'cents', '€ 10 billion: above any single public contract'),
  policyAmountCents: int(
    0,
    CONTRACT_CENTS,
    'cents',
    "a policy's threshold, minimum and cap: at most the largest contract value",
  ),
  unitValueCents: int(
    0,
    UNIT_VALUE_CENTS,
    'cents',
    '€ 1 million per unit of a building block or per bonus (an FTE-year is about € 40,000)',
  ),
  invoiceCents: int(1, INVOICE_CENTS, 'cents', '€ 1 billion: one invoice, quote or budget'),
  contributionValueCents: int(
    0,
    100_000_000_000_000,
    'cents',
    'the largest value the engine can give a contribution within the other bounds (€ 1 trillion)',
  ),
  priceIndicationCents: int(0, 1_000_000_000, 'cents', '€ 10 million per unit of an offering'),
  capacityCentsPerMonth: int(0, 10_000_000_000, 'cents', '€ 100 million a month from one enterprise'),
  // ------------------------------------------------------------------ percentages and shares
  percentage: num(0, 100, '%', 'a percentage'),
  share: num(0, 1, 'share', 'a share of a whole'),
  // ------------------------------------------------------------------ hours, months, counts
  fullTimeHoursPerWeek: {
    ...num(0, 168, 'hours', 'the hours of a week'),
    exclusiveMin: true,
  },
  hoursPerWeek: num(0.5, 80, 'hours', 'one person, one placement'),
  benefitMonths: int(0, MONTHS, 'months', '100 years'),
  benefitMonthsRange: num(0, MONTHS, 'months', '100 years'),
  maxCountMonths: int(1, MONTHS, 'months', '100 years'),
  activityQuantity: num(0.01, 1_000_000, 'units', 'a million hours or activities in one contribution'),
  fte: num(0, 1_000_000, 'FTE', 'a million full-time jobs in one enterprise'),
  radiusKm: int(0, 500, 'km', 'beyond the Netherlands'),
  searchRadiusKm: num(0, 300, 'km', 'the whole country'),
  slotMinutes: int(5, 240, 'minutes', 'four hours for one meeting'),
  tables: int(1, 500, 'tables', 'meetings at once on one day'),
  maxMeetings: int(1, 100, 'meetings', 'more than one day can hold'),
} as const satisfies Record<string, NumberBound>;

export type BoundName = keyof typeof BOUNDS;

export interface SizeBound {
  readonly min: number;
  readonly max: number;
}

/** Lengths of the arrays in request bodies. */
export const SIZES = {
  tenderItems: { min: 1, max: 100 },
  cpvCodes: { min: 1, max: 20 },
  meetingWishes: { min: 0, max: 50 },
  placementBonuses: { min: 0, max: 10 },
  policyCategories: { min: 1, max: 100 },
  policyBlocks: { min: 0, max: 200 },
  policyBonuses: { min: 0, max: 50 },
  psoDiscounts: { min: 0, max: 100 },
  eligibleCertifications: { min: 0, max: 100 },
  notificationIds: { min: 1, max: 500 },
} as const satisfies Record<string, SizeBound>;

export interface BoundedOptions {
  /** At most this many decimals (IsNumber's maxDecimalPlaces); only for non-integer bounds. */
  decimals?: number;
}

/**
 * A number field in `bound`: IsInt or IsNumber, the minimum (exclusive where the bound says so) and maximum, and
 * the same `minimum`/`maximum` in the OpenAPI document. The field's own @ApiProperty gives example, description
 * and nullability, never the range.
 */
export function Bounded(bound: NumberBound, options: BoundedOptions = {}): PropertyDecorator {
  const type = bound.integer
    ? IsInt()
    : IsNumber(options.decimals !== undefined ? { maxDecimalPlaces: options.decimals } : {});
  const min = bound.exclusiveMin
    ? ValidateBy({
        name: 'min',
        constraints: [bound.min],
        validator: {
          validate: (value: unknown) => typeof value === 'number' && value > bound.min,
          defaultMessage: () => `$property must be more than ${bound.min}`,
        },
      })
    : Min(bound.min);
  return applyDecorators(
    type,
    min,
    Max(bound.max),
    ApiProperty({
      minimum: bound.min,
      maximum: bound.max,
      ...(bound.exclusiveMin ? { exclusiveMinimum: true } : {}),
    }),
  );
}

/** An array field whose length lies in `size`, stated as `minItems`/`maxItems` in the OpenAPI document. */
export function Sized(size: SizeBound): PropertyDecorator {
  return applyDecorators(
    ...(size.min > 0 ? [ArrayMinSize(size.min)] : []),
    ArrayMaxSize(size.max),
    ApiProperty({ ...(size.min > 0 ? { minItems: size.min } : {}), maxItems: size.max }),
  );
}
