import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';
import { useAuth } from '../../auth/AuthProvider';

/** Registers a person with their organisation and signs them in (AuthProvider keeps the session). */
export function useRegister() {
  const { adopt } = useAuth();
  return useMutation({
    mutationFn: async (body: Schemas['RegisterDto']) =>
      adopt(await call(api.POST('/auth/register', { body }))),
  });
}

type OrganisationKind = NonNullable<Schemas['OrganisationHitDto']['kind']>;

/** Organisations by name or KvK number (officers and admins): the award form's contractor picker. */
export function useOrganisationSearch(q: string, kind?: OrganisationKind) {
  return useQuery({
    queryKey: keys.organisationSearch(kind, q),
    queryFn: () => call(api.GET('/organisations', { params: { query: { q, kind, limit: 10 } } })),
    enabled: q.length >= 2,
  });
}
