export * from './policy.types';
export { Rational, formatCents } from './rational';
export {
  SroiInputError,
  type YearMonthDay,
  isLeapYear,
  daysInMonth,
  isValidIsoDate,
  parseIsoDate,
  formatIsoDate,
  toDayNumber,
  fromDayNumber,
  addDays,
  compareDates,
  daysBetween,
  minDate,
  maxDate,
  isWithin,
} from './dates';
export {
  type DatePeriod,
  monthBoundary,
  placementMonths,
  periodDays,
  clipPeriod,
  capPeriodToMonths,
  periodsOverlap,
} from './months';
export { meetsPsoLevel, validOn, validThroughout } from './certifications';
export {
  type ObligationInput,
  type ObligationResult,
  type ObligationReason,
  type AppliedPsoDiscount,
  OBLIGATION_REASONS,
  computeObligation,
} from './obligation';
export {
  type ContributionContext,
  type PlacementBody,
  type PurchaseBody,
  type ActivityBody,
  type ContributionBody,
  type ContributionResult,
  type ContributionReason,
  type PlacementCoverage,
  type PersonLoad,
  CONTRIBUTION_REASONS,
  valueContribution,
  choosePlacementBlock,
  placementCoverage,
  fullTimeExceeded,
} from './contribution';
export { valuationDate, countsFrom, invoiceDateInFuture } from './valuation-date';
