import { normalisePostcode, pc4Of, POSTCODE_OR_PC4_PATTERN, POSTCODE_PATTERN } from './dutch';

describe('Dutch postcodes', () => {
  it.each([
    ['2011 AB', true],
    ['2011AB', true],
    ['2011ab', true],
    ['0123 AB', false],
    ['2011 SA', false],
    ['201 AB', false],
    ['2011', false],
    ['2011 A1', false],
  ])('full postcode %s valid=%s', (pc, ok) => expect(POSTCODE_PATTERN.test(pc)).toBe(ok));

  it.each([
    ['2011', true],
    ['2011 AB', true],
    ['0999', false],
    ['20111', false],
  ])('postcode or PC4 %s valid=%s', (pc, ok) => expect(POSTCODE_OR_PC4_PATTERN.test(pc)).toBe(ok));

  it.each([
    ['2011ab', '2011 AB'],
    [' 2011  AB ', '2011 AB'],
    ['2011', '2011'],
  ])('normalises %s to %s', (input, out) => expect(normalisePostcode(input)).toBe(out));

  it('takes the PC4 of a full postcode', () => expect(pc4Of('2011 AB')).toBe('2011'));
});
