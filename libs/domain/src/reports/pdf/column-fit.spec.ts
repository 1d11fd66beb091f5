import PDFDocument from 'pdfkit';
import { fitColumns, fitTable, gluedHeader, NO_BREAK, words } from './column-fit';
import { reportFonts } from './fonts';

describe('fitting table columns so no header word breaks', () => {
  it('gives every column at least its minimum and takes the excess from columns with room to spare', () => {
    const widths = fitColumns([0.5, 0.25, 0.25], [100, 150, 50], 400)!;
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(400);
    expect(widths[1]).toBeCloseTo(150);
    expect(widths[0]).toBeGreaterThanOrEqual(100);
    expect(widths[2]).toBeGreaterThanOrEqual(50);
  });

  it('keeps the shares when every minimum already fits, and says when the minimums cannot', () => {
    expect(fitColumns([1, 1], [10, 10], 200)).toEqual([100, 100]);
    expect(fitColumns([1, 1], [150, 60], 200)).toBeNull();
  });

  it('glues hyphens and slashes so a header wraps only at spaces', () => {
    expect(gluedHeader('SROI-verplichting per u/week')).toBe(
      `SROI-${NO_BREAK}verplichting per u/${NO_BREAK}week`,
    );
    expect(words(`Totaal SROI-${NO_BREAK}verplichting`)).toEqual(['Totaal', `SROI-${NO_BREAK}verplichting`]);
  });

  it('shrinks the header font only when the words do not fit at the body size', () => {
    const width = (text: string, size: number): number => text.length * size * 0.6;
    const input = {
      headers: ['Opdrachtnemer', 'Goedgekeurd'],
      shares: [0.5, 0.5],
      bodyWordWidths: [0, 0],
      padding: 4,
      measureHeader: width,
      sizes: [9, 8, 7],
    };
    // 'Opdrachtnemer' (13 letters) is 70.2 pt at 9 pt, 62.4 at 8: two columns of it need 148.4 at 9.
    expect(fitTable({ ...input, total: 200 })).toMatchObject({ headerSize: 9, fits: true });
    expect(fitTable({ ...input, total: 140 })).toMatchObject({ headerSize: 8, fits: true });
    expect(fitTable({ ...input, total: 60 })).toMatchObject({ fits: false });
  });

  it('fits the real report headers in DejaVu Sans Bold at the body size on A4', () => {
    const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
    doc.registerFont('bold', reportFonts().bold);
    doc.font('bold');
    const headers = ['Aanbesteding', 'Opdrachtnemer', 'Verplichting', 'Opgevoerd', 'Goedgekeurd', 'Status'];
    const fit = fitTable({
      headers,
      shares: [0.23, 0.16, 0.15, 0.15, 0.15, 0.16],
      bodyWordWidths: headers.map(() => 0),
      total: 495,
      padding: 4,
      measureHeader: (text, size) => doc.fontSize(size).widthOfString(text),
      sizes: [9, 8.5, 8, 7.5, 7],
    });
    expect(fit.fits).toBe(true);
    headers.forEach((h, i) =>
      expect(doc.fontSize(fit.headerSize).widthOfString(h) + 8).toBeLessThanOrEqual(fit.widths[i] + 1e-6),
    );
  });
});
