import { invoiceKey, tokenLooksPersonal, validateContributionBody } from './contribution-input';

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

describe('validateContributionBody', () => {
  it.each([placement, purchase, activity])('accepts %j', (b) =>
    expect(validateContributionBody(b).details).toEqual([]),
  );

  it.each([
    [{ ...placement, category: 'volunteering' }, 'category'],
    [{ ...placement, name: 'Jan Jansen' }, 'name'],
    [{ ...placement, hoursPerWeek: 0 }, 'hoursPerWeek'],
    [{ ...placement, startDate: '2026-02-30' }, 'startDate'],
    [{ ...placement, endDate: '2025-12-31' }, 'endDate'],
    [{ ...placement, personToken: 'short' }, 'personToken'],
    [{ ...placement, targetGroup: 'pensioners' }, 'targetGroup'],
    [{ ...purchase, amountCents: 10.5 }, 'amountCents'],
    [{ ...purchase, amountCents: -1 }, 'amountCents'],
    [{ ...purchase, supplierOrganisationId: 'x' }, 'supplierOrganisationId'],
    [{ ...purchase, labourShare: 2 }, 'labourShare'],
    [{ ...purchase, invoiceNumber: '' }, 'invoiceNumber'],
    [{ ...activity, quantity: 'eight' }, 'quantity'],
    [{ ...activity, blockCode: undefined }, 'blockCode'],
  ])('rejects %j on %s', (b, field) => {
    expect(validateContributionBody(b).details.map((d) => d.field)).toContain(field);
  });

  it.each([
    ['123456782', true],
    ['12345678', true],
    ['jan@example.nl', true],
    ['JanJansen', true],
    ['p-7f3a9c21', false],
    ['HLM-2026-000123', false],
  ])('token %s looks personal: %s', (token, personal) => expect(tokenLooksPersonal(token)).toBe(personal));

  it('normalises invoice numbers', () => expect(invoiceKey(' inv 001 ')).toBe('INV001'));
});
