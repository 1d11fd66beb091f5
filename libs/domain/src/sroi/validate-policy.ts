import { MAX_DATE, MIN_DATE } from '@app/common/dates';
import { isValidIsoDate } from './dates';
import {
  BLOCK_CATEGORIES,
  BLOCK_UNITS,
  CERTIFICATION_TYPES,
  PLACEMENT_CATEGORIES,
  PROCUREMENT_CATEGORIES,
  PSO_LEVELS,
  PURCHASE_MODES,
  TARGET_GROUPS,
} from './policy.types';

export interface PolicyIssue {
  /** `blocks[2].unit`; '' for the body itself. */
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;

const POLICY_FIELDS = [
  'name',
  'version',
  'validFrom',
  'source',
  'categories',
  'thresholdCents',
  'defaultPercentage',
  'lowLabour',
  'goodsMinLabourShare',
  'minCents',
  'capCents',
  'fullTimeHoursPerWeek',
  'psoDiscounts',
  'blocks',
  'bonuses',
  'purchaseRule',
  'penaltyPercentage',
];
const LOW_LABOUR_FIELDS = ['belowShare', 'percentage'];
const PSO_DISCOUNT_FIELDS = ['level', 'percentage'];
const BLOCK_FIELDS = [
  'code',
  'category',
  'targetGroup',
  'benefitMonthsMin',
  'benefitMonthsMax',
  'unit',
  'valueCents',
  'maxCountMonths',
];
const BONUS_FIELDS = ['code', 'valueCents', 'proRata'];
const PURCHASE_RULE_FIELDS = ['eligibleCertifications', 'minPsoLevel', 'mode', 'factor', 'region'];

/** Sizes match the columns and inputs that carry these values (sroi_policy.name/version, contribution codes). */
export const POLICY_LIMITS = {
  name: 200,
  version: 50,
  code: 60,
  source: 500,
  region: 100,
  blocks: 200,
  bonuses: 50,
  months: 1200,
} as const;

/**
 * Complete structural validation of a policy-version body; returns every problem found (empty = valid) so
 * an officer can fix a draft in one pass.
 */
export function validatePolicy(body: unknown): PolicyIssue[] {
  const v = new Validator();
  const root = v.object(body, '');
  if (!root) return v.issues;
  v.unknownFields(root, POLICY_FIELDS, '');

  v.text(root, 'name', '', POLICY_LIMITS.name);
  v.text(root, 'version', '', POLICY_LIMITS.version);
  v.date(root, 'validFrom', '');
  v.optionalString(root, 'source', '', POLICY_LIMITS.source);
  v.enumArray(root, 'categories', '', PROCUREMENT_CATEGORIES, { nonEmpty: true });
  v.cents(root, 'thresholdCents', '');
  v.percentage(root, 'defaultPercentage', '');

  if (root.lowLabour != null) {
    const low = v.object(root.lowLabour, 'lowLabour');
    if (low) {
      v.unknownFields(low, LOW_LABOUR_FIELDS, 'lowLabour');
      v.share(low, 'belowShare', 'lowLabour');
      v.percentage(low, 'percentage', 'lowLabour');
    }
  }
  v.share(root, 'goodsMinLabourShare', '', { nullable: true });
  if (root.penaltyPercentage != null) v.percentage(root, 'penaltyPercentage', '');
  const min = v.cents(root, 'minCents', '', { nullable: true });
  const cap = v.cents(root, 'capCents', '', { nullable: true });
  if (min != null && cap != null && min > cap) v.add('minCents', 'must not exceed capCents');
  const fullTime = v.number(root, 'fullTimeHoursPerWeek', '');
  if (fullTime != null && !(fullTime > 0 && fullTime <= 168)) {
    v.add('fullTimeHoursPerWeek', 'must be more than 0 and at most 168');
  }

  const discounts = v.array(root, 'psoDiscounts', '');
  const discountLevels = new Map<unknown, number>();
  discounts?.forEach((item, i) => {
    const path = `psoDiscounts[${i}]`;
    const d = v.object(item, path);
    if (!d) return;
    v.unknownFields(d, PSO_DISCOUNT_FIELDS, path);
    const level = v.oneOf(d, 'level', path, PSO_LEVELS);
    v.percentage(d, 'percentage', path);
    if (level != null) {
      const first = discountLevels.get(level);
      if (first != null) v.add(`${path}.level`, `duplicate level '${level}' (also psoDiscounts[${first}])`);
      else discountLevels.set(level, i);
    }
  });

  validateBlocks(v, root);

  const bonuses = v.array(root, 'bonuses', '', POLICY_LIMITS.bonuses);
  const bonusCodes = new Map<string, number>();
  bonuses?.forEach((item, i) => {
    const path = `bonuses[${i}]`;
    const b = v.object(item, path);
    if (!b) return;
    v.unknownFields(b, BONUS_FIELDS, path);
    const code = v.text(b, 'code', path, POLICY_LIMITS.code);
    v.cents(b, 'valueCents', path);
    v.boolean(b, 'proRata', path);
    if (code != null) {
      const first = bonusCodes.get(code);
      if (first != null) v.add(`${path}.code`, `duplicate bonus code '${code}' (also bonuses[${first}])`);
      else bonusCodes.set(code, i);
    }
  });

  if (!('purchaseRule' in root) || root.purchaseRule === undefined) {
    v.add('purchaseRule', 'is required');
  } else {
    const rule = v.object(root.purchaseRule, 'purchaseRule');
    if (rule) {
      const path = 'purchaseRule';
      v.unknownFields(rule, PURCHASE_RULE_FIELDS, path);
      v.enumArray(rule, 'eligibleCertifications', path, CERTIFICATION_TYPES);
      v.oneOf(rule, 'minPsoLevel', path, PSO_LEVELS, { nullable: true });
      const mode = v.oneOf(rule, 'mode', path, PURCHASE_MODES);
      const factor = v.share(rule, 'factor', path, { nullable: true });
      if (mode === 'factor' && factor === null) {
        v.add(`${path}.factor`, "is required when mode is 'factor'");
      }
      v.optionalString(rule, 'region', path, POLICY_LIMITS.region);
    }
  }
  return v.issues;
}

function validateBlocks(v: Validator, root: Obj): void {
  const blocks = v.array(root, 'blocks', '', POLICY_LIMITS.blocks);
  if (!blocks) return;
  const codes = new Map<string, number>();
  const ranges: { index: number; group: string; min: number; max: number }[] = [];
  blocks.forEach((item, i) => {
    const path = `blocks[${i}]`;
    const b = v.object(item, path);
    if (!b) return;
    v.unknownFields(b, BLOCK_FIELDS, path);
    const code = v.text(b, 'code', path, POLICY_LIMITS.code);
    if (code != null) {
      const first = codes.get(code);
      if (first != null) v.add(`${path}.code`, `duplicate block code '${code}' (also blocks[${first}])`);
      else codes.set(code, i);
    }
    const category = v.oneOf(b, 'category', path, BLOCK_CATEGORIES);
    const targetGroup = b.targetGroup == null ? null : v.oneOf(b, 'targetGroup', path, TARGET_GROUPS);
    const min = b.benefitMonthsMin == null ? null : v.months(b, 'benefitMonthsMin', path);
    const max = b.benefitMonthsMax == null ? null : v.months(b, 'benefitMonthsMax', path);
    if (min != null && max != null && min >= max) {
      v.add(`${path}.benefitMonthsMax`, 'must be greater than benefitMonthsMin (the maximum is exclusive)');
    }
    v.oneOf(b, 'unit', path, BLOCK_UNITS);
    v.cents(b, 'valueCents', path);
    if (b.maxCountMonths != null) {
      const m = b.maxCountMonths;
      if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > POLICY_LIMITS.months) {
        v.add(
          `${path}.maxCountMonths`,
          `must be a positive whole number of months, at most ${POLICY_LIMITS.months}`,
        );
      }
    }
    // Automatic block choice needs one block per benefit-month value; activity blocks are chosen by code.
    const isPlacement = (PLACEMENT_CATEGORIES as readonly unknown[]).includes(category);
    if (isPlacement && min !== undefined && max !== undefined && targetGroup !== undefined) {
      const lo = min ?? 0;
      const hi = max ?? Number.POSITIVE_INFINITY;
      if (lo < hi) ranges.push({ index: i, group: `${category}/${targetGroup ?? '*'}`, min: lo, max: hi });
    }
  });
  for (let a = 0; a < ranges.length; a++) {
    for (let b = 0; b < a; b++) {
      const x = ranges[a];
      const y = ranges[b];
      if (x.group === y.group && x.min < y.max && y.min < x.max) {
        v.add(
          `blocks[${x.index}]`,
          `benefit-month range overlaps blocks[${y.index}] for the same category and target group`,
        );
        break;
      }
    }
  }
}

class Validator {
  readonly issues: { path: string; message: string }[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): Obj | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'must be an object');
      return undefined;
    }
    return value as Obj;
  }

  unknownFields(o: Obj, known: string[], path: string): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) this.add(join(path, key), 'is not a known field');
    }
  }

  /**
   * Returns the value when it passes, `null` when it is an allowed null, `undefined` after an issue. A key
   * is required even when its value may be null, as in the API's JSON.
   */
  private present(o: Obj, key: string, path: string, nullable: boolean): 'ok' | 'null' | 'bad' {
    if (!(key in o) || o[key] === undefined) {
      this.add(join(path, key), 'is required');
      return 'bad';
    }
    if (o[key] === null) {
      if (nullable) return 'null';
      this.add(join(path, key), 'must not be null');
      return 'bad';
    }
    return 'ok';
  }

  text(o: Obj, key: string, path: string, maxLength: number): string | undefined {
    if (this.present(o, key, path, false) !== 'ok') return undefined;
    const value = o[key];
    if (typeof value !== 'string') return this.fail(path, key, 'must be a string');
    if (value.trim() === '') return this.fail(path, key, 'must not be empty');
    if (value.length > maxLength) return this.fail(path, key, `must be at most ${maxLength} characters`);
    return value;
  }

  optionalString(o: Obj, key: string, path: string, maxLength: number): void {
    const value = o[key];
    if (value == null) return;
    if (typeof value !== 'string') this.add(join(path, key), 'must be a string');
    else if (value.length > maxLength) this.add(join(path, key), `must be at most ${maxLength} characters`);
  }

  boolean(o: Obj, key: string, path: string): void {
    if (this.present(o, key, path, false) === 'ok' && typeof o[key] !== 'boolean') {
      this.add(join(path, key), 'must be true or false');
    }
  }

  date(o: Obj, key: string, path: string): void {
    if (this.present(o, key, path, false) !== 'ok') return;
    const value = o[key];
    if (!isValidIsoDate(value) || value < MIN_DATE || value > MAX_DATE) {
      this.add(join(path, key), `must be a calendar date YYYY-MM-DD from ${MIN_DATE} to ${MAX_DATE}`);
    }
  }

  number(o: Obj, key: string, path: string, opts: { nullable?: boolean } = {}): number | null | undefined {
    const state = this.present(o, key, path, !!opts.nullable);
    if (state !== 'ok') return state === 'null' ? null : undefined;
    const value = o[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, key, 'must be a number');
    return value;
  }

  months(o: Obj, key: string, path: string): number | undefined {
    const n = this.number(o, key, path);
    if (n == null) return undefined;
    return n < 0 || n > POLICY_LIMITS.months
      ? this.fail(path, key, `must be from 0 to ${POLICY_LIMITS.months} months`)
      : n;
  }

  cents(o: Obj, key: string, path: string, opts: { nullable?: boolean } = {}): number | null | undefined {
    const n = this.number(o, key, path, opts);
    if (n == null) return n;
    if (!Number.isSafeInteger(n) || n < 0)
      return this.fail(path, key, 'must be a non-negative integer (cents)');
    return n;
  }

  percentage(o: Obj, key: string, path: string): number | undefined {
    const n = this.number(o, key, path);
    if (n == null) return undefined;
    return n < 0 || n > 100 ? this.fail(path, key, 'must be a percentage from 0 to 100') : n;
  }

  share(o: Obj, key: string, path: string, opts: { nullable?: boolean } = {}): number | null | undefined {
    const n = this.number(o, key, path, opts);
    if (n == null) return n;
    return n < 0 || n > 1 ? this.fail(path, key, 'must be a share from 0 to 1') : n;
  }

  oneOf<T extends string>(
    o: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    opts: { nullable?: boolean } = {},
  ): T | null | undefined {
    const state = this.present(o, key, path, !!opts.nullable);
    if (state !== 'ok') return state === 'null' ? null : undefined;
    const value = o[key];
    if (!(allowed as readonly unknown[]).includes(value)) {
      return this.fail(path, key, `must be one of: ${allowed.join(', ')}`);
    }
    return value as T;
  }

  array(o: Obj, key: string, path: string, maxItems = 100): unknown[] | undefined {
    if (this.present(o, key, path, false) !== 'ok') return undefined;
    const value = o[key];
    if (!Array.isArray(value)) return this.fail(path, key, 'must be an array');
    return value.length > maxItems ? this.fail(path, key, `must have at most ${maxItems} items`) : value;
  }

  enumArray(
    o: Obj,
    key: string,
    path: string,
    allowed: readonly string[],
    opts: { nonEmpty?: boolean } = {},
  ): void {
    const items = this.array(o, key, path);
    if (!items) return;
    if (opts.nonEmpty && items.length === 0) this.add(join(path, key), 'must not be empty');
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const itemPath = `${join(path, key)}[${i}]`;
      if (!allowed.includes(item as string)) this.add(itemPath, `must be one of: ${allowed.join(', ')}`);
      else if (seen.has(item)) this.add(itemPath, `duplicate value '${String(item)}'`);
      seen.add(item);
    });
  }

  private fail(path: string, key: string, message: string): undefined {
    this.add(join(path, key), message);
    return undefined;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
