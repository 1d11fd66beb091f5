import { AppError, BOUNDS, createValidationPipe } from '@app/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every request DTO class of the API (every class under a dto/ folder with class-validator rules), checked
 * generically: nested arrays refused on every array and nested property, every number bounded and the bound
 * stated in the OpenAPI metadata.
 */
type DtoClass = (abstract new (...args: never[]) => unknown) & { name: string };

function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return dtoFiles(path);
    return /\/dto\/[^/]+\.ts$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const storage = getMetadataStorage();
const rules = (c: DtoClass) => storage.getTargetValidationMetadatas(c, '', true, false);

const classes: DtoClass[] = [
  ...new Set(
    dtoFiles(__dirname).flatMap((file) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the files are found at run time
      Object.values(require(file) as Record<string, unknown>).filter(
        (v): v is DtoClass => typeof v === 'function' && rules(v as DtoClass).length > 0,
      ),
    ),
  ),
];

const SWAGGER_PROPERTIES = 'swagger/apiModelProperties';
const swagger = (c: DtoClass, property: string): Record<string, unknown> =>
  Reflect.getMetadata(SWAGGER_PROPERTIES, c.prototype, property) ?? {};

/** Properties of `c` whose rules satisfy `test`. */
function properties(c: DtoClass, test: (m: ReturnType<typeof rules>[number]) => boolean): string[] {
  return [
    ...new Set(
      rules(c)
        .filter(test)
        .map((m) => m.propertyName),
    ),
  ].sort();
}

const isNamed = (name: string) => (m: ReturnType<typeof rules>[number]) => m.name === name;
const nested = (each: boolean) => (m: ReturnType<typeof rules>[number]) =>
  m.type === ValidationTypes.NESTED_VALIDATION && (m.each === true) === each;
const constraintOf = (c: DtoClass, property: string, name: string): number | undefined =>
  rules(c).find((m) => m.propertyName === property && m.name === name)?.constraints?.[0] as
    number | undefined;

const pipe = createValidationPipe();
async function problems(c: DtoClass, body: Record<string, unknown>): Promise<string[]> {
  const err = await pipe.transform(body, { type: 'body', metatype: c as never }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) return [];
  expect(err.status).toBe(400);
  return err.details.map((d) => d.field ?? '');
}

const arrayCases = classes.flatMap((c) =>
  properties(c, (m) => m.name === 'isArray' || m.each === true).map((p) => [c.name, p, c] as const),
);
const nestedCases = classes.flatMap((c) => properties(c, nested(false)).map((p) => [c.name, p, c] as const));
const numberCases = classes.flatMap((c) =>
  properties(c, (m) => m.name === 'isInt' || m.name === 'isNumber').map((p) => [c.name, p, c] as const),
);
const sizedCases = classes.flatMap((c) =>
  properties(c, isNamed('arrayMaxSize')).map((p) => [c.name, p, c] as const),
);

describe('request DTOs (every class under a dto/ folder)', () => {
  it('finds the request DTOs', () => {
    expect(classes.length).toBeGreaterThan(30);
    expect(arrayCases.length).toBeGreaterThan(10);
    expect(numberCases.length).toBeGreaterThan(30);
  });

  describe('a nested array is refused on every array property', () => {
    it.each(arrayCases)('%s.%s: [[]]', async (_name, property, c) => {
      const fields = await problems(c, { [property]: [[]] });
      expect(fields.filter((f) => f === property || f.startsWith(`${property}[`))).not.toHaveLength(0);
    });

    it.each(arrayCases)('%s.%s: [[{}]] and [[1]]', async (_name, property, c) => {
      for (const value of [[[{}]], [[1]], [['x']]]) {
        const fields = await problems(c, { [property]: value });
        expect(fields.filter((f) => f === property || f.startsWith(`${property}[`))).not.toHaveLength(0);
      }
    });
  });

  describe('an array is refused on every nested object property', () => {
    it.each(nestedCases)('%s.%s', async (_name, property, c) => {
      for (const value of [[], [{}], [[]]]) {
        expect(await problems(c, { [property]: value })).toContain(property);
      }
    });
  });

  describe('every number has an upper bound, and the OpenAPI metadata states both bounds', () => {
    // PageQueryDto.limit is not refused above 100 but capped (api.md: "default 20, max 100").
    const capped = new Set(['limit']);
    it.each(numberCases)('%s.%s', (_name, property, c) => {
      const max = constraintOf(c, property, 'max');
      const min = constraintOf(c, property, 'min');
      const doc = swagger(c, property);
      expect(min).toBeDefined();
      expect(doc.minimum).toBe(min);
      if (capped.has(property)) return;
      expect(max).toBeDefined();
      expect(doc.maximum).toBe(max);
      // Money, whatever the field: integer cents within the largest money bound, far inside safe integers.
      if (/cents/i.test(property)) {
        expect(rules(c).some((m) => m.propertyName === property && m.name === 'isInt')).toBe(true);
        expect(max).toBeLessThanOrEqual(BOUNDS.contributionValueCents.max);
      }
      // The largest bound of all (a verified contribution value) is about 1/90 of Number.MAX_SAFE_INTEGER.
      expect(max).toBeLessThanOrEqual(BOUNDS.contributionValueCents.max);
    });
  });

  describe('every array has a maximum size, stated in the OpenAPI metadata', () => {
    it.each(sizedCases)('%s.%s', (_name, property, c) => {
      expect(swagger(c, property).maxItems).toBe(constraintOf(c, property, 'arrayMaxSize'));
    });

    it.each(arrayCases)('%s.%s has one', (_name, property, c) => {
      expect(constraintOf(c, property, 'arrayMaxSize')).toBeDefined();
    });
  });
});
