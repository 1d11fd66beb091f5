import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayInNl } from '@app/common';
import { addDays } from '@app/domain';
import { rawBody } from '../reports/reports-helpers';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
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
import { queueTrouble, relayUntil, startWorker, TestWorker } from '../support/worker';
import {
  badBodies,
  badPathIds,
  badQueries,
  BodyCase,
  Parameter,
  PathCase,
  QueryCase,
  Schema,
  SchemaBook,
  toRawJson,
} from './schema-cases';

// Project-level testTimeout is not applied by Jest 30; registrations hash passwords (slow on a busy machine).
jest.setTimeout(60_000);

/**
 * Schema-driven fuzzing of every operation in the committed openapi.json: generated bad input (fast-check,
 * fixed seed) sent as a caller the route allows. Fails on any 5xx, any 2xx for input that breaks the schema,
 * any answer without the document's `API-Version`, and any error answer that is not the document's problem
 * (`application/problem+json` with every required member, no undocumented one, and the request id).
 * FUZZ_RUNS (cases per operation), FUZZ_SEED and FUZZ_OP_MS (time per operation) widen the search locally;
 * CI uses the defaults: 24 cases per operation, or FUZZ_TOTAL_MS (45 s) shared by all operations, whichever
 * ends first.
 *
 * It ends with the golden story on the fuzzed database, run by the real worker: a tender near the fuzzed offerings
 * is awarded and matched, PDF reports finish (the tender's, and the fuzzed obligation's with its fuzzed
 * contributions), a meeting day's schedule is built; then every background job the fuzz started has finished
 * and none failed. Data the edge accepted must never break background work.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
// CI budget per operation (routes that hash passwords run fewer cases); off when FUZZ_RUNS asks for more.
const TOTAL_BUDGET_MS = Number(process.env.FUZZ_TOTAL_MS ?? 45_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

interface Operation {
  operationId: string;
  method: Route['method'];
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

interface OpenApi {
  info: { version: string };
  /** Paths are relative to `servers[0].url` (`/api/v1`). */
  servers?: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

// FUZZ_OPENAPI points at another document, e.g. one generated from the working tree before it is committed.
const doc = JSON.parse(
  readFileSync(process.env.FUZZ_OPENAPI ?? join(__dirname, '../../openapi.json'), 'utf8'),
) as OpenApi;
const book = new SchemaBook(doc.components.schemas);
const base = doc.servers?.[0]?.url ?? '';
const operations: Operation[] = Object.entries(doc.paths).flatMap(([relativePath, item]) =>
  Object.entries(item)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([method, op]) => ({
      operationId: op.operationId,
      method: method as Route['method'],
      path: `${base}${relativePath}`,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
);

// The CI budget is shared by all operations, so the suite stays near a minute as routes are added.
const OP_BUDGET_MS = Number(
  process.env.FUZZ_OP_MS ?? (process.env.FUZZ_RUNS ? 0 : Math.min(1500, TOTAL_BUDGET_MS / operations.length)),
);

/** The members of a schema through `$ref` and `allOf`, and which of them are required. */
function membersOf(s: Schema | undefined): { names: string[]; required: string[] } {
  if (!s) return { names: [], required: [] };
  if (s.$ref) return membersOf(doc.components.schemas[s.$ref.split('/').pop()!]);
  const parts = (s.allOf ?? []).map(membersOf);
  return {
    names: [...Object.keys(s.properties ?? {}), ...parts.flatMap((p) => p.names)],
    required: [...(s.required ?? []), ...parts.flatMap((p) => p.required)],
  };
}

// Every error is documented as the Problem schema (buildOpenApi): what an error answer may and must hold.
const PROBLEM = membersOf(doc.components.schemas.ProblemDto);
const PROBLEM_KEYS = new Set(PROBLEM.names);

describe('fuzz: every operation of openapi.json (e2e)', () => {
  let t: TestApp;
  let routes: Map<string, Route>;
  const sessions = {} as Record<Role, Session>;
  let buyerId: string;
  const fixtures: Record<string, string> = {};
  const stats = new Map<string, { cases: number; statuses: Record<number, number> }>();
  /** When the fuzz began: the rows and jobs after it are the fuzz's and the story's. */
  let since: Date;
  /** The golden story's steps and their durations (ms), for the summary. */
  const story: [string, number][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    since = await dbNow(t.ds);
    routes = new Map(routeTable(t.app).map((r) => [r.operationId, r]));
    sessions.admin = await adminLogin(t);
    const buyer = await createBuyerWithOfficer(t);
    buyerId = buyer.organisationId;
    sessions.procurement_officer = buyer.officer;
    sessions.contractor = await register(t, 'contractor');
    sessions.social_enterprise = await register(t, 'social_enterprise');
    const officer = sessions.procurement_officer;
    const policyId = await publishedPolicy(t, officer);
    const { obligationId } = await awardedObligation(t, officer, sessions.contractor, { policyId });
    const draftPolicy = await t
      .http()
      .post('/api/v1/sroi-policies')
      .set(...bearer(officer))
      .send(policyBody({ version: 'fuzz' }));
    const draftTender = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId));
    const activeTender = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId));
    await t
      .http()
      .post(`/api/v1/tenders/${activeTender.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);
    const contribution = await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/contributions`)
      .set(...bearer(sessions.contractor))
      .send({ category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 2, description: 'Gastles' })
      .expect(201);
    const certification = await addCertification(t, sessions.social_enterprise, {
      type: 'pso_30plus',
      validFrom: '2025-01-01',
    });
    const offering = await createOffering(t, sessions.social_enterprise);
    // Issue 34: an open challenge with the contractor's proposal; an initiative with the contractor's pledge.
    const challenge = await t
      .http()
      .post('/api/v1/challenges')
      .set(...bearer(officer))
      .send({
        title: 'Fuzz',
        description: 'Fuzz',
        theme: 'werk',
        kind: 'competition',
        deadline: '2099-12-31',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/challenges/${challenge.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);
    const proposal = await t
      .http()
      .post(`/api/v1/challenges/${challenge.body.id}/proposals`)
      .set(...bearer(sessions.contractor))
      .send({ summary: 'Fuzz', approach: 'Fuzz' })
      .expect(201);
    const initiative = await t
      .http()
      .post('/api/v1/initiatives')
      .set(...bearer(sessions.contractor))
      .send({ title: 'Fuzz', summary: 'Fuzz', needs: [{ kind: 'hours', description: 'Handen', hours: 8 }] })
      .expect(201);
    const pledge = await t
      .http()
      .post(`/api/v1/initiatives/${initiative.body.id}/pledges`)
      .set(...bearer(sessions.contractor))
      .send({ needIndex: 0, kind: 'hours', description: 'Handen', hours: 8 })
      .expect(201);
    Object.assign(fixtures, {
      challenges: challenge.body.id,
      proposals: proposal.body.id,
      initiatives: initiative.body.id,
      pledges: pledge.body.id,
      'sroi-policies': draftPolicy.body.id,
      'tenders-put': draftTender.body.id,
      tenders: activeTender.body.id,
      obligations: obligationId,
      contributions: contribution.body.id,
      certifications: certification.id,
      offerings: offering.id,
      'social-enterprises': sessions.social_enterprise.user.organisationId,
    });
  }, 60_000);

  afterAll(async () => {
    const lines = [...stats.entries()].map(
      ([op, s]) => `${op.padEnd(60)} ${String(s.cases).padStart(4)}  ${JSON.stringify(s.statuses)}`,
    );
    const total = [...stats.values()].reduce((n, s) => n + s.cases, 0);
    const statuses: Record<number, number> = {};
    for (const s of stats.values())
      for (const [k, v] of Object.entries(s.statuses)) statuses[+k] = (statuses[+k] ?? 0) + v;
    // One summary for the CI log: operations, cases and the statuses they got.
    process.stdout.write(
      `\nfuzz: ${stats.size} operations, ${total} cases, seed ${SEED}, statuses ${JSON.stringify(statuses)}\n${lines.join('\n')}\n`,
    );
    if (story.length)
      process.stdout.write(
        `golden story on the fuzzed database: ${story.map(([step, ms]) => `${step} ${ms} ms`).join(', ')}\n`,
      );
    await t.close();
  });

  /** The caller a route allows: its first role; any signed-in route gets the social enterprise; public ones nobody. */
  function caller(route: Route | undefined): Session | undefined {
    if (!route) return sessions.contractor;
    if (route.roles.length) return sessions[route.roles[0]];
    return route.isPublic ? undefined : sessions.social_enterprise;
  }

  function fixtureId(op: Operation, who: Session | undefined): string | undefined {
    const m = /\/api\/v1\/([a-z-]+)\/\{id\}/.exec(op.path);
    if (!m) return undefined;
    if (m[1] === 'organisations') return who?.user.role === 'admin' ? buyerId : who?.user.organisationId;
    if (m[1] === 'tenders' && op.method === 'put') return fixtures['tenders-put'];
    return fixtures[m[1]];
  }

  async function send(
    op: Operation,
    who: Session | undefined,
    path: PathCase,
    query: QueryCase,
    body?: BodyCase,
  ) {
    const id = path.value ?? fixtureId(op, who) ?? '00000000-0000-4000-8000-000000000000';
    const url = op.path.replace(/\{[^}]+\}/g, id) + (query.query ? `?${query.query}` : '');
    let req = t.http()[op.method](url);
    if (who) req = req.set(...bearer(who));
    if (body) {
      const raw = body.raw ?? toRawJson(body.json);
      req = req.set('Content-Type', body.contentType ?? 'application/json').send(raw);
    }
    const res = await req;
    const invalid = path.invalid || query.invalid || (body?.invalid ?? false);
    const s = stats.get(op.operationId) ?? { cases: 0, statuses: {} };
    s.cases += 1;
    s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
    stats.set(op.operationId, s);

    const what = `${op.method.toUpperCase()} ${url.slice(0, 200)} [path ${path.kind}, query ${query.kind}, body ${body?.kind ?? '-'}] → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`5xx: ${what}`);
    if (invalid && res.status < 300) throw new Error(`2xx for invalid input: ${what}`);
    if (res.headers['api-version'] !== doc.info.version)
      throw new Error(`no API-Version ${doc.info.version}: ${what}`);
    if (res.status >= 400) {
      const b = res.body as Record<string, unknown>;
      const invalidParams = b.invalidParams as Record<string, unknown>[] | undefined;
      const shapeOk =
        /^application\/problem\+json\b/.test(String(res.headers['content-type'])) &&
        PROBLEM.required.every((k) => b[k] !== undefined) &&
        Object.keys(b).every((k) => PROBLEM_KEYS.has(k)) &&
        b.status === res.status &&
        typeof b.title === 'string' &&
        typeof b.detail === 'string' &&
        typeof b.code === 'string' &&
        /^[A-Z][A-Z0-9_]*$/.test(b.code) &&
        (invalidParams === undefined ||
          (Array.isArray(invalidParams) &&
            invalidParams.every((p) => ['name', 'code', 'reason'].every((k) => typeof p[k] === 'string')))) &&
        typeof b.requestId === 'string' &&
        b.requestId === res.headers['x-request-id'];
      if (!shapeOk) throw new Error(`error without the documented shape: ${what}`);
    }
  }

  it('covers every operation of openapi.json', () => {
    expect(operations.length).toBeGreaterThan(40);
    const missing = operations.filter((op) => !routes.has(op.operationId)).map((op) => op.operationId);
    // openapi.json is regenerated by `npm run openapi`: an operation here without a route means it is stale.
    expect(missing).toEqual([]);
  });

  describe.each(operations.map((op, i) => [`${op.method.toUpperCase()} ${op.path}`, op, i] as const))(
    '%s',
    (_name, op, index) => {
      it('never answers 5xx, 2xx for invalid input, or an undocumented error shape', async () => {
        const route = routes.get(op.operationId);
        const who = caller(route);
        const hasId = /\{[^}]+\}/.test(op.path);
        const noQuery: QueryCase = { kind: 'none', invalid: false, query: '' };
        const noPath: PathCase = { kind: 'fixture', invalid: false, value: null };
        const arbitraries: fc.Arbitrary<[PathCase, QueryCase, BodyCase | undefined]>[] = [];
        if (op.body) {
          // Bodies reach the service with the fixture's id, so hand validators and business rules are exercised.
          arbitraries.push(
            fc.tuple(
              hasId ? badPathIds(true) : fc.constant(noPath),
              fc.constant(noQuery),
              badBodies(book, op.body, { partial: op.method === 'patch' }).map(
                (b) => b as BodyCase | undefined,
              ),
            ),
          );
        }
        if (op.parameters.some((p) => p.in === 'query')) {
          arbitraries.push(
            fc.tuple(
              hasId ? badPathIds(op.method === 'get') : fc.constant(noPath),
              badQueries(book, op.parameters),
              fc.constant(undefined),
            ),
          );
        }
        if (hasId && !op.body) {
          // Without a body, the fixture id could change state (publish, delete): only malformed and unknown ids.
          arbitraries.push(
            fc.tuple(badPathIds(op.method === 'get'), fc.constant(noQuery), fc.constant(undefined)),
          );
        }
        if (!arbitraries.length)
          arbitraries.push(fc.tuple(fc.constant(noPath), badQueries(book, []), fc.constant(undefined)));
        // Cases are drawn up front from the seed, then sent one by one until the run count or the time budget
        // is reached (routes that hash passwords take longer per case).
        const cases = fc.sample(fc.oneof(...arbitraries), { seed: SEED + index, numRuns: RUNS });
        const started = Date.now();
        for (const [n, [path, query, body]] of cases.entries()) {
          if (OP_BUDGET_MS && n >= 5 && Date.now() - started > OP_BUDGET_MS) break;
          await send(op, who, path, query, body);
        }
      }, 120_000);
    },
  );

  describe('golden story on the fuzzed database (real worker)', () => {
    let w: TestWorker;
    const today = todayInNl();
    const PSO = {
      type: 'pso',
      level: 'trede_2',
      validFrom: addDays(today, -400),
      validUntil: addDays(today, 400),
    };

    beforeAll(async () => {
      // Rows other specs left undelivered go; the fuzz's own rows (and every job they start) stay for the worker.
      await clearBacklog(t.ds, since);
      w = await startWorker();
    }, 60_000);
    afterAll(async () => {
      await w?.close();
    });

    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      story.push([step, Date.now() - started]);
      return result;
    };

    const get = async (who: Session, path: string) => {
      const res = await t
        .http()
        .get(path)
        .set(...bearer(who));
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };

    /** Jobs, outbox rows and match sets since the fuzz began that are not finished yet (empty: all done). */
    const unfinished = async (): Promise<string[]> => {
      const rows: { what: string }[] = await t.ds.query(
        `SELECT 'job ' || kind || ' ' || id || ' ' || status AS what FROM background_job
          WHERE created_at >= $1 AND status IN ('queued', 'running')
         UNION ALL
         SELECT 'outbox ' || job_name || ' ' || job_id FROM outbox_message
          WHERE created_at >= $1 AND dispatched_at IS NULL
         UNION ALL
         SELECT 'matches ' || ms.subject_type || ' ' || ms.subject_id FROM match_state ms
          WHERE ms.computed_revision < ms.requested_revision
            AND (EXISTS (SELECT 1 FROM obligation o WHERE o.id = ms.subject_id AND o.created_at >= $1)
              OR EXISTS (SELECT 1 FROM tender tn WHERE tn.id = ms.subject_id AND tn.created_at >= $1))`,
        [since],
      );
      return rows.map((r) => r.what);
    };
    const trouble = async (): Promise<string> =>
      [...(await unfinished()), ...(await queueTrouble(w, { since }))].join('; ').slice(0, 3000);

    it('a tender near the fuzzed offerings is awarded and matched, its PDF report finishes, a meeting day is scheduled', async () => {
      const officer = sessions.procurement_officer;
      const contractor = sessions.contractor;
      const se = sessions.social_enterprise;
      const started = Date.now();

      // The offerings the fuzz left (created or changed by it), and where most of them are.
      const fuzzed: { id: string; cpv: string; postcode: string | null }[] = await t.ds.query(
        `SELECT id, cpv_codes[1] AS cpv, delivery_postcode AS postcode FROM offering
          WHERE organisation_id = $1 AND NOT hidden AND updated_at >= $2 ORDER BY updated_at DESC`,
        [se.user.organisationId, since],
      );
      expect(fuzzed.length).toBeGreaterThan(0);
      const most = <T>(xs: T[]): T =>
        [...xs].sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0];
      const cpv = most(fuzzed.map((o) => o.cpv));
      const postcode = most(fuzzed.map((o) => o.postcode).filter((p): p is string => !!p)) ?? '2011 AB';
      // Certified, so every pair is valued by the engine (capacity and price as the fuzz left them).
      await addCertification(t, se, PSO, officer);

      const { obligationId, tenderId } = await timed('award', () =>
        awardedObligation(t, officer, contractor, {
          tender: {
            title: 'Gouden verhaal na de fuzz',
            items: [{ description: 'Werk bij de gefuzzde aanbiedingen', cpvCode: cpv }],
            deliveryPostcode: postcode,
            contractPeriod: { startDate: addDays(today, -30), endDate: addDays(today, 700) },
          },
        }),
      );

      const matches = await timed('matching', () =>
        relayUntil(
          w.relay,
          `matches of the golden obligation ${obligationId} (CPV ${cpv} near ${postcode})`,
          async () => {
            const body = await get(contractor, `/api/v1/obligations/${obligationId}/matches?limit=100`);
            return !body.pending && (body as { items: { offeringId: string; score: number }[] });
          },
          { timeoutMs: 60_000, describe: trouble },
        ),
      );
      const matched = matches.items.filter((m) => fuzzed.some((o) => o.id === m.offeringId));
      expect(matched.length).toBeGreaterThan(0);
      for (const m of matches.items) expect(Number.isFinite(m.score)).toBe(true);

      // The tender's PDF, and the PDF of the obligation the fuzz wrote its contributions on.
      const requests = [
        [officer, { scope: 'tender', scopeId: tenderId, format: 'pdf', language: 'nl' }],
        [contractor, { scope: 'obligation', scopeId: fixtures.obligations, format: 'pdf', language: 'en' }],
      ] as const;
      await timed('pdf reports', async () => {
        for (const [who, body] of requests) {
          const res = await t
            .http()
            .post('/api/v1/reports')
            .set(...bearer(who))
            .send(body)
            .expect(202);
          const done = await relayUntil(
            w.relay,
            `${body.scope} PDF report ${res.body.id}`,
            async () => {
              const report = await get(who, `/api/v1/reports/${res.body.id}`);
              return ['done', 'failed'].includes(report.status) && report;
            },
            { timeoutMs: 60_000, describe: trouble },
          );
          expect([body.scope, done.status, done.error]).toEqual([body.scope, 'done', undefined]);
          const file = await t
            .http()
            .get(`/api/v1/reports/${res.body.id}/download`)
            .set(...bearer(who))
            .buffer(true)
            .parse(rawBody)
            .expect(200);
          expect((file.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
        }
      });

      // A meeting day with the golden contractor and the fuzzed enterprise: the schedule comes from the matches.
      const meetings = await timed('meeting-day schedule', async () => {
        const event = await t
          .http()
          .post('/api/v1/events')
          .set(...bearer(officer))
          .send({
            title: 'Buy Social Marktplaats na de fuzz',
            postcode,
            date: addDays(today, 60),
            startTime: '09:00',
            endTime: '10:00',
            slotMinutes: 20,
            tables: 2,
          })
          .expect(201);
        const id = event.body.id as string;
        const step = (who: Session, action: string, status: number) =>
          t
            .http()
            .post(`/api/v1/events/${id}/${action}`)
            .set(...bearer(who))
            .send({})
            .expect(status);
        await step(officer, 'open', 200);
        await step(contractor, 'registrations', 201);
        await step(se, 'registrations', 201);
        await step(officer, 'close', 200);
        const job = await step(officer, 'schedule', 202);
        const finished = await relayUntil(
          w.relay,
          `schedule job ${job.body.id}`,
          async () => {
            const body = await get(officer, `/api/v1/jobs/${job.body.id}`);
            return ['done', 'failed'].includes(body.status) && body;
          },
          { timeoutMs: 60_000, describe: trouble },
        );
        expect([finished.status, finished.error]).toEqual(['done', undefined]);
        return (await get(officer, `/api/v1/events/${id}/schedule`)).meetings as {
          contractorOrganisationId: string;
          socialEnterpriseOrganisationId: string;
        }[];
      });
      expect(meetings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            contractorOrganisationId: contractor.user.organisationId,
            socialEnterpriseOrganisationId: se.user.organisationId,
          }),
        ]),
      );
      story.push(['story', Date.now() - started]);
    }, 240_000);

    it('every background job the fuzz and the story started has finished, and none failed', async () => {
      await timed('background work settled', () =>
        relayUntil(
          w.relay,
          'background work since the fuzz began',
          async () => !(await unfinished()).length,
          {
            timeoutMs: 60_000,
            describe: trouble,
          },
        ),
      );
      const failed: { what: string }[] = await t.ds.query(
        `SELECT kind || ' ' || id || ': ' || coalesce(error, '') AS what FROM background_job
          WHERE created_at >= $1 AND status = 'failed'`,
        [since],
      );
      const bull = await queueTrouble(w, { since, limit: 20 });
      expect({ failedJobs: failed.map((f) => f.what), failedOrRetrying: bull }).toEqual({
        failedJobs: [],
        failedOrRetrying: [],
      });
    }, 120_000);
  });
});
