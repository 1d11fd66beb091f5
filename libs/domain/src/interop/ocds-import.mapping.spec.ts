import fictional from '../../../../test/fixtures/ocds/ocp-fictional-example-1.1-ocds-213czf-000-00001.json';
import {
  buyerOf,
  CpvLookup,
  dateOnly,
  fingerprint,
  isUsable,
  mapCompiledRelease,
  mergeReleases,
  platformStatus,
  toCents,
  unknownCpvCodes,
} from './ocds-import.mapping';

// A few real CPV 2008 codes with their check digits; everything else is "unknown".
const CPV: Record<string, string> = {
  '45233130': '9',
  '45233162': '2',
  '45000000': '7',
  '90911200': '8',
  '79000000': '4',
};
const lookup: CpvLookup = (code) => CPV[code];
const ctx = { lookup, publisherName: 'Publisher Ltd', at: '/releases/0' };

function release(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ocid: 'ocds-abc-1',
    id: 'r1',
    date: '2025-01-01T00:00:00Z',
    tag: ['tender'],
    buyer: { id: 'b1', name: 'Gemeente Haarlem' },
    parties: [
      {
        id: 'b1',
        name: 'Gemeente Haarlem',
        identifier: { scheme: 'NL-KVK', id: '34362354' },
        roles: ['buyer'],
      },
    ],
    tender: { id: 't1', title: 'Schoonmaak', status: 'active' },
    ...over,
  };
}

describe('mergeReleases', () => {
  it.each([
    [
      'later date wins for a scalar, whatever the order in the package',
      [
        { date: '2025-02-01T00:00:00Z', tender: { title: 'new' } },
        { date: '2025-01-01T00:00:00Z', tender: { title: 'old', description: 'kept' } },
      ],
      { date: '2025-02-01T00:00:00Z', tender: { title: 'new', description: 'kept' } },
    ],
    [
      'arrays of objects merge by id',
      [
        {
          date: '2025-01-01T00:00:00Z',
          awards: [
            { id: 'a1', status: 'pending' },
            { id: 'a2', status: 'pending' },
          ],
        },
        { date: '2025-02-01T00:00:00Z', awards: [{ id: 'a1', status: 'active' }] },
      ],
      {
        date: '2025-02-01T00:00:00Z',
        awards: [
          { id: 'a1', status: 'active' },
          { id: 'a2', status: 'pending' },
        ],
      },
    ],
    [
      'other arrays are replaced',
      [
        { date: '2025-01-01T00:00:00Z', tag: ['tender'] },
        { date: '2025-02-01T00:00:00Z', tag: ['award'] },
      ],
      { date: '2025-02-01T00:00:00Z', tag: ['award'] },
    ],
    [
      'an explicit null removes a field',
      [
        { date: '2025-01-01T00:00:00Z', tender: { title: 't', description: 'gone' } },
        { date: '2025-02-01T00:00:00Z', tender: { description: null } },
      ],
      { date: '2025-02-01T00:00:00Z', tender: { title: 't' } },
    ],
    [
      'equal dates keep package order',
      [
        { date: '2025-01-01T00:00:00Z', tender: { title: 'first' } },
        { date: '2025-01-01T00:00:00Z', tender: { title: 'second' } },
      ],
      { date: '2025-01-01T00:00:00Z', tender: { title: 'second' } },
    ],
    ['non-objects are ignored', [null, 5, { ocid: 'x' }], { ocid: 'x' }],
  ])('%s', (_, releases, expected) => {
    expect(mergeReleases(releases)).toEqual(expected);
  });

  it('merges the six releases of the official fictional example into its final state', () => {
    const merged = mergeReleases(fictional.releases);
    expect(merged.id).toBe('ocds-213czf-000-00001-06-implementation');
    expect((merged.tender as { title: string }).title).toBe('Planned cycle lane improvements');
    expect((merged.awards as unknown[]).length).toBe(1);
    expect((merged.contracts as unknown[]).length).toBe(1);
  });
});

describe('isUsable', () => {
  it.each([
    [release(), true],
    [release({ ocid: undefined }), false],
    [release({ ocid: '  ' }), false],
    [release({ tender: { id: 't1' } }), false],
    [release({ tender: { id: 't1', title: 5 } }), false],
    [release({ tender: undefined }), false],
    ['not an object', false],
  ])('%#', (r, usable) => expect(isUsable(r)).toBe(usable));
});

describe('unknownCpvCodes', () => {
  it('reports unknown codes, wrong check digits and non-codes with their JSON Pointer; other schemes are ignored', () => {
    const r = release({
      tender: {
        title: 't',
        items: [
          {
            id: '1',
            classification: { scheme: 'CPV', id: '45233130-9' },
            additionalClassifications: [
              { scheme: 'CPV', id: '12345678' },
              { scheme: 'CPV-AM', id: '34331300/1' },
              { scheme: 'cpv', id: '45233162-3' },
            ],
          },
          { id: '2', classification: { scheme: 'CPV', id: 'abc' } },
        ],
      },
    });
    expect(unknownCpvCodes(r, '/releases/7', lookup)).toEqual([
      {
        path: '/releases/7/tender/items/0/additionalClassifications/0/id',
        value: '12345678',
        message: 'unknown CPV code 12345678',
      },
      {
        path: '/releases/7/tender/items/0/additionalClassifications/2/id',
        value: '45233162-3',
        message: 'CPV code 45233162-3 has the wrong check digit (the list has 45233162-2)',
      },
      {
        path: '/releases/7/tender/items/1/classification/id',
        value: 'abc',
        message: '"abc" is not a CPV code (8 digits, optionally with a check digit)',
      },
    ]);
  });

  it("checks the tender's own classification too (UK notices), with its JSON Pointer", () => {
    const r = release({
      tender: {
        title: 't',
        classification: { scheme: 'CPV', id: '12345678' },
        additionalClassifications: [
          { scheme: 'CPV', id: '79000000-5' },
          { scheme: 'CPV', id: '90911200' },
        ],
        items: [{ id: '1', classification: { scheme: 'CPV', id: '45233130-9' } }],
      },
    });
    expect(unknownCpvCodes(r, '/releases/2', lookup)).toEqual([
      {
        path: '/releases/2/tender/classification/id',
        value: '12345678',
        message: 'unknown CPV code 12345678',
      },
      {
        path: '/releases/2/tender/additionalClassifications/0/id',
        value: '79000000-5',
        message: 'CPV code 79000000-5 has the wrong check digit (the list has 79000000-4)',
      },
    ]);
  });
});

describe('mapCompiledRelease', () => {
  it('reads title, description, value in cents with the currency as given, periods, suitability and items', () => {
    const { tender, problems } = mapCompiledRelease(
      release({
        tender: {
          title: 'Schoonmaak',
          description: 'Dagelijks',
          status: 'active',
          mainProcurementCategory: 'services',
          value: { amount: 1234.565, currency: 'GBP' },
          tenderPeriod: { endDate: '2025-03-24T12:00:00Z' },
          contractPeriod: { startDate: '2025-04-01T00:00:00+02:00', endDate: '2027-03-31T00:00:00+02:00' },
          suitability: { sme: true, vcse: false },
          items: [
            {
              id: '1',
              description: 'Kantoren',
              additionalClassifications: [
                { scheme: 'CPV', id: '90911200' },
                { scheme: 'CPV', id: '90911200-8' },
                { scheme: 'CPV', id: '99999999' },
              ],
            },
            {
              id: '2',
              classification: { scheme: 'CPV', id: '79000000-4', description: 'Zakelijke diensten' },
            },
          ],
          lots: [{ id: 'L1', title: 'Lot 1', value: { amount: 10, currency: 'GBP' }, status: 'active' }],
        },
      }),
      ctx,
    );
    expect(problems).toEqual([]);
    expect(tender).toMatchObject({
      ocid: 'ocds-abc-1',
      title: 'Schoonmaak',
      description: 'Dagelijks',
      status: 'active',
      ocdsStatus: 'active',
      mainProcurementCategory: 'services',
      valueCents: 123457,
      currency: 'GBP',
      tenderPeriodEnd: '2025-03-24',
      contractStart: '2025-04-01',
      contractEnd: '2027-03-31',
      suitability: { sme: true, vcse: false },
      items: [
        { description: 'Kantoren', cpvCode: '90911200' },
        { description: 'Zakelijke diensten', cpvCode: '79000000' },
      ],
      lots: [
        { id: 'L1', title: 'Lot 1', description: null, status: 'active', valueCents: 1000, currency: 'GBP' },
      ],
      buyer: { ref: 'ocds:NL-KVK-34362354', name: 'Gemeente Haarlem' },
      buyerName: 'Gemeente Haarlem',
    });
  });

  it('keeps awards with suppliers (names from the parties when the reference has none) and values', () => {
    const { tender } = mapCompiledRelease(
      release({
        parties: [{ id: 's1', name: 'Acme Ltd', roles: ['supplier'] }],
        awards: [
          {
            id: 'a1',
            status: 'active',
            date: '2025-05-01T10:00:00+01:00',
            value: { amount: 500, currency: 'EUR' },
            suppliers: [{ id: 's1' }, { name: 'Named Only' }, { id: 'nobody' }],
          },
          { status: 'active' },
        ],
      }),
      ctx,
    );
    expect(tender.awards).toEqual([
      {
        awardId: 'a1',
        title: null,
        status: 'active',
        date: '2025-05-01T09:00:00.000Z',
        valueCents: 50000,
        currency: 'EUR',
        suppliers: [
          { id: 's1', name: 'Acme Ltd' },
          { id: null, name: 'Named Only' },
        ],
      },
    ]);
    expect(tender.status).toBe('awarded');
  });

  it('leaves out a contract period that ends before it starts and an amount that is no money, saying where', () => {
    const { tender, problems } = mapCompiledRelease(
      release({
        tender: {
          title: 't',
          value: { amount: -5, currency: 'EUR' },
          contractPeriod: { startDate: '2016-07-28T04:00:00+04:00', endDate: '2016-06-12T00:00:00+04:00' },
        },
      }),
      ctx,
    );
    expect(tender).toMatchObject({
      contractStart: null,
      contractEnd: null,
      valueCents: null,
      currency: 'EUR',
    });
    expect(problems.map((p) => p.path)).toEqual([
      '/releases/0/tender/value/amount',
      '/releases/0/tender/contractPeriod',
    ]);
  });

  it("takes the tender's own CPV classification as an item when no item has it (Contracts Finder, Sell2Wales)", () => {
    const only = mapCompiledRelease(
      release({
        tender: {
          title: 'Grounds maintenance',
          classification: { scheme: 'CPV', id: '45000000-7', description: 'Construction work' },
          additionalClassifications: [
            { scheme: 'CPV', id: '90911200' },
            { scheme: 'CPV', id: '99999999' },
          ],
          items: [{ id: '1', description: 'Parks' }],
        },
      }),
      ctx,
    ).tender;
    expect(only.items).toEqual([
      { description: 'Construction work', cpvCode: '45000000' },
      { description: 'Grounds maintenance', cpvCode: '90911200' },
    ]);
    // A code an item already has is not repeated; the items' own come first.
    const both = mapCompiledRelease(
      release({
        tender: {
          title: 't',
          classification: { scheme: 'CPV', id: '79000000' },
          items: [{ id: '1', description: 'Advies', classification: { scheme: 'CPV', id: '79000000-4' } }],
        },
      }),
      ctx,
    ).tender;
    expect(both.items).toEqual([{ description: 'Advies', cpvCode: '79000000' }]);
    // Another scheme on the tender is ignored.
    const other = mapCompiledRelease(
      release({ tender: { title: 't', classification: { scheme: 'UNSPSC', id: '45000000' } } }),
      ctx,
    ).tender;
    expect(other.items).toEqual([]);
  });

  it('is deterministic: the same release gives the same fingerprint, a change another', () => {
    const a = mapCompiledRelease(release(), ctx).tender;
    const b = mapCompiledRelease(release(), ctx).tender;
    const c = mapCompiledRelease(release({ tender: { title: 'Other' } }), ctx).tender;
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });
});

describe('buyerOf', () => {
  it.each([
    ['identifier scheme and id', release(), { ref: 'ocds:NL-KVK-34362354', name: 'Gemeente Haarlem' }],
    [
      'name when the identifier has no id (case and spaces folded)',
      release({
        parties: [{ id: 'b1', name: 'x', identifier: { legalName: 'x' } }],
        buyer: { id: 'b1', name: 'City  of SWANSEA' },
      }),
      { ref: 'ocds-name:city of swansea', name: 'City  of SWANSEA' },
    ],
    [
      'the party with the buyer role when there is no buyer reference',
      release({ buyer: undefined, parties: [{ id: 'p', name: 'Council', roles: ['buyer'] }] }),
      { ref: 'ocds-name:council', name: 'Council' },
    ],
    [
      'the publisher when nobody is named',
      release({ buyer: undefined, parties: [] }),
      { ref: 'ocds-name:publisher ltd', name: 'Publisher Ltd' },
    ],
  ])('%s', (_, r, expected) => {
    const parties = (r.parties as Record<string, unknown>[] | undefined) ?? [];
    expect(buyerOf(r, parties, 'Publisher Ltd')).toEqual(expected);
  });
});

describe('small conversions', () => {
  it.each<[string | null, { status: string }[], string]>([
    [null, [], 'active'],
    [null, [{ status: 'active' }], 'awarded'],
    ['planning', [], 'draft'],
    ['planned', [], 'draft'],
    ['active', [{ status: 'active' }], 'awarded'],
    ['active', [{ status: 'pending' }], 'active'],
    ['complete', [], 'complete'],
    ['unsuccessful', [], 'cancelled'],
    ['withdrawn', [], 'cancelled'],
  ])('status %s with awards %j → %s', (ocds, awards, expected) =>
    expect(platformStatus(ocds, awards)).toBe(expected),
  );

  it.each([
    [0.01, 1],
    [1234.5, 123450],
    [0.1 + 0.2, 30],
    [-1, null],
    ['12', null],
    [Number.MAX_VALUE, null],
  ])('toCents(%p) = %p', (amount, cents) => expect(toCents(amount)).toBe(cents));

  it.each([
    ['2016-11-18T00:00:00+04:00', '2016-11-18'],
    ['2025-02-21', '2025-02-21'],
    ['2025-13-01T00:00:00Z', null],
    ['2023-02-30', null],
    ['0000-01-01', null],
    ['1899-12-31', null],
    ['3000-01-01T00:00:00Z', null],
    ['yesterday', null],
    [42, null],
  ])('dateOnly(%p) = %p', (v, d) => expect(dateOnly(v)).toBe(d));
});
