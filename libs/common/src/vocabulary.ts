/**
 * The domain's code lists (api.md), defined once: entities, DTOs and the pure SROI rule engine all import
 * them from here. This file has no imports so the engine stays free of Nest and the database.
 */
export const TARGET_GROUPS = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'wia_wao',
  'wajong',
  'nugger',
  'bbl',
  'bol',
  'pro_vso',
  'other',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const CERTIFICATION_TYPES = [
  'pso',
  'pso_30plus',
  'code_sociale_ondernemingen',
  'sw_company',
  'regional_recognised_se',
  'other',
] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

/** Ordered from lowest to highest: the index is the rank used for "at least this level". */
export const PSO_LEVELS = ['aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3'] as const;
export type PsoLevel = (typeof PSO_LEVELS)[number];

export const CERTIFICATION_STATUSES = ['unverified', 'verified', 'rejected'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];
