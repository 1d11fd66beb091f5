import type { IsoDate } from '@app/common/sroi-json';
import {
  CERTIFICATION_STATUSES,
  CERTIFICATION_TYPES,
  PSO_LEVELS,
  TARGET_GROUPS,
  type CertificationStatus,
  type CertificationType,
  type PsoLevel,
  type TargetGroup,
} from '@app/common/vocabulary';

export { CERTIFICATION_STATUSES, CERTIFICATION_TYPES, PSO_LEVELS, TARGET_GROUPS };
export type { CertificationStatus, CertificationType, PsoLevel, TargetGroup };

/**
 * The SROI documents stored as JSON (the policy body, breakdown lines, contribution bodies) are defined in
 * `@app/common/sroi-json` so the entities can type their JSONB columns with them; the engine re-exports them.
 */
export {
  BLOCK_CATEGORIES,
  BLOCK_UNITS,
  PLACEMENT_CATEGORIES,
  PROCUREMENT_CATEGORIES,
  PURCHASE_MODES,
} from '@app/common/sroi-json';
export type {
  BlockCategory,
  BlockUnit,
  BreakdownLine,
  IsoDate,
  LowLabourRule,
  PlacementCategory,
  ProcurementCategory,
  PsoDiscount,
  PurchaseMode,
  PurchaseRule,
  SroiBlock,
  SroiBonus,
  SroiPolicyBody,
} from '@app/common/sroi-json';

/** A certification as the engine needs it (contractor's PSO for the obligation, supplier's for purchases). */
export interface CertificationFact {
  type: CertificationType;
  level?: PsoLevel | null;
  validFrom: IsoDate;
  /** Inclusive; absent or null means open-ended. */
  validUntil?: IsoDate | null;
  status: CertificationStatus;
}

export function psoLevelRank(level: PsoLevel): number {
  return PSO_LEVELS.indexOf(level);
}
