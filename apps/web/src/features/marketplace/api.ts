import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

/* Both sides of the marketplace read the same lists: the API answers each party with its own. */

/** The signed-in party's quote requests with their quotes (first 100), read fresh. */
export function useQuoteRequests() {
  return useQuery({
    queryKey: keys.quoteRequests,
    staleTime: 0,
    queryFn: () => call(api.GET('/quote-requests', { params: { query: { limit: 100 } } })),
  });
}

/** The signed-in party's orders with their invoices (first 100), read fresh. */
export function useOrders() {
  return useQuery({
    queryKey: keys.orders,
    staleTime: 0,
    queryFn: () => call(api.GET('/orders', { params: { query: { limit: 100 } } })),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return (...queryKeys: (readonly unknown[])[]) =>
    queryKeys.forEach((queryKey) => void qc.invalidateQueries({ queryKey }));
}

/** The contractor asks a social enterprise for a quote on one of its offerings. */
export function useRequestQuote() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateQuoteRequestDto']) => call(api.POST('/quote-requests', { body })),
    onSuccess: () => invalidate(keys.quoteRequests),
  });
}

/** The contractor accepts a quote: the API makes an order of it. */
export function useAcceptQuote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.POST('/quotes/{id}/accept', { params: { path: { id } } })),
    onSuccess: () => invalidate(keys.quoteRequests, keys.orders),
  });
}

export function useRejectQuote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.POST('/quotes/{id}/reject', { params: { path: { id } } })),
    onSuccess: () => invalidate(keys.quoteRequests, keys.orders),
  });
}

export function useCompleteOrder(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.POST('/orders/{id}/complete', { params: { path: { id } } })),
    onSuccess: () => invalidate(keys.orders),
  });
}

/** The social enterprise answers a request with a quote. */
export function useSendQuote(requestId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateQuoteDto']) =>
      call(api.POST('/quote-requests/{id}/quotes', { params: { path: { id: requestId } }, body })),
    onSuccess: () => invalidate(keys.quoteRequests),
  });
}

/** The social enterprise declines a request, with an optional reason. */
export function useDeclineRequest(requestId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['DeclineQuoteRequestDto']) =>
      call(api.POST('/quote-requests/{id}/decline', { params: { path: { id: requestId } }, body })),
    onSuccess: () => invalidate(keys.quoteRequests),
  });
}

/** The social enterprise invoices an order; the API turns the invoice into the contractor's contribution. */
export function useSendInvoice(orderId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateInvoiceDto']) =>
      call(api.POST('/orders/{id}/invoices', { params: { path: { id: orderId } }, body })),
    onSuccess: () => invalidate(keys.orders),
  });
}
