import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  awardNotice,
  BILLION_LAUGHS,
  contractNotice,
  example,
  NOTICES,
  reidentified,
  XXE,
} from '../fixtures/eforms/variants';
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
import { makeZip } from '../support/zip';

// Imports run schema validation in WebAssembly on a shared 2-core machine.
jest.setTimeout(240_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers, read freely in assertions
type Json = Record<string, any>;
const IMPORTS = '/api/v1/imports/eforms';

describe('open data: eForms notices import (e2e, real PostgreSQL + Redis + worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let officer: Session;
  let admin: Session;
  let se: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
    }).compile();
    worker = await ref.init();
    ({ officer } = await createBuyerWithOfficer(t));
    admin = await adminLogin(t);
    se = await register(t, 'social_enterprise');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function submit(
    session: Session,
    body: Buffer | string,
    type: string,
    fileName?: string,
  ): Promise<string> {
    const req = t
      .http()
      .post(IMPORTS)
      .set(...bearer(session))
      .set('Content-Type', type);
    if (fileName) req.set('Content-Disposition', `attachment; filename="${fileName}"`);
    const res = await req.send(body).expect(202);
    expect(res.body).toEqual({
      id: expect.any(String),
      status: expect.stringMatching(/queued|running|done/),
    });
    return res.body.id as string;
  }

  async function finished(session: Session, id: string): Promise<Json> {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const res = await t
        .http()
        .get(`/api/v1/imports/${id}`)
        .set(...bearer(session))
        .expect(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async function importXml(xml: string, name = 'notice.xml'): Promise<Json> {
    const done = await finished(officer, await submit(officer, xml, 'application/xml', name));
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    return done.result;
  }

  async function importZip(entries: { name: string; data: string }[]): Promise<Json> {
    const done = await finished(officer, await submit(officer, makeZip(entries), 'application/zip'));
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    return done.result;
  }

  async function tenderOf(procedureId: string): Promise<Json> {
    const [row] = await t.ds.query('SELECT id FROM tender WHERE procedure_id = $1', [procedureId]);
    expect(row).toBeDefined();
    const res = await t
      .http()
      .get(`/api/v1/tenders/${row.id}`)
      .set(...bearer(officer))
      .expect(200);
    return res.body;
  }

  it('imports one XML notice: procedure, Dutch and English texts, buyer, CPV, lots, value, place, deadline, reservation, social objectives', async () => {
    const n = contractNotice({
      titles: { NLD: 'Schoonmaak en wasserij', ENG: 'Cleaning and laundry' },
      descriptions: { NLD: 'Wasserijdiensten voor zorginstellingen', ENG: 'Laundry services for care homes' },
      buyer: { name: `Gemeente Eforms ${randomUUID().slice(0, 8)}`, city: 'Utrecht', postcode: '3511 AB' },
      cpv: ['98310000'],
      postcode: '3512',
      nuts: 'NL310',
      valueEur: '250000.50',
      deadline: '2030-06-30',
      socialObjectives: ['opp', 'work-cond'],
      strategic: ['soc-obj'],
      lots: [
        { title: 'Perceel wasserij', cpv: ['98310000'], valueEur: '150000', reserved: 'res-ws' },
        { title: 'Perceel schoonmaak', cpv: ['90910000'], valueEur: '100000.50' },
      ],
    });
    const result = await importXml(n.xml, 'cn-nl.xml');
    expect(result).toMatchObject({
      notices: 1,
      tendersCreated: 1,
      tendersUpdated: 0,
      awards: 0,
      organisations: 1,
      errors: [],
      errorsTotal: 0,
    });
    const tender = await tenderOf(n.procedureId);
    expect(tender).toMatchObject({
      source: 'eforms',
      status: 'active',
      noticeId: `${n.noticeId}-01`,
      noticeType: 'cn-standard',
      title: 'Schoonmaak en wasserij',
      description: 'Wasserijdiensten voor zorginstellingen',
      translations: {
        titleNl: 'Schoonmaak en wasserij',
        titleEn: 'Cleaning and laundry',
        descriptionNl: 'Wasserijdiensten voor zorginstellingen',
        descriptionEn: 'Laundry services for care homes',
      },
      estimatedValueCents: 25000050,
      currency: 'EUR',
      deliveryPostcode: '3512',
      nutsCode: 'NL310',
      tenderPeriodEnd: '2030-06-30',
      reserved: 'sheltered_workshops',
      socialObjectives: [
        {
          code: 'opp',
          labelNl:
            'Werkgelegenheidskansen voor langdurig werklozen, kansarmen en/of personen met een handicap',
          labelEn:
            'Employment opportunities for the long-term unemployed, disadvantaged and/or for persons with disabilities',
        },
        { code: 'work-cond', labelNl: 'Billijke arbeidsvoorwaarden', labelEn: 'Fair working conditions' },
      ],
      strategicProcurement: [
        {
          code: 'soc-obj',
          labelNl: 'Verwezenlijking van sociale doelstellingen',
          labelEn: 'Fulfilment of social objectives',
        },
      ],
      lots: [
        expect.objectContaining({
          id: 'LOT-0000',
          title: 'Perceel wasserij',
          cpvCodes: ['98310000'],
          estimatedValueCents: 15000000,
        }),
        expect.objectContaining({
          id: 'LOT-0001',
          title: 'Perceel schoonmaak',
          cpvCodes: ['90910000'],
          estimatedValueCents: 10000050,
        }),
      ],
    });
    expect(tender.items.map((i: Json) => i.cpvCode.slice(0, 8)).sort()).toEqual(['90910000', '98310000']);
    const [buyer] = await t.ds.query(
      'SELECT name, city, postcode, external, kind FROM organisation WHERE id = $1',
      [tender.buyer.id],
    );
    expect(buyer).toMatchObject({ city: 'Utrecht', postcode: '3511 AB', external: true, kind: 'buyer' });
    expect(buyer.name).toMatch(/^Gemeente Eforms /);
  });

  it('imports a ZIP of the SDK examples: usable notices imported, the invalid one reported with its name and paths', async () => {
    const suffix = randomUUID().slice(0, 12);
    const names = readdirSync(NOTICES).filter((f) => f.endsWith('.xml'));
    const result = await importZip(
      names.map((name) => ({ name: `notices/${name}`, data: reidentified(name, suffix) })),
    );
    // Six procedures (the invalid notice is not usable); the award notice has one award.
    expect(result).toMatchObject({ notices: 7, tendersCreated: 6, tendersUpdated: 0, awards: 1 });
    const invalid = result.errors.filter((e: Json) => e.notice === 'notices/INVALID_cn_24_stage-2.xml');
    expect(invalid).toEqual(
      expect.arrayContaining([
        {
          notice: 'notices/INVALID_cn_24_stage-2.xml',
          path: '/ContractNotice/cbc:ContractFolderID[1]',
          code: 'MISSING_PROCEDURE_ID',
          params: {},
          message: 'no procedure id (cbc:ContractFolderID)',
        },
        expect.objectContaining({
          path: '/ContractNotice/cbc:ID[1]',
          code: 'EMPTY_IDENTIFIER',
          message: 'empty identifier',
        }),
      ]),
    );
    expect(result.errors.every((e: Json) => e.notice === 'notices/INVALID_cn_24_stage-2.xml')).toBe(true);
    const [pin] = await t.ds.query(
      'SELECT reserved, status, notice_type FROM tender WHERE procedure_id = $1',
      [`7a0d92d2-de31-4c7d-9baa-${suffix}`],
    );
    expect(pin).toEqual({ reserved: 'sheltered_workshops', status: 'active', notice_type: 'pin-cfc-social' });
    const [max] = await t.ds.query(
      'SELECT reserved, social_objectives, strategic_procurement, jsonb_array_length(lots) AS lots FROM tender WHERE procedure_id = $1',
      [`aff2863e-b4cc-4e91-baba-${suffix}`],
    );
    expect(max).toEqual({
      reserved: 'public_service_mission',
      social_objectives: ['acc-all'],
      strategic_procurement: ['env-imp'],
      lots: 2,
    });
  });

  it('reports schema errors and what the product needs, with the notice name and an XPath-like path', async () => {
    const bogus = contractNotice().xml.replace(
      '<cbc:ContractFolderID>',
      '<cbc:Bogus>x</cbc:Bogus><cbc:ContractFolderID>',
    );
    const noCpv = contractNotice({ lots: [{ title: 'Perceel zonder CPV', cpv: [] }] });
    const noTitle = contractNotice({ titles: { ENG: '' }, lots: [{ title: '', cpv: ['98310000'] }] });
    const good = contractNotice({ cpv: ['98310000'] });
    const result = await importZip([
      { name: 'bogus.xml', data: bogus },
      { name: 'no-cpv.xml', data: noCpv.xml },
      { name: 'no-title.xml', data: noTitle.xml },
      { name: 'good.xml', data: good.xml },
      { name: 'readme.txt', data: 'not a notice' },
      { name: 'broken.xml', data: '<ContractNotice><unclosed></ContractNotice>' },
    ]);
    expect(result).toMatchObject({ notices: 6, tendersCreated: 2 });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          notice: 'bogus.xml',
          path: '/ContractNotice/cbc:Bogus[1]',
          code: 'SCHEMA_UNEXPECTED_ELEMENT',
          params: { element: 'cbc:Bogus', expected: 'cbc:CopyIndicator, cbc:UUID, cbc:ContractFolderID' },
          message: expect.stringContaining('This element is not expected'),
        }),
        {
          notice: 'no-cpv.xml',
          path: '/ContractNotice/cac:ProcurementProjectLot[1]/cac:ProcurementProject[1]/cac:MainCommodityClassification[1]/cbc:ItemClassificationCode[1]',
          code: 'LOT_WITHOUT_CPV',
          params: {},
          message: 'the lot has no CPV code',
        },
        {
          notice: 'no-title.xml',
          path: '/ContractNotice/cac:ProcurementProject[1]/cbc:Name[1]',
          code: 'MISSING_TITLE',
          params: {},
          message: 'no title',
        },
        {
          notice: 'readme.txt',
          path: '/',
          code: 'NOT_XML_FILE',
          params: {},
          message: 'not an eForms notice (only .xml files are read)',
        },
        expect.objectContaining({
          notice: 'broken.xml',
          path: '/',
          code: 'NOT_XML',
          message: expect.stringContaining('not well-formed'),
        }),
      ]),
    );
    expect(result.errorsTotal).toBe(result.errors.length);
    // The schema error does not make the notice unusable: its procedure is imported.
    await tenderOf(good.procedureId);
    await t.ds
      .query('SELECT 1 FROM tender WHERE procedure_id = $1', [noCpv.procedureId])
      .then((rows) => expect(rows).toHaveLength(0));
  });

  it('never resolves an external entity (XXE) nor expands entities (billion laughs): reported, nothing read', async () => {
    const started = Date.now();
    const result = await importZip([
      { name: 'xxe.xml', data: XXE },
      { name: 'lol.xml', data: BILLION_LAUGHS },
    ]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result).toMatchObject({ notices: 2, tendersCreated: 0, tendersUpdated: 0 });
    const refused = {
      path: '/',
      code: 'DOCTYPE_REFUSED',
      params: {},
      message: expect.stringContaining('DOCTYPE'),
    };
    expect(result.errors).toEqual([
      { notice: 'xxe.xml', ...refused },
      { notice: 'lol.xml', ...refused },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/root:/);
    // As a single XML upload too.
    const single = await importXml(XXE, 'xxe.xml');
    expect(single.errors).toEqual([{ notice: 'xxe.xml', ...refused }]);
  });

  it('refuses zip bombs before inflating them (413 ZIP_TOO_LARGE) and unreadable ZIPs (400)', async () => {
    const zeros = Buffer.alloc(21 * 1024 * 1024);
    const big = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'application/zip')
      .send(makeZip([{ name: 'big.xml', data: zeros }]))
      .expect(413);
    expect(big.body.code).toBe('ZIP_TOO_LARGE');
    // The header claims more than the total limit.
    const lying = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'application/zip')
      .send(makeZip([{ name: 'a.xml', data: 'x', declaredSize: 4_000_000_000 }]))
      .expect(413);
    expect(lying.body.code).toBe('ZIP_TOO_LARGE');
    const many = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'application/zip')
      .send(makeZip(Array.from({ length: 20_001 }, (_, i) => ({ name: `n${i}.xml`, data: '' }))))
      .expect(413);
    expect(many.body.code).toBe('ZIP_TOO_LARGE');
    // A header that claims less than the entry inflates to: cut off, not read on.
    const small = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'application/zip')
      .send(makeZip([{ name: 'a.xml', data: Buffer.alloc(1024 * 1024), declaredSize: 10 }]))
      .expect(400);
    expect(small.body.code).toBe('INVALID_ZIP');
    const junk = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'application/zip')
      .send(Buffer.from('not a zip file at all'))
      .expect(400);
    expect(junk.body.code).toBe('INVALID_ZIP');
    const [{ n }] = await t.ds.query(
      "SELECT count(*)::int AS n FROM eforms_import_notice WHERE name IN ('big.xml', 'n20000.xml')",
    );
    expect(n).toBe(0);
  });

  it('changes nothing when the same notices are imported again', async () => {
    const a = contractNotice({ cpv: ['98310000'] });
    const b = contractNotice({
      cpv: ['98310000'],
      lots: Array.from({ length: 100 }, (_, i) => ({
        title: `Perceel ${i + 1}`,
        cpv: ['98310000'],
        valueEur: '1000',
      })),
    });
    const entries = [
      { name: 'a.xml', data: a.xml },
      { name: 'b.xml', data: b.xml },
    ];
    const first = await importZip(entries);
    expect(first).toMatchObject({ tendersCreated: 2, tendersUpdated: 0 });
    const snapshot = async () =>
      t.ds.query(
        `SELECT t.id, t.updated_at, t.ocds_hash, (SELECT count(*)::int FROM tender_item i WHERE i.tender_id = t.id) AS items
           FROM tender t WHERE procedure_id = ANY($1) ORDER BY id`,
        [[a.procedureId, b.procedureId]],
      );
    const before = await snapshot();
    const again = await importZip(entries);
    expect(again).toMatchObject({ tendersCreated: 0, tendersUpdated: 0, tendersUnchanged: 2 });
    expect(await snapshot()).toEqual(before);
    expect((await tenderOf(b.procedureId)).lots).toHaveLength(100);
  });

  it('applies a change notice to its tender, and an older notice of the procedure changes nothing', async () => {
    const procedureId = randomUUID();
    const v1 = contractNotice({
      procedureId,
      titles: { NLD: 'Groenonderhoud' },
      cpv: ['77310000'],
      deadline: '2030-01-31',
    });
    await importXml(v1.xml);
    const change = contractNotice({
      procedureId,
      issueDate: '2026-02-01',
      titles: { NLD: 'Groenonderhoud (gewijzigd)' },
      cpv: ['77310000'],
      deadline: '2030-03-31',
    });
    const result = await importXml(change.xml);
    expect(result).toMatchObject({ tendersCreated: 0, tendersUpdated: 1 });
    expect(await tenderOf(procedureId)).toMatchObject({
      title: 'Groenonderhoud (gewijzigd)',
      tenderPeriodEnd: '2030-03-31',
      noticeId: `${change.noticeId}-01`,
    });
    // The first notice again: older than what the tender holds.
    expect(await importXml(v1.xml)).toMatchObject({
      tendersCreated: 0,
      tendersUpdated: 0,
      tendersUnchanged: 1,
    });
    expect((await tenderOf(procedureId)).title).toBe('Groenonderhoud (gewijzigd)');
  });

  it('adds the awards of a contract-award notice (winner names, values) to its tender', async () => {
    const cn = contractNotice({ titles: { NLD: 'Groenvoorziening' }, cpv: ['77310000'] });
    await importXml(cn.xml);
    const result = await importXml(awardNotice(cn.procedureId, 'Sociaal Werkbedrijf De Brug', '95414.25'));
    expect(result).toMatchObject({ tendersCreated: 0, tendersUpdated: 1, awards: 1 });
    const tender = await tenderOf(cn.procedureId);
    expect(tender).toMatchObject({ status: 'awarded', noticeType: 'can-standard' });
    expect(tender.awards).toEqual([
      expect.objectContaining({
        awardId: 'RES-0001',
        valueCents: 9541425,
        currency: 'EUR',
        suppliers: [{ id: 'ORG-0004', name: 'Sociaal Werkbedrijf De Brug' }],
      }),
    ]);
  });

  it('imports a prior-information notice (planning only) as a draft nobody is offered', async () => {
    const pin = contractNotice({ root: 'PriorInformationNotice', noticeType: 'pin-only' });
    expect(await importXml(pin.xml)).toMatchObject({ tendersCreated: 1, errors: [] });
    const [row] = await t.ds.query('SELECT status, notice_type FROM tender WHERE procedure_id = $1', [
      pin.procedureId,
    ]);
    expect(row).toEqual({ status: 'draft', notice_type: 'pin-only' });
  });

  it('filters tenders on reservation: GET /tenders?source=eforms&reserved=true|false', async () => {
    const word = randomUUID().slice(0, 8);
    const reserved = contractNotice({
      titles: { NLD: `Voorbehouden ${word}` },
      lots: [{ cpv: ['98310000'], reserved: 'res-ws' }],
    });
    const open = contractNotice({ titles: { NLD: `Open ${word}` }, lots: [{ cpv: ['98310000'] }] });
    await importZip([
      { name: 'r.xml', data: reserved.xml },
      { name: 'o.xml', data: open.xml },
    ]);
    const list = async (r: string) =>
      (
        await t.http().get(`/api/v1/tenders?source=eforms&reserved=${r}&q=${word}&limit=100`).expect(200)
      ).body.items.map((i: Json) => i.title);
    expect(await list('true')).toEqual([`Voorbehouden ${word}`]);
    expect(await list('false')).toEqual([`Open ${word}`]);
    await t.http().get('/api/v1/tenders?reserved=maybe').expect(400);
  });

  it('ranks a reserved tender above an unreserved one of equal score for a qualifying enterprise, and marks it', async () => {
    const offering = await createOffering(t, se, {
      title: 'Wasserij en strijkservice',
      // A CPV division no other spec uses.
      cpvCodes: ['98310000-9'],
    });
    await addCertification(
      t,
      se,
      { type: 'sw_company', validFrom: '2025-01-01', validUntil: '2035-12-31' },
      officer,
    );
    const same = {
      cpv: ['98310000'],
      buyer: { name: 'Gemeente Wasserij', city: 'Utrecht', postcode: '3511' },
    };
    const reserved = contractNotice({
      ...same,
      titles: { NLD: 'Wasserijdiensten' },
      lots: [{ cpv: ['98310000'], reserved: 'res-ws' }],
    });
    // Five unreserved ones: by id alone the reserved one would come first one time in six.
    const openNotices = Array.from({ length: 5 }, () =>
      contractNotice({ ...same, titles: { NLD: 'Wasserijdiensten' }, lots: [{ cpv: ['98310000'] }] }),
    );
    await importZip([...openNotices, reserved].map((n, i) => ({ name: `w${i}.xml`, data: n.xml })));
    const tenderIds: Record<string, string> = {};
    for (const n of [...openNotices, reserved]) {
      const [row] = await t.ds.query('SELECT id FROM tender WHERE procedure_id = $1', [n.procedureId]);
      tenderIds[n.procedureId] = row.id;
    }
    const mine = new Set(Object.values(tenderIds));
    const deadline = Date.now() + 120_000;
    let items: Json[];
    for (;;) {
      const res = await t
        .http()
        .get(`/api/v1/social-enterprises/${se.user.organisationId}/opportunities?limit=100`)
        .set(...bearer(se))
        .expect(200);
      items = res.body.items.filter((o: Json) => mine.has(o.tenderId) && o.offeringId === offering.id);
      if (items.length === 6) break;
      if (Date.now() > deadline)
        throw new Error(`only ${items.length} of 6 imported tenders became opportunities`);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(new Set(items.map((o) => o.score)).size).toBe(1);
    expect(items[0]).toMatchObject({
      tenderId: tenderIds[reserved.procedureId],
      reserved: 'sheltered_workshops',
    });
    expect(items.slice(1).map((o) => o.reserved)).toEqual([null, null, null, null, null]);
  });

  it('answers 415 for other media types, 413 past 50 MB, 401 and 403 for others than officers and admins', async () => {
    const json = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .send({ notice: 'x' })
      .expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'text/plain')
      .send('x')
      .expect(415);
    // XML is taken by this route only.
    await t
      .http()
      .post('/api/v1/imports/ocds')
      .set(...bearer(officer))
      .set('Content-Type', 'application/xml')
      .send('<a/>')
      .expect(415);
    const huge = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(officer))
      .set('Content-Type', 'application/zip')
      .send(Buffer.alloc(50 * 1024 * 1024 + 1))
      .catch((err: { response?: { status: number; body: Json } }) => err.response);
    expect(huge?.status).toBe(413);
    await t
      .http()
      .post(IMPORTS)
      .set('Content-Type', 'application/xml')
      .send(example('cn_24_minimal.xml'))
      .expect(401);
    const forbidden = await t
      .http()
      .post(IMPORTS)
      .set(...bearer(se))
      .set('Content-Type', 'application/xml')
      .send(example('cn_24_minimal.xml'))
      .expect(403);
    expect(forbidden.body.code).toBeDefined();
    // An admin may import; another officer cannot read an officer's import (404).
    const id = await submit(
      admin,
      reidentified('cn_24_minimal.xml', randomUUID().slice(0, 12)),
      'application/xml',
    );
    expect((await finished(admin, id)).status).toBe('done');
    const other = (await createBuyerWithOfficer(t)).officer;
    await t
      .http()
      .get(`/api/v1/imports/${id}`)
      .set(...bearer(other))
      .expect(404);
  });
});
