import type { MainProcurementCategory, OcdsLot, TenderSource, TenderStatus } from '@app/database';
import { createHash } from 'node:crypto';

/** Pure platform → OCDS 1.1 mapping: one tender (with its award and contract) as a release package. */

export interface ExportParty {
  /** The platform's organisation id (or, for a supplier known by name only, its published id). */
  id: string;
  name: string;
  kvkNumber?: string | null;
  city?: string | null;
}

export interface ExportAward {
  id: string;
  title?: string | null;
  status: string | null;
  date: string | null;
  valueCents: number | null;
  currency: string | null;
  suppliers: ExportParty[];
  contractPeriod?: { startDate: string; endDate: string } | null;
}

export interface ExportContract {
  id: string;
  awardId: string;
  valueCents: number;
  currency: string;
  period: { startDate: string; endDate: string };
  dateSigned: string;
  status: 'active' | 'terminated';
  socialReturn?: {
    policy: { id: string; name: string | null; version: string | null };
    applicable: boolean;
    reason: string | null;
    percentage: number;
    amountCents: number;
    dueDate: string;
  } | null;
}

export interface ExportTender {
  id: string;
  source: TenderSource;
  /** Imported tenders keep their own ocid. */
  ocid: string | null;
  title: string;
  description: string;
  status: TenderStatus;
  ocdsStatus: string | null;
  mainProcurementCategory: MainProcurementCategory | null;
  estimatedValueCents: number | null;
  currency: string;
  tenderPeriodEnd: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  labourShare: number | null;
  suitability: { sme: boolean | null; vcse: boolean | null };
  lots: OcdsLot[] | null;
  items: { position: number; description: string; cpvCode: string; label: string | null }[];
  sroi: {
    policyId: string;
    policyName: string | null;
    policyVersion: string | null;
    percentage: number | null;
  } | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ExportInput {
  tender: ExportTender;
  buyer: ExportParty;
  awards: ExportAward[];
  contracts: ExportContract[];
  ocidPrefix: string;
  publisherName: string;
  /** e.g. `https://host/api/v1`: the package uri and the extension URLs are built on it. */
  apiBaseUrl: string;
}

export const SOCIAL_RETURN_EXTENSION_PATH = '/ocds/extensions/social_return/extension.json';
const SUITABILITY_EXTENSION =
  'https://raw.githubusercontent.com/Crown-Commercial-Service/ocds_tender_suitability_extension/master/extension.json';
const LOTS_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json';

export function platformOcid(prefix: string, tenderId: string): string {
  return `${prefix}-${tenderId}`;
}

// Closed codelists of OCDS 1.1: a published value outside them is left out rather than exported invalid.
const TENDER_STATUS_CODES = [
  'planning',
  'planned',
  'active',
  'cancelled',
  'unsuccessful',
  'complete',
  'withdrawn',
];
const AWARD_STATUS_CODES = ['pending', 'active', 'cancelled', 'unsuccessful'];

function codeIn(list: string[], v: string | null | undefined): string | null {
  return v && list.includes(v) ? v : null;
}

/** OCDS tender.status of a platform tender. */
function ocdsTenderStatus(t: ExportTender): string {
  const published = t.source === 'ocds' ? codeIn(TENDER_STATUS_CODES, t.ocdsStatus) : null;
  if (published) return published;
  switch (t.status) {
    case 'draft':
      return 'planning';
    case 'active':
      return 'active';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'complete';
  }
}

/** Money in OCDS: the amount in the currency's main unit (euros, not cents). */
export function ocdsValue(cents: number, currency: string): { amount: number; currency: string } {
  return { amount: cents / 100, currency };
}

function startOfDay(d: string): string {
  return `${d}T00:00:00Z`;
}

function endOfDay(d: string): string {
  return `${d}T23:59:59Z`;
}

function partyId(p: ExportParty): string {
  return p.kvkNumber ? `NL-KVK-${p.kvkNumber}` : p.id;
}

function party(p: ExportParty, roles: string[]): Record<string, unknown> {
  return {
    id: partyId(p),
    name: p.name,
    ...(p.kvkNumber ? { identifier: { scheme: 'NL-KVK', id: p.kvkNumber, legalName: p.name } } : {}),
    ...(p.city ? { address: { locality: p.city, countryName: 'Netherlands' } } : {}),
    roles,
  };
}

/** An OCDS 1.1 release package as the export writes it: one release, the extensions it uses. */
export interface OcdsReleasePackage {
  uri: string;
  version: '1.1';
  extensions?: string[];
  publishedDate: string;
  publisher: { name: string };
  releases: Record<string, unknown>[];
}

/**
 * The release package of one tender. The release id is derived from the release's content, so it is stable while
 * nothing changes and new with every change (OCDS: a release id is unique within its ocid).
 */
export function tenderReleasePackage(input: ExportInput): OcdsReleasePackage {
  const { tender: t } = input;
  const ocid = t.ocid ?? platformOcid(input.ocidPrefix, t.id);
  const base = input.apiBaseUrl.replace(/\/+$/, '');

  const parties = new Map<string, Record<string, unknown>>();
  const addParty = (p: ExportParty, roles: string[]) => {
    const id = partyId(p);
    const existing = parties.get(id);
    if (existing) existing.roles = [...new Set([...(existing.roles as string[]), ...roles])];
    else parties.set(id, party(p, roles));
  };
  addParty(input.buyer, ['buyer', 'procuringEntity']);
  for (const a of input.awards) for (const s of a.suppliers) addParty(s, ['supplier']);

  const tender: Record<string, unknown> = {
    id: `${ocid}-tender`,
    title: t.title,
    ...(t.description ? { description: t.description } : {}),
    status: ocdsTenderStatus(t),
    ...(t.mainProcurementCategory ? { mainProcurementCategory: t.mainProcurementCategory } : {}),
    items: t.items.map((i) => ({
      id: String(i.position + 1),
      description: i.description,
      classification: { scheme: 'CPV', id: i.cpvCode, ...(i.label ? { description: i.label } : {}) },
    })),
    ...(t.estimatedValueCents !== null ? { value: ocdsValue(t.estimatedValueCents, t.currency) } : {}),
    ...(t.tenderPeriodEnd ? { tenderPeriod: { endDate: endOfDay(t.tenderPeriodEnd) } } : {}),
    ...(t.contractStart && t.contractEnd
      ? { contractPeriod: { startDate: startOfDay(t.contractStart), endDate: endOfDay(t.contractEnd) } }
      : {}),
    procuringEntity: { id: partyId(input.buyer), name: input.buyer.name },
    ...(t.suitability.sme !== null || t.suitability.vcse !== null
      ? {
          suitability: {
            ...(t.suitability.sme !== null ? { sme: t.suitability.sme } : {}),
            ...(t.suitability.vcse !== null ? { vcse: t.suitability.vcse } : {}),
          },
        }
      : {}),
    ...(t.lots?.length
      ? {
          lots: t.lots.map((l) => ({
            id: l.id,
            ...(l.title ? { title: l.title } : {}),
            ...(l.description ? { description: l.description } : {}),
            ...(codeIn(TENDER_STATUS_CODES, l.status) ? { status: l.status } : {}),
            ...(l.valueCents !== null && l.currency ? { value: ocdsValue(l.valueCents, l.currency) } : {}),
          })),
        }
      : {}),
    ...(t.sroi
      ? {
          socialReturn: {
            policy: { id: t.sroi.policyId, name: t.sroi.policyName, version: t.sroi.policyVersion },
            percentage: t.sroi.percentage,
            labourShare: t.labourShare,
          },
        }
      : {}),
  };

  const awards = input.awards.map((a) => ({
    id: a.id,
    ...(a.title ? { title: a.title } : {}),
    ...(codeIn(AWARD_STATUS_CODES, a.status) ? { status: a.status } : {}),
    ...(a.date ? { date: a.date } : {}),
    ...(a.valueCents !== null && a.currency ? { value: ocdsValue(a.valueCents, a.currency) } : {}),
    suppliers: a.suppliers.map((s) => ({ id: partyId(s), name: s.name })),
    ...(a.contractPeriod
      ? {
          contractPeriod: {
            startDate: startOfDay(a.contractPeriod.startDate),
            endDate: endOfDay(a.contractPeriod.endDate),
          },
        }
      : {}),
  }));

  const contracts = input.contracts.map((c) => ({
    id: c.id,
    awardID: c.awardId,
    status: c.status,
    value: ocdsValue(c.valueCents, c.currency),
    period: { startDate: startOfDay(c.period.startDate), endDate: endOfDay(c.period.endDate) },
    dateSigned: c.dateSigned,
    ...(c.socialReturn
      ? {
          socialReturn: {
            policy: c.socialReturn.policy,
            applicable: c.socialReturn.applicable,
            reason: c.socialReturn.reason,
            percentage: c.socialReturn.percentage,
            amount: ocdsValue(c.socialReturn.amountCents, c.currency),
            dueDate: endOfDay(c.socialReturn.dueDate),
          },
        }
      : {}),
  }));

  const tag = ['tender', ...(awards.length ? ['award'] : []), ...(contracts.length ? ['contract'] : [])];
  const body: Record<string, unknown> = {
    ocid,
    date: t.updatedAt,
    tag,
    initiationType: 'tender',
    language: 'nl',
    parties: [...parties.values()],
    buyer: { id: partyId(input.buyer), name: input.buyer.name },
    tender,
    ...(awards.length ? { awards } : {}),
    ...(contracts.length ? { contracts } : {}),
  };
  const id = `${ocid}-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)}`;

  const extensions = [
    ...(t.sroi || input.contracts.some((c) => c.socialReturn)
      ? [`${base}${SOCIAL_RETURN_EXTENSION_PATH}`]
      : []),
    ...(tender.suitability ? [SUITABILITY_EXTENSION] : []),
    ...(tender.lots ? [LOTS_EXTENSION] : []),
  ];
  return {
    uri: `${base}/tenders/${t.id}/ocds`,
    version: '1.1',
    ...(extensions.length ? { extensions } : {}),
    publishedDate: t.updatedAt,
    publisher: { name: input.publisherName },
    releases: [{ id, ...body }],
  };
}
