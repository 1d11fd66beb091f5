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

/** What the buyer spent with one social enterprise (invoices and the credit they were valued at). */
export type Spend = Schemas['DashboardSpendDto'];

/**
 * The officer's dashboard figures, computed by the API on each read (GET /dashboard): looking at the dashboard
 * files no report and queues nothing.
 */
export function useDashboard() {
  return useQuery({
    queryKey: keys.dashboard,
    staleTime: 0,
    queryFn: () => call(api.GET('/dashboard')),
  });
}
