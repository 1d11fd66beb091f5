import { AppError } from '@app/common';
import { EvaluateBodyPipe } from '../../policies/dto/evaluate-contribution.dto';
import { DiscriminatedBodyPipe } from '../../discriminated-body.pipe';
import {
  ActivityContributionDto,
  CONTRIBUTION_CLASSES,
  CONTRIBUTION_INVALID,
  PlacementContributionDto,
  PurchaseContributionDto,
} from './contribution-body.dto';

const placement = {
  category: 'employment',
  targetGroup: 'participatiewet',
  hoursPerWeek: 24,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  personToken: 'p-7f3a9c21',
};
const purchase = {
  category: 'social_purchase',
  supplierOrganisationId: '9b2f7c1e-1d2a-4c3b-8e9f-0a1b2c3d4e5f',
  invoiceNumber: 'INV-1',
  invoiceDate: '2026-03-01',
  amountCents: 100000,
};
const activity = { category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 8, description: 'Gastles' };

const pipe = new DiscriminatedBodyPipe('category', CONTRIBUTION_CLASSES, CONTRIBUTION_INVALID);
const parse = (body: unknown): Promise<unknown> => pipe.transform(body, { type: 'body' });

async function failure(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected a validation error, got ${String(err)}`);
  return err;
}

describe('contribution bodies (one class per category)', () => {
  it.each([
    [placement, PlacementContributionDto],
    [{ ...placement, category: 'training' }, PlacementContributionDto],
    [purchase, PurchaseContributionDto],
    [activity, ActivityContributionDto],
  ])('accepts %j as its class', async (body, cls) => {
    await expect(parse(body)).resolves.toBeInstanceOf(cls);
  });

  it.each([
    [{ ...placement, category: 'volunteering' }, 'category'],
    [undefined, 'category'],
    [[placement], 'category'],
    [{ ...placement, name: 'Jan Jansen' }, 'name'],
    [{ ...placement, hoursPerWeek: 0 }, 'hoursPerWeek'],
    [{ ...placement, startDate: '2026-02-30' }, 'startDate'],
    [{ ...placement, endDate: '2025-12-31' }, 'endDate'],
    [{ ...placement, personToken: 'short' }, 'personToken'],
    [{ ...placement, personToken: 'jan@example.nl' }, 'personToken'],
    [{ ...placement, targetGroup: 'pensioners' }, 'targetGroup'],
    [{ ...placement, bonuses: ['x'.repeat(61)] }, 'bonuses'],
    [{ ...purchase, amountCents: 10.5 }, 'amountCents'],
    [{ ...purchase, amountCents: -1 }, 'amountCents'],
    [{ ...purchase, supplierOrganisationId: 'x' }, 'supplierOrganisationId'],
    [{ ...purchase, labourShare: 2 }, 'labourShare'],
    [{ ...purchase, invoiceNumber: '' }, 'invoiceNumber'],
    [{ ...purchase, invoiceDate: '0001-01-01' }, 'invoiceDate'],
    [{ ...purchase, hoursPerWeek: 24 }, 'hoursPerWeek'],
    [{ ...activity, quantity: 'eight' }, 'quantity'],
    [{ ...activity, blockCode: undefined }, 'blockCode'],
  ])('refuses %j: 400 CONTRIBUTION_INVALID on %s', async (body, field) => {
    const err = await failure(parse(body));
    expect({ status: err.status, code: err.code }).toEqual({ status: 400, code: 'CONTRIBUTION_INVALID' });
    expect(err.details.map((d) => d.field)).toContain(field);
  });

  it('names the period rule on endDate as INVALID_PERIOD', async () => {
    const err = await failure(parse({ ...placement, endDate: '2025-12-31' }));
    expect(err.details).toContainEqual(expect.objectContaining({ field: 'endDate', code: 'INVALID_PERIOD' }));
  });

  describe('evaluate (a contribution with an optional contract period)', () => {
    const evaluate = new EvaluateBodyPipe();
    const period = { startDate: '2026-01-01', endDate: '2026-12-31' };

    it('accepts a contract period', async () => {
      await expect(
        evaluate.transform({ ...activity, contractPeriod: period }, { type: 'body' }),
      ).resolves.toMatchObject({ contractPeriod: period });
    });

    it('answers INVALID_PERIOD when only the period is wrong, CONTRIBUTION_INVALID otherwise', async () => {
      const onlyPeriod = await failure(
        evaluate.transform({ ...activity, contractPeriod: { ...period, x: 1 } }, { type: 'body' }),
      );
      expect(onlyPeriod.code).toBe('INVALID_PERIOD');
      expect(onlyPeriod.details).toContainEqual(expect.objectContaining({ field: 'contractPeriod.x' }));
      const both = await failure(
        evaluate.transform(
          { ...activity, quantity: 0, contractPeriod: { startDate: 'x' } },
          { type: 'body' },
        ),
      );
      expect(both.code).toBe('CONTRIBUTION_INVALID');
    });
  });
});
