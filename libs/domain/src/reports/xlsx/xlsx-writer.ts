import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ReportLanguage } from '@app/database';

/** Euro amounts: numbers in euros with a currency format (Excel shows the locale's separators). */
export const EURO_FORMAT = '€ #,##0.00';
export const DATE_FORMATS: Record<ReportLanguage, string> = { nl: 'dd-mm-yyyy', en: 'dd mmm yyyy' };
export const PERCENT_FORMAT = '0.00" %"';

/**
 * What a column holds: `money` takes integer cents and writes euros, `date` takes `YYYY-MM-DD` (or a Date) and
 * writes a real date, `number` a plain number, `percent` a number of percent, `text` a string.
 */
export type CellKind = 'text' | 'money' | 'date' | 'number' | 'percent';

export type CellInput = string | number | Date | null | undefined;

export interface XlsxColumn {
  header: string;
  kind: CellKind;
  /** Width in characters; by default from the header. */
  width?: number;
}

/** `YYYY-MM-DD` as midnight UTC, the instant a spreadsheet date stands for; anything else stays empty. */
export function sheetDate(value: CellInput): Date | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Integer cents as euros (`5750000` → `57500`), exact to the cent. */
export function euros(cents: CellInput): number | null {
  if (cents === null || cents === undefined || cents === '') return null;
  const n = Number(cents);
  return Number.isFinite(n) ? Math.round(n) / 100 : null;
}

function cellValue(kind: CellKind, value: CellInput): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'money':
      return euros(value);
    case 'date':
      return sheetDate(value);
    case 'number':
    case 'percent': {
      const n = Number(value);
      return Number.isFinite(n) ? n : String(value);
    }
    default:
      return value instanceof Date ? value : String(value);
  }
}

function numFmt(kind: CellKind, lang: ReportLanguage): string | undefined {
  return kind === 'money'
    ? EURO_FORMAT
    : kind === 'date'
      ? DATE_FORMATS[lang]
      : kind === 'percent'
        ? PERCENT_FORMAT
        : undefined;
}

/** Excel refuses sheet names over 31 characters or with any of `[]:*?/\`. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

const YIELD_EVERY_ROWS = 500;

/** One sheet of a table: a bold, frozen header row, then rows of typed cells committed as they are added. */
export class XlsxTable {
  private rows = 0;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly columns: XlsxColumn[],
    private readonly lang: ReportLanguage,
  ) {
    sheet.columns = columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.max(12, Math.min(60, c.header.length + 4)),
      style: { numFmt: numFmt(c.kind, lang) },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
  }

  /** Adds a row (committed at once: the writer keeps none in memory); `bold` for a total. */
  async add(values: CellInput[], opts: { bold?: boolean } = {}): Promise<void> {
    const row = this.sheet.addRow(values.map((v, i) => cellValue(this.columns[i].kind, v)));
    if (opts.bold) row.font = { bold: true };
    row.commit();
    this.rows += 1;
    if (this.rows % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  commit(): void {
    this.sheet.commit();
  }
}

/**
 * A label/value sheet (the summary): each value cell carries its own kind, so money is a euro number, a date a
 * date, and words are words.
 */
export class XlsxFacts {
  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly lang: ReportLanguage,
  ) {
    sheet.columns = [{ width: 40 }, { width: 50 }];
  }

  add(label: string, kind: CellKind, value: CellInput): void {
    const row = this.sheet.addRow([label, cellValue(kind, value)]);
    row.getCell(1).font = { bold: true };
    const fmt = numFmt(kind, this.lang);
    if (fmt) row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  }

  blank(): void {
    this.sheet.addRow([]).commit();
  }

  commit(): void {
    this.sheet.commit();
  }
}

/**
 * A workbook streamed as it is written (exceljs's WorkbookWriter): committed rows go to the zip at once and on
 * to `write` (the report's chunk writer), so a large report never sits in memory whole. Sheets appear in the
 * order they are added; add the summary first.
 */
export class XlsxReport {
  private readonly pass = new PassThrough();
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly drained: Promise<void>;

  constructor(
    readonly lang: ReportLanguage,
    title: string,
    write: (chunk: Buffer) => Promise<void>,
  ) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.pass,
      useStyles: true,
      useSharedStrings: false,
    });
    this.wb.creator = 'Buy Social';
    this.wb.title = title;
    this.drained = (async () => {
      for await (const chunk of this.pass) await write(chunk as Buffer);
    })();
    // A failing consumer must not become an unhandled rejection before finish() awaits it.
    this.drained.catch(() => undefined);
  }

  private add(name: string): ExcelJS.Worksheet {
    return this.wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  }

  table(name: string, columns: XlsxColumn[]): XlsxTable {
    return new XlsxTable(this.add(name), columns, this.lang);
  }

  facts(name: string): XlsxFacts {
    return new XlsxFacts(this.wb.addWorksheet(sheetName(name)), this.lang);
  }

  /** Writes the workbook's end; fails as soon as storing a chunk fails (the zip would otherwise wait forever). */
  async finish(): Promise<void> {
    await Promise.all([this.wb.commit(), this.drained]);
  }
}
