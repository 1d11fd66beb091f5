import { compareDates, maxDate } from './dates';
import type { IsoDate } from './policy.types';

/**
 * The date a purchase asked about today is valued for (api.md "One valuation, everywhere"): an invoice dated the
 * later of today and the contract start. Matching, quotes and the marketplace all value on this date, so a match,
 * a quote and the contribution an invoice creates agree under the same frozen policy.
 */
export function valuationDate(contractStart: IsoDate, today: IsoDate): IsoDate {
  return maxDate(contractStart, today);
}

/** The contract start when it lies after today (a purchase counts from then), else null. */
export function countsFrom(contractStart: IsoDate, today: IsoDate): IsoDate | null {
  return compareDates(contractStart, today) > 0 ? contractStart : null;
}

/** Whether an invoice date lies after today: such an invoice is refused (INVOICE_DATE_IN_FUTURE), never valued. */
export function invoiceDateInFuture(invoiceDate: IsoDate, today: IsoDate): boolean {
  return compareDates(invoiceDate, today) > 0;
}
