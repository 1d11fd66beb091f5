import { hasControlCharacter, isWellFormedText } from '@app/common';
import fc from 'fast-check';

/** The parts of OpenAPI 3 the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

/**
 * One generated request part. `invalid` is true only when the input breaks the documented schema or the
 * global edge rule for certain (then a 2xx is a bug); "odd" but valid input only has to avoid a 5xx.
 */
export interface BodyCase {
  kind: string;
  invalid: boolean;
  /** A JSON value, or a raw string sent as is with `contentType`. */
  json?: unknown;
  raw?: string;
  contentType?: string;
}

export interface QueryCase {
  kind: string;
  invalid: boolean;
  /** Already encoded `a=1&b=2`. */
  query: string;
}

export interface PathCase {
  kind: string;
  invalid: boolean;
  /** null: use the fixture id for the route. */
  value: string | null;
}

export class SchemaBook {
  constructor(private readonly components: Record<string, Schema>) {}

  resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 20; i++)
      s = this.components[s.$ref.replace('#/components/schemas/', '')] ?? {};
    if (s.allOf?.length) {
      const parts = s.allOf.map((p) => this.resolve(p));
      return {
        ...s,
        allOf: undefined,
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), s.properties ?? {}),
        required: [...new Set(parts.flatMap((p) => p.required ?? []).concat(s.required ?? []))],
      };
    }
    // `x: number | null` without an explicit type is documented as an untyped object: trust the example.
    if (
      s.type === 'object' &&
      !s.properties &&
      !s.additionalProperties &&
      s.example !== undefined &&
      typeof s.example !== 'object'
    ) {
      return { ...s, type: typeof s.example, nullable: true };
    }
    return s;
  }

  /** The variants a body may take (oneOf/anyOf), each resolved. */
  variants(schema: Schema | undefined): Schema[] {
    const s = this.resolve(schema);
    const list = s.oneOf ?? s.anyOf;
    return list?.length ? list.map((v) => this.resolve(v)) : [s];
  }

  /** A plausible valid value: examples first, then the type's simplest value. */
  sample(schema: Schema | undefined, depth = 0): unknown {
    const s = this.resolve(schema);
    if (s.example !== undefined) return structuredClone(s.example);
    if (s.enum?.length) return s.enum[0];
    if (s.oneOf?.length || s.anyOf?.length) return this.sample(this.variants(s)[0], depth + 1);
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
        if (s.format === 'date') return '2026-01-01';
        if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
        return 'sample';
      case 'number':
      case 'integer':
        return s.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 6
          ? []
          : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => this.sample(s.items, depth + 1));
      default: {
        if (!s.properties || depth > 6) return {};
        const out: Record<string, unknown> = {};
        for (const [k, p] of Object.entries(s.properties)) out[k] = this.sample(p, depth + 1);
        return out;
      }
    }
  }
}

const NUL = 'a\u0000b';
/** Strings the edge rule refuses wherever they appear. */
const REFUSED_STRINGS = [NUL, 'x\ud800y', '\udc00', '   ', '\t\n', 'bell\u0007', '\u001b[31mred'];
/** Hostile but acceptable strings: must never cause a 5xx. */
const ODD_STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE organisation; --',
  '%00',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\u202eevil\u202d',
  '😀😀😀',
  'ﷺ𒐫𒈙',
  'Ａ\u0301\u0301\u0301',
  '__proto__',
  'null',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '-1',
  '1e308',
  'a'.repeat(300),
  'é'.repeat(5000),
];
const ODD_NUMBERS = [0, -1, -0.5, 0.123456789, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 5e-324];
const WRONG_TYPED: Record<string, unknown[]> = {
  string: [12345, true, { a: 1 }, ['x']],
  number: ['12', true, { n: 1 }, [1], 'NaN'],
  integer: ['12', true, { n: 1 }, [1]],
  boolean: ['yes', 1, {}, []],
  array: ['x', 1, { a: 1 }, true],
  object: ['x', 1, true, []],
};

/** A marker replaced by n nested arrays when the body is written (JSON.stringify would overflow first). */
export const deepMarker = (n: number): string => `__deep_${n}__`;
export function toRawJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /"__deep_(\d+)__"/g,
    (_m, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)),
  );
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Arbitrary bad bodies for one operation: mutations of a valid-looking body derived from the schema (missing
 * required fields, wrong types, unknown fields, refused or odd strings and numbers, deep nesting) and broken
 * envelopes (not an object, malformed JSON, wrong content type).
 */
export function badBodies(
  book: SchemaBook,
  schema: Schema | undefined,
  opts: { partial: boolean },
): fc.Arbitrary<BodyCase> {
  const variants = book.variants(schema);
  const variant = fc.constantFrom(...variants.map((v, i) => ({ v, i })));

  const withBase = <T>(f: (s: Schema, base: Obj, keys: string[]) => fc.Arbitrary<T>): fc.Arbitrary<T> =>
    variant.chain(({ v }) => {
      const base = book.sample(v);
      const obj = isObj(base) ? base : {};
      return f(v, obj, Object.keys(v.properties ?? {}));
    });

  const missingRequired = withBase((s, base) => {
    const required = (s.required ?? []).filter((k) => k in base);
    if (!required.length || opts.partial)
      return fc.constant<BodyCase>({ kind: 'valid-looking', invalid: false, json: base });
    return fc.constantFrom(...required).map<BodyCase>((k) => {
      const copy = { ...base };
      delete copy[k];
      return { kind: `missing:${k}`, invalid: true, json: copy };
    });
  });

  const wrongType = withBase((s, base, keys) => {
    const typed = keys.filter((k) => {
      const p = book.resolve(s.properties![k]);
      return p.type !== undefined || p.properties !== undefined;
    });
    if (!typed.length) return fc.constant<BodyCase>({ kind: 'valid-looking', invalid: false, json: base });
    return fc.constantFrom(...typed).chain((k) => {
      const p = book.resolve(s.properties![k]);
      const type = p.type ?? 'object';
      const wrong = (WRONG_TYPED[type] ?? ['x']).filter((w) => !(type === 'string' && p.enum?.includes(w)));
      return fc
        .constantFrom(...wrong)
        .map<BodyCase>((w) => ({ kind: `wrong-type:${k}`, invalid: true, json: { ...base, [k]: w } }));
    });
  });

  const outOfEnum = withBase((s, base, keys) => {
    const enums = keys.filter((k) => book.resolve(s.properties![k]).enum?.length);
    if (!enums.length) return fc.constant<BodyCase>({ kind: 'valid-looking', invalid: false, json: base });
    return fc
      .tuple(fc.constantFrom(...enums), fc.constantFrom('zz_not_allowed', 'ACTIVE', ''))
      .map<BodyCase>(([k, w]) => ({ kind: `enum:${k}`, invalid: true, json: { ...base, [k]: w } }));
  });

  const unknownField = withBase((_s, base) =>
    fc
      .constantFrom('isAdmin', 'role', 'organisationId', 'id', '__proto__', 'constructor', 'zzUnknown')
      .map<BodyCase>((k) => {
        const copy: Obj = { ...base };
        Object.defineProperty(copy, k, { value: true, enumerable: true, writable: true, configurable: true });
        return { kind: `unknown:${k}`, invalid: !Object.prototype.hasOwnProperty.call(base, k), json: copy };
      }),
  );

  const stringFields = (s: Schema, keys: string[]): string[] =>
    keys.filter((k) => book.resolve(s.properties![k]).type === 'string');

  const refusedString = withBase((s, base, keys) => {
    const strings = stringFields(s, keys);
    const targets = strings.length ? strings : ['zzUnknown'];
    return fc
      .tuple(fc.constantFrom(...targets), fc.constantFrom(...REFUSED_STRINGS))
      .map<BodyCase>(([k, w]) => ({ kind: `refused-string:${k}`, invalid: true, json: { ...base, [k]: w } }));
  });

  const oddString = withBase((s, base, keys) => {
    const strings = stringFields(s, keys);
    if (!strings.length) return fc.constant<BodyCase>({ kind: 'valid-looking', invalid: false, json: base });
    return fc
      .tuple(
        fc.constantFrom(...strings),
        fc.oneof(
          fc.constantFrom(...ODD_STRINGS),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ minLength: 1, maxLength: 20 }),
        ),
      )
      .map<BodyCase>(([k, w]) => {
        const p = book.resolve(s.properties![k]);
        const tooLong = p.maxLength !== undefined && w.trim().length > p.maxLength;
        const refused =
          hasControlCharacter(w) ||
          !isWellFormedText(w) ||
          (w.trim() === '' && w !== '' && !/password/i.test(k));
        const notAllowed =
          (p.enum !== undefined && !p.enum.includes(w.trim())) || (p.format === 'uuid' && w.trim() !== '');
        return {
          kind: `odd-string:${k}`,
          invalid: tooLong || refused || notAllowed,
          json: { ...base, [k]: w },
        };
      });
  });

  const hugeString = withBase((s, base, keys) => {
    const strings = stringFields(s, keys);
    if (!strings.length) return fc.constant<BodyCase>({ kind: 'valid-looking', invalid: false, json: base });
    return fc
      .tuple(fc.constantFrom(...strings), fc.constantFrom(1_001, 10_001, 200_000))
      .map<BodyCase>(([k, n]) => {
        const p = book.resolve(s.properties![k]);
        return {
          kind: `huge-string:${k}`,
          invalid: p.maxLength !== undefined && n > p.maxLength,
          json: { ...base, [k]: 'x'.repeat(n) },
        };
      });
  });

  const oddNumber = withBase((s, base, keys) => {
    const numbers = keys.filter((k) =>
      ['number', 'integer'].includes(book.resolve(s.properties![k]).type ?? ''),
    );
    if (!numbers.length) return fc.constant<BodyCase>({ kind: 'valid-looking', invalid: false, json: base });
    return fc
      .tuple(
        fc.constantFrom(...numbers),
        fc.oneof(
          fc.constantFrom(...ODD_NUMBERS),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
        ),
      )
      .map<BodyCase>(([k, n]) => {
        const p = book.resolve(s.properties![k]);
        const outside =
          (p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum);
        return { kind: `odd-number:${k}`, invalid: outside, json: { ...base, [k]: n } };
      });
  });

  const infiniteNumber = withBase((s, base, keys) => {
    const k =
      keys.find((x) => ['number', 'integer'].includes(book.resolve(s.properties![x]).type ?? '')) ??
      'zzUnknown';
    // JSON.parse turns 1e400 into Infinity: only a raw body can carry it.
    const raw = JSON.stringify({ ...base, [k]: 0 }).replace(`"${k}":0`, `"${k}":1e400`);
    return fc.constant<BodyCase>({
      kind: `infinite:${k}`,
      invalid: true,
      raw,
      contentType: 'application/json',
    });
  });

  const deepNesting = withBase((s, base, keys) =>
    fc
      .tuple(fc.constantFrom(...(keys.length ? keys : ['zzUnknown'])), fc.constantFrom(40, 1000, 10_000))
      .map<BodyCase>(([k, n]) => ({
        kind: `deep:${k}`,
        invalid: true,
        json: { ...base, [k]: deepMarker(n) },
      })),
  );

  const envelope = fc.constantFrom<BodyCase>(
    { kind: 'array-body', invalid: true, raw: '[]', contentType: 'application/json' },
    { kind: 'array-of-objects', invalid: true, raw: '[{"a":1}]', contentType: 'application/json' },
    { kind: 'string-body', invalid: true, raw: '"text"', contentType: 'application/json' },
    { kind: 'number-body', invalid: true, raw: '42', contentType: 'application/json' },
    { kind: 'null-body', invalid: true, raw: 'null', contentType: 'application/json' },
    { kind: 'malformed-json', invalid: true, raw: '{"a":', contentType: 'application/json' },
    { kind: 'trailing-garbage', invalid: true, raw: '{"a":1}}', contentType: 'application/json' },
    { kind: 'bom-json', invalid: true, raw: '\ufeff{}', contentType: 'application/json' },
    { kind: 'text-plain', invalid: true, raw: 'category=social_activity', contentType: 'text/plain' },
    { kind: 'xml', invalid: true, raw: '<?xml version="1.0"?><a/>', contentType: 'application/xml' },
    { kind: 'empty-object', invalid: !opts.partial, json: {} },
    {
      kind: 'deep-raw',
      invalid: true,
      raw: `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      contentType: 'application/json',
    },
  );

  const hasRequired = variants.some((v) => (v.required ?? []).length > 0);
  return fc.oneof(
    { arbitrary: missingRequired, weight: 2 },
    { arbitrary: wrongType, weight: 3 },
    { arbitrary: outOfEnum, weight: 1 },
    { arbitrary: unknownField, weight: 2 },
    { arbitrary: refusedString, weight: 2 },
    { arbitrary: oddString, weight: 3 },
    { arbitrary: hugeString, weight: 1 },
    { arbitrary: oddNumber, weight: 2 },
    { arbitrary: infiniteNumber, weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
    {
      arbitrary: envelope.map((c) =>
        c.kind === 'empty-object' && !hasRequired ? { ...c, invalid: false } : c,
      ),
      weight: 2,
    },
  );
}

/** Arbitrary bad query strings for the documented query parameters (plus some undocumented ones). */
export function badQueries(book: SchemaBook, params: Parameter[]): fc.Arbitrary<QueryCase> {
  const query = params.filter((p) => p.in === 'query');
  const enc = (pairs: [string, string][]): string =>
    pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const required = (): [string, string][] =>
    query.filter((p) => p.required).map((p) => [p.name, String(book.sample(p.schema) ?? 'x')]);

  const perParam = query.length
    ? fc.constantFrom(...query).chain((p) => {
        const s = book.resolve(p.schema);
        const others = required().filter(([k]) => k !== p.name);
        const numeric = s.type === 'number' || s.type === 'integer';
        return fc.oneof(
          fc.constantFrom(...REFUSED_STRINGS.filter((w) => isWellFormedText(w))).map<QueryCase>((w) => ({
            kind: `refused:${p.name}`,
            invalid: true,
            query: enc([...others, [p.name, w]]),
          })),
          fc
            .constantFrom(
              ...ODD_STRINGS.map((w) => w.slice(0, 500)),
              ...['0', '-5', '1.5', '1e999', 'abc', '', '  1  '],
            )
            .map<QueryCase>((w) => ({
              kind: `odd:${p.name}`,
              invalid:
                numeric && !/^\s*-?\d+(\.\d+)?\s*$/.test(w) && w !== '' && !/^-?\d+(\.\d+)?e\d+$/.test(w),
              query: enc([...others, [p.name, w]]),
            })),
          fc.string({ unit: 'grapheme', maxLength: 30 }).map<QueryCase>((w) => ({
            kind: `random:${p.name}`,
            invalid: false,
            query: enc([...others, [p.name, w]]),
          })),
          fc.constant<QueryCase>({
            kind: `repeated:${p.name}`,
            invalid: false,
            query: enc([...others, [p.name, '1'], [p.name, '2']]),
          }),
          fc.constant<QueryCase>({
            kind: `bracket:${p.name}`,
            invalid: false,
            query: `${enc(others)}&${encodeURIComponent(p.name)}[a]=1`,
          }),
          fc.constant<QueryCase>({
            kind: `huge:${p.name}`,
            invalid: s.maxLength !== undefined,
            query: enc([...others, [p.name, 'q'.repeat(3000)]]),
          }),
          s.enum?.length
            ? fc.constant<QueryCase>({
                kind: `enum:${p.name}`,
                invalid: true,
                query: enc([...others, [p.name, 'zz_not_allowed']]),
              })
            : fc.constant<QueryCase>({
                kind: `nul:${p.name}`,
                invalid: true,
                query: `${enc(others)}&${encodeURIComponent(p.name)}=%00`,
              }),
        );
      })
    : fc.constant<QueryCase>({ kind: 'none', invalid: false, query: '' });

  return fc.oneof(
    { arbitrary: perParam, weight: 4 },
    {
      arbitrary: fc.constantFrom<QueryCase>(
        { kind: 'unknown-param', invalid: false, query: enc([...required(), ['zzUnknown', '1']]) },
        { kind: 'raw-nul', invalid: true, query: `${enc(required())}&x=%00` },
        { kind: 'bad-percent', invalid: false, query: `${enc(required())}&q=%E0%A4%A` },
        { kind: 'proto', invalid: false, query: `${enc(required())}&__proto__[admin]=1` },
      ),
      weight: 1,
    },
  );
}

/** Path ids: the fixture's (so the body reaches the service), malformed ones, and unknown UUIDs. */
export function badPathIds(useFixture: boolean): fc.Arbitrary<PathCase> {
  const malformed = fc.constantFrom<PathCase>(
    { kind: 'not-uuid', invalid: true, value: 'not-a-uuid' },
    { kind: 'nul', invalid: true, value: '%00' },
    { kind: 'sql', invalid: true, value: encodeURIComponent("1' OR '1'='1") },
    { kind: 'long', invalid: true, value: 'a'.repeat(2000) },
    { kind: 'int', invalid: true, value: '1' },
    { kind: 'uuid-upper-junk', invalid: true, value: '00000000-0000-4000-8000-00000000000G' },
  );
  const unknown = fc.uuid().map<PathCase>((u) => ({ kind: 'unknown-uuid', invalid: false, value: u }));
  return useFixture
    ? fc.oneof(
        { arbitrary: fc.constant<PathCase>({ kind: 'fixture', invalid: false, value: null }), weight: 6 },
        { arbitrary: malformed, weight: 1 },
        { arbitrary: unknown, weight: 1 },
      )
    : fc.oneof({ arbitrary: malformed, weight: 1 }, { arbitrary: unknown, weight: 1 });
}
