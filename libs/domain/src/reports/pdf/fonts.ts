import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReportFonts {
  regular: Buffer;
  bold: Buffer;
}

/**
 * DejaVu Sans (Bitstream Vera licence, see fonts/LICENSE-DejaVu.txt) ships in the repository and is embedded in
 * every PDF, so reports look the same everywhere and never fetch anything. Under ts-node and Jest the fonts sit
 * beside this file; the compiled build (dist/) does not copy them, so it finds them from the repository root,
 * which the image keeps next to dist/.
 */
function fontDir(): string {
  const candidates = [
    join(__dirname, '..', 'fonts'),
    join(process.cwd(), 'libs', 'domain', 'src', 'reports', 'fonts'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'DejaVuSans.ttf')));
  if (!found) throw new Error(`report fonts not found in ${candidates.join(' or ')}`);
  return found;
}

let cached: ReportFonts | undefined;

export function reportFonts(): ReportFonts {
  if (!cached) {
    const dir = fontDir();
    cached = {
      regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
    };
  }
  return cached;
}
