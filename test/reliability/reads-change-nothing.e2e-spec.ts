import { ALL_QUEUES, redisOptionsFromUrl } from '@app/queue';
import { Queue } from 'bullmq';
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
import { awardedObligation, publishedPolicy, tenderBody } from '../support/procurement';
import { Route, routeTable } from '../support/route-table';
import { relayUntil, startWorker, TestWorker } from '../support/worker';

jest.setTimeout(120_000);

/**
 * "Reading changes nothing" (api.md): no GET creates, queues or stores anything. A rich world is built through the
 * API and worked off by the real worker; the worker is then stopped, and every GET route of the live route table
 * is called by every kind of caller with that world's ids. Around each call the spec compares, for every table
 * of the public schema, its row count and the newest row version (max xmin: any insert or update makes a newer
 * one), and the job counts of every BullMQ queue. Nothing is excluded: no table or queue may legitimately change
 * on a read.
 */
type Caller = 'anonymous' | 'admin' | 'officer' | 'contractor' | 'se';
const CALLERS: Caller[] = ['anonymous', 'admin', 'officer', 'contractor', 'se'];

interface World {
  buyerOrg: string;
  contractorOrg: string;
  seOrg: string;
  certification: string;
  offering: string;
  policy: string;
  tender: string;
  obligation: string;
  contribution: string;
  job: string;
  report: string;
  quoteRequest: string;
  quote: string;
  order: string;
  event: string;
  meeting: string;
  ocdsImport: string;
  challenge: string;
  initiative: string;
}

/**
 * Which object of the world an `{id}` names, by the route's first segment. A GET route with an id whose
 * segment is not here fails the spec, so a route added later is swept with a real object.
 */
const ID_OF: Record<string, keyof World> = {
  organisations: 'seOrg',
  'social-enterprises': 'seOrg',
  certifications: 'certification',
  offerings: 'offering',
  'sroi-policies': 'policy',
  tenders: 'tender',
  obligations: 'obligation',
  contributions: 'contribution',
  jobs: 'job',
  reports: 'report',
  imports: 'ocdsImport',
  'quote-requests': 'quoteRequest',
  quotes: 'quote',
  orders: 'order',
  events: 'event',
  meetings: 'meeting',
  challenges: 'challenge',
  initiatives: 'initiative',
};

/** Lists with the filters the web app sends, besides the bare route. */
const QUERIES: Record<string, string[]> = {
  '/api/v1/tenders': ['?status=active', '?source=ocds', '?q=schoonmaak&cpv=90900000'],
  '/api/v1/offerings': ['?q=schoonmaak&postcode=2011&radiusKm=50', '?certification=pso_30plus'],
  '/api/v1/social-enterprises': ['?q=schoonmaak&cpv=90910000'],
  '/api/v1/cpv': ['?q=schoon'],
  '/api/v1/notifications': ['?unread=true'],
  '/api/v1/organisations': ['?kind=social_enterprise&q=a'],
};

type Snapshot = Map<string, string>;

describe('reading changes nothing: every GET × every caller (e2e)', () => {
  let t: TestApp;
  let worker: TestWorker | undefined;
  let routes: Route[];
  const s = {} as Record<Exclude<Caller, 'anonymous'>, Session>;
  const w = {} as World;
  let tables: string[] = [];
  const queues = {} as Record<string, Queue>;

  const post = async (who: Session, path: string, body: object = {}, status = 201) =>
    (
      await t
        .http()
        .post(path)
        .set(...bearer(who))
        .send(body)
        .expect(status)
    ).body;

  const get = async (who: Session, path: string) =>
    (
      await t
        .http()
        .get(path)
        .set(...bearer(who))
        .expect(200)
    ).body;

  /** Row count and newest row version of every table, and every queue's job counts, in one map. */
  async function snapshot(): Promise<Snapshot> {
    const out: Snapshot = new Map();
    const sql = tables
      .map(
        (name) =>
          `SELECT '${name}' AS name, count(*)::text AS rows, COALESCE(max(xmin::text::bigint), 0)::text AS version
             FROM public."${name}"`,
      )
      .join(' UNION ALL ');
    for (const row of await t.ds.query(sql))
      out.set(`table ${row.name}`, `${row.rows} rows, newest version ${row.version}`);
    for (const name of ALL_QUEUES) {
      const counts = await queues[name].getJobCounts();
      out.set(`queue ${name}`, JSON.stringify(counts));
    }
    return out;
  }

  const diff = (before: Snapshot, after: Snapshot): string[] =>
    [...new Set([...before.keys(), ...after.keys()])]
      .filter((k) => before.get(k) !== after.get(k))
      .map((k) => `${k}: ${before.get(k)} → ${after.get(k)}`);

  beforeAll(async () => {
    t = await createTestApp();
    const connection = redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1');
    for (const name of ALL_QUEUES) queues[name] = new Queue(name, { connection, prefix: 'buysocial' });
    routes = routeTable(t.app);
    const since = await dbNow(t.ds);
    await clearBacklog(t.ds, since);
    worker = await startWorker();

    s.admin = await adminLogin(t);
    const buyer = await createBuyerWithOfficer(t);
    s.officer = buyer.officer;
    s.contractor = await register(t, 'contractor');
    s.se = await register(t, 'social_enterprise');
    w.buyerOrg = buyer.organisationId;
    w.contractorOrg = s.contractor.user.organisationId;
    w.seOrg = s.se.user.organisationId;

    w.certification = (
      await addCertification(t, s.se, { type: 'pso_30plus', validFrom: '2025-01-01' }, s.officer)
    ).id;
    w.offering = (
      await createOffering(t, s.se, { priceIndicationCents: 50_000, capacityCentsPerMonth: 500_000 })
    ).id;
    await t
      .http()
      .put(`/api/v1/social-enterprises/${w.seOrg}/profile`)
      .set(...bearer(s.se))
      .send({
        mission: 'Werk voor iedereen',
        targetGroups: ['participatiewet'],
        fteTotal: 10,
        fteTargetGroup: 5,
      })
      .expect(200);
    w.policy = await publishedPolicy(t, s.officer);
    // A published tender (still open) next to the awarded one.
    w.tender = (await post(s.officer, '/api/v1/tenders', tenderBody(w.policy))).id;
    await post(s.officer, `/api/v1/tenders/${w.tender}/publish`, {}, 200);
    w.obligation = (await awardedObligation(t, s.officer, s.contractor, { policyId: w.policy })).obligationId;
    w.contribution = (
      await post(s.contractor, `/api/v1/obligations/${w.obligation}/contributions`, {
        category: 'social_activity',
        blockCode: 'ACT_HOUR',
        quantity: 3,
        description: 'Gastles',
      })
    ).id;
    w.job = (await post(s.contractor, `/api/v1/obligations/${w.obligation}/matches/refresh`, {}, 202)).id;

    w.quoteRequest = (
      await post(s.contractor, '/api/v1/quote-requests', {
        obligationId: w.obligation,
        offeringId: w.offering,
        description: 'Schoonmaak van de bouwketen',
      })
    ).id;
    w.quote = (
      await post(s.se, `/api/v1/quote-requests/${w.quoteRequest}/quotes`, {
        amountCents: 250_000,
        validUntil: '2099-12-31',
      })
    ).id;
    w.order = (await post(s.contractor, `/api/v1/quotes/${w.quote}/accept`)).id;
    await post(s.se, `/api/v1/orders/${w.order}/invoices`, {
      invoiceNumber: `READS-${w.order.slice(0, 8)}`,
      invoiceDate: '2026-03-01',
      amountCents: 100_000,
    });

    w.report = (
      await post(
        s.contractor,
        '/api/v1/reports',
        { scope: 'obligation', scopeId: w.obligation, format: 'json' },
        202,
      )
    ).id;

    const day = { date: '2027-06-11', startTime: '09:00', endTime: '10:00', slotMinutes: 20, tables: 1 };
    w.event = (
      await post(s.officer, '/api/v1/events', { title: 'Marktplaats leest', postcode: '2011 RD', ...day })
    ).id;
    await post(s.officer, `/api/v1/events/${w.event}/open`, {}, 200);
    await post(s.contractor, `/api/v1/events/${w.event}/registrations`, { wishes: [w.seOrg] });
    await post(s.se, `/api/v1/events/${w.event}/registrations`);
    await post(s.officer, `/api/v1/events/${w.event}/close`, {}, 200);
    const scheduleJob = (await post(s.officer, `/api/v1/events/${w.event}/schedule`, {}, 202)).id;

    w.ocdsImport = (
      await post(
        s.officer,
        '/api/v1/imports/ocds',
        {
          uri: 'https://example.nl/reads.json',
          version: '1.1',
          publishedDate: '2026-01-01T00:00:00Z',
          publisher: { name: 'Reads' },
          releases: [
            {
              ocid: `ocds-reads-${w.buyerOrg}`,
              id: '1',
              date: '2026-01-01T00:00:00Z',
              tag: ['tender'],
              tender: { id: 't1', title: 'Groenonderhoud', status: 'active' },
            },
          ],
        },
        202,
      )
    ).id;

    // A challenge with a proposal, an initiative with a pledge.
    w.challenge = (
      await post(s.officer, '/api/v1/challenges', {
        title: 'Schone wijk, leest alleen',
        description: 'Wie helpt de wijk schoon te houden met mensen met afstand tot werk?',
        theme: 'werk',
        kind: 'open_call',
        deadline: '2099-12-31',
        cpvCodes: ['90910000-9'],
      })
    ).id;
    await post(s.officer, `/api/v1/challenges/${w.challenge}/publish`, {}, 200);
    await post(s.se, `/api/v1/challenges/${w.challenge}/proposals`, {
      summary: 'Schoonmaakploeg',
      approach: 'Een ploeg van vijf mensen uit de wijk',
    });
    w.initiative = (
      await post(s.se, '/api/v1/initiatives', {
        title: 'Repaircafé in de wijk',
        summary: 'Samen repareren',
        needs: [{ kind: 'hours', description: 'Vrijwilligers', hours: 10 }],
      })
    ).id;
    await post(s.contractor, `/api/v1/initiatives/${w.initiative}/pledges`, {
      needIndex: 0,
      kind: 'hours',
      description: 'Twee monteurs',
      hours: 4,
    });

    // Let the worker finish everything the world asked for: the report, the schedule, the import, the match
    // sets, the notifications; then no job is waiting or running and the outbox is delivered.
    const done = async (path: string, who: Session) => (await get(who, path)).status === 'done';
    await relayUntil(
      worker.relay,
      'the world settles',
      async () => {
        if (!(await done(`/api/v1/reports/${w.report}`, s.contractor))) return false;
        if (!(await done(`/api/v1/jobs/${scheduleJob}`, s.officer))) return false;
        if (!(await done(`/api/v1/imports/${w.ocdsImport}`, s.officer))) return false;
        const [{ n }] = await t.ds.query(
          `SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`,
        );
        if (n > 0) return false;
        // This world's match sets (a set another spec left failing must not hold this one up).
        const [{ pending }] = await t.ds.query(
          `SELECT count(*)::int AS pending FROM match_state
            WHERE requested_revision > computed_revision AND subject_id = ANY($1::uuid[])`,
          [[w.obligation, w.tender, w.challenge]],
        );
        if (pending > 0) return false;
        for (const name of ALL_QUEUES) {
          const c = await queues[name].getJobCounts();
          if ((c.waiting ?? 0) + (c.active ?? 0) + (c['waiting-children'] ?? 0) + (c.prioritized ?? 0) > 0)
            return false;
        }
        return true;
      },
      { timeoutMs: 90_000 },
    );
    await post(s.officer, `/api/v1/events/${w.event}/schedule/publish`, {}, 200);
    const schedule = await get(s.officer, `/api/v1/events/${w.event}/schedule`);
    expect(schedule.meetings.length).toBeGreaterThan(0);
    w.meeting = schedule.meetings[0].id;
    // Publishing the schedule notifies the registrants: let that settle too, then stop the worker.
    await relayUntil(worker.relay, 'the schedule notifications', async () => {
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`,
      );
      if (n > 0) return false;
      for (const name of ALL_QUEUES) {
        const c = await queues[name].getJobCounts();
        if ((c.waiting ?? 0) + (c.active ?? 0) + (c['waiting-children'] ?? 0) + (c.prioritized ?? 0) > 0)
          return false;
      }
      return true;
    });
    await worker.close();
    worker = undefined;

    tables = (
      await t.ds.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).map((r: { table_name: string }) => r.table_name);
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    for (const queue of Object.values(queues)) await queue.close();
    await t?.close();
  });

  it('knows an object of the world for every GET route with an id', () => {
    const unknown = routes
      .filter((r) => r.method === 'get' && r.path.includes('{'))
      .filter((r) => !ID_OF[r.path.split('/')[3]])
      .map((r) => r.path);
    expect(unknown).toEqual([]);
  });

  it("computes the officer's dashboard in the request, filing no report", async () => {
    const before = await snapshot();
    const dashboard = await get(s.officer, '/api/v1/dashboard');
    expect(dashboard).toMatchObject({ buyerId: w.buyerOrg, totals: { spentCents: 100_000 } });
    expect(dashboard.spendPerSocialEnterprise).toEqual([
      expect.objectContaining({ socialEnterpriseId: w.seOrg, count: 1, spentCents: 100_000 }),
    ]);
    expect(diff(before, await snapshot())).toEqual([]);
    await t
      .http()
      .get('/api/v1/dashboard')
      .set(...bearer(s.contractor))
      .expect(403);
  });

  it('sees a write when there is one (the comparison itself works)', async () => {
    const before = await snapshot();
    await t.ds.query(`UPDATE organisation SET name = name WHERE id = $1`, [w.seOrg]);
    expect(diff(before, await snapshot())).toEqual([expect.stringMatching(/^table organisation: /)]);
  });

  it('changes no table and queues no job on any GET, for any caller', async () => {
    const gets = routes.filter((r) => r.method === 'get');
    expect(gets.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const statuses: string[] = [];
    let calls = 0;
    let before = await snapshot();
    for (const route of gets) {
      const segment = route.path.split('/')[3];
      const path = route.path.replace(/\{([^}]+)\}/g, () => w[ID_OF[segment]]);
      for (const query of ['', ...(QUERIES[route.path] ?? [])]) {
        for (const caller of CALLERS) {
          let req = t.http().get(path + query);
          if (caller !== 'anonymous') req = req.set(...bearer(s[caller]));
          const res = await req;
          calls += 1;
          if (res.status >= 500) statuses.push(`GET ${path}${query} as ${caller}: ${res.status}`);
          const after = await snapshot();
          const changed = diff(before, after);
          if (changed.length)
            failures.push(
              `GET ${route.path}${query} as ${caller} (${res.status}) changed ${changed.join('; ')}`,
            );
          before = after;
        }
      }
    }
    process.stdout.write(
      `\nreads change nothing: ${gets.length} GET routes, ${calls} calls, ${tables.length} tables, ` +
        `${ALL_QUEUES.length} queues compared around each call\n`,
    );
    expect(statuses).toEqual([]);
    expect(failures).toEqual([]);
  }, 300_000);
});
