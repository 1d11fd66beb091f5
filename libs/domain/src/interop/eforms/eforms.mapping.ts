import type { TenderReservation, TenderStatus, TenderTranslations } from '@app/database';
import { createHash } from 'node:crypto';
import { EFORMS_CODELISTS, type CodeLabel } from './codelists.data';
import { EformsProblemCode, type EformsProblemParams } from './eforms-problems';
import { decodeXmlText, type XmlNode } from './eforms-xml';

/**
 * A problem with one notice: its file name, an XPath-like path into it, what is wrong as a code with params (the
 * web words it from these) and in English (`message`, for developers). Results stored before codes have none.
 */
export interface EformsProblem {
  notice: string;
  path: string;
  code?: EformsProblemCode;
  params?: EformsProblemParams;
  message: string;
}

export interface EformsLot {
  id: string;
  title: string | null;
  description: null;
  status: null;
  cpvCodes: string[];
  estimatedValueCents: number | null;
  valueCents: number | null;
  currency: string | null;
}

export interface EformsAward {
  awardId: string;
  title: string | null;
  status: string | null;
  date: string | null;
  valueCents: number | null;
  currency: string | null;
  suppliers: { id: string | null; name: string }[];
}

export interface EformsBuyer {
  ref: string;
  name: string;
  city: string | null;
  postcode: string | null;
}

/** One usable notice, as the import writes it. */
export interface EformsTender {
  procedureId: string;
  noticeId: string;
  noticeType: string;
  /** planning, competition or result (the notice type's list). */
  form: 'planning' | 'competition' | 'result';
  issuedAt: string | null;
  status: TenderStatus;
  title: string;
  description: string;
  translations: TenderTranslations;
  buyer: EformsBuyer;
  mainProcurementCategory: 'goods' | 'services' | 'works' | null;
  cpvCodes: string[];
  lots: EformsLot[];
  estimatedValueCents: number | null;
  currency: string;
  postcode: string | null;
  nutsCode: string | null;
  deadline: string | null;
  reserved: TenderReservation | null;
  strategicProcurement: string[];
  socialObjectives: string[];
  awards: EformsAward[];
  noticeUrl: string | null;
}

/** The notice roots the product reads (UBL 2.3 main documents of the eForms SDK). */
export const NOTICE_ROOTS = ['ContractNotice', 'ContractAwardNotice', 'PriorInformationNotice'] as const;
export type NoticeRoot = (typeof NOTICE_ROOTS)[number];

const RESERVED: Record<string, TenderReservation> = {
  'res-ws': 'sheltered_workshops',
  'res-pub-ser': 'public_service_mission',
};

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 20_000;

type Child = XmlNode | string;

function kids(node: Child | undefined, name: string): Child[] {
  if (!node || typeof node === 'string') return [];
  const v = node[name];
  return Array.isArray(v) ? v : [];
}

/** Child elements along a path of names, with their XPath-like paths. */
function walk(node: Child, path: string, names: string[]): { node: Child; path: string }[] {
  let current = [{ node, path }];
  for (const name of names) {
    const next: { node: Child; path: string }[] = [];
    for (const c of current)
      kids(c.node, name).forEach((k, i) => next.push({ node: k, path: `${c.path}/${name}[${i + 1}]` }));
    current = next;
  }
  return current;
}

function text(node: Child | undefined): string | null {
  if (node === undefined) return null;
  const raw = typeof node === 'string' ? node : typeof node['#text'] === 'string' ? node['#text'] : '';
  const t = decodeXmlText(String(raw)).trim();
  return t === '' ? null : t;
}

function attr(node: Child | undefined, name: string): string | null {
  if (!node || typeof node === 'string') return null;
  const v = node[`@_${name}`];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function firstText(node: Child, names: string[]): string | null {
  for (const hit of walk(node, '', names)) {
    const t = text(hit.node);
    if (t) return t;
  }
  return null;
}

/** Amount as integer cents (decimal text, never through a float product); null when not a plain decimal. */
export function eformsCents(value: string | null): number | null {
  if (!value || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  const [whole, frac = ''] = value.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) return null;
  return value.startsWith('-') ? -n : n;
}

/** Texts by eForms language (three-letter codes: NLD, ENG). */
function byLanguage(nodes: Child[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of nodes) {
    const t = text(n);
    if (!t) continue;
    const lang = (attr(n, 'languageID') ?? '').toUpperCase();
    if (!out.has(lang)) out.set(lang, t);
  }
  return out;
}

function pick(texts: Map<string, string>): string | null {
  return texts.get('NLD') ?? texts.get('ENG') ?? texts.values().next().value ?? null;
}

/** A date (YYYY-MM-DD) of an eForms date with its offset (`2020-01-06+01:00`). */
function dateOf(value: string | null): string | null {
  const m = value?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m ? m[1] : null;
}

/** An instant of an eForms date and time with their offsets; null when unreadable. */
function instantOf(date: string | null, time: string | null): string | null {
  const d = date?.match(/^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/);
  if (!d) return null;
  const t = time?.match(/^(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
  const iso = `${d[1]}T${t ? t[1] : '00:00:00'}${(t ? t[2] : d[2]) ?? 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function codeLabel(
  list: 'reserved-procurement' | 'social-objective' | 'strategic-procurement',
  code: string,
): CodeLabel {
  return EFORMS_CODELISTS[list][code] ?? { en: code, nl: code };
}

/** `{ code, labelNl, labelEn }` for each code of a list, for the API. */
export function labelled(
  list: 'social-objective' | 'strategic-procurement',
  codes: string[] | null | undefined,
): { code: string; labelNl: string; labelEn: string }[] {
  return (codes ?? []).map((code) => {
    const l = codeLabel(list, code);
    return { code, labelNl: l.nl, labelEn: l.en };
  });
}

function formOf(noticeType: string, listName: string | null, root: NoticeRoot): EformsTender['form'] {
  if (listName === 'planning' || listName === 'competition' || listName === 'result') return listName;
  if (root === 'ContractAwardNotice' || /^(can|veat)/.test(noticeType)) return 'result';
  if (/^pin-(cfc|rtl)/.test(noticeType) || /^(cn|qu|subco)/.test(noticeType)) return 'competition';
  return 'planning';
}

const CATEGORY: Record<string, EformsTender['mainProcurementCategory']> = {
  goods: 'goods',
  services: 'services',
  works: 'works',
};

/**
 * Maps one parsed notice (its root element) to what the import writes, with the product's own checks: a notice
 * without a procedure id, a title or a buyer name, an empty identifier, or a lot without a CPV code is reported at
 * its path (the schemas allow empty elements; the notice is not usable without them). `tender` is null when the
 * notice cannot be imported.
 */
export function mapNotice(
  name: string,
  rootName: NoticeRoot,
  root: XmlNode,
  knownCpv: (code: string) => boolean = () => true,
): { tender: EformsTender | null; problems: EformsProblem[] } {
  const problems: EformsProblem[] = [];
  const at = `/${rootName}`;
  const problem = (
    path: string,
    code: EformsProblemCode,
    message: string,
    params: EformsProblemParams = {},
  ) => problems.push({ notice: name, path, code, params, message });
  let usable = true;

  // Every identifier the product uses must have a value.
  const emptyIds = (node: Child, path: string) => {
    if (typeof node === 'string') return;
    for (const [k, v] of Object.entries(node)) {
      if (!Array.isArray(v)) continue;
      v.forEach((c, i) => {
        const p = `${path}/${k}[${i + 1}]`;
        if (k === 'cbc:ID' && text(c) === null) {
          problem(p, EformsProblemCode.EmptyIdentifier, 'empty identifier');
          usable = false;
        } else emptyIds(c, p);
      });
    }
  };
  emptyIds(root, at);

  const procedureId = text(kids(root, 'cbc:ContractFolderID')[0]);
  if (!procedureId) {
    problem(
      `${at}/cbc:ContractFolderID[1]`,
      EformsProblemCode.MissingProcedureId,
      'no procedure id (cbc:ContractFolderID)',
    );
    usable = false;
  }
  const noticeIdRaw = text(kids(root, 'cbc:ID')[0]);
  const version = text(kids(root, 'cbc:VersionID')[0]);
  const typeNode = kids(root, 'cbc:NoticeTypeCode')[0];
  const noticeType = text(typeNode) ?? '';
  if (!noticeType) {
    problem(
      `${at}/cbc:NoticeTypeCode[1]`,
      EformsProblemCode.MissingNoticeType,
      'no notice type (cbc:NoticeTypeCode)',
    );
    usable = false;
  }
  const form = formOf(noticeType, attr(typeNode, 'listName'), rootName);

  // The organisations of the notice, by id.
  const orgs = new Map<
    string,
    { name: string | null; city: string | null; postcode: string | null; path: string }
  >();
  const ext = ['ext:UBLExtensions', 'ext:UBLExtension', 'ext:ExtensionContent', 'efext:EformsExtension'];
  for (const o of walk(root, at, [...ext, 'efac:Organizations', 'efac:Organization', 'efac:Company'])) {
    const id = firstText(o.node, ['cac:PartyIdentification', 'cbc:ID']);
    if (!id) continue;
    orgs.set(id, {
      name: firstText(o.node, ['cac:PartyName', 'cbc:Name']),
      city: firstText(o.node, ['cac:PostalAddress', 'cbc:CityName']),
      postcode: firstText(o.node, ['cac:PostalAddress', 'cbc:PostalZone']),
      path: o.path,
    });
  }
  const buyerHit = walk(root, at, [
    'cac:ContractingParty',
    'cac:Party',
    'cac:PartyIdentification',
    'cbc:ID',
  ])[0];
  const buyerId = buyerHit ? text(buyerHit.node) : null;
  const buyerOrg = buyerId ? orgs.get(buyerId) : undefined;
  if (!buyerOrg?.name) {
    problem(
      buyerOrg ? `${buyerOrg.path}/cac:PartyName[1]/cbc:Name[1]` : `${at}/cac:ContractingParty[1]`,
      EformsProblemCode.MissingBuyerName,
      'no buyer name',
    );
    usable = false;
  }

  // The procedure and its lots.
  const project = kids(root, 'cac:ProcurementProject')[0];
  const titles = byLanguage(kids(project, 'cbc:Name'));
  const descriptions = byLanguage(kids(project, 'cbc:Description'));
  const lotNodes = walk(root, at, ['cac:ProcurementProjectLot']);
  const lotTitles = lotNodes.map((l) =>
    byLanguage(walk(l.node, '', ['cac:ProcurementProject', 'cbc:Name']).map((h) => h.node)),
  );
  const title = pick(titles) ?? lotTitles.map(pick).find((t) => t) ?? null;
  if (!title) {
    problem(`${at}/cac:ProcurementProject[1]/cbc:Name[1]`, EformsProblemCode.MissingTitle, 'no title');
    usable = false;
  }

  const cpvOf = (node: Child, path: string, required: boolean): string[] => {
    const hits = [
      ...walk(node, path, ['cac:MainCommodityClassification', 'cbc:ItemClassificationCode']),
      ...walk(node, path, ['cac:AdditionalCommodityClassification', 'cbc:ItemClassificationCode']),
    ];
    const codes: string[] = [];
    for (const h of hits) {
      const list = attr(h.node, 'listName');
      if (list && list !== 'cpv') continue;
      const code = text(h.node);
      if (!code) continue;
      const eight = code.replace(/-\d$/, '');
      if (!/^\d{8}$/.test(eight) || !knownCpv(eight)) {
        problem(h.path, EformsProblemCode.UnknownCpvCode, `unknown CPV code ${code}`, { code });
        continue;
      }
      if (!codes.includes(eight)) codes.push(eight);
    }
    if (required && !codes.length) {
      problem(
        `${path}/cac:MainCommodityClassification[1]/cbc:ItemClassificationCode[1]`,
        EformsProblemCode.LotWithoutCpv,
        'the lot has no CPV code',
      );
      usable = false;
    }
    return codes;
  };
  const procedureCpv = project ? cpvOf(project, `${at}/cac:ProcurementProject[1]`, false) : [];

  const lots: EformsLot[] = [];
  const reservedCodes = new Set<string>();
  const strategic = new Set<string>();
  const social = new Set<string>();
  const deadlines: string[] = [];
  let postcode: string | null = null;
  let nuts: string | null = null;
  const additional = (node: Child | undefined) => {
    for (const h of walk(node ?? {}, '', ['cac:ProcurementAdditionalType', 'cbc:ProcurementTypeCode'])) {
      const code = text(h.node);
      const list = attr(h.node, 'listName');
      if (!code) continue;
      if (list === 'strategic-procurement' && code !== 'none') strategic.add(code);
      if (list === 'social-objective') social.add(code);
    }
  };
  const place = (node: Child | undefined) => {
    for (const loc of walk(node ?? {}, '', ['cac:RealizedLocation', 'cac:Address'])) {
      postcode ??= firstText(loc.node, ['cbc:PostalZone']);
      nuts ??= firstText(loc.node, ['cbc:CountrySubentityCode']);
    }
  };
  additional(project);
  place(project);
  let currency: string | null = null;
  const amount = (node: Child | undefined): number | null => {
    const hit = walk(node ?? {}, '', ['cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount'])[0];
    if (!hit) return null;
    currency ??= attr(hit.node, 'currencyID');
    return eformsCents(text(hit.node));
  };
  let total = amount(project);

  lotNodes.forEach((lot, i) => {
    // A group of lots (schemeName LotsGroup) is no lot of its own.
    if (attr(kids(lot.node, 'cbc:ID')[0], 'schemeName') === 'LotsGroup') return;
    const lotProject = kids(lot.node, 'cac:ProcurementProject')[0];
    const lotPath = `${lot.path}/cac:ProcurementProject[1]`;
    const id = text(kids(lot.node, 'cbc:ID')[0]) ?? `LOT-${i + 1}`;
    // A part of a prior-information notice (schemeName Part) need not be classified like a lot.
    const isLot = (attr(kids(lot.node, 'cbc:ID')[0], 'schemeName') ?? 'Lot') === 'Lot';
    const cpvCodes = cpvOf(lotProject ?? {}, lotPath, isLot);
    additional(lotProject);
    place(lotProject);
    const value = amount(lotProject);
    for (const r of walk(lot.node, '', [
      'cac:TenderingTerms',
      'cac:TendererQualificationRequest',
      'cac:SpecificTendererRequirement',
      'cbc:TendererRequirementTypeCode',
    ]))
      if (attr(r.node, 'listName') === 'reserved-procurement' && text(r.node))
        reservedCodes.add(text(r.node)!);
    const end = walk(lot.node, '', [
      'cac:TenderingProcess',
      'cac:TenderSubmissionDeadlinePeriod',
      'cbc:EndDate',
    ])[0];
    const d = dateOf(end ? text(end.node) : null);
    if (d) deadlines.push(d);
    lots.push({
      id,
      title: pick(lotTitles[i])?.slice(0, MAX_TITLE) ?? null,
      description: null,
      status: null,
      cpvCodes,
      estimatedValueCents: value,
      valueCents: value,
      currency: value !== null ? currency : null,
    });
  });
  // Procedure-level reservation (prior-information notices state it there too).
  for (const r of walk(root, '', [
    'cac:TenderingTerms',
    'cac:TendererQualificationRequest',
    'cac:SpecificTendererRequirement',
    'cbc:TendererRequirementTypeCode',
  ]))
    if (attr(r.node, 'listName') === 'reserved-procurement' && text(r.node)) reservedCodes.add(text(r.node)!);
  const reserved = reservedCodes.has('res-ws')
    ? 'sheltered_workshops'
    : reservedCodes.has('res-pub-ser')
      ? 'public_service_mission'
      : null;
  for (const c of reservedCodes)
    if (c !== 'none' && !RESERVED[c])
      problem(
        `${at}/cac:ProcurementProjectLot`,
        EformsProblemCode.UnknownReservedCode,
        `unknown reserved-procurement code ${c}`,
        { code: c },
      );
  if (total === null) {
    const lotValues = lots.map((l) => l.estimatedValueCents).filter((v): v is number => v !== null);
    total = lotValues.length ? lotValues.reduce((a, b) => a + b, 0) : null;
  }

  // Awards (result notices): one per winning lot result.
  const awards: EformsAward[] = [];
  const results = walk(root, at, [...ext, 'efac:NoticeResult'])[0];
  if (results) {
    const tenders = new Map<string, Child>();
    for (const lt of kids(results.node, 'efac:LotTender')) {
      const id = text(kids(lt, 'cbc:ID')[0]);
      if (id) tenders.set(id, lt);
    }
    const parties = new Map<string, string[]>();
    for (const tp of kids(results.node, 'efac:TenderingParty')) {
      const id = text(kids(tp, 'cbc:ID')[0]);
      if (!id) continue;
      parties.set(
        id,
        kids(tp, 'efac:Tenderer')
          .map((t) => text(kids(t, 'cbc:ID')[0]))
          .filter((t): t is string => !!t),
      );
    }
    const contractDates = new Map<string, string | null>();
    for (const sc of kids(results.node, 'efac:SettledContract')) {
      const id = text(kids(sc, 'cbc:ID')[0]);
      if (id) contractDates.set(id, dateOf(text(kids(sc, 'cbc:IssueDate')[0])));
    }
    for (const lr of kids(results.node, 'efac:LotResult')) {
      if (text(kids(lr, 'cbc:TenderResultCode')[0]) !== 'selec-w') continue;
      const awardId = text(kids(lr, 'cbc:ID')[0]);
      if (!awardId) continue;
      const lotId = firstText(lr, ['efac:TenderLot', 'cbc:ID']);
      const suppliers: EformsAward['suppliers'] = [];
      let valueCents: number | null = null;
      let awardCurrency: string | null = null;
      for (const ref of kids(lr, 'efac:LotTender')) {
        const lt = tenders.get(text(kids(ref, 'cbc:ID')[0]) ?? '');
        if (!lt) continue;
        const pay = walk(lt, '', ['cac:LegalMonetaryTotal', 'cbc:PayableAmount'])[0];
        if (pay) {
          const cents = eformsCents(text(pay.node));
          if (cents !== null) valueCents = (valueCents ?? 0) + cents;
          awardCurrency ??= attr(pay.node, 'currencyID');
        }
        const party = firstText(lt, ['efac:TenderingParty', 'cbc:ID']);
        for (const orgId of parties.get(party ?? '') ?? []) {
          const org = orgs.get(orgId);
          if (org?.name && !suppliers.some((s) => s.id === orgId))
            suppliers.push({ id: orgId, name: org.name });
        }
      }
      const contract = firstText(lr, ['efac:SettledContract', 'cbc:ID']);
      const date = contract ? (contractDates.get(contract) ?? null) : null;
      awards.push({
        awardId,
        title: lotId ? (lots.find((l) => l.id === lotId)?.title ?? lotId) : null,
        status: 'active',
        date: date ? `${date}T00:00:00.000Z` : null,
        valueCents,
        currency: awardCurrency,
        suppliers,
      });
    }
  }

  const issuedAt = instantOf(text(kids(root, 'cbc:IssueDate')[0]), text(kids(root, 'cbc:IssueTime')[0]));
  const publication = walk(root, '', [...ext, 'efac:Publication', 'efbc:NoticePublicationID'])[0];
  const publicationId = publication ? text(publication.node) : null;
  const noticeUrl = publicationId
    ? `https://ted.europa.eu/en/notice/-/detail/${encodeURIComponent(publicationId.replace(/^0+/, ''))}`
    : null;

  if (!usable || !procedureId || !title || !buyerOrg?.name) return { tender: null, problems };
  const cpvCodes = [...new Set([...procedureCpv, ...lots.flatMap((l) => l.cpvCodes)])];
  const status: TenderStatus = form === 'result' ? 'awarded' : form === 'competition' ? 'active' : 'draft';
  return {
    tender: {
      procedureId: procedureId.slice(0, 300),
      noticeId: `${noticeIdRaw ?? ''}${version ? `-${version}` : ''}`.slice(0, 120),
      noticeType: noticeType.slice(0, 40),
      form,
      issuedAt,
      status,
      title: title.slice(0, MAX_TITLE),
      description: (pick(descriptions) ?? '').slice(0, MAX_DESCRIPTION),
      translations: {
        titleNl: titles.get('NLD')?.slice(0, MAX_TITLE) ?? null,
        titleEn: titles.get('ENG')?.slice(0, MAX_TITLE) ?? null,
        descriptionNl: descriptions.get('NLD')?.slice(0, MAX_DESCRIPTION) ?? null,
        descriptionEn: descriptions.get('ENG')?.slice(0, MAX_DESCRIPTION) ?? null,
      },
      buyer: {
        ref: buyerRef(buyerOrg.name, buyerOrg.postcode),
        name: buyerOrg.name.slice(0, 200),
        city: buyerOrg.city?.slice(0, 100) ?? null,
        postcode: buyerOrg.postcode?.slice(0, 7) ?? null,
      },
      mainProcurementCategory: CATEGORY[text(kids(project, 'cbc:ProcurementTypeCode')[0]) ?? ''] ?? null,
      cpvCodes,
      lots,
      estimatedValueCents: total,
      currency: (currency ?? 'EUR').slice(0, 3).toUpperCase(),
      postcode: (postcode as string | null)?.slice(0, 7) ?? null,
      nutsCode: (nuts as string | null)?.slice(0, 10) ?? null,
      deadline: deadlines.sort()[0] ?? null,
      reserved,
      strategicProcurement: [...strategic],
      socialObjectives: [...social],
      awards,
      noticeUrl,
    },
    problems,
  };
}

/** One external buyer organisation per buyer name and postcode, found again on later imports. */
export function buyerRef(name: string, postcode: string | null): string {
  const key = `${name.trim().toLowerCase()}|${(postcode ?? '').replace(/\s/g, '').toLowerCase()}`;
  return `eforms-buyer:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** What an import stores for a tender, hashed: the same notice again is recognised and changes nothing. */
export function eformsFingerprint(t: EformsTender): string {
  return createHash('sha256').update(JSON.stringify(t)).digest('hex');
}
