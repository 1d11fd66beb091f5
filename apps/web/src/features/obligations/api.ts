import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

type ContributionBody =
  | Schemas['PlacementContributionDto']
  | Schemas['PurchaseContributionDto']
  | Schemas['ActivityContributionDto'];

/*
 * `fresh`: the contractor's screens read obligations and contributions anew on every visit (their figures move
 * with each contribution); the officer's keep the app's default.
 */
const freshness = (fresh: boolean) => (fresh ? { staleTime: 0 } : {});

/** The signed-in party's obligations (first 100): the buyer's, or the contractor's. */
export function useObligations({ fresh = false } = {}) {
  return useQuery({
    queryKey: keys.obligations,
    ...freshness(fresh),
    queryFn: () => call(api.GET('/obligations', { params: { query: { limit: 100 } } })),
  });
}

export function useObligation(id: string, { fresh = false } = {}) {
  return useQuery({
    queryKey: keys.obligation(id),
    ...freshness(fresh),
    queryFn: () => call(api.GET('/obligations/{id}', { params: { path: { id } } })),
  });
}

const contributionsOf = (obligationId: string) => ({
  queryKey: keys.contributions.of(obligationId),
  queryFn: () =>
    call(
      api.GET('/obligations/{id}/contributions', {
        params: { path: { id: obligationId }, query: { limit: 100 } },
      }),
    ),
});

/** An obligation's contributions (first 100). */
export function useContributions(obligationId: string, { fresh = false } = {}) {
  return useQuery({ ...contributionsOf(obligationId), ...freshness(fresh) });
}

/** The contributions of several obligations at once (the API lists them per obligation only). */
export function useContributionsOfEach(obligationIds: string[], { fresh = false } = {}) {
  return useQueries({
    queries: obligationIds.map((id) => ({ ...contributionsOf(id), ...freshness(fresh) })),
  });
}

type Review = { decision: 'verified' | 'rejected'; verifiedValueCents?: number; note?: string };

/** The officer verifies (with a value) or rejects a contribution; the figures of every obligation move. */
export function useReviewContribution(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Review) =>
      call(api.POST('/contributions/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.obligations });
      void qc.invalidateQueries({ queryKey: keys.contributions.all });
    },
  });
}

/**
 * What a contribution would count for under the tender's frozen policy. `body` is the JSON of the contribution
 * (debounced by the form), or '' while there is nothing to ask; the last answer stays while the next is on its way.
 */
export function useContributionPreview(obligationId: string, body: string) {
  return useQuery({
    queryKey: keys.contributionPreview(obligationId, body),
    queryFn: () =>
      call(
        api.POST('/obligations/{id}/contributions/preview', {
          params: { path: { id: obligationId } },
          body: JSON.parse(body) as ContributionBody,
        }),
      ),
    enabled: body !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSubmitContribution(obligationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContributionBody) =>
      call(api.POST('/obligations/{id}/contributions', { params: { path: { id: obligationId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.contributions.of(obligationId) });
      void qc.invalidateQueries({ queryKey: keys.obligation(obligationId) });
      void qc.invalidateQueries({ queryKey: keys.obligations });
    },
  });
}

export type { ContributionBody };
