import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from './csv-cells';
import { renderBuyerPdf } from './pdf/buyer-pdf';
import type { BuyerReportData } from './report-data';
import {
  buyerCsvRecord,
  CONTRIBUTION_CSV_COLUMNS,
  contributionCsvRecord,
  contributionCsvRecordOrMark,
  ROW_ERROR_STATUS,
  type RowFailure,
  summariseOrMark,
} from './report-generator.service';
import type { BuyerObligationRow, ContributionRow } from './report-queries';

const TODAY = '2026-06-15';

function buyerRow(over: Partial<BuyerObligationRow> = {}): BuyerObligationRow {
  return {
    id: 'ob-1',
    tender_id: 't-1',
    tender_title: 'Schoonmaak',
    contractor_name: 'Bouw BV',
    amount_cents: '3000000',
    due_date: '2028-06-30',
    waived: false,
    start_date: '2026-01-01',
    end_date: '2027-12-31',
    penalty_percentage: null,
    live_count: '1',
    claimed: '500000',
    verified: '200000',
    period_claimed: '500000',
    period_verified: '200000',
    created_at: new Date('2026-01-02T10:00:00Z'),
    ...over,
  };
}

function contributionRow(over: Partial<ContributionRow> = {}): ContributionRow {
  return {
    id: 'c-1',
    obligation_id: 'ob-1',
    tender_id: 't-1',
    date: '2026-03-01',
    category: 'social_purchase',
    status: 'verified',
    description: '',
    supplier_name: 'Schoon & Sociaal',
    invoice_number: 'F-1',
    target_group: '',
    block_code: '',
    hours_per_week: null,
    end_date: null,
    claimed_value_cents: '100000',
    verified_value_cents: '100000',
    created_at: new Date('2026-03-02T09:00:00Z'),
    ...over,
  };
}

describe('report rows that cannot be rendered are marked, never fail the report', () => {
  it('summarises a sound buyer row as before, with nothing recorded', () => {
    const failures: RowFailure[] = [];
    const s = summariseOrMark(buyerRow(), TODAY, failures);
    expect(s.status).not.toBe(ROW_ERROR_STATUS);
    expect(failures).toEqual([]);
  });

  it.each(['infinity', '10000-01-01'])(
    'marks a buyer row whose contract end (%s) the engine cannot read, keeping its stored sums',
    (end) => {
      const failures: RowFailure[] = [];
      const s = summariseOrMark(buyerRow({ end_date: end }), TODAY, failures);
      expect(s).toMatchObject({
        id: 'ob-1',
        status: ROW_ERROR_STATUS,
        amountCents: 3_000_000,
        claimedCents: 500_000,
        verifiedCents: 200_000,
        remainingCents: 2_800_000,
      });
      expect(failures).toEqual([
        { kind: 'buyer_obligation', id: 'ob-1', detail: expect.stringContaining(end) },
      ]);
      // The CSV row keeps its columns.
      expect(buyerCsvRecord(s)).toHaveLength(13);
    },
  );

  it('writes an empty created_at for a stored instant that is not a date, instead of failing the file', () => {
    const record = contributionCsvRecord(contributionRow({ created_at: new Date(Number.POSITIVE_INFINITY) }));
    expect(record[record.length - 1]).toBe('');
  });

  it('marks a contribution row it cannot render with its ids and status error, in every column', () => {
    const failures: RowFailure[] = [];
    const broken = contributionRow();
    Object.defineProperty(broken, 'claimed_value_cents', {
      get() {
        throw new TypeError('broken row');
      },
    });
    const record = contributionCsvRecordOrMark(broken, failures);
    expect(record).toHaveLength(CONTRIBUTION_CSV_COLUMNS.length);
    expect(record.slice(0, 3)).toEqual(['c-1', 'ob-1', 't-1']);
    expect(record[CONTRIBUTION_CSV_COLUMNS.indexOf('status')]).toBe(ROW_ERROR_STATUS);
    expect(failures).toEqual([{ kind: 'contribution', id: 'c-1', detail: 'broken row' }]);
    expect(() => stringify([record], CSV_OPTIONS)).not.toThrow();
  });

  it('renders a buyer PDF with a marked row, in words', async () => {
    const failures: RowFailure[] = [];
    const obligations = [
      summariseOrMark(buyerRow(), TODAY, failures),
      summariseOrMark(buyerRow({ id: 'ob-2', end_date: 'infinity' }), TODAY, failures),
    ];
    const data: BuyerReportData = {
      meta: { scope: 'buyer', language: 'nl', period: null, generatedAt: new Date('2026-06-15T10:00:00Z') },
      buyer: { id: 'b-1', name: 'Gemeente' },
      obligations,
      spendPerSocialEnterprise: [],
      perTargetGroup: [],
      routes: [],
    };
    const doc = await renderBuyerPdf(data);
    let size = 0;
    for await (const chunk of doc) size += (chunk as Buffer).length;
    expect(size).toBeGreaterThan(1000);
    expect(failures.map((f) => f.id)).toEqual(['ob-2']);
  });
});
