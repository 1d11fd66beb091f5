import type { TestApp } from './app';
import { bearer, Session } from './factories';

export interface MatchItem {
  offeringId: string;
  offeringTitle: string;
  socialEnterpriseId: string;
  counts: boolean;
  score: number;
  distanceKm: number | null;
  projectedCreditCents: number;
  spendToFillCents: number | null;
  reasons: { factor: string; weight: number; value: number; detail: string; detailNl: string }[];
}

export interface MatchesAnswer {
  obligationId?: string;
  tenderId?: string;
  revision: number;
  pending: boolean;
  computedAt: string | null;
  items: MatchItem[];
  nextCursor: string | null;
}

/**
 * Polls a matches route until the stored set is current (`pending: false`), with a deadline: the worker's
 * own completion, seen through the API, never a fixed sleep.
 */
export async function settledMatches(
  t: TestApp,
  path: string,
  who: Session,
  timeoutMs = 30_000,
): Promise<MatchesAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t
      .http()
      .get(path)
      .set(...bearer(who));
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    if (!res.body.pending) return res.body as MatchesAnswer;
    if (Date.now() > deadline) throw new Error(`${path}: still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
