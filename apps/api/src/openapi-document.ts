import { API_BASE_PATH, API_VERSION, ProblemDetailsDto, ProblemDto } from '@app/common';
import { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  OpenAPIObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';

/** `info.contact` of the document (the NL API Design Rules ask for a name, an email address and a URL). */
export const API_CONTACT = {
  name: 'Buy Social Marketplace',
  url: 'https://buysocial.example/developers',
  email: 'api@buysocial.example',
} as const;

export const API_VERSION_HEADER = 'API-Version';
export const PROBLEM_JSON = 'application/problem+json';

/** Descriptions of the operation tags, in the order the documentation lists them. */
const TAGS: Record<string, string> = {
  identity: 'Registration, sign-in and tokens; the signed-in user; organisations and their users',
  directory: 'Social enterprises, their profiles, certifications and offerings; CPV codes',
  sroi: 'SROI policies, tenders and their award, obligations, contributions and the audit log',
  matching: 'Social enterprises matched to tenders and obligations; opportunities of a social enterprise',
  marketplace: 'Quote requests, quotes, orders and invoices between buyers and social enterprises',
  events: 'Buy Social events: registrations, meeting schedules, calendars and results',
  challenges: 'Social questions officers bring to entrepreneurs, their proposals and the decision',
  initiatives: 'Social initiatives, the support pledged to them and the SROI credit it earns',
  reports: 'SROI reports (made in the background, then downloaded)',
  jobs: 'The state of long-running work answered with 202',
  notifications: "The signed-in user's notifications",
  'open data': 'Imports (OCDS, eForms, social enterprises) and publication as OCDS with its SROI extension',
};

/**
 * The OpenAPI document of the public API, as openapi.json and `GET /api/v1/openapi.json` serve it. Call it after
 * the global prefix (`api/v1`) is set. Nest's scan is completed here into what the NL API Design Rules ask:
 *
 * - paths relative to `servers[0].url` (`/api/v1`): `/tenders`, not `/api/v1/tenders`. Routes outside that base
 *   (`/health`, excluded from the prefix for load balancers) are not part of the API and are left out. The scan
 *   keeps the prefix and the base is cut off here: with the scanner's `ignoreGlobalPrefix`, `/health` would come
 *   out as `/health` too and could not be told from an API route;
 * - `info.version` is API_VERSION (semver), `info.contact` filled in;
 * - every answer declares the `API-Version` header, which every answer carries;
 * - every error (4xx/5xx) is `application/problem+json` with the Problem schema: the exception filter sends one
 *   shape for every error, whatever a controller declared.
 */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Buy Social Marketplace API')
    .setDescription(
      'SROI (social return) procurement marketplace: identity, directory, SROI policies and obligations, ' +
        'matching, marketplace, events, reports and open data.\n\n' +
        'Errors are `application/problem+json` (RFC 9457) with a stable `code`; every answer carries the ' +
        "`API-Version` header (semver, the same as this document's version).",
    )
    .setVersion(API_VERSION)
    .setContact(API_CONTACT.name, API_CONTACT.url, API_CONTACT.email)
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer(API_BASE_PATH, 'This API, on the host that serves this document')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (c, m) => `${c.replace(/Controller$/, '')}_${m}`,
    extraModels: [ProblemDetailsDto],
  });
  document.paths = relativePaths(document.paths);
  composeProblem(document);
  document.components = {
    ...document.components,
    headers: {
      ...document.components?.headers,
      [API_VERSION_HEADER]: {
        description: 'Version (semver) of the API that gave the answer: the `info.version` of its document',
        required: true,
        schema: { type: 'string', example: API_VERSION },
      },
    },
  };
  const used = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.tags?.forEach((t) => used.add(t));
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response || '$ref' in response) continue;
        completeResponse(status, response);
      }
    }
  }
  document.tags = [
    ...Object.entries(TAGS)
      .filter(([name]) => used.has(name))
      .map(([name, description]) => ({ name, description })),
    ...[...used].filter((name) => !(name in TAGS)).map((name) => ({ name })),
  ];
  return document;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The paths under API_BASE_PATH, relative to it; anything else is not the API's. */
function relativePaths(paths: OpenAPIObject['paths']): OpenAPIObject['paths'] {
  const relative: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(paths)) {
    if (path.startsWith(`${API_BASE_PATH}/`)) relative[path.slice(API_BASE_PATH.length)] = item;
  }
  if (!Object.keys(relative).length) {
    throw new Error(`buildOpenApi: no route under ${API_BASE_PATH}; set the global prefix first`);
  }
  return relative;
}

/**
 * ProblemDto as the RFC 9457 members (ProblemDetailsDto) plus the product's own, composed with `allOf`: RFC 9457
 * allows extension members, and the NL API Design Rules' linter wants the standard ones on their own.
 */
function composeProblem(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const flat = schemas[ProblemDto.name] as SchemaObject | undefined;
  const base = schemas[ProblemDetailsDto.name] as SchemaObject | undefined;
  if (!flat?.properties || !base?.properties)
    throw new Error('buildOpenApi: the Problem schemas are missing');
  const standard = new Set(Object.keys(base.properties));
  schemas[ProblemDto.name] = {
    description:
      'A problem (RFC 9457), the body of every error answer: the standard members, the stable `code` clients key ' +
      'on, the `requestId` and, on a 400, `invalidParams`. `statusCode`, `message` and `details` repeat ' +
      '`status`, `detail` and `invalidParams` in the earlier error shape during the move; do not use them.',
    allOf: [
      { $ref: getSchemaPath(ProblemDetailsDto) },
      {
        type: 'object',
        required: (flat.required ?? []).filter((name) => !standard.has(name)),
        properties: Object.fromEntries(
          Object.entries(flat.properties).filter(([name]) => !standard.has(name)),
        ),
      },
    ],
    example: {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Request body is invalid',
      instance: '/api/v1/tenders',
      code: 'VALIDATION_FAILED',
      requestId: 'f0c3c6f2-9a55-4c84-9df5-1d6f2a1b1f70',
      invalidParams: [
        {
          name: 'items[0].cpvCode',
          code: 'is_cpv_code',
          reason: 'items[0].cpvCode must be a CPV code such as 45000000-7',
        },
      ],
    },
  };
}

const PROBLEM_REF: ReferenceObject = { $ref: getSchemaPath(ProblemDto) };

function completeResponse(status: string, response: ResponseObject): void {
  if (/^[45]/.test(status)) response.content = { [PROBLEM_JSON]: { schema: PROBLEM_REF } };
  if (!response.description) response.description = STATUS_CODES[status] ?? 'Error';
  response.headers = {
    [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` },
    ...response.headers,
  };
}
