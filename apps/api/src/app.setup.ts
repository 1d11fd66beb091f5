import { AllExceptionsFilter, CommonErrorCode, createValidationPipe } from '@app/common';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BODY_LIMIT = '1mb';

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

  // Swagger UI needs inline scripts: relax the CSP for the docs only.
  const strict = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next),
  );

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
          message: `Request body exceeds ${BODY_LIMIT}`,
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

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
    // The browser app owns every other GET that is not the API (client-side routes).
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/health') return next();
      res.sendFile(join(webDist, 'index.html'));
    });
  }
  return app;
}
