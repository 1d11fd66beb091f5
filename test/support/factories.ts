import type { TestApp } from './app';

let counter = 0;
/** KvK numbers unique within a run (8 digits, distinct per process and call). */
export function uniqueKvk(): string {
  counter += 1;
  return String(10_000_000 + ((process.pid * 7919 + counter * 104_729 + Date.now()) % 89_999_999)).slice(
    0,
    8,
  );
}

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Date.now()}@example.nl`;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: string; organisationId: string };
}

export function registrationBody(
  kind: 'contractor' | 'social_enterprise',
  over: Record<string, unknown> = {},
) {
  return {
    email: uniqueEmail(kind),
    password: 'a-good-long-password',
    name: 'Test Person',
    organisation: {
      kind,
      // Unique across spec files: each file restarts the counter, and they share one database.
      name: `Test ${kind} ${counter} ${(Date.now() % 1_000_000).toString(36)}`,
      kvkNumber: uniqueKvk(),
      postcode: '2011 AB',
      city: 'Haarlem',
    },
    ...over,
  };
}

export async function register(t: TestApp, kind: 'contractor' | 'social_enterprise'): Promise<Session> {
  const res = await t.http().post('/api/v1/auth/register').send(registrationBody(kind)).expect(201);
  return res.body as Session;
}

export async function login(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return res.body as Session;
}

export const adminLogin = (t: TestApp): Promise<Session> =>
  login(t, 'admin@test.local', 'admin-test-password');

/** A buyer organisation with one officer, created the way an admin does it. */
export async function createBuyerWithOfficer(
  t: TestApp,
): Promise<{ organisationId: string; officer: Session }> {
  const admin = await adminLogin(t);
  const org = await t
    .http()
    .post('/api/v1/organisations')
    .set('Authorization', `Bearer ${admin.accessToken}`)
    .send({ kind: 'buyer', name: `Gemeente Test ${counter}`, postcode: '2011 RD', city: 'Haarlem' })
    .expect(201);
  const email = uniqueEmail('officer');
  await t
    .http()
    .post(`/api/v1/organisations/${org.body.id}/users`)
    .set('Authorization', `Bearer ${admin.accessToken}`)
    .send({ email, name: 'Officer Test', password: 'officer-password-1', role: 'procurement_officer' })
    .expect(201);
  return { organisationId: org.body.id, officer: await login(t, email, 'officer-password-1') };
}

export const bearer = (s: Session): [string, string] => ['Authorization', `Bearer ${s.accessToken}`];

/** A made-up word (letters only) that no other test data contains, to isolate search assertions. */
export function uniqueWord(prefix = 'zq'): string {
  counter += 1;
  const letters = (n: number): string =>
    n
      .toString(26)
      .split('')
      .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
      .join('');
  return `${prefix}${letters(process.pid)}${letters(counter)}${letters(Date.now() % 1_000_000)}`;
}

export async function createOffering(
  t: TestApp,
  se: Session,
  over: Record<string, unknown> = {},
): Promise<{ id: string; cpvCodes: string[] }> {
  const res = await t
    .http()
    .post('/api/v1/offerings')
    .set(...bearer(se))
    .send({
      title: 'Schoonmaak van kantoren',
      description: 'Dagelijkse schoonmaak',
      cpvCodes: ['90910000-9'],
      ...over,
    })
    .expect(201);
  return res.body;
}

export async function addCertification(
  t: TestApp,
  owner: Session,
  body: Record<string, unknown>,
  verifier?: Session,
  decision: 'verified' | 'rejected' = 'verified',
): Promise<{ id: string }> {
  const res = await t
    .http()
    .post(`/api/v1/organisations/${owner.user.organisationId}/certifications`)
    .set(...bearer(owner))
    .send(body)
    .expect(201);
  if (verifier) {
    await t
      .http()
      .post(`/api/v1/certifications/${res.body.id}/verification`)
      .set(...bearer(verifier))
      .send({ decision })
      .expect(200);
  }
  return res.body;
}
