import { reportFileName } from './report-file-name';

describe('report file names', () => {
  it('carry the scope, the reference and the date, in ASCII', () => {
    expect(reportFileName('tender', 'nl', 'ocds-buysocial-1f2e', '2026-11-30', 'pdf')).toBe(
      'sroi-aanbesteding-ocds-buysocial-1f2e-2026-11-30.pdf',
    );
    expect(reportFileName('buyer', 'en', 'Gemeente Súdwest-Fryslân "test"', '2026-11-30', 'csv')).toBe(
      'sroi-buyer-Gemeente-Sudwest-Fryslan-test-2026-11-30.csv',
    );
  });
});
