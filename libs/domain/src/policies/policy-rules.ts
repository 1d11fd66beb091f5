import { ValidationFailedError } from '@app/common';
import { PLACEMENT_CATEGORIES, SroiPolicyBody } from '../sroi/policy.types';
import { PolicyErrorCode } from './policies.errors';

export interface PolicyIssue {
  /** `blocks[2].benefitMonthsMax`; '' for the body itself. */
  field: string;
  message: string;
}

/**
 * The rules between the fields of a policy whose shape is valid (the request DTO checks the shape): checked on
 * the whole body, so also after a PATCH is merged into a stored draft. Every problem is listed.
 */
export function policyRuleIssues(body: SroiPolicyBody): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add = (field: string, message: string): void => {
    issues.push({ field, message });
  };
  if (body.minCents != null && body.capCents != null && body.minCents > body.capCents)
    add('minCents', 'must not exceed capCents');
  firstDuplicates(body.psoDiscounts.map((d) => d.level)).forEach(([i, first]) =>
    add(
      `psoDiscounts[${i}].level`,
      `duplicate level '${body.psoDiscounts[i].level}' (also psoDiscounts[${first}])`,
    ),
  );
  firstDuplicates(body.blocks.map((b) => b.code)).forEach(([i, first]) =>
    add(`blocks[${i}].code`, `duplicate block code '${body.blocks[i].code}' (also blocks[${first}])`),
  );
  firstDuplicates(body.bonuses.map((b) => b.code)).forEach(([i, first]) =>
    add(`bonuses[${i}].code`, `duplicate bonus code '${body.bonuses[i].code}' (also bonuses[${first}])`),
  );
  blockRangeIssues(body, add);
  if (body.purchaseRule.mode === 'factor' && body.purchaseRule.factor == null)
    add('purchaseRule.factor', "is required when mode is 'factor'");
  return issues;
}

/** 400 POLICY_INVALID naming every broken rule, as the DTO names every bad field. */
export function assertPolicyRules(body: SroiPolicyBody): SroiPolicyBody {
  const issues = policyRuleIssues(body);
  if (issues.length) {
    throw new ValidationFailedError(
      `The policy is invalid: ${issues[0].field} ${issues[0].message}`,
      issues.map((i) => ({ field: i.field, code: 'policy_rule', message: `${i.field} ${i.message}` })),
      PolicyErrorCode.PolicyInvalid,
    );
  }
  return body;
}

/** [index, index of its first occurrence] of every repeated value. */
function firstDuplicates(values: unknown[]): [number, number][] {
  const seen = new Map<unknown, number>();
  const out: [number, number][] = [];
  values.forEach((v, i) => {
    const first = seen.get(v);
    if (first === undefined) seen.set(v, i);
    else out.push([i, first]);
  });
  return out;
}

/** Automatic block choice needs one block per benefit-month value; activity blocks are chosen by code. */
function blockRangeIssues(body: SroiPolicyBody, add: (field: string, message: string) => void): void {
  const ranges: { index: number; group: string; min: number; max: number }[] = [];
  body.blocks.forEach((b, i) => {
    const min = b.benefitMonthsMin ?? null;
    const max = b.benefitMonthsMax ?? null;
    if (min != null && max != null && min >= max) {
      add(
        `blocks[${i}].benefitMonthsMax`,
        'must be greater than benefitMonthsMin (the maximum is exclusive)',
      );
      return;
    }
    if ((PLACEMENT_CATEGORIES as readonly string[]).includes(b.category)) {
      ranges.push({
        index: i,
        group: `${b.category}/${b.targetGroup ?? '*'}`,
        min: min ?? 0,
        max: max ?? Number.POSITIVE_INFINITY,
      });
    }
  });
  for (let a = 0; a < ranges.length; a++) {
    for (let b = 0; b < a; b++) {
      const x = ranges[a];
      const y = ranges[b];
      if (x.group === y.group && x.min < y.max && y.min < x.max) {
        add(
          `blocks[${x.index}]`,
          `benefit-month range overlaps blocks[${y.index}] for the same category and target group`,
        );
        break;
      }
    }
  }
}
