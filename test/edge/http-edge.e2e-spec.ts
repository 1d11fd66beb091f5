import { API_VERSION } from '@app/common';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { register } from '../support/factories';

/** The HTTP edge as an integrator meets it: the NL API Design Rules on live answers, compression, the web app's files. */
describe('HTTP edge: NL API Design Rules, compression, static files (e2e)', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    // A built web app in miniature: an index page and one hashed asset.
    webDist = mkdtempSync(join(tmpdir(), 'bs-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><title>Buy Social</title><div id="root"></div>',
    );
    writeFileSync(
      join(webDist, 'assets', 'index-Abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(5000))});`,
    );
    t = await createTestApp({}, { webDist });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const expectProblem = (res: Response, status: number, code: string): Record<string, unknown> => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['api-version']).toBe(API_VERSION);
    expect(res.body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.stringMatching(/^\//),
      code,
      requestId: res.headers['x-request-id'],
    });
    return res.body;
  };

  it('publishes the OpenAPI document, readable from any origin, with the version the answers carry', async () => {
    const res = await t.http().get('/api/v1/openapi.json').set('Origin', 'https://example.org').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['api-version']).toBe(API_VERSION);
    expect(res.body.info.version).toBe(API_VERSION);
    expect(res.body.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.body.info.contact).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        email: expect.any(String),
        url: expect.any(String),
      }),
    );
    expect(res.body.servers[0].url).toBe('/api/v1');
  });

  it('sends API-Version, no-store, nosniff and no framing on API answers, errors included', async () => {
    const ok = await t.http().get('/api/v1/cpv?q=schoonmaak&limit=2').expect(200);
    const notFound = await t.http().get('/api/v1/no-such-route');
    const unauthorised = await t.http().get('/api/v1/me');
    for (const res of [ok, notFound, unauthorised]) {
      expect(res.headers['api-version']).toBe(API_VERSION);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    expectProblem(notFound, 404, 'ROUTE_NOT_FOUND');
    expectProblem(unauthorised, 401, 'UNAUTHORIZED');
    const health = await t.http().get('/health').expect(200);
    expect(health.headers['api-version']).toBe(API_VERSION);
  });

  it('answers bad input as problem+json naming each bad field with a stable code', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/register')
      .send({
        email: 'not-an-email',
        password: 'x',
        name: '',
        extra: 1,
        organisation: { kind: 'contractor' },
      });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    const params = body.invalidParams as { name: string; code: string; reason: string }[];
    expect(params.length).toBeGreaterThan(2);
    for (const p of params) {
      expect(p).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          code: expect.any(String),
          reason: expect.any(String),
        }),
      );
    }
    const names = params.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['email', 'extra', 'organisation.kvkNumber']));
    expect(params.find((p) => p.name === 'extra')?.code).toBe('unknown_field');
    expect(body.instance).toBe('/api/v1/auth/register');
  });

  it('answers 400 for malformed JSON, 413 for an oversized body and 415 for another media type', async () => {
    expectProblem(
      await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":'),
      400,
      'MALFORMED_JSON',
    );
    expectProblem(
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'a@b.nl', password: 'x'.repeat(1_100_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectProblem(
      await t.http().post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('email=a'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('keeps the caller’s request id, or gives one', async () => {
    const given = await t.http().get('/api/v1/me').set('x-request-id', 'edge-test-0001');
    expect(given.headers['x-request-id']).toBe('edge-test-0001');
    expect(given.body.requestId).toBe('edge-test-0001');
    const fresh = await t.http().get('/api/v1/me').set('x-request-id', 'no spaces allowed');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compresses JSON with br or gzip as the client accepts', async () => {
    const s = await register(t, 'contractor');
    expect(s.accessToken).toBeTruthy();
    for (const encoding of ['br', 'gzip']) {
      const res = await t.http().get('/api/v1/openapi.json').set('Accept-Encoding', encoding).expect(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.body.openapi).toMatch(/^3\./);
    }
    const plain = await t.http().get('/api/v1/openapi.json').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('serves hashed assets immutable and compressed, and index.html for client-side routes', async () => {
    const asset = await t.http().get('/assets/index-Abc123.js').set('Accept-Encoding', 'br').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['api-version']).toBe(API_VERSION);
    for (const path of ['/', '/aanbieders', '/officer/tenders/123']) {
      const page = await t.http().get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toContain('<div id="root">');
    }
    // The API keeps its own 404s.
    expectProblem(await t.http().get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    // A hashed file a newer release replaced is missing, not a page.
    expectProblem(await t.http().get('/assets/index-Old999.js'), 404, 'ROUTE_NOT_FOUND');
  });
});
