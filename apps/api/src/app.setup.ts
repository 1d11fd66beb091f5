import { API_BASE_PATH, API_VERSION, createValidationPipe } from '@app/common';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Logger } from 'nestjs-pino';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueBoard, QUEUE_BOARD_CSP, QUEUE_BOARD_PATH } from './admin/queue-board';
import { BODY_LIMIT_BYTES } from './http-adapter';
import { EFORMS_IMPORT_PATH, EFORMS_UPLOAD_TYPES, parkEformsUpload } from './interop/eforms-upload.parser';
import { buildOpenApi } from './openapi-document';
import { FORM_CONTENT_TYPE, parseOneClickForm } from './notifications/one-click-form';

export { BODY_LIMIT_BYTES };
/** OCDS release packages are large by nature; only their import route takes this much. */
export const OCDS_IMPORT_PATH = '/api/v1/imports/ocds';
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024;
/** The public, CORS-open OpenAPI document (NL API Design Rules). */
export const OPENAPI_JSON_PATH = `${API_BASE_PATH}/openapi.json`;

/** Routes whose body may be this large, each with its limit. */
const BODY_LIMITS = new Map<string, number>([
  [OCDS_IMPORT_PATH, IMPORT_BODY_LIMIT_BYTES],
  [EFORMS_IMPORT_PATH, IMPORT_BODY_LIMIT_BYTES],
]);

/** API answers: no framing, no sniffing, nothing but same-origin resources (the rules ask for `frame-ancestors 'none'`). */
const STRICT_HELMET: FastifyHelmetOptions = {
  frameguard: { action: 'deny' },
  contentSecurityPolicy: {
    directives: { 'frame-ancestors': ["'none'"] },
  },
};

/** A JSON body as the client sent it; an empty body is no body (a POST without one, as Express took it). */
function parseJson(
  _req: FastifyRequest,
  body: string,
  done: (err: Error | null, body?: unknown) => void,
): void {
  if (body === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body));
  } catch {
    // Shaped as Fastify's own errors, so Nest hands it to the exception filter as a 400 with this cause.
    done(
      Object.assign(new Error('Request body is not valid JSON'), {
        name: 'FastifyError',
        statusCode: 400,
        code: 'MALFORMED_JSON',
      }),
    );
  }
}

/**
 * A release package is published data, checked against the OCDS schema by the import and stored as given: it is
 * moved aside before the generic input cleaning (which trims strings and bounds numbers, and would copy up to 50 MB
 * on the event loop) and read by the import route with `@ReleasePackageBody()`.
 */
function parkReleasePackage(req: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  if (req.body !== undefined) {
    (req as FastifyRequest & { releasePackage?: unknown }).releasePackage = req.body;
    req.body = {};
  }
  done();
}

function addHook<K extends 'preValidation'>(route: RouteOptions, name: K, hook: RouteOptions[K]): void {
  const current = route[name];
  route[name] = (current ? [current, hook].flat() : hook) as RouteOptions[K];
}

/**
 * Everything main.ts does to the app, shared with the e2e and browser tests so they test the real thing: Nest on
 * Fastify with the security headers, compression, body limits, the API's headers, Swagger UI, the public OpenAPI
 * document, Bull Board and (given its folder) the built web app.
 */
export async function setupApp(
  app: NestFastifyApplication,
  options: { webDist?: string } = {},
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();

  // JSON only: one parser, our own error for a body that is not JSON; anything else is a 415 from Fastify.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  fastify.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, parseJson);
  // The one-click unsubscribe of a mail client (RFC 8058) posts a form: read on that route only.
  fastify.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string', bodyLimit: 1024 }, parseOneClickForm);
  // eForms notices (XML, ZIP): streamed to the import route only (415 elsewhere).
  fastify.addContentTypeParser(EFORMS_UPLOAD_TYPES, parkEformsUpload);

  // Per-route settings, read as Nest (and Swagger, Bull Board) add their routes.
  fastify.addHook('onRoute', (route) => {
    const path = route.url ?? route.path ?? '';
    const limit = BODY_LIMITS.get(path);
    if (limit) {
      route.bodyLimit = limit;
      if (path === OCDS_IMPORT_PATH) addHook(route, 'preValidation', parkReleasePackage);
    }
    // Swagger UI needs inline scripts; the board has its own policy.
    const helmet = path.startsWith('/api/docs')
      ? { contentSecurityPolicy: false }
      : path.startsWith(QUEUE_BOARD_PATH)
        ? { contentSecurityPolicy: QUEUE_BOARD_CSP }
        : undefined;
    if (helmet) route.config = { ...(route.config ?? {}), helmet } as typeof route.config;
  });

  // The headers of every answer: its request id and the API's version; API answers carry tokens and private data,
  // so they are never stored by a browser or a proxy.
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    reply.header('API-Version', API_VERSION);
    if (req.url.startsWith(API_BASE_PATH)) reply.header('Cache-Control', 'no-store');
    done();
  });

  await app.register(fastifyHelmet, STRICT_HELMET);
  // br or gzip as the client accepts; brotli at quality 4 (the library's default). Answers up to 64 KB (a page of
  // search hits is about 15 KB) are compressed in one synchronous call: on two cores the library's default sends
  // anything over 8 KB through a zlib stream on the thread pool, which cost a search 1–1.5 ms of latency.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    syncThreshold: 64 * 1024,
  });

  app.setGlobalPrefix(API_BASE_PATH.slice(1), { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  servePublicDocument(fastify, document);

  await app.get(QueueBoard).mount(fastify);

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) await serveWebApp(fastify, webDist);
  return app;
}

/** `GET /api/v1/openapi.json`: public, readable from any origin (the document holds nothing private). */
function servePublicDocument(fastify: FastifyInstance, document: OpenAPIObject): void {
  const json = JSON.stringify(document);
  fastify.get(OPENAPI_JSON_PATH, { schema: { hide: true } } as object, (_req, reply) => {
    void reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cache-Control', 'no-cache')
      .type('application/json; charset=utf-8')
      .send(json);
  });
}

/**
 * The browser app owns every GET that is not the API: its files, else index.html (client-side routes). Hashed
 * assets (`/assets/name-hash.js`) never change under their name: cached for a year, `immutable`; index.html and
 * the other files are revalidated each time (their ETags make that a 304).
 */
async function serveWebApp(fastify: FastifyInstance, webDist: string): Promise<void> {
  const indexHtml = readFileSync(join(webDist, 'index.html'));
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: webDist,
      index: false,
      wildcard: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'Cache-Control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    scope.get('/*', (req, reply) => {
      const path = req.url.split('?')[0];
      // A missing hashed file is a 404 (an old page asking for a file a new release replaced), not the index page.
      if (
        path.startsWith('/api') ||
        path.startsWith('/assets/') ||
        path === '/health' ||
        path.startsWith(QUEUE_BOARD_PATH)
      ) {
        return reply.callNotFound();
      }
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    });
  });
}
