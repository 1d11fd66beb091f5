import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  awardNotice,
  BILLION_LAUGHS,
  contractNotice,
  NOTICES,
  XXE,
} from '../../../../../test/fixtures/eforms/variants';
import { ElementLines, parseNotice, UnsafeXmlError } from './eforms-xml';
import {
  buyerRef,
  eformsCents,
  eformsFingerprint,
  labelled,
  mapNotice,
  type NoticeRoot,
} from './eforms.mapping';

const map = (name: string, xml: string, known?: (c: string) => boolean) => {
  const { root, node } = parseNotice(xml);
  return mapNotice(name, root as NoticeRoot, node, known);
};
const example = (name: string) => readFileSync(join(NOTICES, name), 'utf8');

describe('eForms mapping', () => {
  it('maps every usable SDK example, and reports the invalid one', () => {
    for (const name of readdirSync(NOTICES).filter((f) => f.endsWith('.xml'))) {
      const { tender, problems } = map(name, example(name));
      if (name.startsWith('INVALID')) {
        expect(tender).toBeNull();
        expect(problems.map((p) => p.message)).toEqual(
          expect.arrayContaining(['no procedure id (cbc:ContractFolderID)', 'no title', 'no buyer name']),
        );
        expect(problems.every((p) => p.notice === name && p.path.startsWith('/ContractNotice'))).toBe(true);
      } else {
        expect({ name, problems }).toEqual({ name, problems: [] });
        expect(tender).toMatchObject({ procedureId: expect.any(String), title: expect.any(String) });
      }
    }
  });

  it('reads the procedure, texts by language, buyer, CPV codes, lots, value, place, deadline and social codes', () => {
    const n = contractNotice({
      titles: { NLD: 'Wasserij', ENG: 'Laundry', DEU: 'Wäscherei' },
      descriptions: { ENG: 'Laundry services' },
      buyer: { name: 'Gemeente Zeist', city: 'Zeist', postcode: '3701 AB' },
      cpv: ['98310000'],
      postcode: '3701',
      nuts: 'NL310',
      valueEur: '1000.5',
      deadline: '2030-05-01',
      socialObjectives: ['opp'],
      strategic: ['soc-obj', 'none'],
      lots: [
        { title: 'A', cpv: ['98310000', '98311000'], valueEur: '600.25', reserved: 'res-pub-ser' },
        { title: 'B', cpv: ['90910000'], valueEur: '400.25' },
      ],
    });
    const { tender, problems } = map('n.xml', n.xml);
    expect(problems).toEqual([]);
    expect(tender).toMatchObject({
      procedureId: n.procedureId,
      noticeId: `${n.noticeId}-01`,
      noticeType: 'cn-standard',
      form: 'competition',
      status: 'active',
      issuedAt: '2026-01-05T08:00:00.000Z',
      title: 'Wasserij',
      description: 'Laundry services',
      translations: {
        titleNl: 'Wasserij',
        titleEn: 'Laundry',
        descriptionNl: null,
        descriptionEn: 'Laundry services',
      },
      buyer: {
        name: 'Gemeente Zeist',
        city: 'Zeist',
        postcode: '3701 AB',
        ref: buyerRef('Gemeente Zeist', '3701 AB'),
      },
      cpvCodes: ['98310000', '98311000', '90910000'],
      estimatedValueCents: 100050,
      currency: 'EUR',
      postcode: '3701',
      nutsCode: 'NL310',
      deadline: '2030-05-01',
      reserved: 'public_service_mission',
      socialObjectives: ['opp'],
      strategicProcurement: ['soc-obj'],
      lots: [
        { id: 'LOT-0000', title: 'A', cpvCodes: ['98310000', '98311000'], estimatedValueCents: 60025 },
        { id: 'LOT-0001', title: 'B', cpvCodes: ['90910000'], estimatedValueCents: 40025 },
      ].map((l) => expect.objectContaining(l)),
    });
  });

  it('prefers sheltered workshops when lots are reserved differently; none is no reservation', () => {
    const both = contractNotice({
      lots: [
        { cpv: ['98310000'], reserved: 'res-pub-ser' },
        { cpv: ['98310000'], reserved: 'res-ws' },
      ],
    });
    expect(map('x', both.xml).tender?.reserved).toBe('sheltered_workshops');
    expect(map('x', contractNotice().xml).tender?.reserved).toBeNull();
  });

  it('reads 100 lots', () => {
    const n = contractNotice({
      lots: Array.from({ length: 100 }, (_, i) => ({ title: `P${i}`, cpv: ['98310000'], valueEur: '1' })),
    });
    const { tender } = map('n', n.xml);
    expect(tender?.lots).toHaveLength(100);
    expect(tender?.lots[99]).toMatchObject({ id: 'LOT-0099', title: 'P99' });
    expect(tender?.estimatedValueCents).toBe(10000);
  });

  it('reports a lot without CPV code, an unknown CPV code and a missing title at their paths', () => {
    const noCpv = map('a.xml', contractNotice({ lots: [{ cpv: [] }] }).xml);
    expect(noCpv.tender).toBeNull();
    expect(noCpv.problems).toEqual([
      {
        notice: 'a.xml',
        path: '/ContractNotice/cac:ProcurementProjectLot[1]/cac:ProcurementProject[1]/cac:MainCommodityClassification[1]/cbc:ItemClassificationCode[1]',
        code: 'LOT_WITHOUT_CPV',
        params: {},
        message: 'the lot has no CPV code',
      },
    ]);
    const unknown = map(
      'b.xml',
      contractNotice({ cpv: ['98310000', '12345678'], lots: [{ cpv: ['98310000'] }] }).xml,
      (c) => c !== '12345678',
    );
    expect(unknown.tender?.cpvCodes).toEqual(['98310000']);
    expect(unknown.problems).toEqual([
      {
        notice: 'b.xml',
        path: '/ContractNotice/cac:ProcurementProject[1]/cac:AdditionalCommodityClassification[1]/cbc:ItemClassificationCode[1]',
        code: 'UNKNOWN_CPV_CODE',
        params: { code: '12345678' },
        message: 'unknown CPV code 12345678',
      },
    ]);
    const untitled = map(
      'c.xml',
      contractNotice({ titles: { ENG: '' }, lots: [{ title: '', cpv: ['98310000'] }] }).xml,
    );
    expect(untitled.tender).toBeNull();
    expect(untitled.problems).toContainEqual({
      notice: 'c.xml',
      path: '/ContractNotice/cac:ProcurementProject[1]/cbc:Name[1]',
      code: 'MISSING_TITLE',
      params: {},
      message: 'no title',
    });
  });

  it('maps a contract-award notice: status awarded, winners and values', () => {
    const { tender } = map('can.xml', awardNotice('proc-1', 'Werkbedrijf & Co', '1234.56'));
    expect(tender).toMatchObject({
      procedureId: 'proc-1',
      form: 'result',
      status: 'awarded',
      awards: [
        {
          awardId: 'RES-0001',
          status: 'active',
          valueCents: 123456,
          currency: 'EUR',
          suppliers: [{ id: 'ORG-0004', name: 'Werkbedrijf & Co' }],
        },
      ],
    });
  });

  it('maps prior-information notices: a call for competition is open, planning only is a draft', () => {
    expect(map('pin', example('pin-cfc-social_24.xml')).tender).toMatchObject({
      form: 'competition',
      status: 'active',
      reserved: 'sheltered_workshops',
    });
    expect(
      map('pin', contractNotice({ root: 'PriorInformationNotice', noticeType: 'pin-only' }).xml).tender,
    ).toMatchObject({ form: 'planning', status: 'draft' });
  });

  it('fingerprints what it maps: the same notice twice is the same, another version is not', () => {
    const n = contractNotice();
    expect(eformsFingerprint(map('a', n.xml).tender!)).toBe(eformsFingerprint(map('b', n.xml).tender!));
    const other = contractNotice({ procedureId: n.procedureId, noticeId: n.noticeId, version: '02' });
    expect(eformsFingerprint(map('a', other.xml).tender!)).not.toBe(
      eformsFingerprint(map('a', n.xml).tender!),
    );
  });

  it('counts money in integer cents from decimal text', () => {
    expect(eformsCents('9999999.99')).toBe(999999999);
    expect(eformsCents('0.1')).toBe(10);
    expect(eformsCents('12.345')).toBe(1234);
    expect(eformsCents('1e3')).toBeNull();
    expect(eformsCents(null)).toBeNull();
  });

  it('labels social objectives in Dutch and English from the eForms code lists', () => {
    expect(labelled('social-objective', ['gen-eq', 'made-up'])).toEqual([
      { code: 'gen-eq', labelNl: 'Gendergelijkheid', labelEn: 'Gender equality' },
      { code: 'made-up', labelNl: 'made-up', labelEn: 'made-up' },
    ]);
  });
});

describe('safe XML', () => {
  it('refuses any DOCTYPE or entity declaration before parsing (XXE, billion laughs)', () => {
    expect(() => parseNotice(XXE)).toThrow(UnsafeXmlError);
    expect(() => parseNotice(BILLION_LAUGHS)).toThrow(UnsafeXmlError);
    expect(() => parseNotice('<!doctype x><x/>')).toThrow(UnsafeXmlError);
  });

  it('keeps the predefined entities and character references as text (no DTD needed)', () => {
    const n = contractNotice({ titles: { NLD: 'Groen & schoon <snel> &#233;' } });
    expect(map('x', n.xml).tender?.title).toBe('Groen & schoon <snel> &#233;');
    const raw = n.xml.replace('Groen &amp; schoon', 'Groen &#38; &#x65;');
    expect(map('x', raw).tender?.title).toBe('Groen & e <snel> &#233;');
  });

  it('finds the XPath-like path of the element on a line', () => {
    const xml = '<a>\n  <b/>\n  <b>\n    <c/><c/>\n  </b>\n</a>';
    const lines = new ElementLines(xml);
    expect(lines.pathAt(1)).toBe('/a');
    expect(lines.pathAt(2)).toBe('/a/b[1]');
    expect(lines.pathAt(3)).toBe('/a/b[2]');
    expect(lines.pathAt(4, 'c')).toBe('/a/b[2]/c[2]');
    expect(lines.pathAt(null)).toBe('/');
  });
});

describe('eForms SDK schema validation (xmllint-wasm, schemas from the repository)', () => {
  jest.setTimeout(60_000);

  it('finds the SDK examples valid and reports a schema error with the notice name and element path', async () => {
    const { EformsSchemaValidator } = await import('./eforms-schema');
    const validator = new EformsSchemaValidator();
    const notices = readdirSync(NOTICES)
      .filter((f) => f.endsWith('.xml'))
      .map((name) => ({ name, root: parseNotice(example(name)).root as NoticeRoot, xml: example(name) }));
    const bogus = contractNotice().xml.replace(
      '<cbc:ContractFolderID>',
      '<cbc:Bogus/><cbc:ContractFolderID>',
    );
    const problems = await validator.validate([
      ...notices,
      { name: 'bogus.xml', root: 'ContractNotice', xml: bogus },
    ]);
    expect(problems).toEqual([
      {
        notice: 'bogus.xml',
        path: '/ContractNotice/cbc:Bogus[1]',
        code: 'SCHEMA_UNEXPECTED_ELEMENT',
        params: { element: 'cbc:Bogus', expected: 'cbc:CopyIndicator, cbc:UUID, cbc:ContractFolderID' },
        message: expect.stringContaining(
          "Element '{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}Bogus': This element is not expected",
        ),
      },
    ]);
  });
});
