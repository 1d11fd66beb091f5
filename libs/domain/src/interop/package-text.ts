/**
 * Text that JSON allows and PostgreSQL's `json`/`jsonb` refuses: an unpaired UTF-16 surrogate (`"\ud800"`, which
 * is no Unicode character at all) and the NUL character (`"\u0000"`, which PostgreSQL text cannot hold). A package
 * holding either is refused before it reaches the database, with the JSON Pointer of every place (up to a limit),
 * instead of PostgreSQL's own message.
 */

export interface UnstorableText {
  /** JSON Pointer (RFC 6901) of the string, or of the member whose name holds it. */
  path: string;
  code: 'unpaired_surrogate' | 'nul_character';
  message: string;
}

// With the u flag a paired surrogate is one code point (not in the class); only an unpaired one matches.
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;
const NUL = '\u0000';
// How JSON.stringify writes them (always escaped, lower case): a cheap first look at the serialised package.
const ESCAPED = /\\u(?:d[89a-f][0-9a-f]{2}|0000)/;

/**
 * Every string and member name of `value` that PostgreSQL's JSON cannot store, at most `limit`, in document order.
 * `serialised` (the same value as JSON.stringify wrote it), when given, lets a clean package skip the walk.
 */
export function unstorableText(value: unknown, limit = 100, serialised?: string[]): UnstorableText[] {
  if (serialised && !serialised.some((s) => ESCAPED.test(s))) return [];
  const out: UnstorableText[] = [];
  // Iterative, depth first in document order: a package nested as deep as JSON.stringify went is no problem.
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length && out.length < limit) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = check(v, 'the text');
      if (problem) out.push({ path: path || '/', ...problem });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}/${i}` });
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      // The object's member names first, then its members.
      for (const key of keys) {
        const problem = check(key, 'the member name');
        if (problem && out.length < limit) out.push({ path: `${path}/${pointerToken(key)}`, ...problem });
      }
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ v: (v as Record<string, unknown>)[keys[i]], path: `${path}/${pointerToken(keys[i])}` });
    }
  }
  return out.slice(0, limit);
}

function check(s: string, what: string): Omit<UnstorableText, 'path'> | null {
  if (UNPAIRED_SURROGATE.test(s))
    return {
      code: 'unpaired_surrogate',
      message: `${what} contains an unpaired UTF-16 surrogate, which is no Unicode character (often half of an emoji cut off)`,
    };
  if (s.includes(NUL))
    return {
      code: 'nul_character',
      message: `${what} contains a NUL character (\\u0000), which cannot be stored`,
    };
  return null;
}

/** A member name as a JSON Pointer token, with what cannot be shown (the very characters at fault) replaced. */
function pointerToken(key: string): string {
  return key
    .replace(/~/g, '~0')
    .replace(/\//g, '~1')
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
    .split(NUL)
    .join('\uFFFD');
}
