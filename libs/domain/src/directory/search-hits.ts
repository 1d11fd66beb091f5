import type { CertificationType } from '@app/database';

/**
 * An offering search row as the SQL of `search.sql.ts` returns it, and the hit the API answers with: free of Nest,
 * so the benchmark's bare server shapes its answers with exactly this code.
 */
export interface SearchCertification {
  id: string;
  type: CertificationType;
  level: string | null;
  status: string;
  validUntil: string | null;
}

export interface OfferingHit {
  id: string;
  title: string;
  description: string;
  cpvCodes: string[];
  socialEnterprise: { id: string; name: string; city: string | null; certifications: SearchCertification[] };
  distanceKm: number | null;
  score: number;
}

export interface OfferingRow {
  id: string;
  title: string;
  description: string;
  cpv_codes: string[];
  organisation_id: string;
  organisation_name: string;
  organisation_city: string | null;
  score: number;
  distance_km: number | null;
  sort_distance: number | null;
  sort_updated_at: string | null;
  certifications: SearchCertification[];
}

/** One row as a hit; `display` writes the CPV codes with their check digits. */
export function offeringHit(r: OfferingRow, display: (codes: string[]) => string[]): OfferingHit {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    cpvCodes: display(r.cpv_codes),
    socialEnterprise: {
      id: r.organisation_id,
      name: r.organisation_name,
      city: r.organisation_city,
      certifications: r.certifications,
    },
    distanceKm: r.distance_km,
    score: r.score,
  };
}
