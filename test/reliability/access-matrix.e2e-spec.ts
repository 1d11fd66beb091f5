import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { awardedObligation, policyBody, publishedPolicy, tenderBody } from '../support/procurement';
import { Role, Route, routeTable } from '../support/route-table';

// Project-level testTimeout is not applied by Jest 30; registrations hash passwords (slow on a busy machine).
jest.setTimeout(60_000);

/**
 * The access matrix, generated from the live route table: every route × anonymous, each role, and the same
 * role in another organisation. Routes with an id declare once what a stranger gets (404, or 403 where the
 * object is public); the rest follows from the route's own @Public/@Roles. A route added later is at least
 * checked for anonymous → 401 and wrong role → 403 without editing this file. Any unexpected 2xx fails.
 */
type Caller = 'anonymous' | 'admin' | 'officerA' | 'officerB' | 'contractorA' | 'contractorB' | 'seA' | 'seB';
const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'officerA',
  'officerB',
  'contractorA',
  'contractorB',
  'seA',
  'seB',
];
const ROLE_OF: Record<Exclude<Caller, 'anonymous'>, Role> = {
  admin: 'admin',
  officerA: 'procurement_officer',
  officerB: 'procurement_officer',
  contractorA: 'contractor',
  contractorB: 'contractor',
  seA: 'social_enterprise',
  seB: 'social_enterprise',
};

/** 'ok': any 2xx; a number: exactly that status. */
type Expected = number | 'ok';

interface Declaration {
  /** The object of organisation A the id names. */
  fixture: keyof Fixtures;
  /** Who may act on it: reads are checked for 2xx, writes are not sent (they would change the fixtures). */
  owners: Caller[];
  /** What every other caller with an allowed role gets (default 404: others must not learn it exists). */
  others?: Expected;
  /** Per-caller exceptions (an admin reads any organisation; anyone reads a public profile). */
  except?: Partial<Record<Caller, Expected>>;
  /** A valid body, so ownership is judged rather than validation. */
  body?: (f: Fixtures) => object;
}

interface Fixtures {
  contractorOrg: string;
  buyerOrg: string;
  seOrg: string;
  certification: string;
  offering: string;
  draftPolicy: string;
  publishedPolicy: string;
  draftTender: string;
  activeTender: string;
  obligation: string;
  contribution: string;
  job: string;
  report: string;
}

const activity = { category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 1, description: 'Gastles' };
const everyone: Partial<Record<Caller, Expected>> = Object.fromEntries(CALLERS.map((c) => [c, 'ok']));

const DECLARED: Record<string, Declaration> = {
  'GET /api/v1/organisations/{id}': {
    fixture: 'contractorOrg',
    owners: ['contractorA'],
    except: { admin: 'ok' },
  },
  'POST /api/v1/organisations/{id}/users': { fixture: 'buyerOrg', owners: ['admin'] },
  'GET /api/v1/social-enterprises/{id}': { fixture: 'seOrg', owners: ['seA'], except: everyone },
  'PUT /api/v1/social-enterprises/{id}/profile': {
    fixture: 'seOrg',
    owners: ['seA'],
    others: 403,
    body: () => ({ mission: 'Werk', targetGroups: [], fteTotal: 1, fteTargetGroup: 0 }),
  },
  'POST /api/v1/organisations/{id}/certifications': {
    fixture: 'seOrg',
    owners: ['seA'],
    body: () => ({ type: 'pso_30plus', validFrom: '2025-01-01' }),
  },
  'GET /api/v1/organisations/{id}/certifications': {
    fixture: 'seOrg',
    owners: ['seA'],
    except: { admin: 'ok', officerA: 'ok', officerB: 'ok' },
  },
  // Officers of any buyer verify certifications: every officer and the admin are owners.
  'POST /api/v1/certifications/{id}/verification': {
    fixture: 'certification',
    owners: ['officerA', 'officerB', 'admin'],
  },
  'GET /api/v1/offerings/{id}': { fixture: 'offering', owners: ['seA'], except: everyone },
  // The offering is public, so a stranger learns nothing from 403.
  'PATCH /api/v1/offerings/{id}': { fixture: 'offering', owners: ['seA'], others: 403, body: () => ({}) },
  'DELETE /api/v1/offerings/{id}': { fixture: 'offering', owners: ['seA'], others: 403 },
  'GET /api/v1/sroi-policies/{id}': { fixture: 'draftPolicy', owners: ['officerA'] },
  'PATCH /api/v1/sroi-policies/{id}': {
    fixture: 'draftPolicy',
    owners: ['officerA'],
    body: () => ({ defaultPercentage: 4 }),
  },
  'POST /api/v1/sroi-policies/{id}/publish': { fixture: 'draftPolicy', owners: ['officerA'] },
  'POST /api/v1/sroi-policies/{id}/versions': {
    fixture: 'publishedPolicy',
    owners: ['officerA'],
    body: () => policyBody({ version: 'matrix' }),
  },
  'POST /api/v1/sroi-policies/{id}/evaluate': {
    fixture: 'publishedPolicy',
    owners: ['officerA'],
    body: () => activity,
  },
  'GET /api/v1/tenders/{id}': { fixture: 'draftTender', owners: ['officerA'], except: { anonymous: 404 } },
  'PUT /api/v1/tenders/{id}': {
    fixture: 'draftTender',
    owners: ['officerA'],
    body: (f) => tenderBody(f.publishedPolicy),
  },
  'POST /api/v1/tenders/{id}/publish': { fixture: 'draftTender', owners: ['officerA'] },
  'POST /api/v1/tenders/{id}/cancel': { fixture: 'activeTender', owners: ['officerA'] },
  'POST /api/v1/tenders/{id}/complete': { fixture: 'activeTender', owners: ['officerA'] },
  'POST /api/v1/tenders/{id}/award': {
    fixture: 'activeTender',
    owners: ['officerA'],
    body: (f) => ({ contractorOrganisationId: f.contractorOrg, contractValueCents: 1_000_000 }),
  },
  'GET /api/v1/obligations/{id}': { fixture: 'obligation', owners: ['officerA', 'contractorA'] },
  'POST /api/v1/obligations/{id}/waive': {
    fixture: 'obligation',
    owners: ['officerA'],
    body: () => ({ reason: 'x' }),
  },
  'POST /api/v1/obligations/{id}/contributions/preview': {
    fixture: 'obligation',
    owners: ['contractorA'],
    body: () => activity,
  },
  'POST /api/v1/obligations/{id}/contributions': {
    fixture: 'obligation',
    owners: ['contractorA'],
    body: () => activity,
  },
  'GET /api/v1/obligations/{id}/contributions': {
    fixture: 'obligation',
    owners: ['officerA', 'contractorA'],
  },
  'GET /api/v1/obligations/{id}/matches': { fixture: 'obligation', owners: ['officerA', 'contractorA'] },
  'POST /api/v1/obligations/{id}/matches/refresh': {
    fixture: 'obligation',
    owners: ['officerA', 'contractorA'],
  },
  // Any contractor may look for partners on an active (public) tender; other buyers' officers get 403.
  'GET /api/v1/tenders/{id}/matches': {
    fixture: 'activeTender',
    owners: ['officerA', 'contractorA', 'contractorB'],
    others: 403,
  },
  'GET /api/v1/tenders/{id}/ocds': {
    fixture: 'draftTender',
    owners: ['officerA'],
    except: { anonymous: 404 },
  },
  // Admins operate the platform and may read any job.
  'GET /api/v1/jobs/{id}': { fixture: 'job', owners: ['contractorA'], except: { admin: 'ok' } },
  // An obligation report: its requester's organisation only (tender and buyer reports add the buyer's officers).
  'GET /api/v1/reports/{id}': { fixture: 'report', owners: ['contractorA'] },
  'POST /api/v1/contributions/{id}/review': {
    fixture: 'contribution',
    owners: ['officerA'],
    body: () => ({ decision: 'verified' }),
  },
};

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000001';

describe('access matrix: every route × every caller (e2e)', () => {
  let t: TestApp;
  let routes: Route[];
  const sessions = {} as Record<Exclude<Caller, 'anonymous'>, Session>;
  const f = {} as Fixtures;
  const seen = { requests: 0, declared: 0, undeclared: [] as string[] };

  beforeAll(async () => {
    t = await createTestApp();
    routes = routeTable(t.app);
    sessions.admin = await adminLogin(t);
    const [a, b] = [await createBuyerWithOfficer(t), await createBuyerWithOfficer(t)];
    sessions.officerA = a.officer;
    sessions.officerB = b.officer;
    sessions.contractorA = await register(t, 'contractor');
    sessions.contractorB = await register(t, 'contractor');
    sessions.seA = await register(t, 'social_enterprise');
    sessions.seB = await register(t, 'social_enterprise');
    const officer = sessions.officerA;
    f.buyerOrg = a.organisationId;
    f.contractorOrg = sessions.contractorA.user.organisationId;
    f.seOrg = sessions.seA.user.organisationId;
    f.certification = (
      await addCertification(t, sessions.seA, { type: 'pso_30plus', validFrom: '2025-01-01' })
    ).id;
    f.offering = (await createOffering(t, sessions.seA)).id;
    f.publishedPolicy = await publishedPolicy(t, officer);
    f.draftPolicy = (
      await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody({ version: 'draft' }))
        .expect(201)
    ).body.id;
    f.draftTender = (
      await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(f.publishedPolicy))
        .expect(201)
    ).body.id;
    f.activeTender = (
      await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(f.publishedPolicy))
        .expect(201)
    ).body.id;
    await t
      .http()
      .post(`/api/v1/tenders/${f.activeTender}/publish`)
      .set(...bearer(officer))
      .expect(200);
    f.obligation = (
      await awardedObligation(t, officer, sessions.contractorA, { policyId: f.publishedPolicy })
    ).obligationId;
    f.contribution = (
      await t
        .http()
        .post(`/api/v1/obligations/${f.obligation}/contributions`)
        .set(...bearer(sessions.contractorA))
        .send(activity)
        .expect(201)
    ).body.id;
    const contractor = sessions.contractorA;
    f.job = (
      await t
        .http()
        .post(`/api/v1/obligations/${f.obligation}/matches/refresh`)
        .set(...bearer(contractor))
        .expect(202)
    ).body.id;
    f.report = (
      await t
        .http()
        .post('/api/v1/reports')
        .set(...bearer(contractor))
        .send({ scope: 'obligation', scopeId: f.obligation, format: 'csv' })
        .expect(202)
    ).body.id;
  }, 60_000);

  afterAll(async () => {
    process.stdout.write(
      `\naccess matrix: ${routes.length} routes, ${seen.requests} requests (${seen.declared} against declared fixtures); ` +
        `id routes without a declaration (anonymous and role checks only): ${seen.undeclared.join(', ') || 'none'}\n`,
    );
    await t.close();
  });

  /** 'not-2xx': an unknown id must not succeed; 'any': a route without an id and a caller it lets in. */
  function expectation(
    route: Route,
    caller: Caller,
    decl: Declaration | undefined,
  ): Expected | 'skip' | 'not-2xx' | 'any' {
    const undeclared = route.path.includes('{') ? 'not-2xx' : 'any';
    if (caller === 'anonymous') {
      if (!route.isPublic) return 401;
      return decl ? (decl.except?.anonymous ?? decl.others ?? 404) : undeclared;
    }
    if (route.roles.length && !route.roles.includes(ROLE_OF[caller])) return 403;
    if (!decl) return undeclared;
    if (decl.owners.includes(caller)) return route.method === 'get' ? 'ok' : 'skip';
    return decl.except?.[caller] ?? decl.others ?? 404;
  }

  it('has a declaration for every declared route that still exists', () => {
    const live = new Set(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect(Object.keys(DECLARED).filter((k) => !live.has(k))).toEqual([]);
  });

  it('answers every caller as declared, and never an unexpected 2xx', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (route.path === '/health') continue;
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const decl = DECLARED[key];
      const hasId = route.path.includes('{');
      if (hasId && !decl) seen.undeclared.push(key);
      for (const caller of CALLERS) {
        const expected = expectation(route, caller, decl);
        if (expected === 'skip') continue;
        const id = decl ? f[decl.fixture] : UNKNOWN_ID;
        let req = t.http()[route.method](route.path.replace(/\{[^}]+\}/g, id));
        if (caller !== 'anonymous') req = req.set(...bearer(sessions[caller]));
        if (decl?.body && route.method !== 'get' && route.method !== 'delete') req = req.send(decl.body(f));
        const res = await req;
        seen.requests += 1;
        if (decl) seen.declared += 1;
        const ok2xx = res.status >= 200 && res.status < 300;
        const pass =
          res.status < 500 &&
          (expected === 'any' ||
            (expected === 'ok' ? ok2xx : expected === 'not-2xx' ? !ok2xx : res.status === expected));
        if (!pass)
          failures.push(
            `${key} as ${caller}: expected ${expected}, got ${res.status} ${res.body?.code ?? ''}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
