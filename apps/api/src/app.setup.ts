import { AllExceptionsFilter, CommonErrorCode, createValidationPipe } from '@app/common';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QueueBoard } from './admin/queue-board';
import { assignRequestId } from './logging';

export const BODY_LIMIT = '1mb';
/** OCDS release packages are large by nature; only their import route takes this much. */
export const OCDS_IMPORT_PATH = '/api/v1/imports/ocds';
export const OCDS_IMPORT_BODY_LIMIT = '50mb';

/**
 * A release package is published data, checked against the OCDS schema by the import and stored as given: it is
 * moved aside before the generic input cleaning (which trims strings and bounds numbers, and would copy up to 50 MB
 * on the event loop) and read by the import route with `@ReleasePackageBody()`.
 */
function parkReleasePackage(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'POST' && req.body !== undefined) {
    (req as Request & { releasePackage?: unknown }).releasePackage = req.body;
    req.body = {};
  }
  next();
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Buy Social Marketplace API')
    .setDescription(
      'SROI (social return) procurement marketplace: identity, directory, SROI policies and obligations.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (c, m) => `${c.replace(/Controller$/, '')}_${m}`,
  });
}

/** Everything main.ts does to the app, shared with the e2e tests so they test the real thing. */
export function setupApp(
  app: NestExpressApplication,
  options: { webDist?: string } = {},
): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // API answers are `no-store`: an ETag (a hash of every JSON body) would never be used. Static files keep theirs.
  app.set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    // API answers carry tokens and private data: never stored by a browser or a proxy.
    if (req.path.startsWith('/api/v1')) res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // Swagger UI needs inline scripts: relax the CSP for the docs only.
  const strict = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next),
  );

  // Parsed first on its own route; the general parser below then sees the body as read and leaves it alone.
  app.use(OCDS_IMPORT_PATH, express.json({ limit: OCDS_IMPORT_BODY_LIMIT }), parkReleasePackage);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  // Body-parser errors happen before Nest's pipeline; answer them in the same error shape.
  const filter = new AllExceptionsFilter();
  app.use(
    (
      err: { status?: number; type?: string },
      req: Request & { id?: string },
      res: Response,
      next: NextFunction,
    ) => {
      if (!err) return next();
      if (err.type === 'entity.too.large') {
        return res.status(413).json({
          statusCode: 413,
          code: CommonErrorCode.PayloadTooLarge,
          message: `Request body exceeds ${req.originalUrl.split('?')[0] === OCDS_IMPORT_PATH ? OCDS_IMPORT_BODY_LIMIT : BODY_LIMIT}`,
          requestId: req.id,
        });
      }
      if (err.type === 'entity.parse.failed') {
        return res.status(400).json({
          statusCode: 400,
          code: CommonErrorCode.MalformedJson,
          message: 'Request body is not valid JSON',
          requestId: req.id,
        });
      }
      if (err.status && err.status >= 400 && err.status < 500) {
        return res.status(err.status).json({
          statusCode: err.status,
          code: `HTTP_${err.status}`,
          message: 'Request could not be read',
          requestId: req.id,
        });
      }
      const body = filter.toBody(err, req);
      return res.status(body.statusCode).json({ ...body, requestId: req.id });
    },
  );

  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  app.get(QueueBoard).mount(app);

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    // The browser app owns every GET that is not the API: its files, else index.html (client-side routes). API
    // requests skip both, so they do not pay a file-system lookup each. Both keep their ETags (served by
    // serve-static, which does not follow the app's `etag` setting that API answers turn off).
    const assets = express.static(webDist, { index: false, maxAge: '1h' });
    const page = express.static(webDist, { index: false });
    const notForWeb = (req: Request): boolean =>
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path.startsWith('/api') ||
      req.path === '/health';
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (notForWeb(req)) return next();
      assets(req, res, (err?: unknown) => {
        if (err || req.method !== 'GET') return next(err);
        req.url = '/index.html';
        page(req, res, next);
      });
    });
  }
  return app;
}
