import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { keys } from '../../api/query-keys';

/** Who can help with an obligation, best first (20); polled while the API is still computing the list. */
export function useMatches(obligationId: string) {
  return useQuery({
    queryKey: keys.matches(obligationId),
    staleTime: 0,
    queryFn: () =>
      call(
        api.GET('/obligations/{id}/matches', {
          params: { path: { id: obligationId }, query: { limit: 20 } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.pending ? 1000 : false),
  });
}

/** Polls a background job until it is done or failed. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: keys.job(id),
    queryFn: () => call(api.GET('/jobs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 500;
    },
    staleTime: 0,
  });
}

/**
 * Recomputing an obligation's matches: the request, then the background job it started (polled); once the job is
 * done the matches are read again.
 */
export function useRefreshMatches(obligationId: string) {
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const refresh = useMutation({
    mutationFn: () =>
      call(api.POST('/obligations/{id}/matches/refresh', { params: { path: { id: obligationId } } })),
    onSuccess: (r) => setJobId(r.id),
  });
  const job = useJob(jobId);
  const jobStatus = job.data?.status;
  useEffect(() => {
    if (jobStatus === 'done') void qc.invalidateQueries({ queryKey: keys.matches(obligationId) });
  }, [jobStatus, obligationId, qc]);
  return { refresh, job };
}

/** Obligations and tenders where this social enterprise's offerings would help (50). */
export function useOpportunities(organisationId: string) {
  return useQuery({
    queryKey: keys.opportunities(organisationId),
    staleTime: 0,
    queryFn: () =>
      call(
        api.GET('/social-enterprises/{id}/opportunities', {
          params: { path: { id: organisationId }, query: { limit: 50 } },
        }),
      ),
    enabled: Boolean(organisationId),
  });
}
