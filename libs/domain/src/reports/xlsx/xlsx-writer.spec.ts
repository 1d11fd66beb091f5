import ExcelJS from 'exceljs';
import { EURO_FORMAT, euros, sheetDate, sheetName, XlsxReport } from './xlsx-writer';

describe('XLSX for people', () => {
  it('turns cents into euros and ISO days into dates', () => {
    expect(euros(5_750_000)).toBe(57_500);
    expect(euros('12345')).toBe(123.45);
    expect(euros(null)).toBeNull();
    expect(sheetDate('2026-03-15')).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(sheetDate('not a date')).toBeNull();
    expect(sheetName('Verplichtingen: [alles] / 2026 en nog veel meer')).toHaveLength(31);
  });

  it('streams a workbook whose money cells are euro numbers and date cells dates', async () => {
    const parts: Buffer[] = [];
    const x = new XlsxReport('nl', 'test', async (chunk) => {
      parts.push(chunk);
    });
    const facts = x.facts('Samenvatting');
    facts.add('Bedrag', 'money', 1_250_000);
    facts.commit();
    const table = x.table('Bijdragen', [
      { header: 'Datum', kind: 'date' },
      { header: 'Opgevoerd', kind: 'money' },
    ]);
    await table.add(['2026-03-15', 100_001]);
    table.commit();
    await x.finish();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Bijdragen']);
    const amount = wb.getWorksheet('Samenvatting')!.getRow(1).getCell(2);
    expect(amount.value).toBe(12_500);
    expect(amount.numFmt).toBe(EURO_FORMAT);
    const row = wb.getWorksheet('Bijdragen')!.getRow(2);
    expect(row.getCell(1).value).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(row.getCell(2).value).toBe(1000.01);
    expect(row.getCell(2).numFmt).toBe(EURO_FORMAT);
  });

  it('fails instead of hanging when a chunk cannot be stored', async () => {
    const x = new XlsxReport('en', 'test', async () => {
      throw new Error('disk full');
    });
    const table = x.table('Rows', [{ header: 'Text', kind: 'text' }]);
    for (let i = 0; i < 2000; i += 1) await table.add([`row ${i} ${'x'.repeat(50)}`]);
    table.commit();
    await expect(x.finish()).rejects.toThrow('disk full');
  });
});
