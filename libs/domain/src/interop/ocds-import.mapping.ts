import type { MainProcurementCategory, OcdsLot, OcdsSupplier, TenderStatus } from '@app/database';
import { createHash } from 'node:crypto';
import { parseCpvInput } from '../directory/cpv-input';
import type { SchemaError } from './ocds-schema';

/** Pure OCDS → platform mapping: merging the releases of one contracting process and reading a tender from it. */

type Json = unknown;
type Obj = Record<string, Json>;

export interface ImportedItem {
  description: string;
  /** 8 digits, known in the CPV list. */
  cpvCode: string;
}

export interface ImportedAward {
  awardId: string;
  title: string | null;
  status: string | null;
  date: string | null;
  valueCents: number | null;
  currency: string | null;
  suppliers: OcdsSupplier[];
}

export interface ImportedBuyer {
  /** Identifies the organisation across imports: `ocds:<scheme>-<id>`, else `ocds-name:<lower-case name>`. */
  ref: string;
  name: string;
}

/** What the platform keeps of one contracting process (the merge of its releases). */
export interface ImportedTender {
  ocid: string;
  releaseId: string | null;
  releaseDate: string | null;
  title: string;
  description: string;
  ocdsStatus: string | null;
  status: TenderStatus;
  mainProcurementCategory: MainProcurementCategory | null;
  valueCents: number | null;
  currency: string | null;
  tenderPeriodEnd: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  items: ImportedItem[];
  lots: OcdsLot[];
  buyer: ImportedBuyer | null;
  buyerName: string | null;
  suitability: { sme: boolean | null; vcse: boolean | null };
  awards: ImportedAward[];
}

export interface CpvLookup {
  /** The check digit of a known 8-digit code; undefined when the code is not in the CPV list. */
  (code: string): string | undefined;
}

export const MAX_TITLE = 300;
export const MAX_ITEM_DESCRIPTION = 1000;
const MAX_NAME = 300;
const MAX_REF = 400;

/** Usable releases can become a tender: an ocid and a tender with a title (after merging). */
export function isUsable(compiled: Json): boolean {
  return (
    isObj(compiled) &&
    nonEmpty(compiled.ocid) !== null &&
    isObj(compiled.tender) &&
    nonEmpty(compiled.tender.title) !== null
  );
}

/**
 * Merges the releases of one ocid, oldest first (by `date`, then position), so later values win. OCDS merge
 * rules: objects merge field by field, arrays of objects with `id` merge by id, any other value is replaced, and
 * an explicit null removes the field.
 */
export function mergeReleases(releases: Json[]): Obj {
  const ordered = releases
    .map((r, i) => ({ r, i, t: isObj(r) ? dateMillis(r.date) : null }))
    .sort((a, b) => (a.t ?? -Infinity) - (b.t ?? -Infinity) || a.i - b.i);
  let out: Obj = {};
  for (const { r } of ordered) if (isObj(r)) out = mergeValue(out, r) as Obj;
  return out;
}

function mergeValue(prev: Json, next: Json): Json {
  if (next === null) return undefined;
  if (isObj(next)) {
    const out: Obj = isObj(prev) ? { ...prev } : {};
    for (const [k, v] of Object.entries(next)) {
      const merged = mergeValue(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
    return out;
  }
  if (Array.isArray(next) && next.length > 0 && next.every((e) => isObj(e) && isId(e.id))) {
    const out: Json[] = Array.isArray(prev) && prev.every((e) => isObj(e) && isId(e.id)) ? [...prev] : [];
    for (const e of next as Obj[]) {
      const at = out.findIndex((p) => String((p as Obj).id) === String(e.id));
      if (at >= 0) out[at] = mergeValue(out[at], e);
      else out.push(mergeValue(undefined, e));
    }
    return out;
  }
  return next;
}

/**
 * Every CPV classification of one release's items and of its tender itself that the CPV list does not know, with
 * its JSON Pointer. Checked per release (before merging) so the path points into the package as uploaded.
 */
export function unknownCpvCodes(
  release: Json,
  prefix: string,
  lookup: CpvLookup,
): (SchemaError & { value: string })[] {
  const out: (SchemaError & { value: string })[] = [];
  const tender = isObj(release) && isObj(release.tender) ? release.tender : undefined;
  const items = tender && Array.isArray(tender.items) ? tender.items : [];
  const classifications = [
    ...items.flatMap((item, i) => cpvClassifications(item, `${prefix}/tender/items/${i}`)),
    ...cpvClassifications(tender, `${prefix}/tender`),
  ];
  for (const { path, id } of classifications) {
    const parsed = parseCpvInput(id);
    const known = parsed ? lookup(parsed.code) : undefined;
    if (!parsed)
      out.push({
        path,
        value: id,
        message: `"${id}" is not a CPV code (8 digits, optionally with a check digit)`,
      });
    else if (known === undefined) out.push({ path, value: id, message: `unknown CPV code ${id}` });
    else if (parsed.checkDigit !== null && parsed.checkDigit !== known)
      out.push({
        path,
        value: id,
        message: `CPV code ${id} has the wrong check digit (the list has ${parsed.code}-${known})`,
      });
  }
  return out;
}

/**
 * The CPV classifications of an item, or of a tender itself (`tender.classification`, as UK publishers such as
 * Contracts Finder and Sell2Wales write it, and `tender.additionalClassifications`).
 */
function cpvClassifications(
  item: Json,
  base: string,
): { path: string; id: string; description: string | null }[] {
  if (!isObj(item)) return [];
  const out: { path: string; id: string; description: string | null }[] = [];
  const take = (c: Json, path: string) => {
    if (isObj(c) && typeof c.scheme === 'string' && c.scheme.trim().toUpperCase() === 'CPV' && isId(c.id))
      out.push({ path: `${path}/id`, id: String(c.id).trim(), description: nonEmpty(c.description) });
  };
  take(item.classification, `${base}/classification`);
  if (Array.isArray(item.additionalClassifications))
    item.additionalClassifications.forEach((c, j) => take(c, `${base}/additionalClassifications/${j}`));
  return out;
}

/**
 * Reads the platform's tender from a merged release. Problems that make a field unusable (a period that ends
 * before it starts, an amount that is no number of cents) are returned with the JSON Pointer given as `at`.
 */
export function mapCompiledRelease(
  compiled: Obj,
  ctx: { lookup: CpvLookup; publisherName: string | null; at: string },
): { tender: ImportedTender; problems: SchemaError[] } {
  const problems: SchemaError[] = [];
  const tender = (isObj(compiled.tender) ? compiled.tender : {}) as Obj;
  const parties = (Array.isArray(compiled.parties) ? compiled.parties : []).filter(isObj);
  const partyById = (id: Json) =>
    isId(id) ? parties.find((p) => isId(p.id) && String(p.id) === String(id)) : undefined;

  const value = money(tender.value, `${ctx.at}/tender/value`, problems);
  let contractStart = dateOnly(isObj(tender.contractPeriod) ? tender.contractPeriod.startDate : null);
  let contractEnd = dateOnly(isObj(tender.contractPeriod) ? tender.contractPeriod.endDate : null);
  if (contractStart && contractEnd && contractEnd < contractStart) {
    problems.push({
      path: `${ctx.at}/tender/contractPeriod`,
      message: `endDate ${contractEnd} is before startDate ${contractStart}; the contract period is left out`,
    });
    contractStart = contractEnd = null;
  }
  const awards = (Array.isArray(compiled.awards) ? compiled.awards : []).filter(isObj).flatMap((a, i) => {
    if (!isId(a.id)) return [];
    const v = money(a.value, `${ctx.at}/awards/${i}/value`, problems);
    const suppliers = (Array.isArray(a.suppliers) ? a.suppliers : []).filter(isObj).flatMap((s) => {
      const name = nonEmpty(s.name) ?? nonEmpty(partyById(s.id)?.name);
      return name
        ? [{ id: isId(s.id) ? clip(String(s.id), MAX_NAME) : null, name: clip(name, MAX_NAME) }]
        : [];
    });
    return [
      {
        awardId: clip(String(a.id), MAX_NAME),
        title: clipOrNull(nonEmpty(a.title), MAX_NAME),
        status: clipOrNull(nonEmpty(a.status), 30),
        date: isoTimestamp(a.date),
        valueCents: v.cents,
        currency: v.currency,
        suppliers,
      },
    ];
  });
  const ocdsStatus = nonEmpty(tender.status);
  const buyer = buyerOf(compiled, parties, ctx.publisherName);
  return {
    tender: {
      ocid: clip(String(compiled.ocid), MAX_NAME),
      releaseId: isId(compiled.id) ? clip(String(compiled.id), MAX_NAME) : null,
      releaseDate: isoTimestamp(compiled.date),
      title: clip(nonEmpty(tender.title) ?? '', MAX_TITLE),
      description: nonEmpty(tender.description) ?? '',
      ocdsStatus: clipOrNull(ocdsStatus, 30),
      status: platformStatus(ocdsStatus, awards),
      mainProcurementCategory: category(tender.mainProcurementCategory),
      valueCents: value.cents,
      currency: value.currency,
      tenderPeriodEnd: dateOnly(isObj(tender.tenderPeriod) ? tender.tenderPeriod.endDate : null),
      contractStart,
      contractEnd,
      items: itemsOf(tender, ctx.lookup),
      lots: lotsOf(tender, `${ctx.at}/tender/lots`, problems),
      buyer,
      buyerName: buyer?.name ?? null,
      suitability: {
        sme:
          isObj(tender.suitability) && typeof tender.suitability.sme === 'boolean'
            ? tender.suitability.sme
            : null,
        vcse:
          isObj(tender.suitability) && typeof tender.suitability.vcse === 'boolean'
            ? tender.suitability.vcse
            : null,
      },
      awards,
    },
    problems,
  };
}

/** A stable fingerprint of what an import stores: equal fingerprints mean a re-import changes nothing. */
export function fingerprint(t: ImportedTender): string {
  return createHash('sha256').update(JSON.stringify(t)).digest('hex');
}

/**
 * OCDS tender status → platform status. Planned processes are not open yet (kept as drafts, which only the
 * buyer's officers could see: nobody, for an external buyer); an active tender with an active award is awarded.
 */
export function platformStatus(ocdsStatus: string | null, awards: { status: string | null }[]): TenderStatus {
  switch (ocdsStatus) {
    case 'planning':
    case 'planned':
      return 'draft';
    case 'complete':
      return 'complete';
    case 'cancelled':
    case 'unsuccessful':
    case 'withdrawn':
      return 'cancelled';
    default:
      return awards.some((a) => a.status === 'active') ? 'awarded' : 'active';
  }
}

/** An amount in the currency's main unit → integer cents; the currency is kept as given. */
export function toCents(amount: Json): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const cents = Math.round(amount * 100);
  return Number.isSafeInteger(cents) && cents >= 0 ? cents : null;
}

function money(
  v: Json,
  path: string,
  problems: SchemaError[],
): { cents: number | null; currency: string | null } {
  if (!isObj(v)) return { cents: null, currency: null };
  const currency = typeof v.currency === 'string' && /^[A-Z]{3}$/.test(v.currency) ? v.currency : null;
  if (v.amount === undefined || v.amount === null) return { cents: null, currency };
  const cents = toCents(v.amount);
  if (cents === null)
    problems.push({
      path: `${path}/amount`,
      message: 'not a non-negative amount that fits in cents; left out',
    });
  return { cents, currency };
}

/**
 * The tender's CPV codes as items: each item's known codes, then the codes of the tender's own classification that
 * no item has (a UK notice often classifies only the tender, its items having none), described by the
 * classification's description or else the tender's title.
 */
function itemsOf(tender: Obj, lookup: CpvLookup): ImportedItem[] {
  const out: ImportedItem[] = [];
  const title = nonEmpty(tender.title) ?? '';
  const known = (id: string): string | null => {
    const parsed = parseCpvInput(id);
    const check = parsed ? lookup(parsed.code) : undefined;
    if (!parsed || check === undefined || (parsed.checkDigit !== null && parsed.checkDigit !== check))
      return null;
    return parsed.code;
  };
  for (const item of Array.isArray(tender.items) ? tender.items : []) {
    const seen = new Set<string>();
    for (const { id } of cpvClassifications(item, '')) {
      const code = known(id);
      if (code === null || seen.has(code)) continue;
      seen.add(code);
      const it = item as Obj;
      const text =
        nonEmpty(it.description) ??
        nonEmpty(isObj(it.classification) ? it.classification.description : null) ??
        title;
      out.push({ description: clip(text, MAX_ITEM_DESCRIPTION), cpvCode: code });
    }
  }
  const onItems = new Set(out.map((i) => i.cpvCode));
  for (const { id, description } of cpvClassifications(tender, '')) {
    const code = known(id);
    if (code === null || onItems.has(code)) continue;
    onItems.add(code);
    // The tender's own description is about the whole tender: its classification's words, else the title.
    out.push({ description: clip(description ?? title, MAX_ITEM_DESCRIPTION), cpvCode: code });
  }
  return out;
}

function lotsOf(tender: Obj, path: string, problems: SchemaError[]): OcdsLot[] {
  return (Array.isArray(tender.lots) ? tender.lots : []).flatMap((lot, i) => {
    if (!isObj(lot) || !isId(lot.id)) return [];
    const v = money(lot.value, `${path}/${i}/value`, problems);
    return [
      {
        id: clip(String(lot.id), MAX_NAME),
        title: clipOrNull(nonEmpty(lot.title), MAX_TITLE),
        description: nonEmpty(lot.description),
        status: clipOrNull(nonEmpty(lot.status), 30),
        valueCents: v.cents,
        currency: v.currency,
      },
    ];
  });
}

/**
 * The buyer: `buyer` (or the first party with the buyer role), identified by its organisation identifier when the
 * publisher gives one, else by name; a process without a named buyer is attributed to the publisher.
 */
export function buyerOf(compiled: Obj, parties: Obj[], publisherName: string | null): ImportedBuyer | null {
  const ref = isObj(compiled.buyer) ? compiled.buyer : undefined;
  const party =
    (ref && isId(ref.id) ? parties.find((p) => isId(p.id) && String(p.id) === String(ref.id)) : undefined) ??
    parties.find((p) => Array.isArray(p.roles) && p.roles.includes('buyer'));
  const name =
    nonEmpty(ref?.name) ??
    nonEmpty(party?.name) ??
    nonEmpty(isObj(party?.identifier) ? party.identifier.legalName : null);
  const identifier = isObj(party?.identifier)
    ? party.identifier
    : isObj(ref?.identifier)
      ? ref.identifier
      : undefined;
  if (name) {
    const scheme = nonEmpty(identifier?.scheme);
    const id = isId(identifier?.id) ? String(identifier!.id).trim() : null;
    return {
      ref: clip(scheme && id ? `ocds:${scheme}-${id}` : `ocds-name:${normaliseName(name)}`, MAX_REF),
      name: clip(name, 200),
    };
  }
  return publisherName
    ? { ref: clip(`ocds-name:${normaliseName(publisherName)}`, MAX_REF), name: clip(publisherName, 200) }
    : null;
}

function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function category(v: Json): MainProcurementCategory | null {
  return v === 'goods' || v === 'services' || v === 'works' ? v : null;
}

/** `YYYY-MM-DD` of an OCDS date-time, as written (the publisher's own calendar day). */
export function dateOnly(v: Json): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  if (!m) return null;
  // A real calendar day in years PostgreSQL and the engine read the same way (year 0000 or 2023-02-30 is no date:
  // left out, not stored, so one release's odd date never fails the import).
  const d = new Date(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[1]) return null;
  if (m[1] < '1900-01-01' || m[1] > '2999-12-31') return null;
  return m[1];
}

function isoTimestamp(v: Json): string | null {
  const t = dateMillis(v);
  return t === null ? null : new Date(t).toISOString();
}

function dateMillis(v: Json): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

function nonEmpty(v: Json): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function isId(v: Json): v is string | number {
  return (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

function clipOrNull(s: string | null, max: number): string | null {
  return s === null ? null : clip(s, max);
}

function isObj(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
