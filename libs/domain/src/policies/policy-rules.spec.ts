import { SroiPolicyBody } from '../sroi/policy.types';
import { examplePolicy, UTRECHT_CURRENT } from '../sroi/testing.fixtures';
import { assertPolicyRules, policyRuleIssues } from './policy-rules';

type Mutation = (p: SroiPolicyBody) => void;

describe('policyRuleIssues', () => {
  it('accepts the api.md-shaped example policy and the shared Utrecht policy file', () => {
    expect(policyRuleIssues(examplePolicy())).toEqual([]);
    expect(policyRuleIssues(UTRECHT_CURRENT as SroiPolicyBody)).toEqual([]);
  });

  it.each<[string, Mutation, string, string]>([
    ['min above cap', (p) => ((p.minCents = 2), (p.capCents = 1)), 'minCents', 'must not exceed capCents'],
    [
      'duplicate PSO level',
      (p) => (p.psoDiscounts[1].level = 'trede_1'),
      'psoDiscounts[1].level',
      'duplicate',
    ],
    ['duplicate block code', (p) => (p.blocks[1].code = 'PW_LT2Y'), 'blocks[1].code', 'duplicate block code'],
    [
      'a third bonus repeating the first',
      (p) => p.bonuses.push({ ...p.bonuses[0] }),
      'bonuses[2].code',
      'duplicate bonus',
    ],
    [
      'overlapping benefit ranges',
      (p) => (p.blocks[1].benefitMonthsMin = 20),
      'blocks[1]',
      'overlaps blocks[0]',
    ],
    [
      'a second unranged block for the same group',
      (p) =>
        p.blocks.push({
          code: 'WW2',
          category: 'employment',
          targetGroup: 'ww',
          unit: 'month',
          valueCents: 1,
        }),
      'blocks[11]',
      'overlaps blocks[2]',
    ],
    [
      'empty benefit range',
      (p) => (p.blocks[0].benefitMonthsMin = 24),
      'blocks[0].benefitMonthsMax',
      'greater than benefitMonthsMin',
    ],
    [
      'factor mode without factor',
      (p) => (p.purchaseRule.mode = 'factor'),
      'purchaseRule.factor',
      'required when mode',
    ],
  ])('%s → %s', (_name, mutate, field, message) => {
    const policy = examplePolicy();
    mutate(policy);
    expect(policyRuleIssues(policy)).toContainEqual({ field, message: expect.stringContaining(message) });
  });

  it('adjacent ranges (max exclusive, min inclusive) do not overlap', () => {
    expect(policyRuleIssues(examplePolicy()).filter((i) => i.message.includes('overlap'))).toEqual([]);
  });

  it('answers 400 POLICY_INVALID naming every broken rule', () => {
    const policy = examplePolicy({ minCents: 2, capCents: 1 });
    policy.purchaseRule.mode = 'factor';
    expect(() => assertPolicyRules(policy)).toThrow(
      expect.objectContaining({
        code: 'POLICY_INVALID',
        status: 400,
        details: [
          expect.objectContaining({ field: 'minCents' }),
          expect.objectContaining({ field: 'purchaseRule.factor' }),
        ],
      }),
    );
  });
});
