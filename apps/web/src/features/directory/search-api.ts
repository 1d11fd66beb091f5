import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

/*
 * The directory's hooks that the home page needs (search and the CPV list): in the home page's bundle, apart from
 * api.ts (the signed-in screens' hooks, loaded with them).
 */

export type SearchKind = 'offerings' | 'enterprises';
type Certification = Schemas['CertificationDto']['type'];

const PAGE = 10;

/** Offerings or enterprises matching the search in the page's URL, ten at a time. */
export function useSearch(params: URLSearchParams) {
  const kind: SearchKind = params.get('kind') === 'enterprises' ? 'enterprises' : 'offerings';
  const postcode = params.get('postcode') || undefined;
  const radius = params.get('radiusKm');
  const query = {
    q: params.get('q') || undefined,
    cpv: params.get('cpv') || undefined,
    postcode,
    radiusKm: postcode && radius ? Number(radius) : undefined,
    certification: (params.get('certification') || undefined) as Certification | undefined,
    limit: PAGE,
  };
  return useInfiniteQuery({
    queryKey: keys.search(kind, query),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const q = { ...query, cursor: pageParam };
      if (kind === 'enterprises') {
        const r = await call(api.GET('/social-enterprises', { params: { query: q } }));
        return { kind, enterprises: r.items, offerings: [], nextCursor: r.nextCursor };
      }
      const r = await call(api.GET('/offerings', { params: { query: q } }));
      return { kind, offerings: r.items, enterprises: [], nextCursor: r.nextCursor };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** CPV codes matching typed words or a code (two characters at least); the list changes rarely. */
export function useCpvSearch(q: string) {
  return useQuery({
    queryKey: keys.cpv(q),
    queryFn: () => call(api.GET('/cpv', { params: { query: { q, limit: 8 } } })),
    enabled: q.length >= 2,
    staleTime: 60 * 60 * 1000,
  });
}
