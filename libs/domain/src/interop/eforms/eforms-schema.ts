import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { schemaProblem } from './eforms-problems';
import { ElementLines } from './eforms-xml';
import type { EformsProblem, NoticeRoot } from './eforms.mapping';

/** The eForms SDK version whose XML schemas the product ships (libs/domain/src/interop/eforms/schemas). */
export const EFORMS_SDK_VERSION = '1.15';

/** The schema folder: beside this file (ts-node, Jest), else in the source tree (the compiled build). */
function schemaDir(): string {
  const candidates = [
    join(__dirname, 'schemas'),
    join(process.cwd(), 'libs/domain/src/interop/eforms/schemas'),
  ];
  const dir = candidates.find((d) => existsSync(join(d, 'maindoc')));
  if (!dir) throw new Error(`eForms schemas not found (looked in ${candidates.join(', ')})`);
  return dir;
}

export interface NoticeToValidate {
  name: string;
  root: NoticeRoot;
  xml: string;
}

/**
 * XML Schema validation of eForms notices with libxml2 compiled to WebAssembly (xmllint-wasm): the UBL main
 * document of each notice's type and every module it imports are handed over from the repository's files, so
 * xmllint reads nothing else (no network, no disk). Notices are validated many per call, grouped by type.
 */
export class EformsSchemaValidator {
  private preload: { fileName: string; contents: string }[] | null = null;

  private files(): { fileName: string; contents: string }[] {
    if (this.preload) return this.preload;
    const dir = schemaDir();
    const out: { fileName: string; contents: string }[] = [];
    for (const sub of ['common', 'maindoc'])
      for (const f of readdirSync(join(dir, sub)).filter((n) => n.endsWith('.xsd')))
        out.push({ fileName: `${sub}/${f}`, contents: readFileSync(join(dir, sub, f), 'utf8') });
    this.preload = out;
    return out;
  }

  /** The schema problems of each notice (paths from the line libxml2 reports). */
  async validate(notices: NoticeToValidate[]): Promise<EformsProblem[]> {
    const problems: EformsProblem[] = [];
    const files = this.files();
    const byRoot = new Map<NoticeRoot, NoticeToValidate[]>();
    for (const n of notices) byRoot.set(n.root, [...(byRoot.get(n.root) ?? []), n]);
    for (const [root, group] of byRoot) {
      const main = files.find((f) => f.fileName === `maindoc/UBL-${root}-2.3.xsd`)!;
      const names = new Map(group.map((n, i) => [`n${i}.xml`, n]));
      const result = await validateXML({
        xml: [...names].map(([fileName, n]) => ({ fileName, contents: n.xml })),
        schema: [main],
        preload: files.filter((f) => f !== main),
        maxMemoryPages: 256 * memoryPages.MiB,
      });
      if (result.valid) continue;
      const lines = new Map<string, ElementLines>();
      for (const e of result.errors) {
        const file = e.loc?.fileName ?? '';
        const n = names.get(file);
        // "nX.xml fails to validate" and the parser's echo of the offending line carry no problem of their own.
        if (!n || /fails to validate$/.test(e.message) || !/error|warning/i.test(e.message)) continue;
        let el = lines.get(file);
        if (!el) lines.set(file, (el = new ElementLines(n.xml)));
        const local = e.message.match(/Element '(?:\{[^}]*\})?([\w.-]+)'/)?.[1] ?? null;
        const message = e.message.replace(/^(element [\w.:-]+: )?Schemas validity error : /, '').trim();
        problems.push({
          notice: n.name,
          path: el.pathAt(e.loc?.lineNumber, local),
          ...schemaProblem(message),
          message: message.slice(0, 1000),
        });
      }
    }
    return problems;
  }
}
