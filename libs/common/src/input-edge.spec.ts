import { cleanInput, MAX_INPUT_DEPTH } from './input-edge';

const nested = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe('cleanInput: the edge rule for every string and number', () => {
  it.each([
    ['NUL', { name: 'a\u0000b' }, 'name', 'control_character'],
    ['escape character', { name: '\u001b[31m' }, 'name', 'control_character'],
    ['unpaired high surrogate', { email: 'x\ud800y@example.nl' }, 'email', 'invalid_unicode'],
    ['unpaired low surrogate', { title: '\udc00' }, 'title', 'invalid_unicode'],
    ['whitespace only', { title: ' \t\u00a0 ' }, 'title', 'blank'],
    ['Infinity (1e400 in JSON)', { n: Infinity }, 'n', 'number_out_of_range'],
    ['1e308', { items: [{ n: 1e308 }] }, 'items[0].n', 'number_out_of_range'],
    ['5e-324', { n: 5e-324 }, 'n', 'number_out_of_range'],
    ['__proto__ key', JSON.parse('{"__proto__": {"admin": true}}'), '__proto__', 'forbidden_key'],
    ['too deep', { a: nested(MAX_INPUT_DEPTH + 5) }, 'a' + '[0]'.repeat(MAX_INPUT_DEPTH - 1), 'too_deep'],
  ])('%s is refused', (_name, input, field, code) => {
    const { details } = cleanInput(input);
    expect(details[0]).toMatchObject({ field, code });
  });

  it('trims strings, keeps passwords verbatim and leaves other values alone', () => {
    const { value, details } = cleanInput({
      name: '  Anouk  ',
      password: '  secret with spaces  ',
      description: '',
      tags: [' a ', 'b'],
      n: 0.001,
      big: 9007199254740991,
      flag: false,
      none: null,
      emoji: '😀 ok',
    });
    expect(details).toEqual([]);
    expect(value).toEqual({
      name: 'Anouk',
      password: '  secret with spaces  ',
      description: '',
      tags: ['a', 'b'],
      n: 0.001,
      big: 9007199254740991,
      flag: false,
      none: null,
      emoji: '😀 ok',
    });
  });

  it('walks 10,000 nested arrays without overflowing the stack', () => {
    expect(cleanInput({ a: nested(10_000) }).details[0].code).toBe('too_deep');
  });
});
