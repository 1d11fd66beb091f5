import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

export type Initiative = Schemas['InitiativeResponseDto'];
export type Pledge = Schemas['PledgeResponseDto'];
export type Need = Schemas['NeedResponseDto'];
export type InitiativeStatus = Initiative['status'];

const path = (id: string) => ({ params: { path: { id } } });

export function useInitiatives(filters: { status?: InitiativeStatus; q?: string } = {}) {
  return useQuery({
    queryKey: keys.initiatives.list(filters),
    staleTime: 0,
    queryFn: () => call(api.GET('/initiatives', { params: { query: { limit: 100, ...filters } } })),
  });
}

export function useInitiative(id: string) {
  return useQuery({
    queryKey: keys.initiatives.one(id),
    staleTime: 0,
    queryFn: () => call(api.GET('/initiatives/{id}', path(id))),
  });
}

export function useInitiativeStats(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: keys.initiatives.stats(range),
    staleTime: 0,
    queryFn: () => call(api.GET('/initiatives/stats', { params: { query: range } })),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.initiatives.all });
}

export function useCreateInitiative() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateInitiativeDto']) => call(api.POST('/initiatives', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateInitiative(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['UpdateInitiativeDto']) =>
      call(api.PATCH('/initiatives/{id}', { ...path(id), body })),
    onSuccess: invalidate,
  });
}

export function usePledge(initiativeId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreatePledgeDto']) =>
      call(api.POST('/initiatives/{id}/pledges', { ...path(initiativeId), body })),
    onSuccess: invalidate,
  });
}

export function usePledgeStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (step: 'accept' | 'deliver') =>
      call(
        step === 'accept'
          ? api.POST('/pledges/{id}/accept', path(id))
          : api.POST('/pledges/{id}/deliver', path(id)),
      ),
    onSuccess: invalidate,
  });
}

export function useCountPledge(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['PledgeContributionDto']) =>
      call(api.POST('/pledges/{id}/contribution', { ...path(id), body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.initiatives.all });
      void qc.invalidateQueries({ queryKey: keys.obligations });
      void qc.invalidateQueries({ queryKey: keys.contributions.all });
    },
  });
}
