import type { Reference, SectorCodes, CpvCode } from './reference';
import { Rng, WeightedPicker } from './prng';
import {
  DESCRIPTION_OPENINGS,
  DESCRIPTION_SENTENCES,
  FIRST_NAMES,
  LEGAL_PREFIXES,
  LEGAL_SUFFIXES,
  MISSION_OPENINGS,
  MISSION_SENTENCES,
  NAME_ACCENTED,
  NAME_ADJECTIVES,
  NAME_NOUNS,
  SEARCHABLE_NAMES,
  SOCIAL_WORDS,
  TARGET_GROUP_WORDS,
} from './vocabulary';

/** PRNG streams: each table draws from its own stream per enterprise, so passes are independent. */
const STREAM = { core: 1, profile: 2, certification: 3, offering: 4 } as const;

const DAY_MS = 86_400_000;

export const COLUMNS = {
  organisation: ['id', 'kind', 'name', 'kvk_number', 'postcode', 'city', 'created_at', 'updated_at'],
  social_enterprise_profile: [
    'organisation_id',
    'mission',
    'target_groups',
    'fte_total',
    'fte_target_group',
    'website',
    'service_radius_km',
    'published',
    'updated_at',
  ],
  certification: [
    'id',
    'organisation_id',
    'type',
    'level',
    'certificate_number',
    'valid_from',
    'valid_until',
    'status',
    'reviewed_by',
    'reviewed_at',
    'review_note',
    'created_at',
    'updated_at',
  ],
  offering: [
    'id',
    'organisation_id',
    'title',
    'description',
    'cpv_codes',
    'cpv_ancestors',
    'price_indication_cents',
    'unit',
    'labour_share',
    'delivery_postcode',
    'delivery_radius_km',
    'capacity_cents_per_month',
    'lat',
    'lon',
    'created_at',
    'updated_at',
  ],
} as const;

export type Table = keyof typeof COLUMNS;
export const TABLES: Table[] = ['organisation', 'social_enterprise_profile', 'certification', 'offering'];

export interface GenOptions {
  seed: number;
  enterprises: number;
  offeringsPer: number;
  /** Reference date (UTC midnight, ms): the "now" of the data; certification validity is relative to it. */
  refMs: number;
  /** KvK number per enterprise index (precomputed so it avoids numbers already in the database). */
  kvk: Uint32Array;
}

interface Enterprise {
  id: string;
  name: string;
  kvk: string;
  areaIndex: number;
  postcode: string;
  city: string;
  primary: SectorCodes;
  secondary: SectorCodes | null;
  createdMs: number;
  updatedMs: number;
}

// Dutch postcode letters: F, I, O, Q, U and Y are not used; SA, SD and SS are never issued.
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
const FORBIDDEN_LETTER_PAIRS = new Set(['SA', 'SD', 'SS']);

const TARGET_GROUPS = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'wia_wao',
  'wajong',
  'nugger',
  'bbl',
  'bol',
  'pro_vso',
  'other',
] as const;
const TARGET_GROUP_PICKER = new WeightedPicker([...TARGET_GROUPS], [30, 25, 10, 8, 14, 6, 8, 5, 6, 4]);
const SERVICE_RADII = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150];
const DELIVERY_RADII = [5, 10, 15, 25, 40, 50, 75, 100];

const CERT_TYPES = [
  'pso',
  'pso_30plus',
  'code_sociale_ondernemingen',
  'sw_company',
  'regional_recognised_se',
  'other',
];
const CERT_TYPE_PICKER = new WeightedPicker(CERT_TYPES, [35, 15, 15, 10, 15, 10]);
const PSO_LEVEL_PICKER = new WeightedPicker(
  ['aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3'],
  [15, 25, 25, 20, 15],
);
const REJECT_NOTES = [
  'Certificaat is niet leesbaar; graag opnieuw uploaden.',
  'KvK-nummer op het certificaat komt niet overeen.',
  'Certificaat was al verlopen bij indiening.',
  'Certificaatnummer niet gevonden in het register.',
];
const REJECT_NOTES_OTHER = REJECT_NOTES.filter((_, i) => i !== 2);
const REGIONS = ['MRA', 'ZHZ', 'UTR', 'GLD', 'NBR', 'GRN', 'LIM', 'OVL', 'FRL', 'ZLD'];

// ---------------------------------------------------------------------------------------------------------

/** COPY text format: backslash, tab, newline and carriage return must be escaped. */
export function copyText(s: string | null): string {
  if (s === null) return '\\N';
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal for COPY; elements are plain identifiers or digits here, so no quoting is needed. */
function arrayLiteral(items: readonly string[]): string {
  for (const it of items) {
    if (!/^[A-Za-z0-9_]+$/.test(it)) throw new Error(`array element needs quoting: ${it}`);
  }
  return `{${items.join(',')}}`;
}

const TRAILING_STOP = /^(in|en|of|van|voor|met|op|de|het|een|aan|bij|uitgez\.?)$/i;
const ts = (ms: number): string => new Date(ms).toISOString();
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string =>
  /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rng.float() * (Math.log(hi) - Math.log(lo)));
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, 's')
    .replace(/(^|\s)(stichting|cooperatie|vereniging|holding|b\.v\.|u\.a\.|v\.o\.f\.|& co)(?=\s|$)/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** Cuts text to at most `max` words, ending with a full stop. */
function limitWords(text: string, max: number): string {
  const words = text.split(' ');
  if (words.length <= max) return text;
  return `${words
    .slice(0, max)
    .join(' ')
    .replace(/[,:;]$/, '')}.`;
}

// ---------------------------------------------------------------------------------------------------------

export class RowGenerator {
  /** Enterprise index -> fixed searchable name. */
  private readonly fixedNames = new Map<number, { name: string; sector: string }>();

  constructor(
    private readonly ref: Reference,
    private readonly opts: GenOptions,
  ) {
    const n = opts.enterprises;
    const k = SEARCHABLE_NAMES.length;
    SEARCHABLE_NAMES.forEach((entry, j) => {
      const index = n >= k ? Math.floor(((j + 0.5) * n) / k) : j;
      if (index < n) this.fixedNames.set(index, entry);
    });
  }

  /** The fixed, searchable names and the enterprise index each was given. */
  searchableNames(): { index: number; name: string }[] {
    return [...this.fixedNames.entries()].map(([index, e]) => ({ index, name: e.name }));
  }

  enterprise(i: number): Enterprise {
    const rng = new Rng(this.opts.seed, STREAM.core, i);
    const id = rng.uuid();
    const fixed = this.fixedNames.get(i);
    let primary = this.ref.sectorPicker.pick(rng);
    if (fixed) primary = this.ref.sectors.find((s) => s.sector.key === fixed.sector) ?? primary;
    const secondary = rng.chance(0.25) ? this.ref.sectorPicker.pick(rng) : null;
    const areaIndex = this.ref.areaPicker.pick(rng);
    const area = this.ref.areas[areaIndex];
    const postcode = `${area.pc4} ${this.letters(rng)}`;
    const generated = this.name(rng, primary, area.place);
    // Created 30 days to 6 years before the reference date, on whole seconds.
    const createdMs = this.opts.refMs - rng.int(30 * 86_400, 6 * 365 * 86_400) * 1000;
    const updatedMs = createdMs + Math.floor((rng.float() * (this.opts.refMs - createdMs)) / 1000) * 1000;
    return {
      id,
      name: fixed ? fixed.name : generated,
      kvk: String(this.opts.kvk[i]),
      areaIndex,
      postcode,
      city: area.place,
      primary,
      secondary: secondary && secondary !== primary ? secondary : null,
      createdMs,
      updatedMs,
    };
  }

  private letters(rng: Rng): string {
    for (;;) {
      const n = POSTCODE_LETTERS.length;
      const pair = POSTCODE_LETTERS[rng.int(0, n - 1)] + POSTCODE_LETTERS[rng.int(0, n - 1)];
      if (!FORBIDDEN_LETTER_PAIRS.has(pair)) return pair;
    }
  }

  private name(rng: Rng, sector: SectorCodes, city: string): string {
    const word = rng.pick(sector.sector.nameWords);
    const noun = rng.pick(NAME_NOUNS);
    const adj = rng.pick(NAME_ADJECTIVES);
    let name: string;
    switch (rng.int(0, 9)) {
      case 0:
        name = `Stichting ${adj} ${word}`;
        break;
      case 1:
        name = `${word}${noun.toLowerCase()} ${city}`;
        break;
      case 2:
        name = `${city} ${noun}`;
        break;
      case 3:
        name = `De ${adj.endsWith('e') ? adj : `${adj}e`} ${noun}`.replace(/ee /, 'e ');
        break;
      case 4:
        name = `Sociale ${cap(rng.pick(sector.sector.nouns))} ${city}`;
        break;
      case 5:
        name = `Coöperatie ${word} ${city} U.A.`;
        break;
      case 6:
        name = `${rng.pick(FIRST_NAMES)}'s ${word}`;
        break;
      case 7:
        name = `${word} & ${noun}`;
        break;
      case 8:
        name = `${rng.pick(LEGAL_PREFIXES)} ${word}${noun.toLowerCase()}`;
        break;
      default:
        name = `${word}${noun.toLowerCase()}`;
    }
    if (rng.chance(0.04)) name = `${rng.pick(NAME_ACCENTED)} ${name}`;
    if (!/^(Stichting|Coöperatie|Vereniging)|U\.A\.$/.test(name) && rng.chance(0.35)) {
      name = `${name} ${rng.pick(LEGAL_SUFFIXES)}`;
    }
    return name.slice(0, 200);
  }

  // ----- organisation -----

  organisationLine(e: Enterprise): string {
    return [
      e.id,
      'social_enterprise',
      copyText(e.name),
      e.kvk,
      e.postcode,
      copyText(e.city),
      ts(e.createdMs),
      ts(e.updatedMs),
    ].join('\t');
  }

  // ----- social_enterprise_profile -----

  profileLine(i: number, e: Enterprise): string {
    const rng = new Rng(this.opts.seed, STREAM.profile, i);
    const count = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
    const picked = new Set<string>();
    for (let tries = 0; picked.size < count && tries < 20; tries++) picked.add(TARGET_GROUP_PICKER.pick(rng));
    const groups = TARGET_GROUPS.filter((g) => picked.has(g));

    const sectorNoun = rng.pick(e.primary.sector.nouns);
    const values = {
      name: e.name,
      groups: groups.map((g) => TARGET_GROUP_WORDS[g]).join(' en '),
      sector: e.primary.sector.key === 'reintegratie' ? 're-integratie' : sectorNoun,
      noun: sectorNoun,
      city: e.city,
    };
    const sentences = [fill(rng.pick(MISSION_OPENINGS), values)];
    const extra = rng.int(1, 3);
    for (const s of rng.sample(MISSION_SENTENCES, extra)) sentences.push(fill(s, values));
    if (rng.chance(0.5)) sentences.push(this.fillerSentence(rng));
    const mission = limitWords(sentences.join(' '), 60);

    const total100 = Math.max(100, Math.round(logUniform(rng, 1.5, 400) * 100));
    const target100 = Math.round(total100 * (0.3 + rng.float() * 0.65));
    const website = rng.chance(0.8) ? `https://www.${slug(e.name) || 'sociaal'}.nl` : null;
    const radius = rng.chance(0.85) ? String(rng.pick(SERVICE_RADII)) : null;
    const published = rng.chance(0.97) ? 't' : 'f';
    return [
      e.id,
      copyText(mission),
      arrayLiteral(groups),
      (total100 / 100).toFixed(2),
      (target100 / 100).toFixed(2),
      copyText(website),
      radius ?? '\\N',
      published,
      ts(e.updatedMs),
    ].join('\t');
  }

  // ----- certification -----

  certificationLines(i: number, e: Enterprise): string[] {
    const rng = new Rng(this.opts.seed, STREAM.certification, i);
    if (!rng.chance(0.6)) return [];
    const count = rng.chance(0.7) ? 1 : 2;
    const types = new Set<string>();
    while (types.size < count) types.add(CERT_TYPE_PICKER.pick(rng));
    const refMs = this.opts.refMs;
    const lines: string[] = [];
    for (const type of types) {
      const id = rng.uuid();
      const level = type === 'pso' ? PSO_LEVEL_PICKER.pick(rng) : null;
      const r = rng.float();
      let fromMs: number;
      let untilMs: number | null;
      if (r < 0.68) {
        // Valid on the reference date (and for months after it); some without an end date.
        fromMs = refMs - rng.int(30, 1400) * DAY_MS;
        const openEnded =
          (type === 'sw_company' || type === 'code_sociale_ondernemingen' || type === 'other') &&
          rng.chance(0.5);
        untilMs = openEnded ? null : refMs + rng.int(180, 1460) * DAY_MS;
      } else if (r < 0.95) {
        // Expired.
        untilMs = refMs - rng.int(1, 900) * DAY_MS;
        fromMs = untilMs - rng.int(365, 1095) * DAY_MS;
      } else {
        // Starts after the reference date.
        fromMs = refMs + rng.int(1, 120) * DAY_MS;
        untilMs = fromMs + rng.int(365, 1095) * DAY_MS;
      }
      const s = rng.float();
      const status = s < 0.08 ? 'rejected' : s < 0.7 ? 'verified' : 'unverified';
      const year = new Date(fromMs).getUTCFullYear();
      let number: string | null;
      switch (type) {
        case 'pso':
          number = `PSO-${year}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
          break;
        case 'pso_30plus':
          number = `PSO30-${year}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
          break;
        case 'code_sociale_ondernemingen':
          number = `CSO-${String(rng.int(1, 2999)).padStart(4, '0')}`;
          break;
        case 'regional_recognised_se':
          number = `${rng.pick(REGIONS)}-SO-${rng.int(100, 9999)}`;
          break;
        case 'sw_company':
          number = rng.chance(0.6) ? `SW-${rng.int(10000, 99999)}` : null;
          break;
        default:
          number = rng.chance(0.5) ? `CERT-${rng.int(10000, 99999)}` : null;
      }
      const createdMs = Math.min(
        refMs,
        Math.max(e.createdMs, fromMs) + rng.int(0, 30) * DAY_MS + rng.int(0, 86399) * 1000,
      );
      const reviewedMs =
        status === 'unverified' ? null : Math.min(refMs, createdMs + rng.int(1, 20) * DAY_MS);
      const expiredOnSubmission = untilMs !== null && untilMs < createdMs;
      const note =
        status !== 'rejected' ? null : expiredOnSubmission ? REJECT_NOTES[2] : rng.pick(REJECT_NOTES_OTHER);
      lines.push(
        [
          id,
          e.id,
          type,
          level ?? '\\N',
          copyText(number),
          date(fromMs),
          untilMs === null ? '\\N' : date(untilMs),
          status,
          '\\N',
          reviewedMs === null ? '\\N' : ts(reviewedMs),
          copyText(note),
          ts(createdMs),
          ts(reviewedMs ?? createdMs),
        ].join('\t'),
      );
    }
    return lines;
  }

  // ----- offering -----

  offeringLines(i: number, e: Enterprise): string[] {
    const rng = new Rng(this.opts.seed, STREAM.offering, i);
    const per = this.opts.offeringsPer;
    const count = per <= 0 ? 0 : rng.int(1, 2 * per - 1);
    const lines: string[] = [];
    const refMs = this.opts.refMs;
    for (let j = 0; j < count; j++) {
      const id = rng.uuid();
      const sector = e.secondary && rng.chance(0.3) ? e.secondary : e.primary;
      const codes = this.pickCodes(rng, sector);
      const ancestors: string[] = [];
      const seen = new Set<string>();
      for (const c of codes) {
        for (const a of this.ref.ancestors(c.code)) {
          if (!seen.has(a)) {
            seen.add(a);
            ancestors.push(a);
          }
        }
      }
      const s = sector.sector;
      const noun = rng.pick(s.nouns);
      const title = this.title(rng, s.nouns, noun, s.qualifiers, codes[0], e.city);

      let deliveryPostcode: string | null = null;
      let areaIndex = e.areaIndex;
      if (rng.chance(0.8)) {
        if (rng.chance(0.7)) {
          deliveryPostcode = e.postcode;
        } else {
          const delta = rng.int(-15, 15);
          areaIndex = Math.min(this.ref.areas.length - 1, Math.max(0, e.areaIndex + delta));
          deliveryPostcode = `${this.ref.areas[areaIndex].pc4} ${this.letters(rng)}`;
        }
      }
      const area = this.ref.areas[areaIndex];
      const radius = rng.chance(0.85) ? rng.pick(DELIVERY_RADII) : null;
      const description = this.description(rng, s.nouns, noun, s.qualifiers, codes, area.place, radius ?? 25);

      const hasPrice = rng.chance(0.85);
      const price = hasPrice ? Math.round(logUniform(rng, s.price[0], s.price[1]) / 5) * 5 : null;
      const unit = hasPrice && rng.chance(0.9) ? rng.pick(s.units) : null;
      const labour = rng.chance(0.8)
        ? (s.labour[0] + rng.float() * (s.labour[1] - s.labour[0])).toFixed(3)
        : null;
      const capacity = rng.chance(0.6)
        ? Math.round(logUniform(rng, 100_000, 10_000_000) / 1000) * 1000
        : null;
      const createdMs = e.createdMs + Math.floor((rng.float() * (refMs - e.createdMs)) / 1000) * 1000;
      const updatedMs = createdMs + Math.floor((rng.float() * (refMs - createdMs)) / 1000) * 1000;

      lines.push(
        [
          id,
          e.id,
          copyText(title),
          copyText(description),
          arrayLiteral(codes.map((c) => c.code)),
          arrayLiteral(ancestors),
          price === null ? '\\N' : String(price),
          copyText(unit),
          labour ?? '\\N',
          copyText(deliveryPostcode),
          radius === null ? '\\N' : String(radius),
          capacity === null ? '\\N' : String(capacity),
          String(area.lat),
          String(area.lon),
          ts(createdMs),
          ts(updatedMs),
        ].join('\t'),
      );
    }
    return lines;
  }

  /** A listed sector code (55%) or any code of the sector's subtrees (45%). */
  private pickSectorCode(rng: Rng, sector: SectorCodes): CpvCode {
    return rng.chance(0.55) ? rng.pick(sector.roots) : rng.pick(sector.all);
  }

  /** The first code is always from the sector; further ones now and then from the whole CPV list. */
  private pickCodes(rng: Rng, sector: SectorCodes): CpvCode[] {
    const n = rng.chance(0.75) ? 1 : rng.chance(0.8) ? 2 : 3;
    const out: CpvCode[] = [this.pickSectorCode(rng, sector)];
    for (let tries = 0; out.length < n && tries < 10; tries++) {
      const c = rng.chance(0.8) ? this.pickSectorCode(rng, sector) : rng.pick(this.ref.cpvLeaves);
      if (!out.includes(c)) out.push(c);
    }
    return out;
  }

  /** A vocabulary word, skewed towards the social-enterprise words at the front of the list. */
  private word(rng: Rng): string {
    return rng.pickSkewed(this.ref.vocabulary, 3);
  }

  private fillerSentence(rng: Rng): string {
    const n = rng.int(3, 6);
    const words: string[] = [];
    for (let k = 0; k < n; k++) words.push(this.word(rng));
    const last = words.pop();
    const lead = rng.pick(['Specialismen', 'Ook', 'Trefwoorden', 'Verder', 'Ervaring met']);
    return `${lead}: ${words.join(', ')} en ${last}.`;
  }

  private title(
    rng: Rng,
    nouns: string[],
    noun: string,
    qualifiers: string[],
    code: CpvCode,
    city: string,
  ): string {
    const words = cap(noun).split(' ');
    if (rng.chance(0.55)) {
      const label = code.labelNl
        .split(/[(),;:]/)[0]
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 4);
      while (label.length > 1 && TRAILING_STOP.test(label[label.length - 1])) label.pop();
      if (label.length) words.push('–', ...label.map(lowerFirst));
    }
    if (rng.chance(0.5)) words.push(...rng.pick(qualifiers).split(' '));
    else if (rng.chance(0.3)) words.push('in', ...city.split(' '));
    // 3 to 8 words (the dash does not count), never ending on a dash or a stop word.
    const out: string[] = [];
    let counted = 0;
    for (const w of words) {
      if (w !== '–' && ++counted > 8) break;
      out.push(w);
    }
    const trim = (): void => {
      while (out.length && (out[out.length - 1] === '–' || TRAILING_STOP.test(out[out.length - 1]))) {
        if (out.pop() !== '–') counted--;
      }
    };
    counted = out.filter((w) => w !== '–').length;
    trim();
    while (counted < 3) {
      out.push(rng.chance(0.5) ? rng.pick(nouns).split(' ')[0] : rng.pick(SOCIAL_WORDS));
      counted++;
      trim();
    }
    return out.join(' ').slice(0, 200);
  }

  private description(
    rng: Rng,
    nouns: string[],
    noun: string,
    qualifiers: string[],
    codes: CpvCode[],
    city: string,
    radius: number,
  ): string {
    const target = rng.int(20, 60);
    const values = (): Record<string, string> => ({
      noun,
      Noun: cap(noun),
      noun2: rng.pick(nouns),
      noun3: rng.pick(nouns),
      qualifier: rng.pick(qualifiers),
      city,
      radius: String(radius),
      cpv: codes.map((c) => lowerFirst(c.labelNl)).join(', '),
    });
    const parts = [fill(rng.pick(DESCRIPTION_OPENINGS), values())];
    // The common words: "diensten" in about half of the rows, "onderhoud" in about a third.
    const used = new Set<number>([0]);
    if (rng.chance(0.45)) {
      parts.push(fill(DESCRIPTION_SENTENCES[0], values()));
    } else if (rng.chance(0.3)) {
      parts.push(DESCRIPTION_SENTENCES[1]);
      used.add(1);
    }
    let words = parts.join(' ').split(' ').length;
    let fillers = 0;
    for (let guard = 0; words < target && guard < 12; guard++) {
      let s: string;
      if (fillers < 2 && rng.chance(0.35)) {
        s = this.fillerSentence(rng);
        fillers++;
      } else {
        const k = rng.int(1, DESCRIPTION_SENTENCES.length - 1);
        if (used.has(k)) continue;
        used.add(k);
        s = fill(DESCRIPTION_SENTENCES[k], values());
      }
      parts.push(s);
      words += s.split(' ').length;
    }
    if (rng.chance(0.15)) parts.push(`Vragen? Bel of mail ons team in ${city}.`);
    return limitWords(parts.join(' '), 60);
  }
}
