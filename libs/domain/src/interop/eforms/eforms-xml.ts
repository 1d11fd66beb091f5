import { XMLParser } from 'fast-xml-parser';

/**
 * Safe XML for eForms notices. A notice is UBL: it never needs a document type declaration, so any `<!DOCTYPE` or
 * `<!ENTITY` is refused before a parser sees the text (no external entity is ever resolved, no entity expansion can
 * blow up memory), and fast-xml-parser runs with entity processing off as a second line.
 */

/** One parsed element: child elements by qualified name (always arrays), attributes as `@_name`, text as `#text`. */
export type XmlNode = { [name: string]: (XmlNode | string)[] | string | undefined };

export class UnsafeXmlError extends Error {}

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

export function hasDoctype(xml: string): boolean {
  return DOCTYPE.test(xml);
}

const ROOT = /<(?:[A-Za-z_][\w.-]*:)?(ContractNotice|ContractAwardNotice|PriorInformationNotice)[\s/>]/;

/** The notice type by its root element, found without parsing (to start schema validation early); null if none. */
export function rootElement(
  xml: string,
): 'ContractNotice' | 'ContractAwardNotice' | 'PriorInformationNotice' | null {
  const m = ROOT.exec(xml);
  return m ? (m[1] as 'ContractNotice' | 'ContractAwardNotice' | 'PriorInformationNotice') : null;
}

/** Throws UnsafeXmlError for a document type declaration or an entity declaration anywhere in the text. */
export function assertNoDoctype(xml: string): void {
  if (DOCTYPE.test(xml))
    throw new UnsafeXmlError(
      'the notice has a document type declaration (<!DOCTYPE> or <!ENTITY>); DTDs and entities are not allowed',
    );
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/** The root element's name and node; throws UnsafeXmlError for DTDs, Error for text that is not XML. */
export function parseNotice(xml: string): { root: string; node: XmlNode } {
  assertNoDoctype(xml);
  const doc = parser.parse(xml, true) as Record<string, (XmlNode | string)[]>;
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!root) throw new Error('the document has no root element');
  const node = doc[root][0];
  return { root, node: typeof node === 'string' ? { '#text': node } : node };
}

/** The predefined XML entities and character references, which need no DTD (entity processing is off). */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const n = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : m;
  });
}

const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * Where each element of a document is, by line: for schema errors (libxml2 reports a line) the XPath-like path of
 * the element that starts on that line (`/ContractNotice/cac:ProcurementProjectLot[2]/cbc:ID[1]`), preferring
 * one with the local name the message names.
 */
export class ElementLines {
  private readonly byLine = new Map<number, string[]>();

  constructor(xml: string) {
    const stack: { path: string; counts: Map<string, number> }[] = [];
    let line = 1;
    let at = 0;
    for (const m of xml.matchAll(TAG)) {
      for (let i = at; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
      at = m.index;
      const [text, close, name, selfClosing] = m;
      if (!name) {
        // A comment, CDATA or processing instruction: count its lines too.
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
        at = m.index + text.length;
        continue;
      }
      if (close) {
        stack.pop();
        continue;
      }
      const parent = stack[stack.length - 1];
      let path: string;
      if (parent) {
        const n = (parent.counts.get(name) ?? 0) + 1;
        parent.counts.set(name, n);
        path = `${parent.path}/${name}[${n}]`;
      } else path = `/${name}`;
      const list = this.byLine.get(line) ?? [];
      list.push(path);
      this.byLine.set(line, list);
      if (!selfClosing) stack.push({ path, counts: new Map() });
    }
  }

  /** The path at a line, the last element there whose local name is `local` if given (else the last one). */
  pathAt(line: number | null | undefined, local?: string | null): string {
    if (!line) return '/';
    for (let l = line; l > 0 && l > line - 50; l--) {
      const list = this.byLine.get(l);
      if (!list) continue;
      const hit = local ? [...list].reverse().find((p) => localName(p) === local) : undefined;
      return hit ?? list[list.length - 1];
    }
    return '/';
  }
}

function localName(path: string): string {
  const last = path.slice(path.lastIndexOf('/') + 1).replace(/\[\d+\]$/, '');
  return last.slice(last.indexOf(':') + 1);
}
