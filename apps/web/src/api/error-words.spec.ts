import type { ApiError, InvalidParam } from './client';
import {
  ERROR_WORDS,
  errorMessage,
  FIELD_WORDS,
  fieldLabel,
  knowsRule,
  paramSentence,
  RULE_WORDS,
  ruleKey,
  ruleMessage,
  UNKNOWN_ERROR,
} from './error-words';

const param = (name: string, code: string, reason = `${name} is wrong`): InvalidParam => ({
  name,
  code,
  reason,
});
const apiError = (code: string, extras: Record<string, unknown> = {}): ApiError =>
  ({ code, extras, invalidParams: [], status: 422, detail: 'English detail' }) as unknown as ApiError;

describe('error words', () => {
  it.each([
    ['isNotEmpty', 'is_not_empty'],
    ['maxLength', 'max_length'],
    ['isUUID', 'is_uuid'],
    ['isDateString', 'is_date_string'],
    ['is_cpv_code', 'is_cpv_code'],
    ['min', 'min'],
  ])('rule code %s is looked up as %s', (code, key) => expect(ruleKey(code)).toBe(key));

  it('words the field of a tender line in Dutch and English', () => {
    expect(fieldLabel('items[0].description', 'nl')).toBe('Omschrijving (regel 1)');
    expect(fieldLabel('items[2].cpvCode', 'en')).toBe('CPV code (line 3)');
    expect(fieldLabel('title', 'nl')).toBe('Titel');
    expect(fieldLabel('contractPeriod.endDate', 'nl')).toBe('Einddatum');
    expect(fieldLabel('somethingNew', 'nl')).toBe('Een veld');
    expect(fieldLabel('blocks[0].maxCountMonths', 'nl')).toBe('Max. maanden (bouwblok 1)');
    expect(fieldLabel('blocks[1].unit', 'en')).toBe('Unit (building block 2)');
  });

  it('words the rules the API names, with the number from the reason', () => {
    expect(ruleMessage(param('title', 'isNotEmpty'), 'nl')).toBe('Dit veld is verplicht');
    expect(
      ruleMessage(param('title', 'maxLength', 'title must be shorter than or equal to 200 characters'), 'nl'),
    ).toBe('Maximaal 200 tekens');
    expect(ruleMessage(param('hoursPerWeek', 'max', 'hoursPerWeek must not be greater than 80'), 'en')).toBe(
      'At most 80',
    );
    expect(ruleMessage(param('title', 'maxLength', 'too long'), 'nl')).toBe('Deze tekst is te lang');
    expect(ruleMessage(param('items[0].cpvCode', 'is_cpv_code'), 'nl')).toBe(
      'Kies een code uit de CPV-lijst',
    );
    expect(ruleMessage(param('x', 'brandNewRule', 'x must be brand new'), 'nl')).toBe(
      'Deze waarde klopt niet',
    );
    expect(paramSentence(param('items[0].description', 'isNotEmpty'), 'nl')).toBe(
      'Omschrijving (regel 1): Dit veld is verplicht',
    );
    expect(knowsRule('isUUID', 'nl')).toBe(true);
  });

  it('never puts English into a Dutch rule or field word', () => {
    for (const [key, text] of Object.entries(RULE_WORDS.nl)) {
      expect(RULE_WORDS.en[key]).toBeDefined();
      expect(text).not.toMatch(/\b(must|should|field|value)\b/);
    }
    expect(Object.keys(FIELD_WORDS.nl).sort()).toEqual(Object.keys(FIELD_WORDS.en).sort());
    expect(Object.keys(ERROR_WORDS.nl).sort()).toEqual(Object.keys(ERROR_WORDS.en).sort());
  });

  it('words a problem by its code, never by its detail', () => {
    expect(errorMessage(apiError('DUPLICATE_INVOICE'), 'nl')).toBe(
      'Een factuur met dit nummer is al opgevoerd.',
    );
    expect(errorMessage(apiError('ORDER_NOT_FOUND'), 'nl')).toMatch(/bestaat niet/);
    expect(errorMessage(apiError('SOMETHING_ELSE'), 'nl')).toBeUndefined();
    expect(UNKNOWN_ERROR.nl).not.toMatch(/English detail/);
  });

  it('words INVOICE_DATE_IN_FUTURE with the dates it names', () => {
    expect(
      errorMessage(
        apiError('INVOICE_DATE_IN_FUTURE', { invoiceDate: '2027-02-01', today: '2026-12-07' }),
        'nl',
      ),
    ).toBe(
      'De factuurdatum (1 februari 2027) ligt na vandaag (7 december 2026): een factuur telt vanaf de dag dat ze is verstuurd.',
    );
    expect(errorMessage(apiError('INVOICE_DATE_IN_FUTURE'), 'en')).toMatch(
      /^The invoice date is after today/,
    );
  });

  it('words NOT_COUNTABLE with its reason and the contract period', () => {
    expect(errorMessage(apiError('NOT_COUNTABLE', { reason: 'CERTIFICATION_EXPIRED' }), 'nl')).toBe(
      'Deze bijdrage telt niet mee onder het beleid van deze aanbesteding: de certificering van de leverancier was op de factuurdatum verlopen.',
    );
    expect(
      errorMessage(
        apiError('NOT_COUNTABLE', {
          reason: 'OUTSIDE_CONTRACT_PERIOD',
          contractPeriod: { startDate: '2026-01-01', endDate: '2026-12-31' },
        }),
        'nl',
      ),
    ).toBe(
      'Deze bijdrage telt niet mee: de datum valt buiten de contractperiode (1 januari 2026 tot en met 31 december 2026).',
    );
    expect(errorMessage(apiError('NOT_COUNTABLE'), 'en')).toBe(
      "This contribution does not count under this tender's policy.",
    );
  });
});
