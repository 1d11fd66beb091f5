import type { Schemas } from '../api/client';

/* Code lists as the API names them (api.md); labels come from the messages. */
export const TARGET_GROUPS: Schemas['ProfileDto']['targetGroups'] = [
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
];
export const CERTIFICATION_TYPES: Schemas['CertificationDto']['type'][] = [
  'pso',
  'pso_30plus',
  'code_sociale_ondernemingen',
  'sw_company',
  'regional_recognised_se',
  'other',
];
export const CATEGORIES: Schemas['CreateTenderDto']['mainProcurementCategory'][] = [
  'services',
  'works',
  'goods',
];
export const BLOCK_CATEGORIES = ['employment', 'training', 'social_activity'] as const;
export const BLOCK_UNITS = ['fte_year', 'month', 'week', 'hour', 'activity'] as const;
export const RADII = [5, 10, 25, 50, 100];

/** Same rules as the API (libs/common/src/dutch.ts), so the form can say it before sending. */
export const KVK_PATTERN = /^\d{8}$/;
export const POSTCODE_OR_PC4_PATTERN = /^[1-9]\d{3}(\s?(?!SA|SD|SS|sa|sd|ss)[A-Za-z]{2})?$/;
