import { certificationName, term } from '@app/common/glossary';
import type { MatchReasonJson, StoredMatchReason } from '@app/database';
import type { MatchFactor } from './match-factors';

/** What a sentence needs besides its code: names, codes and numbers. */
export type ReasonParam = string | number;

/**
 * A reason as a match row stores it: `[factor, weight, value, code, ...params]`. About a sixth of the size of the
 * two sentences it stands for (a set of 2,000 rows held 3 MB of sentences), and free to build while scoring; the
 * sentences are written out when a page is read (`expandReasons`).
 */
export type StoredReason = [MatchFactor, number, number, string, ...ReasonParam[]];

type Render = (p: ReasonParam[]) => [en: string, nl: string];

/** Thousands grouped by hand: Intl formatting costs more than the rest of a pair's score. */
function grouped(units: number, separator: string): string {
  return String(units).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
const eurEn = (cents: number): string =>
  `€${grouped(Math.floor(cents / 100), ',')}.${String(Math.round(cents) % 100).padStart(2, '0')}`;
const eurNl = (cents: number): string =>
  `€ ${grouped(Math.floor(cents / 100), '.')},${String(Math.round(cents) % 100).padStart(2, '0')}`;
const km = (v: ReasonParam, decimal: '.' | ','): string => Number(v).toFixed(1).replace('.', decimal);

/**
 * A certificate as stored in a reason (`pso (trede_3)`, `sw_company`) in words: "PSO trede 3" / "PSO step 3".
 * Rows stored by earlier releases hold the same form, so the words are made when the sentence is.
 */
function certWords(stored: ReasonParam, lang: 'nl' | 'en'): string {
  const m = /^([a-z0-9_]+)(?: \(([a-z0-9_]+)\))?$/.exec(String(stored));
  return m ? certificationName(m[1], m[2] ?? null, lang) : String(stored);
}
/** Target groups as stored (`participatiewet, ww`) in words: "Participatiewet, WW". */
const groupWords = (stored: ReasonParam, lang: 'nl' | 'en'): string =>
  String(stored)
    .split(', ')
    .map((g) => term('targetGroup', g, lang))
    .join(', ');

const CPV_SENTENCES: Record<string, [string, string]> = {
  code: ["is the tender's own CPV code", 'is de CPV-code van de aanbesteding zelf'],
  class: ['is in the same CPV class as the tender item', 'valt in dezelfde CPV-klasse als het onderdeel'],
  group: ['is in the same CPV group as the tender item', 'valt in dezelfde CPV-groep als het onderdeel'],
  division: [
    'is in the same CPV division as the tender item',
    'valt in dezelfde CPV-divisie als het onderdeel',
  ],
};
const cpvSentence =
  (level: string): Render =>
  ([offeringCode, tenderCode]) => {
    const [en, nl] = CPV_SENTENCES[level];
    return level === 'code'
      ? [`CPV ${offeringCode} ${en}`, `CPV ${offeringCode} ${nl}`]
      : [`CPV ${offeringCode} ${en} ${tenderCode}`, `CPV ${offeringCode} ${nl} ${tenderCode}`];
  };
const fixed =
  (en: string, nl: string): Render =>
  () => [en, nl];

/** Every sentence of every factor, by code: the one place the words of an explanation live. */
const SENTENCES: Record<MatchFactor, Record<string, Render>> = {
  cpv: {
    none: fixed(
      "No CPV code of the offering is near the tender's items",
      'Geen CPV-code van het aanbod ligt in de buurt van de onderdelen van de aanbesteding',
    ),
    code: cpvSentence('code'),
    class: cpvSentence('class'),
    group: cpvSentence('group'),
    division: cpvSentence('division'),
  },
  text: {
    no_terms: fixed(
      'The tender has no descriptive words to compare',
      'De aanbesteding heeft geen beschrijvende woorden om te vergelijken',
    ),
    none: fixed(
      "None of the tender's key words appear in the offering",
      'Geen van de kernwoorden van de aanbesteding komt voor in het aanbod',
    ),
    found: ([n, words]) => [
      `${n} of the tender's key words appear in the offering: ${words}`,
      n === 1
        ? `1 kernwoord van de aanbesteding komt voor in het aanbod: ${words}`
        : `${n} kernwoorden van de aanbesteding komen voor in het aanbod: ${words}`,
    ],
  },
  distance: {
    unknown: fixed(
      'Distance unknown: the tender or the offering has no delivery postcode',
      'Afstand onbekend: de aanbesteding of het aanbod heeft geen afleverpostcode',
    ),
    beyond: ([d, radius]) => [
      `${km(d, '.')} km away, beyond the offering's delivery radius of ${radius} km`,
      `${km(d, ',')} km verderop, buiten de leverstraal van ${radius} km van het aanbod`,
    ],
    within: ([d]) => [
      `${km(d, '.')} km from the tender's delivery address`,
      `${km(d, ',')} km van het afleveradres van de aanbesteding`,
    ],
  },
  certification: {
    verified: ([name]) => [
      `Holds a verified ${certWords(name, 'en')} certificate that this policy accepts`,
      `Heeft een geverifieerd certificaat ${certWords(name, 'nl')} dat dit beleid accepteert`,
    ],
    unverified: ([name]) => [
      `Holds a ${certWords(name, 'en')} certificate that this policy accepts, not yet verified`,
      `Heeft een certificaat ${certWords(name, 'nl')} dat dit beleid accepteert, nog niet geverifieerd`,
    ],
    none: fixed(
      'Holds no valid certificate that this policy accepts',
      'Heeft geen geldig certificaat dat dit beleid accepteert',
    ),
  },
  capacity: {
    not_stated: fixed('Monthly capacity not stated', 'Maandcapaciteit niet opgegeven'),
    filled: fixed(
      'Nothing of the obligation remains to be filled',
      'Er hoeft niets meer van de verplichting te worden ingevuld',
    ),
    covers: ([monthly, months, pct]) => [
      `Capacity of ${eurEn(Number(monthly))} a month over ${months} months left covers ${pct}% of the spend needed`,
      `Capaciteit van ${eurNl(Number(monthly))} per maand over ${months} resterende maanden dekt ${pct}% van de benodigde inkoop`,
    ],
  },
  target_groups: {
    none_stated: fixed('The enterprise states no target groups', 'De onderneming noemt geen doelgroepen'),
    none_valued: fixed(
      'This policy values no particular target group',
      'Dit beleid waardeert geen bepaalde doelgroep',
    ),
    none_shared: fixed(
      "None of the enterprise's target groups is valued by this policy",
      'Geen van de doelgroepen van de onderneming wordt door dit beleid gewaardeerd',
    ),
    shared: ([list]) => [
      `Works with target groups this policy values: ${groupWords(list, 'en')}`,
      `Werkt met doelgroepen die dit beleid waardeert: ${groupWords(list, 'nl')}`,
    ],
  },
  responsiveness: {
    none: fixed('No quote requests yet', 'Nog geen offerteaanvragen'),
    answered: ([a, total]) => [
      `Answered ${a} of ${total} quote requests`,
      `Beantwoordde ${a} van ${total} offerteaanvragen`,
    ],
  },
};

/** The English and Dutch sentence of a factor's note. */
export function reasonSentences(factor: MatchFactor, code: string, params: ReasonParam[]): [string, string] {
  const render = SENTENCES[factor]?.[code];
  if (!render) throw new Error(`no sentence for ${factor}/${code}`);
  return render(params);
}

/** A stored reason with its sentences; a reason stored whole (before the compact form) passes unchanged. */
export function expandReason(r: StoredMatchReason | MatchReasonJson): MatchReasonJson {
  if (!Array.isArray(r)) return r;
  const [factor, weight, value, code, ...params] = r;
  const [detail, detailNl] = reasonSentences(factor as MatchFactor, code, params);
  return { factor, weight, value, detail, detailNl };
}

/**
 * A stored list's reasons with their sentences. A reason this version cannot write out (a factor or code it does
 * not know: stored by another release, or edited by hand) is left out, and a list that is not one reads as none:
 * one row's reasons never fail a page, a report or a schedule that reads many.
 */
export function expandReasons(rs: (StoredMatchReason | MatchReasonJson)[]): MatchReasonJson[] {
  if (!Array.isArray(rs)) return [];
  const out: MatchReasonJson[] = [];
  for (const r of rs) {
    try {
      if (r != null && typeof r === 'object') out.push(expandReason(r));
    } catch {
      // Unknown factor or code: left out.
    }
  }
  return out;
}
