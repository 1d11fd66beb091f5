/**
 * The product's one glossary: the Dutch and English word for every code a person may see (statuses, categories,
 * certification types, units, match factors…). The server, the worker, the PDF/XLSX writer, the email templates
 * and the web app all word codes from here, so a status reads the same on a screen, in a report and in a mail.
 *
 * This file has no imports: the web app bundles it (alias `@glossary`) and the pure engine may read it.
 * Add a code here when you add it to a code list; glossary.spec.ts checks that every list is covered.
 */
export type Lang = 'nl' | 'en';

export interface Term {
  readonly nl: string;
  readonly en: string;
}

export const GLOSSARY = {
  obligationStatus: {
    not_started: { nl: 'Nog niet begonnen', en: 'Not started' },
    open: { nl: 'Open', en: 'Open' },
    on_track: { nl: 'Op schema', en: 'On track' },
    at_risk: { nl: 'Risico', en: 'At risk' },
    fulfilled: { nl: 'Behaald', en: 'Fulfilled' },
    met: { nl: 'Behaald', en: 'Met' },
    not_met: { nl: 'Niet behaald', en: 'Not met' },
    waived: { nl: 'Kwijtgescholden', en: 'Waived' },
    closed: { nl: 'Afgesloten', en: 'Closed' },
    error: { nl: 'Niet te berekenen', en: 'Cannot be computed' },
  },
  contributionStatus: {
    submitted: { nl: 'Ingediend', en: 'Submitted' },
    verified: { nl: 'Goedgekeurd', en: 'Verified' },
    rejected: { nl: 'Afgewezen', en: 'Rejected' },
  },
  /** The four kinds of contribution, also the report's "routes". */
  contributionCategory: {
    employment: { nl: 'Werkgelegenheid', en: 'Employment' },
    training: { nl: 'Opleiding', en: 'Training' },
    social_purchase: { nl: 'Sociale inkoop', en: 'Social purchase' },
    social_activity: { nl: 'Maatschappelijke activiteit', en: 'Social activity' },
  },
  tenderStatus: {
    draft: { nl: 'Concept', en: 'Draft' },
    active: { nl: 'Lopend', en: 'Active' },
    awarded: { nl: 'Gegund', en: 'Awarded' },
    complete: { nl: 'Afgerond', en: 'Complete' },
    cancelled: { nl: 'Ingetrokken', en: 'Cancelled' },
  },
  tenderSource: {
    platform: { nl: 'Dit platform', en: 'This platform' },
    ocds: { nl: 'Open data (OCDS)', en: 'Open data (OCDS)' },
    eforms: { nl: 'Aankondiging (eForms)', en: 'Notice (eForms)' },
  },
  policyStatus: {
    draft: { nl: 'Concept', en: 'Draft' },
    published: { nl: 'Gepubliceerd', en: 'Published' },
  },
  quoteRequestStatus: {
    open: { nl: 'Open', en: 'Open' },
    quoted: { nl: 'Offerte ontvangen', en: 'Quote received' },
    declined: { nl: 'Afgewezen', en: 'Declined' },
    ordered: { nl: 'Opdracht gegeven', en: 'Ordered' },
  },
  quoteStatus: {
    open: { nl: 'Open', en: 'Open' },
    accepted: { nl: 'Geaccepteerd', en: 'Accepted' },
    rejected: { nl: 'Afgewezen', en: 'Rejected' },
    superseded: { nl: 'Vervangen', en: 'Superseded' },
  },
  orderStatus: {
    open: { nl: 'Lopend', en: 'Running' },
    completed: { nl: 'Afgerond', en: 'Completed' },
  },
  reportStatus: {
    queued: { nl: 'In de wachtrij', en: 'Queued' },
    running: { nl: 'Bezig', en: 'Running' },
    done: { nl: 'Klaar', en: 'Ready' },
    failed: { nl: 'Mislukt', en: 'Failed' },
  },
  jobStatus: {
    queued: { nl: 'In de wachtrij', en: 'Queued' },
    running: { nl: 'Bezig', en: 'Running' },
    done: { nl: 'Klaar', en: 'Done' },
    failed: { nl: 'Mislukt', en: 'Failed' },
  },
  reportScope: {
    obligation: { nl: 'Verplichting', en: 'Obligation' },
    tender: { nl: 'Aanbesteding', en: 'Tender' },
    buyer: { nl: 'Opdrachtgever', en: 'Buyer' },
  },
  reportFormat: {
    pdf: { nl: 'PDF', en: 'PDF' },
    csv: { nl: 'CSV (voor systemen)', en: 'CSV (for systems)' },
    json: { nl: 'JSON (voor systemen)', en: 'JSON (for systems)' },
    xlsx: { nl: 'Excel (XLSX)', en: 'Excel (XLSX)' },
  },
  language: {
    nl: { nl: 'Nederlands', en: 'Dutch' },
    en: { nl: 'Engels', en: 'English' },
  },
  certificationStatus: {
    unverified: { nl: 'Niet gecontroleerd', en: 'Not checked' },
    verified: { nl: 'Gecontroleerd', en: 'Verified' },
    rejected: { nl: 'Afgewezen', en: 'Rejected' },
  },
  meetingDayStatus: {
    draft: { nl: 'Concept', en: 'Draft' },
    open: { nl: 'Inschrijving open', en: 'Registration open' },
    closed: { nl: 'Inschrijving gesloten', en: 'Registration closed' },
  },
  meetingOutcome: {
    follow_up: { nl: 'Vervolg afspreken', en: 'Follow up' },
    no_fit: { nl: 'Geen match', en: 'No fit' },
    no_show: { nl: 'Niet verschenen', en: 'No show' },
  },
  procurementCategory: {
    goods: { nl: 'Leveringen', en: 'Goods' },
    services: { nl: 'Diensten', en: 'Services' },
    works: { nl: 'Werken', en: 'Works' },
  },
  certificationType: {
    pso: { nl: 'PSO', en: 'PSO' },
    pso_30plus: { nl: 'PSO 30+', en: 'PSO 30+' },
    code_sociale_ondernemingen: { nl: 'Code Sociale Ondernemingen', en: 'Code Sociale Ondernemingen' },
    sw_company: { nl: 'SW-bedrijf', en: 'Sheltered-employment company' },
    regional_recognised_se: {
      nl: 'Regionaal erkende sociale onderneming',
      en: 'Regionally recognised social enterprise',
    },
    other: { nl: 'Overig', en: 'Other' },
  },
  psoLevel: {
    aspirant: { nl: 'Aspirant', en: 'Aspirant' },
    basistrede: { nl: 'Basistrede', en: 'Base step' },
    trede_1: { nl: 'Trede 1', en: 'Step 1' },
    trede_2: { nl: 'Trede 2', en: 'Step 2' },
    trede_3: { nl: 'Trede 3', en: 'Step 3' },
  },
  targetGroup: {
    participatiewet: { nl: 'Participatiewet', en: 'Participation Act' },
    banenafspraak: { nl: 'Banenafspraak', en: 'Jobs agreement' },
    ww: { nl: 'WW', en: 'Unemployment benefit (WW)' },
    wia_wao: { nl: 'WIA/WAO', en: 'Disability benefit (WIA/WAO)' },
    wajong: { nl: 'Wajong', en: 'Wajong (young disabled)' },
    nugger: { nl: 'Niet-uitkeringsgerechtigd', en: 'Job seeker without benefit' },
    bbl: { nl: 'BBL-leerling', en: 'BBL apprentice' },
    bol: { nl: 'BOL-stagiair', en: 'BOL intern' },
    pro_vso: { nl: 'Pro/VSO-leerling', en: 'Pro/VSO pupil' },
    other: { nl: 'Overig', en: 'Other' },
  },
  matchFactor: {
    cpv: { nl: 'Soort werk', en: 'Kind of work' },
    text: { nl: 'Omschrijving', en: 'Description' },
    distance: { nl: 'Afstand', en: 'Distance' },
    certification: { nl: 'Certificering', en: 'Certification' },
    capacity: { nl: 'Capaciteit', en: 'Capacity' },
    target_groups: { nl: 'Doelgroepen', en: 'Target groups' },
    responsiveness: { nl: 'Reageert op aanvragen', en: 'Answers requests' },
  },
  /** The unit of a building block or of a price ("€ 34,50 per uur"). */
  blockUnit: {
    fte_year: { nl: 'fte-jaar', en: 'FTE year' },
    month: { nl: 'maand', en: 'month' },
    week: { nl: 'week', en: 'week' },
    hour: { nl: 'uur', en: 'hour' },
    activity: { nl: 'activiteit', en: 'activity' },
    day: { nl: 'dag', en: 'day' },
    piece: { nl: 'stuk', en: 'piece' },
    project: { nl: 'project', en: 'project' },
  },
  purchaseMode: {
    full_invoice: { nl: 'Volledig factuurbedrag', en: 'Full invoice amount' },
    labour_component: { nl: 'Alleen het loonaandeel', en: 'Labour component only' },
    factor: { nl: 'Vaste factor', en: 'Fixed factor' },
  },
  bonus: {
    age_50_plus: { nl: 'Toeslag 50 jaar of ouder', en: 'Bonus for age 50 or over' },
    permanent_contract: { nl: 'Toeslag vast contract', en: 'Bonus for a permanent contract' },
  },
  /** Why the rules give a contribution no value (NOT_COUNTABLE's `reason`). */
  contributionReason: {
    UNSUPPORTED_CATEGORY: { nl: 'Onbekende soort bijdrage', en: 'Unknown kind of contribution' },
    BLOCK_NOT_FOUND: {
      nl: 'Geen passend bouwblok in het beleid',
      en: 'No matching building block in the policy',
    },
    BLOCK_CATEGORY_MISMATCH: {
      nl: 'Het bouwblok hoort bij een andere soort bijdrage',
      en: 'The building block belongs to another kind of contribution',
    },
    TARGET_GROUP_MISMATCH: {
      nl: 'Het bouwblok geldt voor een andere doelgroep',
      en: 'The building block is for another target group',
    },
    BENEFIT_MONTHS_REQUIRED: {
      nl: 'Het aantal maanden in de uitkering is nodig om het bouwblok te kiezen',
      en: 'The number of months on benefit is needed to choose the building block',
    },
    BENEFIT_MONTHS_OUT_OF_RANGE: {
      nl: 'Het aantal maanden in de uitkering past niet bij het bouwblok',
      en: 'The number of months on benefit does not fit the building block',
    },
    BONUS_NOT_FOUND: { nl: 'Onbekende bonus voor dit beleid', en: 'Unknown bonus for this policy' },
    ZERO_HOURS: { nl: 'Geen uren per week opgegeven', en: 'No hours per week given' },
    INVALID_PERIOD: {
      nl: 'De einddatum ligt voor de begindatum',
      en: 'The end date is before the start date',
    },
    OUTSIDE_CONTRACT_PERIOD: {
      nl: 'Valt buiten de contractperiode',
      en: 'Falls outside the contract period',
    },
    ZERO_QUANTITY: { nl: 'Geen aantal opgegeven', en: 'No quantity given' },
    ZERO_AMOUNT: { nl: 'Geen factuurbedrag opgegeven', en: 'No invoice amount given' },
    LABOUR_SHARE_REQUIRED: {
      nl: 'Het loonaandeel van de doelgroep in de prijs is nodig',
      en: 'The share of target-group wages in the price is needed',
    },
    INVALID_LABOUR_SHARE: {
      nl: 'Het loonaandeel moet tussen 0 en 1 liggen',
      en: 'The labour share must be between 0 and 1',
    },
    SUPPLIER_NOT_CERTIFIED: {
      nl: 'De leverancier heeft geen certificering die het beleid accepteert',
      en: 'The supplier holds no certification that the policy accepts',
    },
    CERTIFICATION_REJECTED: {
      nl: 'De certificering van de leverancier is afgewezen',
      en: "The supplier's certification was rejected",
    },
    CERTIFICATION_NOT_VERIFIED: {
      nl: 'De certificering van de leverancier is nog niet geverifieerd',
      en: "The supplier's certification has not been verified yet",
    },
    CERTIFICATION_NOT_YET_VALID: {
      nl: 'De certificering van de leverancier was op de factuurdatum nog niet geldig',
      en: "The supplier's certification was not yet valid on the invoice date",
    },
    CERTIFICATION_EXPIRED: {
      nl: 'De certificering van de leverancier was op de factuurdatum verlopen',
      en: "The supplier's certification had expired on the invoice date",
    },
    PSO_LEVEL_TOO_LOW: {
      nl: 'De PSO-trede van de leverancier is lager dan het beleid vraagt',
      en: "The supplier's PSO level is below the policy's minimum",
    },
    SUPPLIER_OUTSIDE_REGION: {
      nl: 'De leverancier valt buiten de regio van het beleid',
      en: "The supplier is outside the policy's region",
    },
    ZERO_VALUE: {
      nl: 'Deze bijdrage heeft volgens het beleid geen waarde',
      en: 'Under this policy the contribution has no value',
    },
  },
  /** Why a tender carries no SROI obligation (`obligation.reason`). */
  obligationReason: {
    NOT_APPLICABLE_CATEGORY: {
      nl: 'Het beleid geldt niet voor deze soort opdracht',
      en: 'The policy does not cover this type of contract',
    },
    BELOW_THRESHOLD: {
      nl: 'De opdrachtwaarde ligt onder de drempel van het beleid',
      en: "The contract value is below the policy's threshold",
    },
    GOODS_LABOUR_SHARE_TOO_LOW: {
      nl: 'Het arbeidsaandeel van deze levering is te laag',
      en: 'The labour share of these goods is too low',
    },
    GOODS_LABOUR_SHARE_MISSING: {
      nl: 'Het arbeidsaandeel van deze levering is onbekend',
      en: 'The labour share of these goods is unknown',
    },
  },
  organisationKind: {
    buyer: { nl: 'Opdrachtgever', en: 'Buyer' },
    contractor: { nl: 'Opdrachtnemer', en: 'Contractor' },
    social_enterprise: { nl: 'Sociale onderneming', en: 'Social enterprise' },
  },
  userRole: {
    admin: { nl: 'Beheerder', en: 'Administrator' },
    procurement_officer: { nl: 'Inkoper', en: 'Procurement officer' },
    contractor: { nl: 'Opdrachtnemer', en: 'Contractor' },
    social_enterprise: { nl: 'Sociale onderneming', en: 'Social enterprise' },
  },
  opportunityKind: {
    obligation: { nl: 'Verplichting van een opdrachtnemer', en: "A contractor's obligation" },
    tender: { nl: 'Lopende aanbesteding', en: 'Active tender' },
    challenge: { nl: 'Maatschappelijke opgave', en: 'Challenge' },
  },
  challengeStatus: {
    draft: { nl: 'Concept', en: 'Draft' },
    open: { nl: 'Open voor voorstellen', en: 'Open for proposals' },
    judging: { nl: 'In beoordeling', en: 'Being judged' },
    decided: { nl: 'Besloten', en: 'Decided' },
  },
  challengeKind: {
    open_call: { nl: 'Open oproep', en: 'Open call' },
    competition: { nl: 'Wedstrijd', en: 'Competition' },
  },
  proposalStatus: {
    submitted: { nl: 'Ingediend', en: 'Submitted' },
    shortlisted: { nl: 'Genomineerd', en: 'Shortlisted' },
    winner: { nl: 'Winnaar', en: 'Winner' },
    not_selected: { nl: 'Niet gekozen', en: 'Not selected' },
  },
  initiativeStatus: {
    pitched: { nl: 'Gepitcht', en: 'Pitched' },
    in_progress: { nl: 'Bezig', en: 'In progress' },
    realised: { nl: 'Gerealiseerd', en: 'Realised' },
    changed: { nl: 'Veranderd', en: 'Changed' },
    stopped: { nl: 'Gestopt', en: 'Stopped' },
  },
  /** What an initiative needs and what is pledged to it. */
  supportKind: {
    money: { nl: 'Geld', en: 'Money' },
    hours: { nl: 'Uren', en: 'Hours' },
    goods: { nl: 'Spullen', en: 'Goods' },
    space: { nl: 'Ruimte', en: 'Space' },
    network: { nl: 'Netwerk', en: 'Network' },
  },
  pledgeStatus: {
    offered: { nl: 'Aangeboden', en: 'Offered' },
    accepted: { nl: 'Aangenomen', en: 'Accepted' },
    delivered: { nl: 'Geleverd', en: 'Delivered' },
  },
} as const satisfies Record<string, Record<string, Term>>;

export type GlossaryList = keyof typeof GLOSSARY;
/** The codes of one list, e.g. `GlossaryCode<'psoLevel'>` = 'aspirant' | … | 'trede_3'. */
export type GlossaryCode<L extends GlossaryList> = keyof (typeof GLOSSARY)[L] & string;

/** `social_purchase` → `Social purchase`: the last resort for a code the glossary does not know (yet). */
export function humanise(code: string): string {
  const words = String(code ?? '')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/** The word for `code` in `lang`. Never throws: an unknown code (or list) reads as the humanised code. */
export function term(list: GlossaryList, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '';
  const entries = GLOSSARY[list] as Readonly<Record<string, Term>> | undefined;
  const entry = entries && Object.prototype.hasOwnProperty.call(entries, code) ? entries[code] : undefined;
  if (entry) return lang === 'en' ? entry.en : entry.nl;
  return humanise(code);
}

/** The word for `code` as it stands inside a sentence: first letter lower-cased ("de certificering is verlopen"). */
export function termInSentence(list: GlossaryList, code: string | null | undefined, lang: Lang): string {
  const w = term(list, code, lang);
  return /^[A-Z][a-z]/.test(w) ? w.charAt(0).toLowerCase() + w.slice(1) : w;
}

/** Every code of a list with its word, in the glossary's order: the options of a select. */
export function termOptions(list: GlossaryList, lang: Lang): { code: string; label: string }[] {
  return Object.keys(GLOSSARY[list]).map((code) => ({ code, label: term(list, code, lang) }));
}

/**
 * A price unit as a person typed it (an offering's free-text `unit`: "uur", "hour", "fte_year"…) in `lang`: a unit the
 * glossary knows in either language reads in `lang` ("€ 34,50 per uur" / "€34.50 per hour"); any other text stays.
 */
export function unitTerm(unit: string, lang: Lang): string {
  const key = unit.trim().toLowerCase();
  for (const [code, t] of Object.entries(GLOSSARY.blockUnit) as [string, Term][]) {
    if (key === code || key === t.nl.toLowerCase() || key === t.en.toLowerCase())
      return lang === 'en' ? t.en : t.nl;
  }
  return unit;
}

/**
 * A certification in words: "PSO trede 3" / "PSO step 3"; the level is lower-cased after the type.
 * Validity and status are the caller's (they need the date format of the page).
 */
export function certificationName(type: string, level: string | null | undefined, lang: Lang): string {
  const name = term('certificationType', type, lang);
  if (!level) return name;
  const levelWord = term('psoLevel', level, lang);
  return `${name} ${levelWord.charAt(0).toLowerCase()}${levelWord.slice(1)}`;
}

/** The facts of a policy's building block that name it (a block's `code` is the officer's, not a reader's word). */
export interface BlockFacts {
  readonly category: string;
  readonly targetGroup?: string | null;
  readonly unit: string;
  /** Inclusive lower bound of months on benefit. */
  readonly benefitMonthsMin?: number | null;
  /** Exclusive upper bound of months on benefit. */
  readonly benefitMonthsMax?: number | null;
}

function benefitRange(min: number | null | undefined, max: number | null | undefined, lang: Lang): string {
  const lo = min != null && min > 0 ? min : null;
  const hi = max ?? null;
  if (lo === null && hi === null) return '';
  if (lang === 'en') {
    if (lo === null) return `under ${hi} months on benefit`;
    if (hi === null) return `${lo} months or more on benefit`;
    return `${lo} to ${hi} months on benefit`;
  }
  if (lo === null) return `korter dan ${hi} maanden in de uitkering`;
  if (hi === null) return `${lo} maanden of langer in de uitkering`;
  return `${lo} tot ${hi} maanden in de uitkering`;
}

/**
 * A building block in words, from its facts: kind of contribution, target group (and months on benefit) if any,
 * and unit — "Maatschappelijke activiteit, per uur", "Opleiding (BOL-stagiair), per fte-jaar",
 * "Employment (Participation Act, under 24 months on benefit), per FTE year". What contractors, enterprises and
 * reports read instead of the officer's code.
 */
export function blockName(block: BlockFacts, lang: Lang): string {
  const what = term('contributionCategory', block.category, lang);
  const who = [
    block.targetGroup ? term('targetGroup', block.targetGroup, lang) : '',
    benefitRange(block.benefitMonthsMin, block.benefitMonthsMax, lang),
  ].filter(Boolean);
  const unit = block.unit ? `, per ${termInSentence('blockUnit', block.unit, lang)}` : '';
  return `${what}${who.length ? ` (${who.join(', ')})` : ''}${unit}`;
}
