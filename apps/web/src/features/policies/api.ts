import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';
import { EXAMPLE_POLICY, policyBody } from './example-policy';

type Policy = Schemas['PolicyResponseDto'];

/** The buyer's SROI policies, every version (first 100). */
export function usePolicies() {
  return useQuery({
    queryKey: keys.policies,
    queryFn: () => call(api.GET('/sroi-policies', { params: { query: { limit: 100 } } })),
  });
}

export function usePolicy(id: string) {
  return useQuery({
    queryKey: keys.policy(id),
    queryFn: () => call(api.GET('/sroi-policies/{id}', { params: { path: { id } } })),
  });
}

/** A changed policy: its page shows the API's answer at once, the list reloads. */
function useStorePolicy() {
  const qc = useQueryClient();
  return (p: Policy) => {
    qc.setQueryData(keys.policy(p.id), p);
    void qc.invalidateQueries({ queryKey: keys.policies });
  };
}

/** A new draft policy from api.md's example, where a buyer starts. */
export function useCreatePolicyFromExample() {
  return useMutation({
    mutationFn: () => call(api.POST('/sroi-policies', { body: EXAMPLE_POLICY })),
  });
}

export function useSavePolicy(id: string) {
  const store = useStorePolicy();
  return useMutation({
    mutationFn: (body: Schemas['UpdatePolicyDto']) =>
      call(api.PATCH('/sroi-policies/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function usePublishPolicy(id: string) {
  const store = useStorePolicy();
  return useMutation({
    mutationFn: () => call(api.POST('/sroi-policies/{id}/publish', { params: { path: { id } } })),
    onSuccess: store,
  });
}

/** A new draft version of a published policy, named `version`, with the same rules. */
export function useNewPolicyVersion(policy: Policy) {
  const store = useStorePolicy();
  return useMutation({
    mutationFn: (version: string) =>
      call(
        api.POST('/sroi-policies/{id}/versions', {
          params: { path: { id: policy.id } },
          body: { ...policyBody(policy), version },
        }),
      ),
    onSuccess: store,
  });
}

type EvaluateBody = Schemas['EvaluatePlacementDto'] | Schemas['EvaluateActivityDto'];

/** What a contribution would count for under this policy (nothing is stored). */
export function useEvaluatePolicy(id: string) {
  return useMutation({
    mutationFn: (body: EvaluateBody) =>
      call(api.POST('/sroi-policies/{id}/evaluate', { params: { path: { id } }, body })),
  });
}
