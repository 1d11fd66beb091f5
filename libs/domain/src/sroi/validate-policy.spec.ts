import { examplePolicy, UTRECHT_CURRENT } from './testing.fixtures';
import { validatePolicy } from './validate-policy';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations poke at arbitrary policy paths
type Mutation = (p: Record<string, any>) => void;

describe('validatePolicy', () => {
  it('accepts the api.md-shaped example policy', () => {
    expect(validatePolicy(examplePolicy())).toEqual([]);
  });

  it('accepts the shared Utrecht policy file as it is', () => {
    expect(validatePolicy(UTRECHT_CURRENT)).toEqual([]);
  });

  it.each<[string, Mutation, string, string]>([
    ['missing name', (p) => delete p.name, 'name', 'is required'],
    ['missing nullable field', (p) => delete p.capCents, 'capCents', 'is required'],
    ['negative cents', (p) => (p.thresholdCents = -1), 'thresholdCents', 'non-negative integer'],
    ['fractional cents', (p) => (p.thresholdCents = 10.5), 'thresholdCents', 'non-negative integer'],
    ['cents as a string', (p) => (p.minCents = '100'), 'minCents', 'must be a number'],
    ['percentage above 100', (p) => (p.defaultPercentage = 101), 'defaultPercentage', 'from 0 to 100'],
    ['share above 1', (p) => (p.goodsMinLabourShare = 1.5), 'goodsMinLabourShare', 'from 0 to 1'],
    ['unknown nested field', (p) => (p.lowLabour.extra = 1), 'lowLabour.extra', 'not a known field'],
    ['unknown top-level field', (p) => (p.foo = 'bar'), 'foo', 'not a known field'],
    ['impossible date', (p) => (p.validFrom = '2023-02-29'), 'validFrom', 'YYYY-MM-DD'],
    ['unknown category', (p) => (p.categories = ['services', 'rent']), 'categories[1]', 'must be one of'],
    ['no categories', (p) => (p.categories = []), 'categories', 'must not be empty'],
    ['min above cap', (p) => ((p.minCents = 2), (p.capCents = 1)), 'minCents', 'must not exceed capCents'],
    ['zero full-time hours', (p) => (p.fullTimeHoursPerWeek = 0), 'fullTimeHoursPerWeek', 'more than 0'],
    [
      'unknown PSO level',
      (p) => (p.psoDiscounts[0].level = 'trede_4'),
      'psoDiscounts[0].level',
      'must be one of',
    ],
    [
      'duplicate PSO level',
      (p) => (p.psoDiscounts[1].level = 'trede_1'),
      'psoDiscounts[1].level',
      'duplicate',
    ],
    ['unknown unit', (p) => (p.blocks[2].unit = 'day'), 'blocks[2].unit', 'must be one of'],
    [
      'unknown target group',
      (p) => (p.blocks[0].targetGroup = 'students'),
      'blocks[0].targetGroup',
      'must be one of',
    ],
    ['duplicate block code', (p) => (p.blocks[1].code = 'PW_LT2Y'), 'blocks[1].code', 'duplicate block code'],
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
      'maxCountMonths 0',
      (p) => (p.blocks[0].maxCountMonths = 0),
      'blocks[0].maxCountMonths',
      'positive whole',
    ],
    ['bonus flag not boolean', (p) => (p.bonuses[0].proRata = 'yes'), 'bonuses[0].proRata', 'true or false'],
    [
      'unknown certification type',
      (p) => (p.purchaseRule.eligibleCertifications = ['iso9001']),
      'purchaseRule.eligibleCertifications[0]',
      'must be one of',
    ],
    [
      'factor mode without factor',
      (p) => (p.purchaseRule.mode = 'factor'),
      'purchaseRule.factor',
      'required when mode',
    ],
    ['blocks not an array', (p) => (p.blocks = {}), 'blocks', 'must be an array'],
    ['name over 200 characters', (p) => (p.name = 'n'.repeat(201)), 'name', 'at most 200'],
    ['version over 50 characters', (p) => (p.version = 'v'.repeat(51)), 'version', 'at most 50'],
    [
      'block code of 100,000 characters',
      (p) => (p.blocks[0].code = 'X'.repeat(100_000)),
      'blocks[0].code',
      'at most 60',
    ],
    [
      'maxCountMonths 1e308',
      (p) => (p.blocks[0].maxCountMonths = 1e308),
      'blocks[0].maxCountMonths',
      'at most 1200',
    ],
    [
      'benefitMonthsMax 1e308',
      (p) => (p.blocks[0].benefitMonthsMax = 1e308),
      'blocks[0].benefitMonthsMax',
      'from 0 to 1200',
    ],
    [
      'validFrom 9999-12-31',
      (p) => (p.validFrom = '9999-12-31'),
      'validFrom',
      'from 2000-01-01 to 2100-12-31',
    ],
    ['bonus code too long', (p) => (p.bonuses[0].code = 'b'.repeat(61)), 'bonuses[0].code', 'at most 60'],
  ])('%s → %s', (_name, mutate, path, message) => {
    const policy = JSON.parse(JSON.stringify(examplePolicy()));
    mutate(policy);
    const issues = validatePolicy(policy);
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('adjacent ranges (max exclusive, min inclusive) do not overlap', () => {
    expect(validatePolicy(examplePolicy()).filter((i) => i.message.includes('overlap'))).toEqual([]);
  });

  it('reports every problem, not only the first', () => {
    expect(validatePolicy({ name: '', blocks: 'x' }).length).toBeGreaterThan(10);
    expect(validatePolicy(null)).toEqual([{ path: '', message: 'must be an object' }]);
  });
});
