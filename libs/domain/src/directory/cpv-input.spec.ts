import { cpvSignificantPrefix, parseCpvInput } from './cpv-input';

describe('parseCpvInput', () => {
  it.each([
    ['90910000', { code: '90910000', checkDigit: null }],
    ['90910000-9', { code: '90910000', checkDigit: '9' }],
    ['CPV 90910000-9', { code: '90910000', checkDigit: '9' }],
    ['cpv90910000-9', { code: '90910000', checkDigit: '9' }],
    [' 90910000 - 9 ', { code: '90910000', checkDigit: '9' }],
    ['9091000', null],
    ['909100000', null],
    ['90910000-99', null],
    ['CPV-90910000', null],
    ['abcdefgh', null],
    ['', null],
  ])('%j → %j', (input, expected) => expect(parseCpvInput(input)).toEqual(expected));
});

describe('cpvSignificantPrefix', () => {
  it.each([
    ['45000000', '45'],
    ['45200000', '452'],
    ['45210000', '4521'],
    ['90911200', '909112'],
    ['03000000', '03'],
    ['10000000', '10'],
  ])('%s → %s', (code, prefix) => expect(cpvSignificantPrefix(code)).toBe(prefix));
});
