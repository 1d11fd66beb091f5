import { AppError, createValidationPipe } from '@app/common';
import { examplePolicy, UTRECHT_CURRENT } from '@app/domain/sroi/testing.fixtures';
import { PolicyBodyDto } from './policy-body.dto';
import { UPDATE_POLICY_PIPE } from './update-policy.dto';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations poke at arbitrary policy paths
type Mutation = (p: Record<string, any>) => void;

const pipe = createValidationPipe();
const validate = (body: unknown): Promise<unknown> =>
  pipe.transform(body, { type: 'body', metatype: PolicyBodyDto });

async function failure(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected a validation error, got ${String(err)}`);
  return err;
}

describe('PolicyBodyDto', () => {
  it('accepts the api.md-shaped example policy and the shared Utrecht policy file (the demo seed)', async () => {
    await expect(validate(examplePolicy())).resolves.toBeInstanceOf(PolicyBodyDto);
    await expect(validate(UTRECHT_CURRENT)).resolves.toBeInstanceOf(PolicyBodyDto);
  });

  it.each<[string, Mutation, string]>([
    ['missing name', (p) => delete p.name, 'name'],
    ['missing nullable field', (p) => delete p.capCents, 'capCents'],
    ['negative cents', (p) => (p.thresholdCents = -1), 'thresholdCents'],
    ['fractional cents', (p) => (p.thresholdCents = 10.5), 'thresholdCents'],
    ['cents as a string', (p) => (p.minCents = '100'), 'minCents'],
    ['percentage above 100', (p) => (p.defaultPercentage = 101), 'defaultPercentage'],
    ['share above 1', (p) => (p.goodsMinLabourShare = 1.5), 'goodsMinLabourShare'],
    ['unknown nested field', (p) => (p.lowLabour.extra = 1), 'lowLabour.extra'],
    ['unknown top-level field', (p) => (p.foo = 'bar'), 'foo'],
    ['impossible date', (p) => (p.validFrom = '2023-02-29'), 'validFrom'],
    ['validFrom 9999-12-31', (p) => (p.validFrom = '9999-12-31'), 'validFrom'],
    ['unknown category', (p) => (p.categories = ['services', 'rent']), 'categories'],
    ['no categories', (p) => (p.categories = []), 'categories'],
    ['zero full-time hours', (p) => (p.fullTimeHoursPerWeek = 0), 'fullTimeHoursPerWeek'],
    ['unknown PSO level', (p) => (p.psoDiscounts[0].level = 'trede_4'), 'psoDiscounts[0].level'],
    ['unknown unit', (p) => (p.blocks[2].unit = 'day'), 'blocks[2].unit'],
    ['unknown target group', (p) => (p.blocks[0].targetGroup = 'students'), 'blocks[0].targetGroup'],
    ['maxCountMonths 0', (p) => (p.blocks[0].maxCountMonths = 0), 'blocks[0].maxCountMonths'],
    ['maxCountMonths 1e9', (p) => (p.blocks[0].maxCountMonths = 1e9), 'blocks[0].maxCountMonths'],
    ['benefitMonthsMax 1e9', (p) => (p.blocks[0].benefitMonthsMax = 1e9), 'blocks[0].benefitMonthsMax'],
    ['bonus flag not boolean', (p) => (p.bonuses[0].proRata = 'yes'), 'bonuses[0].proRata'],
    [
      'unknown certification type',
      (p) => (p.purchaseRule.eligibleCertifications = ['iso9001']),
      'purchaseRule.eligibleCertifications',
    ],
    ['no purchase rule', (p) => delete p.purchaseRule, 'purchaseRule'],
    ['blocks not an array', (p) => (p.blocks = {}), 'blocks'],
    ['name over 200 characters', (p) => (p.name = 'n'.repeat(201)), 'name'],
    ['version over 50 characters', (p) => (p.version = 'v'.repeat(51)), 'version'],
    ['block code of 100,000 characters', (p) => (p.blocks[0].code = 'X'.repeat(100_000)), 'blocks[0].code'],
    ['bonus code too long', (p) => (p.bonuses[0].code = 'b'.repeat(61)), 'bonuses[0].code'],
  ])('%s → 400 POLICY_INVALID on %s', async (_name, mutate, field) => {
    const policy = JSON.parse(JSON.stringify(examplePolicy()));
    mutate(policy);
    const err = await failure(validate(policy));
    expect({ status: err.status, code: err.code }).toEqual({ status: 400, code: 'POLICY_INVALID' });
    expect(err.details.map((d) => d.field)).toContain(field);
  });

  it('reports every problem, not only the first', async () => {
    expect((await failure(validate({ name: '', blocks: 'x' }))).details.length).toBeGreaterThan(10);
  });

  describe('a PATCH', () => {
    const patch = (body: unknown): Promise<unknown> => UPDATE_POLICY_PIPE.transform(body, { type: 'body' });

    it('checks only the fields given, each completely', async () => {
      await expect(patch({ name: 'Nieuw' })).resolves.toMatchObject({ name: 'Nieuw' });
      const err = await failure(patch({ purchaseRule: { mode: 'full_invoice' } }));
      expect(err.code).toBe('POLICY_INVALID');
      expect(err.details.map((d) => d.field)).toContain('purchaseRule.eligibleCertifications');
    });

    it('refuses null where the body does not allow it, and unknown fields', async () => {
      expect((await failure(patch({ name: null }))).details.map((d) => d.field)).toContain('name');
      await expect(patch({ capCents: null })).resolves.toMatchObject({ capCents: null });
      expect((await failure(patch({ colour: 'blue' }))).details[0]).toMatchObject({
        field: 'colour',
        code: 'unknown_field',
      });
    });
  });
});
