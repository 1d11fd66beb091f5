import { JobsService, MeetingDayScheduleService, ReportGeneratorService } from '@app/domain';
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
 * The access matrix, generated from the live route table: every route × anonymous, each role of organisation A
 * (the owner), the same role in organisation B, and the admin. Every route with an id declares its fixture (an
 * object of organisation A), who owns it and what everybody else gets (404, or 403 where the object is public);
 * a route with an id and no declaration fails the suite, so a route added later is declared with it. Routes
 * without an id follow from their own @Public/@Roles. Owners' reads must succeed; owners' writes are not sent
 * (they would change the fixtures): the owner sends them with an unknown id instead, which must not succeed.
 * Any unexpected 2xx, and any 5xx, fails.
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

/**
 * 'ok': any 2xx; a number: exactly that status; 'own': a 2xx list of the caller's own rows, which must not
 * show organisation A's (the declaration's `hides`).
 */
type Expected = number | 'ok' | 'own';

interface Declaration {
  /** The object of organisation A the id names. */
  fixture: keyof Fixtures;
  /** The route's other path parameters, by name (`registrationId`). */
  params?: Record<string, keyof Fixtures>;
  /** Who may act on it: reads are checked for 2xx, writes are not sent (they would change the fixtures). */
  owners: Caller[];
  /** What every other caller with an allowed role gets (default 404: others must not learn it exists). */
  others?: Expected;
  /** Per-caller exceptions (an admin reads any organisation; anyone reads a public profile). */
  except?: Partial<Record<Caller, Expected>>;
  /** A valid body, so ownership is judged rather than validation. */
  body?: (f: Fixtures) => object;
  /** Ids of organisation A that an 'own' answer must not contain and an 'ok' answer (an owner's) does. */
  hides?: (f: Fixtures) => string[];
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
  /** A CSV obligation report of contractor A, generated (so its download is ready). */
  report: string;
  quoteRequest: string;
  quote: string;
  order: string;
  /** Meeting days of buyer A: a draft, an open one with contractor A registered, a closed one with a schedule. */
  draftEvent: string;
  openEvent: string;
  registration: string;
  closedEvent: string;
  meeting: string;
  /** An OCDS import of officer A (queued). */
  ocdsImport: string;
  /** Challenges of buyer A: a draft, and an open one with contractor A's proposal (enterprise A its partner). */
  draftChallenge: string;
  openChallenge: string;
  proposal: string;
  /** Contractor A's initiative with enterprise A's pledge (offered), a stopped one, and contractor A's own pledge. */
  initiative: string;
  stoppedInitiative: string;
  pledge: string;
  contractorPledge: string;
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
  'GET /api/v1/reports/{id}/download': { fixture: 'report', owners: ['contractorA'] },
  'GET /api/v1/social-enterprises/{id}/opportunities': { fixture: 'seOrg', owners: ['seA'], others: 403 },
  'GET /api/v1/imports/{id}': { fixture: 'ocdsImport', owners: ['officerA'], except: { admin: 'ok' } },

  // Marketplace: a deal's three parties (contractor, enterprise, the obligation's officers) read it; each step
  // belongs to one of them; anybody else gets 404.
  'GET /api/v1/quote-requests/{id}': {
    fixture: 'quoteRequest',
    owners: ['officerA', 'contractorA', 'seA'],
  },
  'POST /api/v1/quote-requests/{id}/decline': {
    fixture: 'quoteRequest',
    owners: ['seA'],
    body: () => ({ reason: 'Geen capaciteit' }),
  },
  'POST /api/v1/quote-requests/{id}/quotes': {
    fixture: 'quoteRequest',
    owners: ['seA'],
    body: () => ({ amountCents: 100_000, validUntil: '2099-12-31' }),
  },
  'GET /api/v1/quotes/{id}': { fixture: 'quote', owners: ['officerA', 'contractorA', 'seA'] },
  'POST /api/v1/quotes/{id}/accept': { fixture: 'quote', owners: ['contractorA'] },
  'POST /api/v1/quotes/{id}/reject': { fixture: 'quote', owners: ['contractorA'] },
  'GET /api/v1/orders/{id}': { fixture: 'order', owners: ['officerA', 'contractorA', 'seA'] },
  'POST /api/v1/orders/{id}/invoices': {
    fixture: 'order',
    owners: ['seA'],
    body: () => ({ invoiceNumber: 'MATRIX-1', invoiceDate: '2026-03-01', amountCents: 10_000 }),
  },
  'POST /api/v1/orders/{id}/complete': { fixture: 'order', owners: ['contractorA'] },

  // Meeting days: open and closed days are public, a draft only its buyer's (and the admin's).
  'GET /api/v1/events/{id}': {
    fixture: 'draftEvent',
    owners: ['officerA'],
    except: { admin: 'ok' },
  },
  'PATCH /api/v1/events/{id}': { fixture: 'draftEvent', owners: ['officerA'], body: () => ({ tables: 2 }) },
  'POST /api/v1/events/{id}/open': { fixture: 'draftEvent', owners: ['officerA'] },
  'POST /api/v1/events/{id}/close': { fixture: 'openEvent', owners: ['officerA'] },
  // Any contractor or enterprise registers for an open day; nobody can see a draft one to register for it.
  'POST /api/v1/events/{id}/registrations': { fixture: 'draftEvent', owners: [], body: () => ({}) },
  'PATCH /api/v1/events/{id}/registrations/{registrationId}': {
    fixture: 'openEvent',
    params: { registrationId: 'registration' },
    owners: ['contractorA'],
    body: () => ({ maxMeetings: 1 }),
  },
  'DELETE /api/v1/events/{id}/registrations/{registrationId}': {
    fixture: 'openEvent',
    params: { registrationId: 'registration' },
    owners: ['contractorA'],
  },
  // The host sees every registration, a registrant its own; on a public day anybody else gets an empty list.
  'GET /api/v1/events/{id}/registrations': {
    fixture: 'closedEvent',
    owners: ['officerA', 'contractorA', 'seA'],
    others: 'own',
    hides: (f) => [f.contractorOrg, f.seOrg],
  },
  // Registered organisations by name: the host all; any contractor or enterprise the other kind (to wish for).
  'GET /api/v1/events/{id}/participants': {
    fixture: 'closedEvent',
    owners: ['officerA', 'contractorA', 'seA'],
    except: { contractorB: 'ok', seB: 'ok' },
  },
  'POST /api/v1/events/{id}/schedule': { fixture: 'closedEvent', owners: ['officerA'] },
  'POST /api/v1/events/{id}/schedule/publish': { fixture: 'closedEvent', owners: ['officerA'] },
  'GET /api/v1/events/{id}/schedule': {
    fixture: 'closedEvent',
    owners: ['officerA', 'contractorA', 'seA'],
  },
  'GET /api/v1/events/{id}/calendar': {
    fixture: 'closedEvent',
    owners: ['officerA', 'contractorA', 'seA'],
  },
  'GET /api/v1/events/{id}/results': { fixture: 'closedEvent', owners: ['officerA'] },
  'POST /api/v1/meetings/{id}/outcome': {
    fixture: 'meeting',
    owners: ['contractorA', 'seA'],
    body: () => ({ outcome: 'follow_up', note: 'Matrix' }),
  },

  // Challenges: open and later are public, a draft only its buyer's (and the admin's).
  'GET /api/v1/challenges/{id}': { fixture: 'draftChallenge', owners: ['officerA'], except: { admin: 'ok' } },
  'PATCH /api/v1/challenges/{id}': {
    fixture: 'draftChallenge',
    owners: ['officerA'],
    body: () => ({ theme: 'matrix' }),
  },
  'POST /api/v1/challenges/{id}/publish': { fixture: 'draftChallenge', owners: ['officerA'] },
  'POST /api/v1/challenges/{id}/close': { fixture: 'openChallenge', owners: ['officerA'] },
  'POST /api/v1/challenges/{id}/finish': { fixture: 'openChallenge', owners: ['officerA'] },
  // Nobody can see a draft to send a proposal to it.
  'POST /api/v1/challenges/{id}/proposals': {
    fixture: 'draftChallenge',
    owners: [],
    body: () => ({ summary: 'Matrix', approach: 'Matrix' }),
  },
  // Its officers see every proposal, a proposer or partner its own; anybody else an empty list.
  'GET /api/v1/challenges/{id}/proposals': {
    fixture: 'openChallenge',
    owners: ['officerA', 'contractorA', 'seA'],
    others: 'own',
    except: { admin: 'ok' },
    hides: (f) => [f.proposal],
  },
  'PATCH /api/v1/proposals/{id}': {
    fixture: 'proposal',
    owners: ['contractorA'],
    body: () => ({ summary: 'x' }),
  },
  'DELETE /api/v1/proposals/{id}': { fixture: 'proposal', owners: ['contractorA'] },
  'POST /api/v1/proposals/{id}/decision': {
    fixture: 'proposal',
    owners: ['officerA'],
    body: () => ({ decision: 'shortlisted', feedback: 'Matrix' }),
  },
  // Initiatives are public; its organisation and any officer manage one (the public object: 403 for others).
  'GET /api/v1/initiatives/{id}': { fixture: 'initiative', owners: ['contractorA'], except: everyone },
  'PATCH /api/v1/initiatives/{id}': {
    fixture: 'initiative',
    owners: ['contractorA', 'officerA', 'officerB', 'admin'],
    others: 403,
    body: () => ({ outcomeNote: 'Matrix' }),
  },
  // A stopped initiative takes no pledges, whoever offers.
  'POST /api/v1/initiatives/{id}/pledges': {
    fixture: 'stoppedInitiative',
    owners: [],
    others: 409,
    body: () => ({ kind: 'network', description: 'Matrix' }),
  },
  'POST /api/v1/pledges/{id}/accept': {
    fixture: 'pledge',
    owners: ['contractorA', 'officerA', 'officerB', 'admin'],
    others: 403,
  },
  'POST /api/v1/pledges/{id}/deliver': {
    fixture: 'pledge',
    owners: ['contractorA', 'officerA', 'officerB', 'admin'],
    others: 403,
  },
  'POST /api/v1/pledges/{id}/contribution': {
    fixture: 'contractorPledge',
    owners: ['contractorA'],
    body: (f) => ({ obligationId: f.obligation, blockCode: 'ACT_HOUR' }),
  },
};

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000001';
/** The ninth column: the route's owner (or a caller its roles let in) with an id that names nothing. */
const UNKNOWN = 'owner, unknown id' as const;
const DAY = { date: '2027-06-11', startTime: '09:00', endTime: '10:00', slotMinutes: 20, tables: 1 };

describe('access matrix: every route × every caller (e2e)', () => {
  let t: TestApp;
  let routes: Route[];
  const sessions = {} as Record<Exclude<Caller, 'anonymous'>, Session>;
  const f = {} as Fixtures;
  const seen = { requests: 0, declared: 0, ms: 0 };

  /** What the worker's processor does for a job, run here against the real database (no queue needed). */
  const runJob = async (
    jobId: string,
    work: (progress: (p: number) => Promise<void>) => Promise<unknown>,
  ) => {
    await t.app.get(JobsService).run(jobId, { attemptsMade: 0, opts: { attempts: 1 } }, work);
    const [row] = await t.ds.query('SELECT status, error FROM background_job WHERE id = $1', [jobId]);
    if (row.status !== 'done') throw new Error(`fixture job ${jobId}: ${row.status} ${row.error}`);
  };

  const post = async (who: Session, path: string, body: object = {}, status = 201) =>
    (
      await t
        .http()
        .post(path)
        .set(...bearer(who))
        .send(body)
        .expect(status)
    ).body;

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
    const contractor = sessions.contractorA;
    const se = sessions.seA;
    f.buyerOrg = a.organisationId;
    f.contractorOrg = contractor.user.organisationId;
    f.seOrg = se.user.organisationId;
    f.certification = (await addCertification(t, se, { type: 'pso_30plus', validFrom: '2025-01-01' })).id;
    f.offering = (await createOffering(t, se)).id;
    f.publishedPolicy = await publishedPolicy(t, officer);
    f.draftPolicy = (await post(officer, '/api/v1/sroi-policies', policyBody({ version: 'draft' }))).id;
    f.draftTender = (await post(officer, '/api/v1/tenders', tenderBody(f.publishedPolicy))).id;
    f.activeTender = (await post(officer, '/api/v1/tenders', tenderBody(f.publishedPolicy))).id;
    await post(officer, `/api/v1/tenders/${f.activeTender}/publish`, {}, 200);
    f.obligation = (
      await awardedObligation(t, officer, contractor, { policyId: f.publishedPolicy })
    ).obligationId;
    f.contribution = (
      await post(contractor, `/api/v1/obligations/${f.obligation}/contributions`, activity)
    ).id;
    f.job = (await post(contractor, `/api/v1/obligations/${f.obligation}/matches/refresh`, {}, 202)).id;
    f.report = (
      await post(
        contractor,
        '/api/v1/reports',
        { scope: 'obligation', scopeId: f.obligation, format: 'csv' },
        202,
      )
    ).id;
    const generator = t.app.get(ReportGeneratorService);
    await runJob(f.report, (progress) => generator.generate(f.report, progress));

    // A deal: request → quote → order, between contractor A and enterprise A on buyer A's obligation.
    f.quoteRequest = (
      await post(contractor, '/api/v1/quote-requests', {
        obligationId: f.obligation,
        offeringId: f.offering,
        description: 'Schoonmaak van de bouwketen',
      })
    ).id;
    f.quote = (
      await post(se, `/api/v1/quote-requests/${f.quoteRequest}/quotes`, {
        amountCents: 250_000,
        validUntil: '2099-12-31',
      })
    ).id;
    f.order = (await post(contractor, `/api/v1/quotes/${f.quote}/accept`)).id;

    const event = { title: 'Buy Social Marktplaats matrix', postcode: '2011 RD', ...DAY };
    f.draftEvent = (await post(officer, '/api/v1/events', event)).id;
    f.openEvent = (await post(officer, '/api/v1/events', event)).id;
    await post(officer, `/api/v1/events/${f.openEvent}/open`, {}, 200);
    f.registration = (await post(contractor, `/api/v1/events/${f.openEvent}/registrations`)).id;
    f.closedEvent = (await post(officer, '/api/v1/events', event)).id;
    await post(officer, `/api/v1/events/${f.closedEvent}/open`, {}, 200);
    await post(contractor, `/api/v1/events/${f.closedEvent}/registrations`, { wishes: [f.seOrg] });
    await post(se, `/api/v1/events/${f.closedEvent}/registrations`);
    await post(officer, `/api/v1/events/${f.closedEvent}/close`, {}, 200);
    const scheduleJob = (await post(officer, `/api/v1/events/${f.closedEvent}/schedule`, {}, 202)).id;
    const schedules = t.app.get(MeetingDayScheduleService);
    await runJob(scheduleJob, (progress) => schedules.buildSchedule(f.closedEvent, progress));
    await post(officer, `/api/v1/events/${f.closedEvent}/schedule/publish`, {}, 200);
    const meetings = await t
      .http()
      .get(`/api/v1/events/${f.closedEvent}/schedule`)
      .set(...bearer(officer))
      .expect(200);
    expect(meetings.body.meetings).toHaveLength(1);
    f.meeting = meetings.body.meetings[0].id;

    f.ocdsImport = (
      await post(
        officer,
        '/api/v1/imports/ocds',
        {
          uri: 'https://example.nl/matrix.json',
          version: '1.1',
          publishedDate: '2026-01-01T00:00:00Z',
          publisher: { name: 'Matrix' },
          releases: [
            { ocid: `ocds-matrix-${f.buyerOrg}`, id: '1', date: '2026-01-01T00:00:00Z', tag: ['tender'] },
          ],
        },
        202,
      )
    ).id;

    const challenge = {
      title: 'Matrix',
      description: 'Matrix',
      theme: 'matrix',
      kind: 'competition',
      deadline: '2099-12-31',
    };
    f.draftChallenge = (await post(officer, '/api/v1/challenges', challenge)).id;
    f.openChallenge = (await post(officer, '/api/v1/challenges', challenge)).id;
    await post(officer, `/api/v1/challenges/${f.openChallenge}/publish`, {}, 200);
    f.proposal = (
      await post(contractor, `/api/v1/challenges/${f.openChallenge}/proposals`, {
        summary: 'Matrix',
        approach: 'Matrix',
        partnerOrganisationIds: [f.seOrg],
      })
    ).id;
    const initiative = { title: 'Matrix', summary: 'Matrix', needs: [{ kind: 'network', description: 'M' }] };
    f.initiative = (await post(contractor, '/api/v1/initiatives', initiative)).id;
    f.pledge = (
      await post(se, `/api/v1/initiatives/${f.initiative}/pledges`, { kind: 'network', description: 'M' })
    ).id;
    f.contractorPledge = (
      await post(contractor, `/api/v1/initiatives/${f.initiative}/pledges`, {
        kind: 'hours',
        description: 'M',
        hours: 2,
      })
    ).id;
    f.stoppedInitiative = (await post(contractor, '/api/v1/initiatives', initiative)).id;
    await t
      .http()
      .patch(`/api/v1/initiatives/${f.stoppedInitiative}`)
      .set(...bearer(contractor))
      .send({ status: 'stopped' })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    const idRoutes = routes.filter((r) => r.path.includes('{'));
    process.stdout.write(
      `\naccess matrix: ${routes.length - 1} routes (${idRoutes.length} with an id, ` +
        `${idRoutes.filter((r) => DECLARED[key(r)]).length} declared) × ${CALLERS.length + 1} callers ` +
        `(${CALLERS.join(', ')}; ${UNKNOWN}): ${seen.requests} requests ` +
        `(${seen.declared} against declared fixtures) in ${seen.ms} ms\n`,
    );
    await t.close();
  });

  const key = (route: Route): string => `${route.method.toUpperCase()} ${route.path}`;

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

  /** Who sends the unknown id: the first owner, else the first caller the route's roles let in. */
  function unknownIdCaller(route: Route, decl: Declaration | undefined): Caller {
    const allowed = (c: Caller) =>
      c === 'anonymous' ? route.isPublic : !route.roles.length || route.roles.includes(ROLE_OF[c]);
    return decl?.owners.find(allowed) ?? CALLERS.find((c) => c !== 'anonymous' && allowed(c)) ?? 'anonymous';
  }

  it('has a declaration for every route with an id, and none for a route that is gone', () => {
    const live = new Set(routes.map(key));
    expect(Object.keys(DECLARED).filter((k) => !live.has(k))).toEqual([]);
    // A route with an id is declared here with a fixture of organisation A, owners and what strangers get.
    expect(routes.filter((r) => r.path.includes('{') && !DECLARED[key(r)]).map(key)).toEqual([]);
    for (const [k, decl] of Object.entries(DECLARED)) {
      const names = [...k.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).filter((n) => n !== 'id');
      expect([k, names.filter((n) => !decl.params?.[n])]).toEqual([k, []]);
    }
  });

  it('answers every caller as declared, and never an unexpected 2xx', async () => {
    const started = Date.now();
    const failures: string[] = [];
    for (const route of routes) {
      if (route.path === '/health') continue;
      const k = key(route);
      const decl = DECLARED[k];
      const hasId = route.path.includes('{');
      const columns: (Caller | typeof UNKNOWN)[] = hasId ? [...CALLERS, UNKNOWN] : CALLERS;
      for (const column of columns) {
        const unknown = column === UNKNOWN;
        const caller = unknown ? unknownIdCaller(route, decl) : column;
        const expected = unknown ? 'not-2xx' : expectation(route, caller, decl);
        if (expected === 'skip') continue;
        const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          unknown || !decl ? UNKNOWN_ID : f[name === 'id' ? decl.fixture : decl.params![name]],
        );
        let req = t.http()[route.method](path);
        if (caller !== 'anonymous') req = req.set(...bearer(sessions[caller]));
        if (decl?.body && route.method !== 'get' && route.method !== 'delete') req = req.send(decl.body(f));
        const res = await req;
        seen.requests += 1;
        if (decl && !unknown) seen.declared += 1;
        const ok2xx = res.status >= 200 && res.status < 300;
        const text = JSON.stringify(res.body ?? '');
        const hidden = decl?.hides?.(f) ?? [];
        const pass =
          res.status < 500 &&
          (expected === 'any' ||
            (expected === 'ok'
              ? ok2xx && (!hidden.length || hidden.some((id) => text.includes(id)))
              : expected === 'own'
                ? ok2xx && !hidden.some((id) => text.includes(id))
                : expected === 'not-2xx'
                  ? !ok2xx
                  : res.status === expected));
        if (!pass)
          failures.push(
            `${k} as ${unknown ? `${caller} with an unknown id` : caller}: expected ${expected}, ` +
              `got ${res.status} ${res.body?.code ?? ''} ${expected === 'own' || expected === 'ok' ? text.slice(0, 200) : ''}`,
          );
      }
    }
    seen.ms = Date.now() - started;
    expect(failures).toEqual([]);
  }, 120_000);
});
