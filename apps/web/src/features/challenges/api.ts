import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

export type Challenge = Schemas['ChallengeResponseDto'];
export type Proposal = Schemas['ProposalResponseDto'];
export type ChallengeBody = Schemas['CreateChallengeDto'];
export interface ChallengeFilters {
  status?: 'draft' | 'open' | 'judging' | 'decided';
  q?: string;
  theme?: string;
  area?: string;
}

const path = (id: string) => ({ params: { path: { id } } });

/** Challenges that are open or later (an officer also sees its own drafts): the first 100, by the filters. */
export function useChallenges(filters: ChallengeFilters = {}) {
  return useQuery({
    queryKey: keys.challenges.list(filters),
    staleTime: 0,
    queryFn: () => call(api.GET('/challenges', { params: { query: { limit: 100, ...filters } } })),
  });
}

export function useChallenge(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.challenges.one(id ?? ''),
    staleTime: 0,
    enabled: Boolean(id),
    queryFn: () => call(api.GET('/challenges/{id}', path(id ?? ''))),
  });
}

/** All proposals for the challenge's officers; the caller's own (or those it partners in) for a proposer. */
export function useProposals(challengeId: string, enabled = true) {
  return useQuery({
    queryKey: keys.challenges.proposals(challengeId),
    staleTime: 0,
    enabled,
    queryFn: () => call(api.GET('/challenges/{id}/proposals', path(challengeId))),
  });
}

/** The caller's own proposals on each of these challenges (one request per challenge). */
export function useProposalsOfEach(challengeIds: string[]) {
  return useQueries({
    queries: challengeIds.map((id) => ({
      queryKey: keys.challenges.proposals(id),
      staleTime: 0,
      queryFn: () => call(api.GET('/challenges/{id}/proposals', path(id))),
    })),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.challenges.all });
}

export function useCreateChallenge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ChallengeBody) => call(api.POST('/challenges', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateChallenge(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['UpdateChallengeDto']) =>
      call(api.PATCH('/challenges/{id}', { ...path(id), body })),
    onSuccess: invalidate,
  });
}

export type ChallengeStep = 'publish' | 'close' | 'finish';

export function useChallengeStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (step: ChallengeStep) =>
      call(
        step === 'publish'
          ? api.POST('/challenges/{id}/publish', path(id))
          : step === 'close'
            ? api.POST('/challenges/{id}/close', path(id))
            : api.POST('/challenges/{id}/finish', path(id)),
      ),
    onSuccess: invalidate,
  });
}

export function usePropose(challengeId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateProposalDto']) =>
      call(api.POST('/challenges/{id}/proposals', { ...path(challengeId), body })),
    onSuccess: invalidate,
  });
}

export function useUpdateProposal(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['UpdateProposalDto']) =>
      call(api.PATCH('/proposals/{id}', { ...path(id), body })),
    onSuccess: invalidate,
  });
}

export function useWithdrawProposal(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.DELETE('/proposals/{id}', path(id))),
    onSuccess: invalidate,
  });
}

export function useDecide(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['ProposalDecisionDto']) =>
      call(api.POST('/proposals/{id}/decision', { ...path(id), body })),
    onSuccess: invalidate,
  });
}
