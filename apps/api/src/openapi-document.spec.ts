import { API_BASE_PATH, API_VERSION, ProblemDto } from '@app/common';
import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_CONTACT, buildOpenApi } from './openapi-document';

/**
 * What the NL API Design Rules ask of openapi.json, checked on the committed document by walking it (`npm run
 * lint:api` runs Logius' own linter on it; this spec names what we rely on, and runs without ../shared), and
 * buildOpenApi's own work checked on a two-route app.
 */

interface Response {
  $ref?: string;
  description?: string;
  headers?: Record<string, { $ref?: string }>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  operationId?: string;
  responses?: Record<string, Response>;
}
type Schema = {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema & { deprecated?: boolean }>;
  allOf?: Schema[];
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const HEADER_REF = '#/components/headers/API-Version';
const PROBLEM_REF = `#/components/schemas/${ProblemDto.name}`;

function operationsOf(doc: OpenAPIObject): { at: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, path, op })),
  );
}

function responsesOf(doc: OpenAPIObject): { at: string; status: string; response: Response }[] {
  return operationsOf(doc).flatMap(({ at, op }) =>
    Object.entries(op.responses ?? {}).map(([status, response]) => ({
      at: `${at} ${status}`,
      status,
      response,
    })),
  );
}

/** The members of a schema, through `$ref` and `allOf`, with the required ones. */
function membersOf(doc: OpenAPIObject, schema: Schema): { names: string[]; required: string[] } {
  if (schema.$ref) {
    return membersOf(doc, doc.components!.schemas![schema.$ref.split('/').pop()!] as Schema);
  }
  const parts = (schema.allOf ?? []).map((s) => membersOf(doc, s));
  return {
    names: [...Object.keys(schema.properties ?? {}), ...parts.flatMap((p) => p.names)],
    required: [...(schema.required ?? []), ...parts.flatMap((p) => p.required)],
  };
}

describe('openapi.json (committed) and the NL API Design Rules', () => {
  const doc = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8'),
  ) as OpenAPIObject;
  const operations = operationsOf(doc);
  const responses = responsesOf(doc);

  it('is an OpenAPI 3 document with operations', () => {
    expect(doc.openapi).toMatch(/^3\.\d+(\.\d+)?$/);
    expect(operations.length).toBeGreaterThan(40);
  });

  it('has the semver API_VERSION as info.version', () => {
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.info.version).toMatch(SEMVER);
  });

  it('names a contact with a name, an email address and a URL', () => {
    const contact = doc.info.contact ?? {};
    expect(contact).toEqual(API_CONTACT);
    expect(contact.name?.trim()).toBeTruthy();
    expect(contact.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(contact.url).toMatch(/^https:\/\/\S+$/);
  });

  it('has /api/v1 as its server, with the major version in it', () => {
    expect(doc.servers?.[0]?.url).toBe('/api/v1');
    expect(doc.servers?.[0]?.url).toBe(API_BASE_PATH);
    expect(doc.servers?.every((s) => /\/v\d+/.test(s.url))).toBe(true);
  });

  it('has paths relative to the server: no /api/v1 in them, no trailing slash, nothing outside the API', () => {
    const paths = Object.keys(doc.paths);
    expect(paths.filter((p) => !p.startsWith('/') || p.startsWith('/api/'))).toEqual([]);
    expect(paths.filter((p) => p.length > 1 && p.endsWith('/'))).toEqual([]);
    // The load balancers' probe is served outside /api/v1 and is no part of the API.
    expect(paths).not.toContain('/health');
    expect(paths).toContain('/tenders');
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(operations.filter(({ op }) => !op.operationId).map(({ at }) => at)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares the API-Version header on every response, errors included', () => {
    expect(responses.length).toBeGreaterThan(operations.length);
    expect(responses.filter(({ response }) => response.$ref).map(({ at }) => at)).toEqual([]);
    const without = responses.filter(
      ({ response }) => response.headers?.['API-Version']?.$ref !== HEADER_REF,
    );
    expect(without.map(({ at }) => at)).toEqual([]);
    const header = doc.components?.headers?.['API-Version'] as {
      required?: boolean;
      schema?: { type?: string; example?: string };
    };
    expect(header).toMatchObject({ required: true, schema: { type: 'string', example: API_VERSION } });
  });

  it('answers every 4xx and 5xx with application/problem+json only, the Problem schema', () => {
    const errors = responses.filter(({ status }) => /^[45]/.test(status));
    expect(errors.length).toBeGreaterThan(100);
    const wrong = errors.filter(
      ({ response }) =>
        Object.keys(response.content ?? {}).join() !== 'application/problem+json' ||
        response.content!['application/problem+json'].schema?.$ref !== PROBLEM_REF,
    );
    expect(wrong.map(({ at }) => at)).toEqual([]);
    // ...and no success answer claims to be a problem.
    const successes = responses.filter(({ status }) => /^[23]/.test(status));
    expect(
      successes.filter(({ response }) => 'application/problem+json' in (response.content ?? {})),
    ).toEqual([]);
  });

  it('describes every response', () => {
    expect(responses.filter(({ response }) => !response.description?.trim()).map(({ at }) => at)).toEqual([]);
  });

  it('has a Problem schema with the RFC 9457 members on their own and the product members beside them', () => {
    const problem = doc.components!.schemas![ProblemDto.name] as Schema;
    // The standard members alone in one part (what the ADR linter checks), the extensions in another.
    const [standard, extensions] = (problem.allOf ?? []).map((s) => membersOf(doc, s));
    expect(standard.names.sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    expect(standard.required).toEqual(expect.arrayContaining(['status', 'title', 'detail']));
    expect(extensions.names).toEqual(
      expect.arrayContaining(['code', 'requestId', 'invalidParams', 'statusCode', 'message', 'details']),
    );
    expect(extensions.required).toEqual(expect.arrayContaining(['code', 'requestId']));
    const own = (problem.allOf![1] as Schema).properties!;
    expect(
      Object.entries(own)
        .filter(([, s]) => s.deprecated)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['details', 'message', 'statusCode']);
    expect(membersOf(doc, { $ref: '#/components/schemas/InvalidParamDto' }).names.sort()).toEqual([
      'code',
      'name',
      'reason',
    ]);
  });

  it('declares every tag it uses', () => {
    const declared = new Set((doc.tags ?? []).map((t) => t.name));
    const used = new Set(operations.flatMap(({ op }) => (op as { tags?: string[] }).tags ?? []));
    expect([...used].filter((t) => !declared.has(t))).toEqual([]);
  });
});

@Controller('widgets')
class WidgetsController {
  @Get(':id')
  @ApiResponse({ status: 200, description: 'The widget' })
  @ApiResponse({ status: 404, type: ProblemDto })
  one(@Param('id') id: string): { id: string } {
    return { id };
  }
}

@Controller('health')
class ProbeController {
  @Get()
  @ApiResponse({ status: 503, description: 'Down' })
  check(): object {
    return {};
  }
}

@Module({ controllers: [WidgetsController, ProbeController] })
class WidgetsModule {}

describe('buildOpenApi', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(WidgetsModule, new FastifyAdapter(), { preview: true, logger: false });
  });

  afterAll(() => app.close());

  it('writes paths relative to /api/v1 and leaves out the routes outside it', () => {
    app.setGlobalPrefix('api/v1', { exclude: ['health'] });
    const doc = buildOpenApi(app);
    expect(Object.keys(doc.paths)).toEqual(['/widgets/{id}']);
    expect(doc.servers).toEqual([{ url: '/api/v1', description: expect.any(String) }]);
    const responses = doc.paths['/widgets/{id}'].get!.responses as Record<string, Response>;
    expect(responses['200'].headers).toEqual({ 'API-Version': { $ref: HEADER_REF } });
    expect(responses['404']).toEqual({
      description: 'Not Found',
      content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
      headers: { 'API-Version': { $ref: HEADER_REF } },
    });
    expect(doc.info).toMatchObject({ version: API_VERSION, contact: API_CONTACT });
  });

  it('refuses an app without the /api/v1 prefix (its document would have no paths)', () => {
    app.setGlobalPrefix('');
    expect(() => buildOpenApi(app)).toThrow(/no route under \/api\/v1/);
  });
});
