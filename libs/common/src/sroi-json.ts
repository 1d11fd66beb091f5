import type { PsoLevel, TargetGroup, CertificationType } from './vocabulary';

/**
 * The SROI documents the database keeps as JSON (`sroi_policy.body`, `contract.policy_snapshot`,
 * `obligation.breakdown`/`inputs`, `contribution.body`/`breakdown`), defined once: the entities type their
 * JSONB columns with them and the pure SROI rule engine (`libs/domain/src/sroi`, which re-exports them) reads
 * and writes them. Like `vocabulary.ts`, nothing here imports Nest or the database.
 *
 * The SROI policy-version body is exactly as the public API (api.md, "SROI policies") carries it. Nullable
 * fields are required keys whose value may be null, as in the API example; fields marked optional may be
 * omitted (null is accepted for them too).
 */

export const PROCUREMENT_CATEGORIES = ['goods', 'services', 'works'] as const;
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];

export const BLOCK_CATEGORIES = ['employment', 'training', 'social_activity'] as const;
export type BlockCategory = (typeof BLOCK_CATEGORIES)[number];

export const PLACEMENT_CATEGORIES = ['employment', 'training'] as const;
export type PlacementCategory = (typeof PLACEMENT_CATEGORIES)[number];

export const BLOCK_UNITS = ['fte_year', 'month', 'week', 'hour', 'activity'] as const;
export type BlockUnit = (typeof BLOCK_UNITS)[number];

export const PURCHASE_MODES = ['full_invoice', 'labour_component', 'factor'] as const;
export type PurchaseMode = (typeof PURCHASE_MODES)[number];

/** 'YYYY-MM-DD', a calendar date without time zone. */
export type IsoDate = string;

export interface LowLabourRule {
  /** Share 0..1: a labour share strictly below this uses `percentage`. */
  belowShare: number;
  percentage: number;
}

export interface PsoDiscount {
  level: PsoLevel;
  /** Percent taken off the obligation amount. */
  percentage: number;
}

export interface SroiBlock {
  code: string;
  category: BlockCategory;
  /** Absent: the block is the fallback for its category when no block names the target group. */
  targetGroup?: TargetGroup | null;
  /** Inclusive lower bound of months on benefit. */
  benefitMonthsMin?: number | null;
  /** Exclusive upper bound of months on benefit. */
  benefitMonthsMax?: number | null;
  unit: BlockUnit;
  /** Value of one unit (for fte_year: one full-time year). */
  valueCents: number;
  maxCountMonths?: number | null;
}

export interface SroiBonus {
  code: string;
  /** Value per full-time year when pro-rated, else a fixed amount per placement. */
  valueCents: number;
  proRata: boolean;
}

export interface PurchaseRule {
  eligibleCertifications: CertificationType[];
  minPsoLevel: PsoLevel | null;
  mode: PurchaseMode;
  /** Share 0..1, required when mode is 'factor'. */
  factor: number | null;
  /** Free-form region name; the engine only asks the caller whether the supplier is inside it. */
  region?: string | null;
}

/** `sroi_policy.body`, and `contract.policy_snapshot` (the body frozen at award). */
export interface SroiPolicyBody {
  name: string;
  version: string;
  validFrom: IsoDate;
  /** Provenance note; not in api.md's example but present in the shared policy data files. */
  source?: string | null;
  categories: ProcurementCategory[];
  thresholdCents: number;
  defaultPercentage: number;
  lowLabour?: LowLabourRule | null;
  /** Null: goods are covered whatever their labour share. */
  goodsMinLabourShare: number | null;
  minCents: number | null;
  capCents: number | null;
  fullTimeHoursPerWeek: number;
  psoDiscounts: PsoDiscount[];
  blocks: SroiBlock[];
  bonuses: SroiBonus[];
  purchaseRule: PurchaseRule;
  /** Share of the shortfall charged when an obligation is not met (a preview; e.g. 50). Optional. */
  penaltyPercentage?: number | null;
}

/** One human-readable line of a computation, in Dutch and English (`obligation.breakdown`, `contribution.breakdown`). */
export interface BreakdownLine {
  code: string;
  labelNl: string;
  labelEn: string;
  valueCents?: number;
  /** Language-neutral formula or figures, e.g. `40000.00 × 24/36 × 12/12`. */
  detail?: string;
  /**
   * The line's figures and codes, structured, so a reader can word it in its own language and money format
   * (the web app, reports): amounts in cents (`…Cents`), dates `YYYY-MM-DD`, percentages as numbers, codes as codes.
   * Which members a line has depends on its `code`; older stored lines have none.
   */
  params?: Record<string, string | number | boolean | null>;
}

export interface AppliedPsoDiscount {
  level: PsoLevel;
  percentage: number;
  discountCents: number;
}

/** `obligation.inputs`: what the engine was given at award, and the policy version it used. */
export interface ObligationInputs {
  category: ProcurementCategory;
  contractValueCents: number;
  percentageOverride: number | null;
  labourShare: number | null;
  contractStart: IsoDate;
  contractEnd: IsoDate;
  policyName: string;
  policyVersion: string;
  grossAmountCents: number;
  psoDiscount: AppliedPsoDiscount | null;
}

/** `contribution.body` (never names or BSNs: a person is a pseudonymous token). */
export interface PlacementBody {
  category: PlacementCategory;
  blockCode?: string | null;
  targetGroup: TargetGroup;
  benefitMonths?: number | null;
  hoursPerWeek: number;
  startDate: IsoDate;
  /** Inclusive. */
  endDate: IsoDate;
  bonuses?: string[] | null;
  personToken: string;
}

export interface PurchaseBody {
  category: 'social_purchase';
  supplierOrganisationId: string;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  amountCents: number;
  /** Share 0..1 of target-group wage in the price; needed in labour_component mode. */
  labourShare?: number | null;
}

export interface ActivityBody {
  category: 'social_activity';
  blockCode: string;
  /** In the block's unit (hours for an hourly block, activities for a lump-sum block). */
  quantity: number;
  description: string;
}

export type ContributionBody = PlacementBody | PurchaseBody | ActivityBody;
