import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  format?: string;
};
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Every place under `schema` where a client would only learn "object" (or nothing at all). */
function untyped(schema: Schema | undefined, at: string, seen: Set<string>): string[] {
  if (!schema) return [`${at}: no schema`];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    return untyped(doc.components.schemas[name], `${at}>${name}`, new Set([...seen, name]));
  }
  const composed = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  if (composed.length) return composed.flatMap((s, i) => untyped(s, `${at}|${i}`, seen));
  if (schema.enum || schema.format === 'binary') return [];
  if (!schema.type) return [`${at}: no type`];
  if (schema.type === 'array') return untyped(schema.items, `${at}[]`, seen);
  if (schema.type !== 'object') return [];
  const props = Object.entries(schema.properties ?? {});
  // `additionalProperties: true` is a deliberate free-form map (an audit snapshot, an OCDS release, a JSON schema).
  if (!props.length && schema.additionalProperties === true) return [];
  if (!props.length && typeof schema.additionalProperties !== 'object') return [`${at}: untyped object`];
  return [
    ...props.flatMap(([k, v]) => untyped(v, `${at}.${k}`, seen)),
    ...(typeof schema.additionalProperties === 'object'
      ? untyped(schema.additionalProperties, `${at}{}`, seen)
      : []),
  ];
}

describe('openapi.json', () => {
  // Paths are relative to servers[0].url (/api/v1): every path of the document is an API route.
  it('types every request body and JSON response of every route', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const at = `${method.toUpperCase()} ${path}`;
        for (const [type, c] of Object.entries(op.requestBody?.content ?? {}))
          if (type.includes('json')) problems.push(...untyped(c.schema, `${at} body`, new Set()));
        for (const [status, r] of Object.entries(op.responses ?? {}))
          for (const [type, c] of Object.entries(r.content ?? {}))
            if (type.includes('json')) problems.push(...untyped(c.schema, `${at} ${status}`, new Set()));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
