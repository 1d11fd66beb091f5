import { ExportInput, tenderReleasePackage } from './ocds-export.mapping';
import { OcdsValidator, resolveExtensions } from './ocds-schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- release JSON, read freely in assertions
type Json = Record<string, any>;

const validator = new OcdsValidator();

function input(over: Partial<ExportInput> = {}, tender: Partial<ExportInput['tender']> = {}): ExportInput {
  return {
    tender: {
      id: '2f1c0000-0000-4000-8000-000000000001',
      source: 'platform',
      ocid: null,
      title: 'Schoonmaak gemeentelijke panden',
      description: 'Dagelijkse schoonmaak',
      status: 'awarded',
      ocdsStatus: null,
      mainProcurementCategory: 'services',
      estimatedValueCents: 60_000_000,
      currency: 'EUR',
      tenderPeriodEnd: '2026-02-01',
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      labourShare: 0.7,
      suitability: { sme: null, vcse: null },
      lots: null,
      items: [{ position: 0, description: 'Schoonmaak', cpvCode: '90911200', label: 'Schoonmaakdiensten' }],
      sroi: { policyId: 'p1', policyName: 'Bouwblokken', policyVersion: '2026', percentage: 5 },
      publishedAt: '2025-12-01T10:00:00.000Z',
      updatedAt: '2025-12-02T10:00:00.000Z',
      ...tender,
    },
    buyer: { id: 'b1', name: 'Gemeente Haarlem', kvkNumber: '34362354', city: 'Haarlem' },
    awards: [
      {
        id: 'c1-award',
        status: 'active',
        date: '2025-12-02T10:00:00.000Z',
        valueCents: 57_500_050,
        currency: 'EUR',
        suppliers: [{ id: 'o2', name: 'Bouwbedrijf B.V.', kvkNumber: '12345678', city: null }],
        contractPeriod: { startDate: '2026-01-01', endDate: '2027-12-31' },
      },
    ],
    contracts: [
      {
        id: 'c1',
        awardId: 'c1-award',
        valueCents: 57_500_050,
        currency: 'EUR',
        period: { startDate: '2026-01-01', endDate: '2027-12-31' },
        dateSigned: '2025-12-02T10:00:00.000Z',
        status: 'active',
        socialReturn: {
          policy: { id: 'p1', name: 'Bouwblokken', version: '2026' },
          applicable: true,
          reason: null,
          percentage: 5,
          amountCents: 2_875_003,
          dueDate: '2027-12-31',
        },
      },
    ],
    ocidPrefix: 'ocds-buysocial',
    publisherName: 'Buy Social Marktplaats',
    apiBaseUrl: 'https://buysocial.example/api/v1',
    ...over,
  };
}

describe('tenderReleasePackage', () => {
  it('is a valid OCDS 1.1.5 release package, declaring the social return extension', () => {
    const pkg = tenderReleasePackage(input());
    expect(validator.validatePackage(pkg)).toEqual([]);
    expect(resolveExtensions(pkg.extensions)).toEqual({ known: ['social_return'], unknown: [] });
  });

  it('writes money in euros, items with CPV, buyer and supplier parties, award, contract and the obligation', () => {
    const pkg = tenderReleasePackage(input()) as { releases: Json[] };
    const r = pkg.releases[0];
    expect(r.ocid).toBe('ocds-buysocial-2f1c0000-0000-4000-8000-000000000001');
    expect(r.tag).toEqual(['tender', 'award', 'contract']);
    expect(r.tender.value).toEqual({ amount: 600000, currency: 'EUR' });
    expect(r.tender.items).toEqual([
      {
        id: '1',
        description: 'Schoonmaak',
        classification: { scheme: 'CPV', id: '90911200', description: 'Schoonmaakdiensten' },
      },
    ]);
    expect(r.tender.status).toBe('complete');
    expect(r.tender.socialReturn).toEqual({
      policy: { id: 'p1', name: 'Bouwblokken', version: '2026' },
      percentage: 5,
      labourShare: 0.7,
    });
    expect(r.parties.map((p: { id: string; roles: string[] }) => [p.id, p.roles])).toEqual([
      ['NL-KVK-34362354', ['buyer', 'procuringEntity']],
      ['NL-KVK-12345678', ['supplier']],
    ]);
    expect(r.awards[0]).toMatchObject({
      value: { amount: 575000.5, currency: 'EUR' },
      suppliers: [{ id: 'NL-KVK-12345678', name: 'Bouwbedrijf B.V.' }],
    });
    expect(r.contracts[0]).toMatchObject({
      awardID: 'c1-award',
      value: { amount: 575000.5, currency: 'EUR' },
      socialReturn: { amount: { amount: 28750.03, currency: 'EUR' }, applicable: true, percentage: 5 },
    });
  });

  it('gives a stable release id per change', () => {
    const id = (i: ExportInput) => (tenderReleasePackage(i).releases as { id: string }[])[0].id;
    expect(id(input())).toBe(id(input()));
    expect(id(input({}, { title: 'Anders' }))).not.toBe(id(input()));
    expect(id(input())).toMatch(/^ocds-buysocial-2f1c0000-0000-4000-8000-000000000001-[0-9a-f]{16}$/);
  });

  it('exports a draft without award as a planning release, and an imported tender with its own ocid', () => {
    const draft = tenderReleasePackage(input({ awards: [], contracts: [] }, { status: 'draft' }));
    expect(validator.validatePackage(draft)).toEqual([]);
    expect((draft.releases as Json[])[0]).toMatchObject({
      tag: ['tender'],
      tender: { status: 'planning' },
    });

    const imported = tenderReleasePackage(
      input(
        {
          buyer: { id: 'b9', name: 'City & County of Swansea' },
          awards: [
            {
              id: 'a1',
              status: 'weird',
              date: null,
              valueCents: 1,
              currency: 'GBP',
              suppliers: [{ id: 'supplier-1', name: 'Acme' }],
            },
          ],
          contracts: [],
        },
        {
          source: 'ocds',
          ocid: 'ocds-kuma6s-148440',
          ocdsStatus: 'active',
          status: 'active',
          sroi: null,
          currency: 'GBP',
          estimatedValueCents: 1,
          suitability: { sme: true, vcse: true },
          lots: [
            { id: '1', title: null, description: 'Lot', status: 'active', valueCents: null, currency: null },
          ],
        },
      ),
    );
    expect(validator.validatePackage(imported)).toEqual([]);
    const r = (imported.releases as Json[])[0];
    expect(r.ocid).toBe('ocds-kuma6s-148440');
    expect(r.tender).toMatchObject({
      status: 'active',
      value: { amount: 0.01, currency: 'GBP' },
      suitability: { sme: true, vcse: true },
    });
    expect(r.awards[0].status).toBeUndefined();
    expect(resolveExtensions(imported.extensions).known).toEqual(['lots', 'tender_suitability']);
  });
});

describe('OcdsValidator', () => {
  it('reports each schema error with its JSON Pointer, missing properties named', () => {
    const pkg = tenderReleasePackage(input()) as { releases: Json[] };
    const broken = structuredClone(pkg);
    delete broken.releases[0].ocid;
    broken.releases[0].tender.value.amount = 'lots';
    broken.releases[0].tender.status = 'open';
    const errors = validator.validatePackage(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/releases/0/ocid', message: "must have required property 'ocid'" },
        { path: '/releases/0/tender/value/amount', message: 'must be number,null' },
        expect.objectContaining({ path: '/releases/0/tender/status' }),
      ]),
    );
  });

  it('validates a release on its own with a path prefix, and the package without its releases', () => {
    expect(validator.validateRelease({ ocid: 'x' }, [], '/releases/4')).toEqual(
      expect.arrayContaining([{ path: '/releases/4/id', message: "must have required property 'id'" }]),
    );
    expect(
      validator.validatePackageMeta({ uri: 'not a uri', version: '1.1', publishedDate: 'x', publisher: {} }),
    ).toEqual(
      expect.arrayContaining([
        { path: '/uri', message: 'must match format "uri"' },
        { path: '/publishedDate', message: 'must match format "date-time"' },
        { path: '/publisher/name', message: "must have required property 'name'" },
      ]),
    );
  });

  it('checks the fields of a known extension only when the package declares it', () => {
    const release = {
      ...(tenderReleasePackage(input()).releases as object[])[0],
      tender: { id: 't', suitability: { vcse: 'yes' } },
    };
    expect(validator.validateRelease(release, [])).toEqual([]);
    expect(validator.validateRelease(release, ['tender_suitability'])).toEqual([
      { path: '/tender/suitability/vcse', message: 'must be boolean,null' },
    ]);
  });
});

describe('resolveExtensions', () => {
  it('knows lots, suitability and VCSE extensions by repository, whatever the version; the rest is unknown', () => {
    expect(
      resolveExtensions([
        'https://raw.githubusercontent.com/open-contracting/ocds_lots_extension/v1.1.1/extension.json',
        'https://raw.githubusercontent.com/open-contracting/ocds_milestone_documents_extension/v1.1.1/extension.json',
        'https://example.org/ocds_tender_suitability_extension/master/extension.json',
        'https://example.org/ocds_partyDetails_vcse_extension/extension.json',
        42,
      ]),
    ).toEqual({
      known: ['lots', 'party_details_vcse', 'tender_suitability'],
      unknown: [
        {
          path: '/extensions/1',
          url: 'https://raw.githubusercontent.com/open-contracting/ocds_milestone_documents_extension/v1.1.1/extension.json',
        },
      ],
    });
  });
});
