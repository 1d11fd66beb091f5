import { OcdsAwardEntity, TenderEntity } from '@app/database';
import { OcdsValidator } from '@app/domain';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { In } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import {
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';

// Imports of whole packages and several sign-ups on a shared 2-core machine; the project's testTimeout is not applied.
jest.setTimeout(180_000);

const FIXTURES = join(__dirname, '../fixtures/ocds');
// Whole real packages, copied into the repository (credits in test/fixtures/ocds/README.md).
const SHARED = join(FIXTURES, 'packages');
const SHARED_PACKAGES = readdirSync(SHARED).filter((f) => f.endsWith('.json'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- package JSON, read freely in assertions
type Json = Record<string, any>;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));
const validator = new OcdsValidator();

/**
 * What the import must produce, computed here from the file itself (independently of the product's merge):
 * one tender per ocid that has a tender title in any release, the distinct award ids of those processes, their
 * distinct CPV codes (scheme CPV, 8 digits, as far as the CPV list knows them) and the processes whose latest
 * statement of tender.suitability.vcse is true.
 */
function expectations(pkg: Json) {
  const byOcid = new Map<string, Json[]>();
  for (const r of pkg.releases) {
    if (typeof r?.ocid !== 'string' || !r.ocid.trim()) continue;
    byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
  }
  const usable = [...byOcid.entries()].filter(([, rs]) =>
    rs.some((r) => typeof r.tender?.title === 'string' && r.tender.title.trim()),
  );
  const awards = new Set<string>();
  const cpv = new Set<string>();
  let vcse = 0;
  for (const [ocid, rs] of usable) {
    const byDate = [...rs].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    let latestVcse: unknown = undefined;
    for (const r of byDate) {
      for (const a of r.awards ?? []) if (a.id !== undefined) awards.add(`${ocid}|${a.id}`);
      // The items' classifications and the tender's own (UK publishers classify the tender itself).
      for (const item of [...(r.tender?.items ?? []), r.tender ?? {}])
        for (const c of [item.classification, ...(item.additionalClassifications ?? [])])
          if (c && String(c.scheme).toUpperCase() === 'CPV' && /^\d{8}(-\d)?$/.test(String(c.id)))
            cpv.add(String(c.id).slice(0, 8));
      if (r.tender?.suitability && 'vcse' in r.tender.suitability) latestVcse = r.tender.suitability.vcse;
    }
    if (latestVcse === true) vcse += 1;
  }
  return {
    ocids: usable.map(([o]) => o),
    skipped: byOcid.size - usable.length,
    awards: awards.size,
    cpv,
    vcse,
  };
}

describe('open data: OCDS import and export (e2e, real PostgreSQL + Redis + worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let officer: Session;
  let officerOrg: string;
  let otherOfficer: Session;
  let admin: Session;
  let contractor: Session;
  let se: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
    }).compile();
    worker = await ref.init();
    ({ officer, organisationId: officerOrg } = await createBuyerWithOfficer(t));
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    admin = await adminLogin(t);
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function submit(session: Session, pkg: unknown): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/imports/ocds')
      .set(...bearer(session))
      .send(pkg as object)
      .expect(202);
    expect(res.body).toEqual({
      id: expect.any(String),
      status: expect.stringMatching(/queued|running|done/),
    });
    return res.body.id as string;
  }

  /** Polls the import with a deadline until the worker is done with it. */
  async function finished(session: Session, id: string): Promise<Json> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await t
        .http()
        .get(`/api/v1/imports/${id}`)
        .set(...bearer(session))
        .expect(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function importPackage(session: Session, pkg: unknown): Promise<Json> {
    const done = await finished(session, await submit(session, pkg));
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    return done.result;
  }

  async function tendersOf(ocids: string[]): Promise<TenderEntity[]> {
    return t.ds.getRepository(TenderEntity).find({ where: { ocid: In(ocids) }, order: { ocid: 'ASC' } });
  }

  async function knownCpv(codes: Set<string>): Promise<Set<string>> {
    const rows: { code: string }[] = await t.ds.query('SELECT code FROM cpv_code WHERE code = ANY($1)', [
      [...codes],
    ]);
    return new Set(rows.map((r) => r.code));
  }

  async function assertImported(pkg: Json, result: Json): Promise<void> {
    const want = expectations(pkg);
    expect(result.releases).toBe(pkg.releases.length);
    expect(result.tendersCreated + result.tendersUpdated + result.tendersUnchanged).toBe(want.ocids.length);
    expect(result.awards).toBe(want.awards);
    expect(result.errors.length).toBeLessThanOrEqual(1000);
    expect(result.errorsTotal).toBeGreaterThanOrEqual(result.errors.length);

    const tenders = await tendersOf(want.ocids);
    expect(tenders).toHaveLength(want.ocids.length);
    for (const tender of tenders) {
      expect(tender).toMatchObject({
        source: 'ocds',
        publisher: pkg.publisher.name,
        sroiPolicyId: null,
        createdBy: null,
      });
    }
    const ids = tenders.map((x) => x.id);
    const [{ n: awards }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM ocds_award WHERE tender_id = ANY($1)',
      [ids],
    );
    expect(awards).toBe(want.awards);
    const items: { cpv_code: string }[] = await t.ds.query(
      'SELECT DISTINCT cpv_code FROM tender_item WHERE tender_id = ANY($1)',
      [ids],
    );
    expect(new Set(items.map((i) => i.cpv_code))).toEqual(await knownCpv(want.cpv));
    expect(tenders.filter((x) => x.suitableForVcse === true)).toHaveLength(want.vcse);
  }

  describe('access', () => {
    const pkg = () => readJson(join(FIXTURES, 'ocp-fictional-example-1.1-ocds-213czf-000-00001.json'));

    it('lets officers and admins import (202) and nobody else (401 without a token, 403 for other roles)', async () => {
      await t.http().post('/api/v1/imports/ocds').send(pkg()).expect(401);
      for (const who of [contractor, se]) {
        const res = await t
          .http()
          .post('/api/v1/imports/ocds')
          .set(...bearer(who))
          .send(pkg())
          .expect(403);
        expect(res.body.code).toBeDefined();
      }
      const id = await submit(admin, pkg());
      expect((await finished(admin, id)).status).toBe('done');
    });

    it('shows an import to its own organisation and admins only (404 otherwise), also as a job', async () => {
      const id = await submit(officer, pkg());
      await finished(officer, id);
      await t
        .http()
        .get(`/api/v1/imports/${id}`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/imports/${id}`)
        .set(...bearer(admin))
        .expect(200);
      await t
        .http()
        .get(`/api/v1/imports/${id}`)
        .set(...bearer(contractor))
        .expect(403);
      await t.http().get(`/api/v1/imports/${id}`).expect(401);
      const job = await t
        .http()
        .get(`/api/v1/jobs/${id}`)
        .set(...bearer(officer))
        .expect(200);
      expect(job.body).toMatchObject({ id, kind: 'ocds_import', status: 'done', progress: 100 });
      const missing = await t
        .http()
        .get('/api/v1/imports/00000000-0000-4000-8000-000000000000')
        .set(...bearer(officer))
        .expect(404);
      expect(missing.body.code).toBe('IMPORT_NOT_FOUND');
    });
  });

  describe('import', () => {
    it.each(SHARED_PACKAGES)('imports the shared package %s with the counts of the file', async (file) => {
      const pkg = readJson(join(SHARED, file));
      const result = await importPackage(officer, pkg);
      await assertImported(pkg, result);
      expect(result.skipped).toBe(expectations(pkg).skipped);
    });

    it('imports the fixtures: merged releases (latest date wins), suitability, lots, unknown CPV codes reported', async () => {
      const fictional = readJson(join(FIXTURES, 'ocp-fictional-example-1.1-ocds-213czf-000-00001.json'));
      await assertImported(fictional, await importPackage(officer, fictional));
      const [process] = await tendersOf(['ocds-213czf-000-00001']);
      expect(process).toMatchObject({
        title: 'Planned cycle lane improvements',
        currency: 'GBP',
        ocdsReleaseId: 'ocds-213czf-000-00001-06-implementation',
      });

      const pkg = readJson(join(FIXTURES, 'suitability-release-package.json'));
      const result = await importPackage(officer, pkg);
      await assertImported(pkg, result);
      expect(result.unknownExtensions).toEqual([]);
      expect(result.unknownCpvCodes).toEqual(['99999999']);
      expect(result.errors).toContainEqual({
        path: '/releases/4/tender/items/0/additionalClassifications/1/id',
        message: 'unknown CPV code 99999999',
      });
      const [amended] = await tendersOf(['ocds-bsfix1-0001']);
      expect(amended.title).toMatch(/\(amended\)$/);
      expect(amended.lots).toEqual(expect.arrayContaining([expect.objectContaining({ id: '1' })]));
      expect(amended).toMatchObject({ suitableForSme: true, suitableForVcse: true, currency: 'GBP' });
    });

    it("takes the tender's own classification (UK notices): CPV items, reported when unknown, an enterprise's opportunity", async () => {
      const offering = await createOffering(t, se, {
        title: 'Maatschappelijke dienstverlening aan huis',
        // A CPV division no other spec uses: another spec's obligation must never see this offering.
        cpvCodes: ['85312000-9'],
      });
      const ocid = `ocds-bstcls-${Date.now().toString(36)}`;
      const release = (n: number, classification: Json) => ({
        ocid: `${ocid}-${n}`,
        id: `${ocid}-${n}-r1`,
        date: '2025-02-03T10:00:00Z',
        tag: ['tender'],
        initiationType: 'tender',
        buyer: { id: 'GB-TEST-1', name: 'Test County Council' },
        parties: [{ id: 'GB-TEST-1', name: 'Test County Council', roles: ['buyer'] }],
        tender: {
          id: `${ocid}-${n}`,
          title: 'Social work services',
          status: 'active',
          classification,
          // As Contracts Finder writes them: items without a classification of their own.
          items: [{ id: '1', description: 'Social work' }],
        },
      });
      const result = await importPackage(officer, {
        uri: 'https://example.org/uk.json',
        version: '1.1',
        publishedDate: '2025-02-03T10:00:00Z',
        publisher: { name: 'UK tender classification test' },
        releases: [
          release(1, {
            scheme: 'CPV',
            id: '85312000',
            description: 'Social work services without accommodation',
          }),
          release(2, { scheme: 'CPV', id: '99999999' }),
        ],
      });
      expect(result).toMatchObject({ tendersCreated: 2, unknownCpvCodes: ['99999999'] });
      expect(result.errors).toContainEqual({
        path: '/releases/1/tender/classification/id',
        message: 'unknown CPV code 99999999',
      });
      const [classified, unknown] = await tendersOf([`${ocid}-1`, `${ocid}-2`]);
      const items = await t.ds.query(
        'SELECT tender_id, description, cpv_code FROM tender_item WHERE tender_id = ANY($1) ORDER BY position',
        [[classified.id, unknown.id]],
      );
      expect(items).toEqual([
        {
          tender_id: classified.id,
          description: 'Social work services without accommodation',
          cpv_code: '85312000',
        },
      ]);
      const byCpv = await t.http().get('/api/v1/tenders?source=ocds&cpv=85312000&limit=100').expect(200);
      expect(byCpv.body.items.map((i: Json) => i.id)).toContain(classified.id);

      // The imported tender is matched like the platform's own: among the enterprise's opportunities.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found: Json[] = [];
        let cursor: string | null = null;
        do {
          const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
          const page: { body: { items: Json[]; nextCursor: string | null } } = await t
            .http()
            .get(`/api/v1/social-enterprises/${se.user.organisationId}/opportunities?limit=100${after}`)
            .set(...bearer(se))
            .expect(200);
          found.push(...page.body.items);
          cursor = page.body.nextCursor;
        } while (cursor);
        const mine = found.find((o) => o.tenderId === classified.id);
        if (mine) {
          expect(mine).toMatchObject({
            kind: 'tender',
            offeringId: offering.id,
            tenderTitle: 'Social work services',
            buyerName: 'Test County Council',
          });
          break;
        }
        if (Date.now() > deadline) throw new Error('the imported tender never became an opportunity');
        await new Promise((r) => setTimeout(r, 200));
      }
    });

    it('changes nothing when the same package is imported again', async () => {
      const pkg = readJson(join(FIXTURES, 'suitability-release-package.json'));
      const ocids = expectations(pkg).ocids;
      await importPackage(officer, pkg);
      const snapshot = async () => ({
        tenders: (await tendersOf(ocids)).map((x) => [x.id, x.updatedAt.toISOString(), x.ocdsHash]),
        items: await t.ds.query(
          'SELECT id FROM tender_item WHERE tender_id IN (SELECT id FROM tender WHERE ocid = ANY($1)) ORDER BY id',
          [ocids],
        ),
        organisations: await t.ds.query('SELECT count(*)::int AS n FROM organisation WHERE external'),
      });
      const before = await snapshot();
      const again = await importPackage(admin, pkg);
      expect(again).toMatchObject({
        tendersCreated: 0,
        tendersUpdated: 0,
        tendersUnchanged: ocids.length,
        organisationsCreated: 0,
      });
      expect(await snapshot()).toEqual(before);
    });

    it('updates a tender from a later package, and never lets an older package overwrite it', async () => {
      const base = readJson(join(FIXTURES, 'suitability-release-package.json'));
      const first = base.releases[1];
      const pkg = (release: Json) => ({ ...base, releases: [release] });
      const older = { ...first, ocid: 'ocds-bsupdate-1', id: 'u-1', date: '2025-02-01T00:00:00Z' };
      const newer = {
        ...older,
        id: 'u-2',
        date: '2025-03-01T00:00:00Z',
        tender: { ...first.tender, title: 'Updated title', status: 'cancelled' },
        awards: [
          {
            id: 'aw-1',
            status: 'active',
            value: { amount: 12.34, currency: 'GBP' },
            suppliers: [{ name: 'Acme' }],
          },
        ],
      };
      expect(await importPackage(officer, pkg(older))).toMatchObject({ tendersCreated: 1 });
      expect(await importPackage(officer, pkg(newer))).toMatchObject({
        tendersCreated: 0,
        tendersUpdated: 1,
        awards: 1,
      });
      const [updated] = await tendersOf(['ocds-bsupdate-1']);
      expect(updated).toMatchObject({
        title: 'Updated title',
        status: 'cancelled',
        ocdsStatus: 'cancelled',
        ocdsReleaseId: 'u-2',
      });
      expect(await t.ds.getRepository(OcdsAwardEntity).findBy({ tenderId: updated.id })).toEqual([
        expect.objectContaining({
          awardId: 'aw-1',
          valueCents: 1234,
          currency: 'GBP',
          suppliers: [{ id: null, name: 'Acme' }],
        }),
      ]);
      const items = await t.ds.query('SELECT count(*)::int AS n FROM tender_item WHERE tender_id = $1', [
        updated.id,
      ]);
      expect(items[0].n).toBeGreaterThan(0);
      expect(await importPackage(officer, pkg(older))).toMatchObject({
        tendersUpdated: 0,
        tendersUnchanged: 1,
      });
      const [still] = await tendersOf(['ocds-bsupdate-1']);
      expect(still.title).toBe('Updated title');
    });

    it('reports schema errors of a broken copy with JSON Pointers and still imports the usable releases', async () => {
      const pkg = readJson(join(FIXTURES, 'suitability-release-package.json'));
      pkg.releases = pkg.releases
        .slice(1)
        .map((r: Json, i: number) => ({ ...r, ocid: `ocds-bsbroken-${i}` }));
      delete pkg.releases[0].ocid;
      pkg.releases[1].tender.value = { amount: 'a lot', currency: 'GBP' };
      pkg.releases[2].date = 12;
      pkg.releases[2].tender.items = 'none';
      pkg.publishedDate = 'yesterday';
      const result = await importPackage(officer, pkg);
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { path: '/releases/0/ocid', message: "must have required property 'ocid'" },
          { path: '/releases/1/tender/value/amount', message: 'must be number,null' },
          { path: '/releases/2/date', message: 'must be string' },
          { path: '/releases/2/tender/items', message: 'must be array' },
          { path: '/publishedDate', message: 'must match format "date-time"' },
        ]),
      );
      expect(result).toMatchObject({ tendersCreated: 3, skipped: 1 });
      const [withBadValue] = await tendersOf(['ocds-bsbroken-1']);
      expect(withBadValue.estimatedValueCents).toBeNull();
    });

    it('lists every problem up to 1,000 and gives the total', async () => {
      // Three schema errors per release (id, date, tag): 1,200 in all.
      const releases = Array.from({ length: 400 }, (_, i) => ({
        ocid: `ocds-bscap-${i}`,
        id: 5,
        date: 'x',
        tag: 'tender',
      }));
      const result = await importPackage(officer, {
        uri: 'https://example.org/p.json',
        version: '1.1',
        publishedDate: '2025-01-01T00:00:00Z',
        publisher: { name: 'Cap test' },
        releases,
      });
      expect(result.errors).toHaveLength(1000);
      expect(result.errorsTotal).toBeGreaterThanOrEqual(1200);
      expect(result).toMatchObject({ tendersCreated: 0, skipped: 400 });
      // The listed ones are the real errors, each with its path: the last release's among them when fewer.
      expect(result.errors).toContainEqual({ path: '/releases/0/id', message: 'must be string' });
      expect(result.errors).toContainEqual({ path: '/releases/300/id', message: 'must be string' });
      const small = await importPackage(officer, {
        uri: 'https://example.org/p.json',
        version: '1.1',
        publishedDate: '2025-01-01T00:00:00Z',
        publisher: { name: 'Cap test' },
        releases: releases.slice(0, 200),
      });
      // 600 problems: all listed, none cut at the old cap of 100.
      expect(small.errors.length).toBe(small.errorsTotal);
      expect(small.errorsTotal).toBeGreaterThanOrEqual(600);
    });

    it('answers 4xx to what is not a release package, never 5xx', async () => {
      const post = () =>
        t
          .http()
          .post('/api/v1/imports/ocds')
          .set(...bearer(officer));
      expect(
        (
          await post()
            .send([{ ocid: 'x' }])
            .expect(400)
        ).body.code,
      ).toBeDefined();
      expect((await post().send({}).expect(400)).body.code).toBe('INVALID_RELEASE_PACKAGE');
      expect((await post().send({ releases: [] }).expect(400)).body.code).toBe('INVALID_RELEASE_PACKAGE');
      expect((await post().send({ releases: 'x' }).expect(400)).body.code).toBe('INVALID_RELEASE_PACKAGE');
      const nul = await post()
        .set('Content-Type', 'application/json')
        .send('{"releases": [{"ocid": "ocds-x-1", "tender": {"title": "a\\u0000b"}}]}')
        .expect(400);
      expect(nul.body.code).toBe('INVALID_RELEASE_PACKAGE');
      expect(nul.body.invalidParams).toEqual([
        { name: '/releases/0/tender/title', code: 'nul_character', reason: expect.stringContaining('NUL') },
      ]);
      // An unpaired surrogate once answered 400 with PostgreSQL's own message ("invalid input syntax for type
      // json") in the details: now it is found before the database, with its path, and no driver text is sent.
      const surrogate = await post()
        .set('Content-Type', 'application/json')
        .send(
          '{"releases": [{"ocid": "ocds-x-3", "tender": {"title": "caf\\ud800", "items": [{"id": "1"}]}},' +
            ' {"ocid": "ocds-x-4", "tender": {"title": "ok 😀", "description": "\\udc00 half"}}]}',
        )
        .expect(400);
      expect(surrogate.body).toMatchObject({
        code: 'INVALID_RELEASE_PACKAGE',
        invalidParams: [
          { name: '/releases/0/tender/title', code: 'unpaired_surrogate', reason: expect.any(String) },
          { name: '/releases/1/tender/description', code: 'unpaired_surrogate', reason: expect.any(String) },
        ],
      });
      for (const res of [nul, surrogate]) {
        expect(res.text).not.toMatch(/invalid input syntax|type json|unsupported Unicode|line \d|Token/i);
      }
      const key = await post()
        .set('Content-Type', 'application/json')
        .send('{"releases": [{"ocid": "ocds-x-5", "tender": {"title": "t", "\\ud83d": 1}}]}')
        .expect(400);
      expect(key.body.invalidParams).toEqual([
        {
          name: '/releases/0/tender/\uFFFD',
          code: 'unpaired_surrogate',
          reason: expect.stringContaining('member name'),
        },
      ]);
      const deep = await post()
        .set('Content-Type', 'application/json')
        .send(
          `{"releases": [{"ocid": "ocds-x-2", "tender": {"items": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`,
        );
      expect(deep.status).toBe(400);
      const malformed = await post()
        .set('Content-Type', 'application/json')
        .send('{"releases": [')
        .expect(400);
      expect(malformed.body.code).toBe('MALFORMED_JSON');
    });

    it('takes a body over 1 MB on this route only, and refuses one over 50 MB', async () => {
      const pkg = readJson(join(FIXTURES, 'suitability-release-package.json'));
      pkg.releases = pkg.releases.map((r: Json) => ({ ...r, ocid: `${r.ocid}-big` }));
      pkg.releases[1].tender.description = 'x'.repeat(1_200_000);
      const body = JSON.stringify(pkg);
      expect(body.length).toBeGreaterThan(1_100_000);
      const id = await submit(officer, pkg);
      expect((await finished(officer, id)).status).toBe('done');
      const elsewhere = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(413);
      expect(elsewhere.body.code).toBe('PAYLOAD_TOO_LARGE');
      const huge = await t
        .http()
        .post('/api/v1/imports/ocds')
        .set(...bearer(officer))
        .set('Content-Type', 'application/json')
        .send(`{"releases": ["${'x'.repeat(51 * 1024 * 1024)}"]}`)
        .expect(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('imported tenders', () => {
    let imported: TenderEntity;

    beforeAll(async () => {
      await importPackage(officer, readJson(join(FIXTURES, 'suitability-release-package.json')));
      [imported] = await tendersOf(['ocds-bsfix1-0002']);
    });

    it('are listed with source=ocds (with ocid, publisher, buyer name) and searchable by q and cpv', async () => {
      const list = await t.http().get('/api/v1/tenders?source=ocds&limit=100').expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) expect(item.source).toBe('ocds');
      const mine = list.body.items.find((i: Json) => i.id === imported.id);
      expect(mine).toMatchObject({
        ocid: 'ocds-bsfix1-0002',
        source: 'ocds',
        publisher: 'Buy Social test fixture (derived from Sell2Wales releases)',
        buyerName: expect.any(String),
        sroi: null,
        suitability: { sme: true, vcse: true },
        currency: 'GBP',
      });
      const platform = await t.http().get('/api/v1/tenders?source=platform&limit=100').expect(200);
      expect(platform.body.items.every((i: Json) => i.source === 'platform')).toBe(true);

      const word = imported.title.split(/\s+/).find((w) => w.length > 6)!;
      const byQ = await t
        .http()
        .get(`/api/v1/tenders?source=ocds&q=${encodeURIComponent(word)}`)
        .expect(200);
      expect(byQ.body.items.map((i: Json) => i.id)).toContain(imported.id);
      const [{ cpv_code: code }] = await t.ds.query(
        'SELECT cpv_code FROM tender_item WHERE tender_id = $1 LIMIT 1',
        [imported.id],
      );
      const byCpv = await t.http().get(`/api/v1/tenders?source=ocds&cpv=${code}&limit=100`).expect(200);
      expect(byCpv.body.items.map((i: Json) => i.id)).toContain(imported.id);

      const one = await t.http().get(`/api/v1/tenders/${imported.id}`).expect(200);
      expect(one.body).toMatchObject({ id: imported.id, source: 'ocds', awards: [] });
    });

    it('are read-only: writes answer 409 TENDER_READ_ONLY', async () => {
      for (const action of ['publish', 'cancel', 'complete']) {
        const res = await t
          .http()
          .post(`/api/v1/tenders/${imported.id}/${action}`)
          .set(...bearer(officer))
          .expect(409);
        expect(res.body.code).toBe('TENDER_READ_ONLY');
      }
      const award = await t
        .http()
        .post(`/api/v1/tenders/${imported.id}/award`)
        .set(...bearer(officer))
        .send({ contractorOrganisationId: contractor.user.organisationId, contractValueCents: 100 })
        .expect(409);
      expect(award.body.code).toBe('TENDER_READ_ONLY');
      const still = await t.ds.getRepository(TenderEntity).findOneByOrFail({ id: imported.id });
      expect(still.status).toBe(imported.status);
      expect(await t.ds.getRepository(OcdsAwardEntity).countBy({ tenderId: imported.id })).toBe(0);
    });

    it('export as a valid OCDS package with their own ocid', async () => {
      const res = await t.http().get(`/api/v1/tenders/${imported.id}/ocds`).expect(200);
      expect(validator.validatePackage(res.body)).toEqual([]);
      expect(res.body.releases[0]).toMatchObject({
        ocid: 'ocds-bsfix1-0002',
        tender: { suitability: { vcse: true } },
      });
    });
  });

  describe('export', () => {
    it('publishes an awarded platform tender as a valid OCDS 1.1 release package with the SROI extension', async () => {
      const { tenderId, obligation } = await awardedObligation(t, officer, contractor, {
        contractValueCents: 57_500_050,
      });
      const res = await t.http().get(`/api/v1/tenders/${tenderId}/ocds`).expect(200);
      const pkg = res.body;
      expect(validator.validatePackage(pkg)).toEqual([]);
      const release = pkg.releases[0];
      expect(release.ocid).toBe(`ocds-buysocial-${tenderId}`);
      expect(release.tag).toEqual(['tender', 'award', 'contract']);
      expect(release.tender).toMatchObject({
        value: { amount: 600000, currency: 'EUR' },
        items: [{ classification: { scheme: 'CPV', id: '90911200' } }],
        socialReturn: { policy: { name: 'Bouwblokken social return', version: '2026' } },
      });
      const roles = Object.fromEntries(release.parties.map((p: Json) => [p.name, p.roles]));
      expect(Object.values(roles)).toEqual(
        expect.arrayContaining([['buyer', 'procuringEntity'], ['supplier']]),
      );
      expect(release.awards[0].value).toEqual({ amount: 575000.5, currency: 'EUR' });
      expect(release.contracts[0]).toMatchObject({
        value: { amount: 575000.5, currency: 'EUR' },
        socialReturn: { amount: { amount: (obligation.amountCents as number) / 100, currency: 'EUR' } },
      });

      // The same tender, unchanged, gives the same release id; the extension it declares is served.
      const again = await t.http().get(`/api/v1/tenders/${tenderId}/ocds`).expect(200);
      expect(again.body.releases[0].id).toBe(release.id);
      const extensionUrl = new URL(pkg.extensions[0]);
      const ext = await t.http().get(extensionUrl.pathname).expect(200);
      expect(ext.body.name.en).toBe('Social return (SROI)');
      const schema = await t
        .http()
        .get(extensionUrl.pathname.replace('extension.json', 'release-schema.json'))
        .expect(200);
      expect(Object.keys(schema.body.definitions)).toContain('SocialReturnObligation');
    });

    it('follows the tender’s visibility: a draft only for its own officers', async () => {
      const { tenderId } = await awardedObligation(t, officer, contractor);
      await t.http().get(`/api/v1/tenders/${tenderId}/ocds`).expect(200);
      const policy = await t.ds.query('SELECT sroi_policy_id FROM tender WHERE id = $1', [tenderId]);
      const draft = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send({
          title: 'Concept',
          mainProcurementCategory: 'services',
          items: [{ description: 'Schoonmaak', cpvCode: '90911200-8' }],
          estimatedValueCents: 100,
          contractPeriod: { startDate: '2026-01-01', endDate: '2026-12-31' },
          sroi: { policyId: policy[0].sroi_policy_id },
        })
        .expect(201);
      await t.http().get(`/api/v1/tenders/${draft.body.id}/ocds`).expect(404);
      await t
        .http()
        .get(`/api/v1/tenders/${draft.body.id}/ocds`)
        .set(...bearer(otherOfficer))
        .expect(404);
      const own = await t
        .http()
        .get(`/api/v1/tenders/${draft.body.id}/ocds`)
        .set(...bearer(officer))
        .expect(200);
      expect(validator.validatePackage(own.body)).toEqual([]);
      expect(own.body.releases[0].tender.status).toBe('planning');
      await t.http().get('/api/v1/tenders/00000000-0000-4000-8000-000000000000/ocds').expect(404);
      expect(officerOrg).toBeDefined();
    });
  });
});
