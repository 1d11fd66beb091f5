import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';
import { useAuth } from '../../auth/AuthProvider';

type Tender = Schemas['TenderResponseDto'];

/** What the public list of tenders may be narrowed to: where they come from, and reserved contracts only. */
export interface TenderFilters {
  source?: Tender['source'];
  reserved?: boolean;
}

/** The tenders open for offers (public), twenty at a time, narrowed by `filters`. */
export function useActiveTenders(filters: TenderFilters = {}) {
  return useInfiniteQuery({
    queryKey: keys.tenders.active(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/tenders', {
          params: {
            query: {
              status: 'active',
              limit: 20,
              cursor: pageParam,
              ...(filters.source ? { source: filters.source } : {}),
              ...(filters.reserved ? { reserved: 'true' as const } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTender(id: string) {
  return useQuery({
    queryKey: keys.tender(id),
    queryFn: () => call(api.GET('/tenders/{id}', { params: { path: { id } } })),
  });
}

/** Tender titles by id, for the obligations that name only their tender (awarded tenders are public). */
export function useTenderTitles(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: keys.tender(id),
      queryFn: () => call(api.GET('/tenders/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(unique.map((id, i) => [id, results[i]?.data?.title ?? '']));
}

export const buyerId = (t: Tender): string | undefined => t.buyer?.id;

/** The officer's own tenders (drafts included): the list API also returns other buyers' public tenders. */
export function useOwnTenders() {
  const { me } = useAuth();
  return useQuery({
    queryKey: keys.tenders.own(me?.organisation?.id),
    queryFn: async () => {
      const r = await call(api.GET('/tenders', { params: { query: { limit: 100 } } }));
      return r.items.filter((t) => buyerId(t) === me?.organisation?.id);
    },
  });
}

/** The titles of the officer's own tenders by id. */
export function useOwnTenderTitles(): Map<string, string> {
  const tenders = useOwnTenders();
  return new Map((tenders.data ?? []).map((t) => [t.id, t.title]));
}

export function useCreateTender() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateTenderDto']) => call(api.POST('/tenders', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.tenders.all }),
  });
}

export function usePublishTender(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/tenders/{id}/publish', { params: { path: { id } } })),
    onSuccess: (tender) => {
      qc.setQueryData(keys.tender(id), tender);
      void qc.invalidateQueries({ queryKey: keys.tenders.all });
      void qc.invalidateQueries({ queryKey: keys.audit(id) });
    },
  });
}

/** Awards the tender to a contractor: the API answers with the obligation it created. */
export function useAwardTender(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['AwardDto']) =>
      call(api.POST('/tenders/{id}/award', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.tender(id) });
      void qc.invalidateQueries({ queryKey: keys.audit(id) });
      void qc.invalidateQueries({ queryKey: keys.obligations });
    },
  });
}

/** What happened to a tender (created, published, awarded), first 100 entries. */
export function useTenderAudit(tenderId: string) {
  return useQuery({
    queryKey: keys.audit(tenderId),
    queryFn: () =>
      call(
        api.GET('/audit-log', {
          params: { query: { entityType: 'tender', entityId: tenderId, limit: 100 } },
        }),
      ),
  });
}
