/**
 * The factors of a match score and their weights, in one table (weights sum to 1). Changing a weight here
 * changes every stored score at the next re-score; nothing else reads the numbers.
 */
export const MATCH_FACTORS = [
  'cpv',
  'text',
  'distance',
  'certification',
  'capacity',
  'target_groups',
  'responsiveness',
] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export const MATCH_WEIGHTS: Readonly<Record<MatchFactor, number>> = {
  cpv: 0.3,
  text: 0.15,
  distance: 0.15,
  certification: 0.15,
  capacity: 0.1,
  target_groups: 0.1,
  responsiveness: 0.05,
};

/** Value 0..1 of a factor whose input is unknown (no distance, no capacity stated, no quote requests yet). */
export const NEUTRAL_VALUE = 0.5;

/** Distance decay: value = exp(-km / DISTANCE_SCALE_KM), so 10 km ≈ 0.72, 30 km ≈ 0.37, 60 km ≈ 0.14. */
export const DISTANCE_SCALE_KM = 30;

/** Matched tender words needed for a full text value (fewer when the tender itself has fewer words). */
export const TEXT_FULL_MATCH_TERMS = 3;

/** Tender words compared with an offering's text, at most. */
export const MAX_TENDER_TERMS = 12;

/** Certification value per PSO level; other accepted types by type. */
export const PSO_LEVEL_VALUES: Readonly<Record<string, number>> = {
  aspirant: 0.6,
  basistrede: 0.7,
  trede_1: 0.8,
  trede_2: 0.9,
  trede_3: 1,
};
export const CERTIFICATION_TYPE_VALUES: Readonly<Record<string, number>> = {
  pso_30plus: 0.9,
  code_sociale_ondernemingen: 0.8,
  sw_company: 0.8,
  regional_recognised_se: 0.7,
  other: 0.5,
};
/** An accepted certificate that is valid today but not yet verified by an officer. */
export const UNVERIFIED_CERTIFICATION_VALUE = 0.2;

export interface MatchReason {
  factor: MatchFactor;
  weight: number;
  /** 0..1 */
  value: number;
  /** One sentence in English. */
  detail: string;
  /** The same sentence in Dutch. */
  detailNl: string;
}
