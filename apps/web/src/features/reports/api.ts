import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

type Report = Schemas['ReportResponseDto'];

/** The signed-in party's reports (50), polled while one is still being made. */
export function useReports() {
  return useQuery({
    queryKey: keys.reports,
    staleTime: 0,
    queryFn: () => call(api.GET('/reports', { params: { query: { limit: 50 } } })),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false,
  });
}

/** Asks for a report; it is made in the background and appears in the list. */
export function useRequestReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateReportDto']) => call(api.POST('/reports', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.reports }),
  });
}

/** Downloads with the access token (a plain link would not carry it), then saves under the API's file name. */
export async function downloadReport(r: Report): Promise<void> {
  const res = await api.GET('/reports/{id}/download', {
    params: { path: { id: r.id } },
    parseAs: 'blob',
  });
  if (!res.response.ok || !res.data) throw apiErrorOf(res.response, res.error);
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName ?? `report-${r.id}.${r.format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the buyer spent with one social enterprise, from the buyer JSON report. */
export interface Spend {
  socialEnterpriseId: string;
  name: string;
  count: number;
  spentCents: number;
  claimedCents: number;
  verifiedCents: number;
}

/**
 * Money spent with social enterprises comes from the buyer JSON report (the API's one aggregate of invoices per
 * enterprise): requested in the background, polled, then read. An identical request while one runs is answered
 * with that one, so a reload does not queue a second.
 */
export function useBuyerSpend(buyerId: string, language: 'nl' | 'en') {
  return useQuery({
    queryKey: keys.buyerSpend(buyerId),
    enabled: Boolean(buyerId),
    staleTime: 60_000,
    queryFn: async () => {
      const accepted = await call(
        api.POST('/reports', { body: { scope: 'buyer', scopeId: buyerId, format: 'json', language } }),
      );
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await call(api.GET('/reports/{id}', { params: { path: { id: accepted.id } } }));
        if (r.status === 'done') break;
        if (r.status === 'failed') throw new Error(r.error ?? 'report failed');
        if (Date.now() > deadline) throw new Error('timeout');
        await new Promise((res) => window.setTimeout(res, 700));
      }
      const file = await api.GET('/reports/{id}/download', {
        params: { path: { id: accepted.id } },
        parseAs: 'text',
      });
      const json = JSON.parse(String(file.data ?? '{}')) as { spendPerSocialEnterprise?: Spend[] };
      return json.spendPerSocialEnterprise ?? [];
    },
  });
}
