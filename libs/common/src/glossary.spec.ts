import {
  CHALLENGE_KINDS,
  CHALLENGE_STATUSES,
  CONTRIBUTION_CATEGORIES,
  CONTRIBUTION_STATUSES,
  MEETING_EVENT_STATUSES,
  MEETING_OUTCOMES,
  INITIATIVE_STATUSES,
  ORDER_STATUSES,
  ORGANISATION_KINDS,
  PLEDGE_STATUSES,
  POLICY_STATUSES,
  PROPOSAL_DECISIONS,
  PROCUREMENT_CATEGORY_VALUES,
  QUOTE_REQUEST_STATUSES,
  QUOTE_STATUSES,
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_SCOPES,
  SUPPORT_KINDS,
  TENDER_SOURCES,
  TENDER_STATUSES,
  USER_ROLES,
} from '@app/database';
import { MATCH_FACTORS } from '@app/domain/matching/match-factors';
import { CONTRIBUTION_REASONS } from '@app/domain/sroi/contribution';
import { OBLIGATION_REASONS } from '@app/domain/sroi/obligation';
import {
  blockName,
  certificationName,
  GLOSSARY,
  type GlossaryList,
  humanise,
  term,
  termOptions,
  unitTerm,
} from './glossary';
import { BLOCK_UNITS, PURCHASE_MODES } from './sroi-json';
import { CERTIFICATION_STATUSES, CERTIFICATION_TYPES, PSO_LEVELS, TARGET_GROUPS } from './vocabulary';

/** Every code list of the product and the glossary list that words it. */
const LISTS: [GlossaryList, readonly string[]][] = [
  [
    'obligationStatus',
    ['not_started', 'open', 'on_track', 'at_risk', 'fulfilled', 'waived', 'closed', 'met', 'not_met'],
  ],
  ['contributionStatus', CONTRIBUTION_STATUSES],
  ['contributionCategory', CONTRIBUTION_CATEGORIES],
  ['tenderStatus', TENDER_STATUSES],
  ['tenderSource', TENDER_SOURCES],
  ['policyStatus', POLICY_STATUSES],
  ['quoteRequestStatus', QUOTE_REQUEST_STATUSES],
  ['quoteStatus', QUOTE_STATUSES],
  ['orderStatus', ORDER_STATUSES],
  ['reportStatus', ['queued', 'running', 'done', 'failed']],
  ['jobStatus', ['queued', 'running', 'done', 'failed']],
  ['reportScope', REPORT_SCOPES],
  ['reportFormat', [...REPORT_FORMATS, 'xlsx']],
  ['language', REPORT_LANGUAGES],
  ['certificationStatus', CERTIFICATION_STATUSES],
  ['certificationType', CERTIFICATION_TYPES],
  ['psoLevel', PSO_LEVELS],
  ['targetGroup', TARGET_GROUPS],
  ['meetingDayStatus', MEETING_EVENT_STATUSES],
  ['meetingOutcome', MEETING_OUTCOMES],
  ['procurementCategory', PROCUREMENT_CATEGORY_VALUES],
  ['matchFactor', MATCH_FACTORS],
  ['blockUnit', BLOCK_UNITS],
  ['purchaseMode', PURCHASE_MODES],
  ['bonus', ['age_50_plus']],
  ['contributionReason', CONTRIBUTION_REASONS],
  ['obligationReason', OBLIGATION_REASONS],
  ['organisationKind', ORGANISATION_KINDS],
  ['userRole', USER_ROLES],
  ['challengeStatus', CHALLENGE_STATUSES],
  ['challengeKind', CHALLENGE_KINDS],
  ['proposalStatus', ['submitted', ...PROPOSAL_DECISIONS]],
  ['initiativeStatus', INITIATIVE_STATUSES],
  ['supportKind', SUPPORT_KINDS],
  ['pledgeStatus', PLEDGE_STATUSES],
];

describe('glossary', () => {
  describe.each(LISTS)('%s', (list, codes) => {
    it.each([...codes])('%s has a Dutch and an English word, neither the code', (code) => {
      const entry = (GLOSSARY[list] as Record<string, { nl: string; en: string }>)[code];
      expect(entry).toBeDefined();
      for (const word of [entry.nl, entry.en]) {
        expect(word.trim()).not.toBe('');
        // Units are words inside a sentence ("per hour"): their English word may be spelled like the code.
        if (list !== 'blockUnit') expect(word).not.toBe(code);
        expect(word).not.toMatch(/_/);
      }
      expect(term(list, code, 'nl')).toBe(entry.nl);
      expect(term(list, code, 'en')).toBe(entry.en);
    });
  });

  it('takes the words the web app already used', () => {
    expect(term('obligationStatus', 'on_track', 'nl')).toBe('Op schema');
    expect(term('contributionStatus', 'verified', 'nl')).toBe('Goedgekeurd');
    expect(term('blockUnit', 'hour', 'nl')).toBe('uur');
    expect(term('blockUnit', 'hour', 'en')).toBe('hour');
  });

  it('words an unknown code by humanising it, and never throws', () => {
    expect(term('obligationStatus', 'some_new_status', 'nl')).toBe('Some new status');
    expect(term('nope' as GlossaryList, 'x_y', 'en')).toBe('X y');
    expect(term('psoLevel', null, 'nl')).toBe('');
    expect(term('psoLevel', 'toString', 'nl')).toBe('Tostring');
    expect(humanise('')).toBe('');
  });

  it('names a certification with its level', () => {
    expect(certificationName('pso', 'trede_3', 'nl')).toBe('PSO trede 3');
    expect(certificationName('pso', 'trede_3', 'en')).toBe('PSO step 3');
    expect(certificationName('sw_company', null, 'nl')).toBe('SW-bedrijf');
  });

  it('words a typed price unit in the page language', () => {
    expect(unitTerm('uur', 'en')).toBe('hour');
    expect(unitTerm('Hour', 'nl')).toBe('uur');
    expect(unitTerm('fte_year', 'nl')).toBe('fte-jaar');
    expect(unitTerm('m2 gras', 'en')).toBe('m2 gras');
  });

  it('lists options in order', () => {
    expect(termOptions('psoLevel', 'nl').map((o) => o.code)).toEqual([...PSO_LEVELS]);
  });
});

describe('blockName', () => {
  it('words a block without target group from its kind and unit', () => {
    const block = { code: 'ACT_HOUR', category: 'social_activity', unit: 'hour' };
    expect(blockName(block, 'nl')).toBe('Maatschappelijke activiteit, per uur');
    expect(blockName(block, 'en')).toBe('Social activity, per hour');
  });

  it('names the target group in brackets', () => {
    const block = { category: 'training', targetGroup: 'bol', unit: 'fte_year' };
    expect(blockName(block, 'nl')).toBe('Opleiding (BOL-stagiair), per fte-jaar');
    expect(blockName(block, 'en')).toBe('Training (BOL intern), per FTE year');
  });

  it('tells blocks of one target group apart by their months on benefit', () => {
    const short = {
      category: 'employment',
      targetGroup: 'participatiewet',
      unit: 'fte_year',
      benefitMonthsMax: 24,
    };
    const long = { ...short, benefitMonthsMax: null, benefitMonthsMin: 24 };
    const mid = { ...short, benefitMonthsMin: 12, benefitMonthsMax: 24 };
    expect(blockName(short, 'nl')).toBe(
      'Werkgelegenheid (Participatiewet, korter dan 24 maanden in de uitkering), per fte-jaar',
    );
    expect(blockName(long, 'nl')).toBe(
      'Werkgelegenheid (Participatiewet, 24 maanden of langer in de uitkering), per fte-jaar',
    );
    expect(blockName(mid, 'en')).toBe(
      'Employment (Participation Act, 12 to 24 months on benefit), per FTE year',
    );
    expect(blockName({ ...short, benefitMonthsMin: 0 }, 'en')).toBe(
      'Employment (Participation Act, under 24 months on benefit), per FTE year',
    );
  });

  it('never shows an unknown code as a code', () => {
    expect(blockName({ category: 'employment', targetGroup: 'status_holder', unit: 'shift' }, 'en')).toBe(
      'Employment (Status holder), per shift',
    );
    expect(blockName({ category: 'social_activity', targetGroup: null, unit: '' }, 'nl')).toBe(
      'Maatschappelijke activiteit',
    );
  });
});
