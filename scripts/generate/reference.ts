import type { Client } from 'pg';
import { WeightedPicker } from './prng';
import { COMMON_WORDS, SECTORS, SOCIAL_WORDS, type Sector } from './vocabulary';

export interface CpvCode {
  code: string;
  level: string;
  parent: string | null;
  labelNl: string;
  labelEn: string;
}

export interface Area {
  pc4: string;
  place: string;
  lat: number;
  lon: number;
}

export interface SectorCodes {
  sector: Sector;
  /** The listed codes (picked more often). */
  roots: CpvCode[];
  /** The listed codes plus the subtrees of those without `!`. */
  all: CpvCode[];
}

export interface Reference {
  cpv: CpvCode[];
  cpvByCode: Map<string, CpvCode>;
  /** Codes at category or subcategory level: the long tail for "other" offerings. */
  cpvLeaves: CpvCode[];
  sectors: SectorCodes[];
  sectorPicker: WeightedPicker<SectorCodes>;
  areas: Area[];
  /** Index into `areas`; Randstad (PC4 1000-3999) is weighted three times as heavily. */
  areaPicker: WeightedPicker<number>;
  /** Words from the CPV labels (NL and EN) and the social-enterprise lists, in first-seen order. */
  vocabulary: string[];
  /** The code itself and its ancestors up to the division, cached per code. */
  ancestors(code: string): string[];
}

/** Reads cpv_code and postcode_area (ordered, so the result is the same on every run). */
export async function loadReference(client: Client): Promise<Reference> {
  const cpvRows = await client.query<{
    code: string;
    level: string;
    parent: string | null;
    label_nl: string;
    label_en: string;
  }>('SELECT code, level, parent, label_nl, label_en FROM cpv_code ORDER BY code');
  const areaRows = await client.query<{ pc4: string; place: string; lat: number; lon: number }>(
    'SELECT pc4, place, lat, lon FROM postcode_area ORDER BY pc4',
  );
  if (cpvRows.rowCount === 0 || areaRows.rowCount === 0) {
    throw new Error('cpv_code or postcode_area is empty: run the migrations on the target database first');
  }

  const cpv: CpvCode[] = cpvRows.rows.map((r) => ({
    code: r.code.trim(),
    level: r.level,
    parent: r.parent ? r.parent.trim() : null,
    labelNl: r.label_nl,
    labelEn: r.label_en,
  }));
  const cpvByCode = new Map(cpv.map((c) => [c.code, c]));
  const children = new Map<string, CpvCode[]>();
  for (const c of cpv) {
    if (!c.parent) continue;
    const list = children.get(c.parent) ?? [];
    list.push(c);
    children.set(c.parent, list);
  }

  const ancestorCache = new Map<string, string[]>();
  const ancestors = (code: string): string[] => {
    const cached = ancestorCache.get(code);
    if (cached) return cached;
    const chain: string[] = [];
    let cur: CpvCode | undefined = cpvByCode.get(code);
    if (!cur) throw new Error(`unknown CPV code ${code}`);
    const seen = new Set<string>();
    while (cur && !seen.has(cur.code)) {
      seen.add(cur.code);
      chain.push(cur.code);
      cur = cur.parent ? cpvByCode.get(cur.parent) : undefined;
    }
    ancestorCache.set(code, chain);
    return chain;
  };

  const subtree = (root: CpvCode, out: CpvCode[], seen: Set<string>): void => {
    if (seen.has(root.code)) return;
    seen.add(root.code);
    out.push(root);
    for (const child of children.get(root.code) ?? []) subtree(child, out, seen);
  };

  const sectors: SectorCodes[] = SECTORS.map((sector) => {
    const roots: CpvCode[] = [];
    const all: CpvCode[] = [];
    const seen = new Set<string>();
    for (const spec of sector.cpv) {
      const alone = spec.endsWith('!');
      const code = alone ? spec.slice(0, -1) : spec;
      const found = cpvByCode.get(code);
      if (!found) throw new Error(`sector ${sector.key}: CPV code ${code} is not in cpv_code`);
      roots.push(found);
      if (alone) {
        if (!seen.has(found.code)) {
          seen.add(found.code);
          all.push(found);
        }
      } else {
        subtree(found, all, seen);
      }
    }
    return { sector, roots, all };
  });

  const areas: Area[] = areaRows.rows.map((r) => ({
    pc4: r.pc4.trim(),
    place: r.place,
    lat: r.lat,
    lon: r.lon,
  }));
  const areaWeights = areas.map((a) => {
    const n = Number(a.pc4);
    return n >= 1000 && n <= 3999 ? 3 : 1;
  });

  const vocabulary = buildVocabulary(cpv);

  return {
    cpv,
    cpvByCode,
    cpvLeaves: cpv.filter((c) => c.level === 'category' || c.level === 'subcategory'),
    sectors,
    sectorPicker: new WeightedPicker(
      sectors,
      sectors.map((s) => s.sector.weight),
    ),
    areas,
    areaPicker: new WeightedPicker(
      areas.map((_, i) => i),
      areaWeights,
    ),
    vocabulary,
    ancestors,
  };
}

const STOP_WORDS = new Set([
  ...'and the for with and/or other than except incl excl of'.split(' '),
  ...'van het een voor met uitgez ander andere en op in'.split(' '),
]);

/**
 * Social-enterprise words first (they are drawn with a skew towards the front of the list, so they are the
 * frequent ones), then every word of the Dutch and English CPV labels: several thousand in all.
 */
function buildVocabulary(cpv: CpvCode[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (w: string): void => {
    const word = w.toLowerCase();
    if (word.length < 3 || STOP_WORDS.has(word) || seen.has(word)) return;
    seen.add(word);
    out.push(word);
  };
  for (const w of COMMON_WORDS) add(w);
  for (const w of SOCIAL_WORDS) add(w);
  for (const s of SECTORS) for (const n of s.nouns) for (const w of n.split(' ')) add(w);
  for (const c of cpv) {
    for (const w of c.labelNl.split(/[^\p{L}-]+/u)) add(w.replace(/^-+|-+$/g, ''));
    for (const w of c.labelEn.split(/[^\p{L}-]+/u)) add(w.replace(/^-+|-+$/g, ''));
  }
  return out;
}
