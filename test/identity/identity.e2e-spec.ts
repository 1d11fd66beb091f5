import { RefreshTokenEntity, UserEntity } from '@app/database';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, TestApp } from '../support/app';
import {
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  login,
  register,
  registrationBody,
  uniqueEmail,
  uniqueKvk,
} from '../support/factories';

describe('identity (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /auth/register', () => {
    it('registers a social enterprise with its first user, hashing the password with argon2', async () => {
      const body = registrationBody('social_enterprise', {
        email: uniqueEmail('Mixed.Case').replace('mixed', 'MiXeD'),
      });
      const res = await t.http().post('/api/v1/auth/register').send(body).expect(201);
      expect(res.body.user).toMatchObject({ email: body.email.toLowerCase(), role: 'social_enterprise' });
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\./);
      const user = await t.ds.getRepository(UserEntity).findOneOrFail({
        where: { id: res.body.user.id },
        relations: { organisation: true },
      });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.organisation).toMatchObject({
        kind: 'social_enterprise',
        kvkNumber: body.organisation.kvkNumber,
      });
      expect(user.organisation?.postcode).toBe('2011 AB');
    });

    it('registers a contractor whose user gets the contractor role', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send(registrationBody('contractor'))
        .expect(201);
      expect(res.body.user.role).toBe('contractor');
    });

    it.each([
      ['a KvK number of 7 digits', { kvkNumber: '1234567' }, 'organisation.kvkNumber'],
      ['a KvK number with letters', { kvkNumber: '1234567a' }, 'organisation.kvkNumber'],
      ['a KvK number of 9 digits', { kvkNumber: '123456789' }, 'organisation.kvkNumber'],
      ['a malformed postcode', { postcode: '201 AB' }, 'organisation.postcode'],
      ['a postcode with SA letters', { postcode: '2011 SA' }, 'organisation.postcode'],
      ['a buyer kind (admins create buyers)', { kind: 'buyer' }, 'organisation.kind'],
      ['an unknown organisation field', { vatNumber: 'NL001' }, 'organisation.vatNumber'],
    ])('rejects %s with 400 naming the field', async (_, orgOver, field) => {
      const body = registrationBody('contractor');
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ ...body, organisation: { ...body.organisation, ...orgOver } })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.invalidParams.map((d: { name: string }) => d.name)).toContain(field);
      expect(await t.ds.getRepository(UserEntity).countBy({ email: body.email })).toBe(0);
    });

    it.each([
      ['a malformed email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['an unknown top-level field', { role: 'admin' }, 'role'],
      ['a missing organisation', { organisation: undefined }, 'organisation'],
    ])('rejects %s with 400', async (_, over, field) => {
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send(registrationBody('contractor', over))
        .expect(400);
      expect(res.body.invalidParams.map((d: { name: string }) => d.name)).toContain(field);
    });

    it('answers 409 for an email that is taken, in any case, and creates no organisation', async () => {
      const first = registrationBody('contractor');
      await t.http().post('/api/v1/auth/register').send(first).expect(201);
      const second = registrationBody('contractor', { email: first.email.toUpperCase() });
      const res = await t.http().post('/api/v1/auth/register').send(second).expect(409);
      expect(res.body.code).toBe('EMAIL_TAKEN');
      const orgs = await t.ds.query('SELECT count(*)::int AS n FROM organisation WHERE kvk_number = $1', [
        second.organisation.kvkNumber,
      ]);
      expect(orgs[0].n).toBe(0);
    });

    it('answers 409 for a KvK number that is taken', async () => {
      const first = registrationBody('social_enterprise');
      await t.http().post('/api/v1/auth/register').send(first).expect(201);
      const second = registrationBody('social_enterprise');
      second.organisation.kvkNumber = first.organisation.kvkNumber;
      const res = await t.http().post('/api/v1/auth/register').send(second).expect(409);
      expect(res.body.code).toBe('KVK_NUMBER_TAKEN');
    });

    it('answers 413 for an oversized body and 400 for malformed JSON', async () => {
      const huge = registrationBody('contractor', { name: 'x'.repeat(2 * 1024 * 1024) });
      const res = await t.http().post('/api/v1/auth/register').send(huge).expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      const bad = await t
        .http()
        .post('/api/v1/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"email": ')
        .expect(400);
      expect(bad.body.code).toBe('MALFORMED_JSON');
    });
  });

  describe('POST /auth/login', () => {
    it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
      const body = registrationBody('contractor');
      await t.http().post('/api/v1/auth/register').send(body).expect(201);
      const ok = await login(t, body.email, body.password);
      expect(ok.user.email).toBe(body.email);
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: body.email, password: 'wrong-password' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      const unknown = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('nobody'), password: 'wrong-password' })
        .expect(401);
      expect(unknown.body).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: wrong.body.detail });
    });

    it('rejects unknown fields', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'a@b.nl', password: 'x', remember: true })
        .expect(400);
      expect(res.body.invalidParams).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'remember', code: 'unknown_field' })]),
      );
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: the new pair works, the old refresh token is refused and revokes the family', async () => {
      const s = await register(t, 'contractor');
      const r1 = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: s.refreshToken })
        .expect(200);
      expect(r1.body.refreshToken).not.toBe(s.refreshToken);
      await t.http().get('/api/v1/me').set('Authorization', `Bearer ${r1.body.accessToken}`).expect(200);

      const reuse = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: s.refreshToken })
        .expect(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      // The thief's reuse also signs out the legitimate holder of the newer token.
      const after = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: r1.body.refreshToken })
        .expect(401);
      expect(after.body.code).toBe('INVALID_REFRESH_TOKEN');
      const rows = await t.ds.getRepository(RefreshTokenEntity).findBy({ userId: s.user.id });
      expect(rows.length).toBe(2);
      expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
    });

    it('lets exactly one of two concurrent refreshes with the same token win', async () => {
      const s = await register(t, 'social_enterprise');
      const results = await Promise.all(
        [1, 2].map(() => t.http().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it.each([
      ['garbage', 'garbage'],
      ['a wrong secret', 'SESSION.wrongsecret'],
      ['an unknown id', '00000000-0000-4000-8000-000000000000.abc'],
    ])('refuses %s with 401', async (_, token) => {
      const s = await register(t, 'contractor');
      const refreshToken = token.replace('SESSION', s.refreshToken.split('.')[0]);
      const res = await t.http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    });
  });

  describe('GET /me', () => {
    it('returns the user and organisation', async () => {
      const s = await register(t, 'social_enterprise');
      const res = await t
        .http()
        .get('/api/v1/me')
        .set(...bearer(s))
        .expect(200);
      expect(res.body).toMatchObject({
        id: s.user.id,
        email: s.user.email,
        role: 'social_enterprise',
        organisation: { id: s.user.organisationId, kind: 'social_enterprise' },
      });
    });

    it('answers 401 without a token and for bad tokens', async () => {
      const s = await register(t, 'contractor');
      const jwt = new JwtService();
      const forged = jwt.sign(
        { sub: s.user.id, role: 'admin', org: null, kind: null },
        { secret: 'another-secret-of-enough-length-000000' },
      );
      const expired = jwt.sign(
        {
          sub: s.user.id,
          role: 'contractor',
          org: s.user.organisationId,
          kind: 'contractor',
          exp: Math.floor(Date.now() / 1000) - 10,
        },
        { secret: process.env.JWT_SECRET },
      );
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: s.user.id, role: 'admin' })).toString('base64url')}.`;
      expect((await t.http().get('/api/v1/me').expect(401)).body.code).toBe('UNAUTHORIZED');
      for (const header of [
        `Bearer ${forged}`,
        `Bearer ${expired}`,
        `Bearer ${none}`,
        'Bearer x.y.z',
        `Basic ${s.accessToken}`,
      ]) {
        const res = await t.http().get('/api/v1/me').set('Authorization', header).expect(401);
        expect(res.body.code).toBe('INVALID_ACCESS_TOKEN');
      }
    });
  });

  describe('organisations (admin)', () => {
    it('lets the admin create a buyer and its officer, who can sign in', async () => {
      const { organisationId, officer } = await createBuyerWithOfficer(t);
      expect(officer.user).toMatchObject({ role: 'procurement_officer', organisationId });
      const me = await t
        .http()
        .get('/api/v1/me')
        .set(...bearer(officer))
        .expect(200);
      expect(me.body.organisation).toMatchObject({ id: organisationId, kind: 'buyer' });
    });

    it('forbids non-admins (403) and anonymous callers (401)', async () => {
      const contractor = await register(t, 'contractor');
      const body = { kind: 'buyer', name: 'Gemeente X', postcode: '2011 RD' };
      const res = await t
        .http()
        .post('/api/v1/organisations')
        .set(...bearer(contractor))
        .send(body)
        .expect(403);
      expect(res.body.code).toBe('ROLE_NOT_ALLOWED');
      await t.http().post('/api/v1/organisations').send(body).expect(401);
      const { officer, organisationId } = await createBuyerWithOfficer(t);
      await t
        .http()
        .post('/api/v1/organisations')
        .set(...bearer(officer))
        .send(body)
        .expect(403);
      await t
        .http()
        .post(`/api/v1/organisations/${organisationId}/users`)
        .set(...bearer(officer))
        .send({ email: uniqueEmail(), name: 'X', password: 'long-password-1', role: 'procurement_officer' })
        .expect(403);
    });

    it('validates buyer input: kind, KvK, postcode, unknown fields', async () => {
      const admin = await adminLogin(t);
      for (const body of [
        { kind: 'contractor', name: 'X', postcode: '2011 RD' },
        { kind: 'buyer', name: 'X', postcode: '2011 RD', kvkNumber: '12' },
        { kind: 'buyer', name: 'X', postcode: 'ABCD' },
        { kind: 'buyer', name: 'X', postcode: '2011 RD', extra: 1 },
      ]) {
        await t
          .http()
          .post('/api/v1/organisations')
          .set(...bearer(admin))
          .send(body)
          .expect(400);
      }
      const kvk = uniqueKvk();
      await t
        .http()
        .post('/api/v1/organisations')
        .set(...bearer(admin))
        .send({ kind: 'buyer', name: 'A', postcode: '2011 RD', kvkNumber: kvk })
        .expect(201);
      const dup = await t
        .http()
        .post('/api/v1/organisations')
        .set(...bearer(admin))
        .send({ kind: 'buyer', name: 'B', postcode: '2011 RD', kvkNumber: kvk })
        .expect(409);
      expect(dup.body.code).toBe('KVK_NUMBER_TAKEN');
    });

    it('refuses an officer account in a non-buyer organisation (422) and an unknown organisation (404)', async () => {
      const admin = await adminLogin(t);
      const contractor = await register(t, 'contractor');
      const body = {
        email: uniqueEmail(),
        name: 'X',
        password: 'long-password-1',
        role: 'procurement_officer',
      };
      const res = await t
        .http()
        .post(`/api/v1/organisations/${contractor.user.organisationId}/users`)
        .set(...bearer(admin))
        .send(body)
        .expect(422);
      expect(res.body.code).toBe('ROLE_NOT_ALLOWED_FOR_ORGANISATION');
      await t
        .http()
        .post('/api/v1/organisations/00000000-0000-4000-8000-000000000000/users')
        .set(...bearer(admin))
        .send(body)
        .expect(404);
      await t
        .http()
        .post('/api/v1/organisations/not-a-uuid/users')
        .set(...bearer(admin))
        .send(body)
        .expect(400);
    });

    it("hides another organisation's record (404) but shows one's own", async () => {
      const a = await register(t, 'contractor');
      const b = await register(t, 'social_enterprise');
      await t
        .http()
        .get(`/api/v1/organisations/${a.user.organisationId}`)
        .set(...bearer(a))
        .expect(200);
      const res = await t
        .http()
        .get(`/api/v1/organisations/${a.user.organisationId}`)
        .set(...bearer(b))
        .expect(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    });
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await t.http().get('/api/v1/nope').expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    // Paths are relative to the one server, the API's base path (NL API Design Rules).
    expect(res.body.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(res.body.paths['/auth/register']).toBeDefined();
  });
});
