import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';
import { useAuth } from '../../auth/AuthProvider';

/* The directory's hooks for the enterprise pages and the signed-in screens (the home page's are search-api.ts). */

/** A social enterprise's public profile. */
export function useEnterprise(id: string) {
  return useQuery({
    queryKey: keys.enterprise(id),
    queryFn: () => call(api.GET('/social-enterprises/{id}', { params: { path: { id } } })),
  });
}

/** Enterprises by name, for the officer's certificate review; asks nothing until there is a name. */
export function useEnterpriseSearch(q: string | null) {
  return useQuery({
    queryKey: keys.enterpriseSearch(q),
    queryFn: () => call(api.GET('/social-enterprises', { params: { query: { q: q ?? '', limit: 20 } } })),
    enabled: Boolean(q),
  });
}

/** The signed-in social enterprise's own profile (offerings included), always read fresh. */
export function useOwnProfile() {
  const { me } = useAuth();
  const id = me?.organisation?.id ?? '';
  return {
    id,
    query: useQuery({
      queryKey: keys.ownProfile.of(id),
      staleTime: 0,
      queryFn: () => call(api.GET('/social-enterprises/{id}', { params: { path: { id } } })),
      enabled: Boolean(id),
    }),
  };
}

export function useSaveProfile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ProfileDto']) =>
      call(api.PUT('/social-enterprises/{id}/profile', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.ownProfile.of(id) }),
  });
}

/** An organisation's certificates; `fresh` for the organisation's own screen, which changes them. */
export function useCertifications(organisationId: string, { fresh = false } = {}) {
  return useQuery({
    queryKey: keys.certifications(organisationId),
    ...(fresh ? { staleTime: 0 } : {}),
    queryFn: () =>
      call(api.GET('/organisations/{id}/certifications', { params: { path: { id: organisationId } } })),
  });
}

export function useAddCertification(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCertificationDto']) =>
      call(
        api.POST('/organisations/{id}/certifications', { params: { path: { id: organisationId } }, body }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.certifications(organisationId) });
      void qc.invalidateQueries({ queryKey: keys.ownProfile.of(organisationId) });
    },
  });
}

/** The officer's decision on a certificate, with an optional note. */
export function useVerifyCertification(cert: Schemas['CertificationDto']) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, note }: { decision: 'verified' | 'rejected'; note?: string }) =>
      call(
        api.POST('/certifications/{id}/verification', {
          params: { path: { id: cert.id } },
          body: { decision, ...(note ? { note } : {}) },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.certifications(cert.organisationId) }),
  });
}

/** Creates an offering, or saves the given one. */
export function useSaveOffering(offering?: Schemas['OfferingDto']) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateOfferingDto']) =>
      offering
        ? call(api.PATCH('/offerings/{id}', { params: { path: { id: offering.id } }, body }))
        : call(api.POST('/offerings', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.ownProfile.all }),
  });
}

export function useDeleteOffering(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/offerings/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.ownProfile.all }),
  });
}
