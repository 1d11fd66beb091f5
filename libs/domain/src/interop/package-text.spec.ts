import { unstorableText } from './package-text';

describe('unstorableText', () => {
  it('finds unpaired surrogates and NUL characters with their JSON Pointer, in document order', () => {
    const pkg = JSON.parse(
      '{"uri": "ok", "releases": [{"ocid": "a", "tender": {"title": "caf\\ud800", "items": [{"description": "x\\u0000y"}]}},' +
        ' {"ocid": "b", "tender": {"title": "end \\udc00"}}]}',
    );
    expect(unstorableText(pkg)).toEqual([
      {
        path: '/releases/0/tender/title',
        code: 'unpaired_surrogate',
        message: expect.stringContaining('unpaired UTF-16 surrogate'),
      },
      {
        path: '/releases/0/tender/items/0/description',
        code: 'nul_character',
        message: expect.stringContaining('NUL'),
      },
      { path: '/releases/1/tender/title', code: 'unpaired_surrogate', message: expect.any(String) },
    ]);
  });

  it('accepts paired surrogates (emoji), any other text and non-strings', () => {
    const pkg = {
      releases: [{ tender: { title: 'Zorg 😀 ✓ ĳ', value: { amount: 5 }, flags: [true, null] } }],
    };
    expect(unstorableText(pkg)).toEqual([]);
    expect(unstorableText(pkg, 100, [JSON.stringify(pkg)])).toEqual([]);
  });

  it('reports a member name, escaped as a pointer token with the bad characters replaced', () => {
    const pkg = JSON.parse('{"releases": [{"a/b~\\ud800": 1}]}');
    expect(unstorableText(pkg)).toEqual([
      {
        path: '/releases/0/a~1b~0\uFFFD',
        code: 'unpaired_surrogate',
        message: expect.stringContaining('member name'),
      },
    ]);
  });

  it('stops at the limit and skips the walk when the serialised text has no such escape', () => {
    const many = { releases: Array.from({ length: 500 }, () => ({ title: '\ud800' })) };
    expect(unstorableText(many, 100)).toHaveLength(100);
    // A literal backslash-u in the text is escaped by JSON.stringify, so it is no false alarm either.
    const literal = { title: '\\ud800 is how JSON writes it' };
    expect(unstorableText(literal, 100, [JSON.stringify(literal)])).toEqual([]);
    // The serialised text is only a first look: without an escape in it, nothing is walked.
    expect(unstorableText(many, 100, ['{"clean": true}'])).toEqual([]);
  });

  it('walks a package nested far deeper than a recursive walk could', () => {
    let deep: unknown = '\ud800';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(unstorableText(deep)).toEqual([
      expect.objectContaining({ path: '/0'.repeat(50_000), code: 'unpaired_surrogate' }),
    ]);
  });
});
