import { assertPseudonymous, invoiceKey, tokenLooksPersonal } from './contribution-input';

describe('contribution input', () => {
  it.each([
    ['123456782', true],
    ['12345678', true],
    ['jan@example.nl', true],
    ['JanJansen', true],
    ['p-7f3a9c21', false],
    ['HLM-2026-000123', false],
  ])('token %s looks personal: %s', (token, personal) => expect(tokenLooksPersonal(token)).toBe(personal));

  it('refuses a placement whose token reads as a name, with PERSON_TOKEN_LOOKS_PERSONAL on personToken', () => {
    const placement = {
      category: 'employment' as const,
      targetGroup: 'participatiewet' as const,
      hoursPerWeek: 24,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      personToken: 'Jan_Jansen',
    };
    expect(() => assertPseudonymous(placement)).toThrow(
      expect.objectContaining({
        code: 'PERSON_TOKEN_LOOKS_PERSONAL',
        details: [expect.objectContaining({ field: 'personToken' })],
      }),
    );
    expect(() => assertPseudonymous({ ...placement, personToken: 'p-7f3a9c21' })).not.toThrow();
  });

  it('normalises invoice numbers', () => expect(invoiceKey(' inv 001 ')).toBe('INV001'));
});
