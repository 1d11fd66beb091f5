import type { OrderStatus, QuoteRequestStatus, QuoteStatus } from '@app/database';

/**
 * The marketplace's status machines as data: for each status, the events it accepts and where they lead.
 * Anything missing is an illegal move (409 ILLEGAL_TRANSITION). Statuses only move forward; a self-loop
 * is an event that leaves the status as it is (a further quote on a quoted request, an invoice on an open
 * order).
 */
export type QuoteRequestEvent = 'quote' | 'decline' | 'order';
export type QuoteEvent = 'accept' | 'reject' | 'supersede';
export type OrderEvent = 'invoice' | 'complete';

type Machine<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

export const QUOTE_REQUEST_MACHINE: Machine<QuoteRequestStatus, QuoteRequestEvent> = {
  open: { quote: 'quoted', decline: 'declined' },
  quoted: { quote: 'quoted', order: 'ordered' },
  declined: {},
  ordered: {},
};

export const QUOTE_MACHINE: Machine<QuoteStatus, QuoteEvent> = {
  open: { accept: 'accepted', reject: 'rejected', supersede: 'superseded' },
  accepted: {},
  rejected: {},
  superseded: {},
};

export const ORDER_MACHINE: Machine<OrderStatus, OrderEvent> = {
  open: { invoice: 'open', complete: 'completed' },
  completed: {},
};

/** The status after `event`, or null when the machine does not allow it from `from`. */
export function nextStatus<S extends string, E extends string>(
  machine: Machine<S, E>,
  from: S,
  event: E,
): S | null {
  return machine[from]?.[event] ?? null;
}

/** A quote can be accepted up to and including its `validUntil` day (dates as YYYY-MM-DD, Dutch calendar). */
export function quoteExpired(validUntil: string, today: string): boolean {
  return today > validUntil;
}

/**
 * Projected credit of a purchase: the engine's value capped by what the obligation still lacks. The cap is
 * the amount minus every live (submitted or verified) claim, not just verified ones: credit beyond what is
 * already claimed is what a new purchase can add.
 */
export function cappedCredit(valueCents: number, amountCents: number, liveClaimedCents: number): number {
  return Math.max(0, Math.min(valueCents, amountCents - liveClaimedCents));
}
