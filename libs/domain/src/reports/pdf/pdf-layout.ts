import PDFDocument from 'pdfkit';
import type { ReportLanguage } from '@app/database';
import { formatMoney, labels } from '../i18n';
import { fitTable, gluedHeader, words } from './column-fit';
import { reportFonts } from './fonts';

export const COLOURS = {
  ink: '#1b1b1b',
  muted: '#5c5c5c',
  rule: '#c8c8c8',
  zebra: '#f3f5f7',
  header: '#e4eaf0',
  accent: '#154273',
  required: '#8a8a8a',
  claimed: '#3a7bd5',
  verified: '#2e8540',
};

export interface Column {
  header: string;
  /** Share of the usable width. */
  width: number;
  align?: 'left' | 'right';
  /** Cells kept on one line (dates, amounts): the column is made as wide as its widest cell where there is room. Right-aligned columns are. */
  nowrap?: boolean;
}

export interface BarGroup {
  label: string;
  bars: { value: number; colour: string }[];
}

const FONT = 'DejaVu';
const BOLD = 'DejaVu-Bold';
const BODY = 9;
const CELL_PAD = 4;
const YIELD_EVERY_ROWS = 100;
/** A heading with the space around it. */
const HEADING_HEIGHT = 36;
/** The chart with its axis labels and legend (the room a chart heading keeps below it). */
export const CHART_PLOT_HEIGHT = 190;
/** Header sizes tried, largest first, until every header word fits its column. */
const HEADER_SIZES = [BODY, 8.5, 8, 7.5, 7];
/** Rows measured for their longest word when the columns are fitted. */
const FIT_SAMPLE_ROWS = 200;

/**
 * A thin layer over pdfkit for the report's building blocks: headings, label/value facts, tables that continue
 * over pages with their header repeated, a vector bar chart, and a "page X of Y" footer (pages are buffered so
 * the total is known when the footers are written).
 */
export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  readonly t: ReturnType<typeof labels>;
  private pendingHeading: string | null = null;

  constructor(
    readonly lang: ReportLanguage,
    title: string,
  ) {
    const fonts = reportFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 50, right: 50 },
      bufferPages: true,
      // No default font: pdfkit would load Helvetica, and a default given as a buffer makes every later
      // font('DejaVu') re-parse the TTF (it matches the default by name and skips its cache). Only null says
      // "none" (pdfkit's `initFonts` defaults an undefined font to Helvetica), but @types/pdfkit types `font` as
      // `string | undefined`: the one cast the types leave no way around.
      font: null as unknown as string,
      lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
      info: { Title: title, Producer: 'Buy Social', Creator: 'Buy Social' },
      displayTitle: true,
    });
    this.doc.registerFont(FONT, fonts.regular);
    this.doc.registerFont(BOLD, fonts.bold);
    this.doc.font(FONT).fontSize(BODY).fillColor(COLOURS.ink);
    this.t = labels(lang);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  money(cents: number): string {
    return formatMoney(cents, this.lang);
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle?: string): void {
    const { doc } = this;
    doc.font(BOLD).fontSize(24).fillColor(COLOURS.accent).text(text, this.left, doc.y, { width: this.width });
    if (subtitle) doc.moveDown(0.3).font(FONT).fontSize(13).fillColor(COLOURS.ink).text(subtitle);
    doc.moveDown(0.6);
    doc
      .moveTo(this.left, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .lineWidth(1.5)
      .strokeColor(COLOURS.accent)
      .stroke();
    doc.moveDown(1);
    doc.font(FONT).fontSize(BODY).fillColor(COLOURS.ink);
  }

  /**
   * A section heading. It is drawn by the block that follows it (table, facts, paragraph, chart), which knows
   * how much of itself must share the heading's page: a heading never stands alone at the foot of a page.
   */
  heading(text: string): void {
    this.flushHeading(0);
    this.pendingHeading = text;
  }

  /** Makes room for `need` points (and the pending heading, if any, which is then drawn). */
  private place(need: number): void {
    if (this.pendingHeading === null) {
      this.ensureSpace(need);
      return;
    }
    this.flushHeading(need);
  }

  private flushHeading(need: number): void {
    const text = this.pendingHeading;
    if (text === null) return;
    this.pendingHeading = null;
    this.ensureSpace(need + HEADING_HEIGHT);
    const { doc } = this;
    doc.moveDown(0.8);
    doc.font(BOLD).fontSize(13).fillColor(COLOURS.accent).text(text, this.left, doc.y, { width: this.width });
    doc.moveDown(0.4);
    doc.font(FONT).fontSize(BODY).fillColor(COLOURS.ink);
  }

  paragraph(text: string, colour = COLOURS.ink): void {
    this.place(this.doc.font(FONT).fontSize(BODY).heightOfString(text, { width: this.width }));
    this.doc
      .font(FONT)
      .fontSize(BODY)
      .fillColor(colour)
      .text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(COLOURS.ink);
  }

  /** Label/value pairs in two columns, as on a title page. */
  facts(pairs: [string, string][], size = 10.5): void {
    const { doc } = this;
    // Smaller facts (a summary that shares its page with the chart) sit closer together.
    const gap = size < 10 ? 3.5 : 6;
    const labelWidth = this.width * 0.38;
    const valueWidth = this.width - labelWidth - 8;
    for (const [label, value] of pairs) {
      doc.font(FONT).fontSize(size);
      const h = Math.max(
        doc.heightOfString(label, { width: labelWidth }),
        doc.heightOfString(value, { width: valueWidth }),
      );
      this.place(h + gap);
      doc.font(FONT).fontSize(size);
      const y = doc.y;
      doc.fillColor(COLOURS.muted).text(label, this.left, y, { width: labelWidth });
      doc
        .font(BOLD)
        .fillColor(COLOURS.ink)
        .text(value, this.left + labelWidth + 8, y, { width: valueWidth });
      doc.y = y + h + gap;
    }
    doc.font(FONT).fontSize(BODY).fillColor(COLOURS.ink);
  }

  /**
   * A table; on a page break the header row is drawn again. `bold` rows (totals) are set in bold. Layout is
   * synchronous CPU work, so a long table yields to the event loop now and then: the worker keeps renewing its
   * BullMQ job lock while it lays out thousands of rows.
   */
  async table(columns: Column[], rows: string[][], opts: { boldRows?: Set<number> } = {}): Promise<void> {
    const { doc } = this;
    const headers = columns.map((c) => gluedHeader(c.header));
    const { widths, headerSize } = this.fitColumns(columns, headers, rows, opts.boldRows);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    // Most cells hold one short line (dates, amounts, statuses): those are measured with widthOfString and
    // drawn at a computed x without pdfkit's line wrapper, which costs far more per call than the text itself.
    const fits = (cell: string, i: number): boolean =>
      !cell.includes('\n') && doc.widthOfString(cell) <= widths[i] - 2 * CELL_PAD;
    const rowHeight = (cells: string[], bold: boolean, size = BODY): number => {
      doc.font(bold ? BOLD : FONT).fontSize(size);
      const line = doc.currentLineHeight(true);
      return (
        Math.max(
          ...cells.map((c, i) =>
            fits(c, i) ? line : doc.heightOfString(c || ' ', { width: widths[i] - 2 * CELL_PAD }),
          ),
        ) +
        2 * CELL_PAD
      );
    };
    const drawRow = (
      cells: string[],
      y: number,
      h: number,
      bold: boolean,
      fill?: string,
      size = BODY,
    ): void => {
      if (fill) doc.rect(this.left, y, this.width, h).fill(fill);
      doc
        .font(bold ? BOLD : FONT)
        .fontSize(size)
        .fillColor(COLOURS.ink);
      cells.forEach((cell, i) => {
        if (!cell) return;
        const inner = widths[i] - 2 * CELL_PAD;
        if (fits(cell, i)) {
          const w = doc.widthOfString(cell);
          const x = xs[i] + CELL_PAD + (columns[i].align === 'right' ? inner - w : 0);
          doc.text(cell, x, y + CELL_PAD, { lineBreak: false });
        } else {
          doc.text(cell, xs[i] + CELL_PAD, y + CELL_PAD, { width: inner, align: columns[i].align ?? 'left' });
        }
      });
    };
    const drawHeader = (): void => {
      const h = rowHeight(headers, true, headerSize);
      const y = doc.y;
      drawRow(headers, y, h, true, COLOURS.header, headerSize);
      doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .lineWidth(0.8)
        .strokeColor(COLOURS.accent)
        .stroke();
      doc.y = y + h;
    };
    // Keep the header with at least a few rows: a header alone at the foot of a page reads as a mistake.
    const firstRows = rows.slice(0, 3).reduce((sum, r) => sum + rowHeight(r, false), 0);
    this.place(rowHeight(headers, true, headerSize) + firstRows);
    drawHeader();
    for (const [index, cells] of rows.entries()) {
      if (index > 0 && index % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
      const bold = opts.boldRows?.has(index) ?? false;
      const h = rowHeight(cells, bold);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      drawRow(cells, y, h, bold, index % 2 === 1 ? COLOURS.zebra : undefined);
      if (bold) {
        doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(0.6)
          .strokeColor(COLOURS.ink)
          .stroke();
      }
      doc.y = y + h;
    }
    doc
      .moveTo(this.left, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.x = this.left;
    doc.moveDown(0.5);
  }

  /**
   * Column widths at which no header word breaks (measured in the bold header font; the header is set smaller
   * when the words do not fit at the body size) and, where there is room, no word of the first rows either.
   */
  private fitColumns(
    columns: Column[],
    headers: string[],
    rows: string[][],
    boldRows?: Set<number>,
  ): { widths: number[]; headerSize: number } {
    const { doc } = this;
    // The first rows and the bold ones (totals: the widest amounts, in the wider bold face).
    const sample = [
      ...rows.slice(0, FIT_SAMPLE_ROWS).map((row, index) => ({ row, bold: boldRows?.has(index) ?? false })),
      ...[...(boldRows ?? [])].filter((i) => i >= FIT_SAMPLE_ROWS).map((i) => ({ row: rows[i], bold: true })),
    ].filter((r) => r.row);
    const bodyWordWidths = columns.map((c, i) => {
      const whole = c.nowrap ?? c.align === 'right';
      let max = 0;
      for (const { row, bold } of sample) {
        doc.font(bold ? BOLD : FONT).fontSize(BODY);
        for (const word of whole ? [row[i] ?? ''] : words(row[i] ?? ''))
          max = Math.max(max, doc.widthOfString(word));
      }
      return max;
    });
    doc.font(BOLD);
    const fit = fitTable({
      headers,
      shares: columns.map((c) => c.width),
      bodyWordWidths,
      total: this.width,
      padding: CELL_PAD,
      slack: 3,
      measureHeader: (text, size) => doc.fontSize(size).widthOfString(text),
      sizes: HEADER_SIZES,
    });
    doc.font(FONT).fontSize(BODY);
    return fit;
  }

  /**
   * A grouped bar chart in vector shapes, with a value axis in euros, a dashed reference line (the required
   * amount) and a legend.
   */
  barChart(
    groups: BarGroup[],
    legend: { label: string; colour: string }[],
    reference?: { value: number; label: string },
  ): void {
    const { doc } = this;
    const height = CHART_PLOT_HEIGHT;
    this.place(height + 30);
    const top = doc.y + 10;
    const axisWidth = 78;
    const plotLeft = this.left + axisWidth;
    const plotWidth = this.width - axisWidth;
    const plotHeight = height - 40;
    const baseline = top + plotHeight;
    const max = Math.max(1, reference?.value ?? 0, ...groups.flatMap((g) => g.bars.map((b) => b.value)));
    const niceMax = niceCeiling(max);
    const scale = (v: number): number => (v / niceMax) * plotHeight;

    doc.font(FONT).fontSize(7).fillColor(COLOURS.muted);
    for (let i = 0; i <= 4; i += 1) {
      const value = (niceMax * i) / 4;
      const y = baseline - scale(value);
      doc
        .moveTo(plotLeft, y)
        .lineTo(plotLeft + plotWidth, y)
        .lineWidth(0.4)
        .strokeColor(COLOURS.rule)
        .stroke();
      doc.text(this.money(Math.round(value)), this.left, y - 4, { width: axisWidth - 6, align: 'right' });
    }

    const groupWidth = plotWidth / groups.length;
    groups.forEach((group, gi) => {
      const barWidth = Math.min(22, (groupWidth * 0.7) / Math.max(1, group.bars.length));
      const barsWidth = barWidth * group.bars.length;
      let x = plotLeft + gi * groupWidth + (groupWidth - barsWidth) / 2;
      for (const bar of group.bars) {
        const h = scale(bar.value);
        if (h > 0) doc.rect(x, baseline - h, barWidth - 2, h).fill(bar.colour);
        x += barWidth;
      }
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor(COLOURS.ink)
        .text(group.label, plotLeft + gi * groupWidth, baseline + 5, { width: groupWidth, align: 'center' });
    });
    doc
      .moveTo(plotLeft, baseline)
      .lineTo(plotLeft + plotWidth, baseline)
      .lineWidth(0.8)
      .strokeColor(COLOURS.ink)
      .stroke();

    if (reference && reference.value > 0) {
      const y = baseline - scale(reference.value);
      doc
        .moveTo(plotLeft, y)
        .lineTo(plotLeft + plotWidth, y)
        .lineWidth(1)
        .dash(4, { space: 3 })
        .strokeColor(COLOURS.required)
        .stroke()
        .undash();
    }

    let lx = plotLeft;
    const ly = baseline + 22;
    doc.font(FONT).fontSize(8);
    for (const item of legend) {
      doc.rect(lx, ly, 9, 9).fill(item.colour);
      doc.fillColor(COLOURS.ink).text(item.label, lx + 13, ly + 1, { lineBreak: false });
      lx += 13 + doc.widthOfString(item.label) + 18;
    }
    if (reference && reference.value > 0) {
      doc
        .moveTo(lx, ly + 4.5)
        .lineTo(lx + 16, ly + 4.5)
        .lineWidth(1)
        .dash(4, { space: 3 })
        .strokeColor(COLOURS.required)
        .stroke()
        .undash();
      doc
        .fillColor(COLOURS.ink)
        .text(`${reference.label}: ${this.money(reference.value)}`, lx + 20, ly + 1, { lineBreak: false });
    }
    doc.x = this.left;
    doc.y = ly + 20;
    doc.fillColor(COLOURS.ink).fontSize(BODY);
  }

  /** Writes "generated on … · page X of Y" on every page, then ends the document. */
  finish(footerLeft: string): PDFKit.PDFDocument {
    this.flushHeading(0);
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      // Writing inside the bottom margin would otherwise make pdfkit start a new page.
      doc.page.margins.bottom = 0;
      const y = doc.page.height - bottomMargin + 24;
      doc
        .moveTo(this.left, y - 6)
        .lineTo(this.left + this.width, y - 6)
        .lineWidth(0.5)
        .strokeColor(COLOURS.rule)
        .stroke();
      doc.font(FONT).fontSize(8).fillColor(COLOURS.muted);
      doc.text(footerLeft, this.left, y, { width: this.width / 2, lineBreak: false });
      doc.text(this.t('page', { x: i - range.start + 1, y: range.count }), this.left + this.width / 2, y, {
        width: this.width / 2,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
    return doc;
  }
}

/** 1, 2, 2.5 or 5 times a power of ten, at or above `value`: round axis steps. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
