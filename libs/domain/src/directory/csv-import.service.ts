import {
  BOUNDS,
  BusinessRuleError,
  KVK_PATTERN,
  normalisePostcode,
  POSTCODE_OR_PC4_PATTERN,
} from '@app/common';
import {
  OfferingEntity,
  OrganisationEntity,
  SocialEnterpriseProfileEntity,
  retryingTransaction,
  TARGET_GROUPS,
  TargetGroup,
} from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, In } from 'typeorm';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import { parseCpvInput } from './cpv-input';
import { DirectoryErrorCode } from './directory.errors';
import { ReferenceDataService } from './reference-data.service';

/**
 * Documented columns of the bulk import (header row required, comma-separated, UTF-8). One row per offering;
 * rows with the same kvk_number belong to one enterprise (its fields are taken from its first row). Lists
 * inside a cell are separated by `;`.
 */
export const IMPORT_COLUMNS = [
  'kvk_number',
  'name',
  'postcode',
  'city',
  'mission',
  'target_groups',
  'fte_total',
  'fte_target_group',
  'website',
  'offering_title',
  'offering_description',
  'cpv_codes',
  'price_indication_cents',
  'unit',
  'labour_share',
  'delivery_postcode',
  'delivery_radius_km',
] as const;
const REQUIRED = ['kvk_number', 'name', 'postcode'] as const;

export interface RejectedRow {
  row: number;
  kvkNumber: string | null;
  reasons: string[];
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  enterprises: number;
  offerings: number;
  rejected: RejectedRow[];
}

interface ParsedRow {
  line: number;
  kvk: string;
  name: string;
  postcode: string;
  city: string | null;
  mission: string;
  targetGroups: TargetGroup[];
  fteTotal: number;
  fteTargetGroup: number;
  website: string | null;
  offering: null | {
    title: string;
    description: string;
    cpvCodes: string[];
    priceIndicationCents: number | null;
    unit: string | null;
    labourShare: number | null;
    deliveryPostcode: string | null;
    deliveryRadiusKm: number | null;
  };
}

const num = (v: string | undefined): number | null =>
  v === undefined || v.trim() === '' ? null : Number(v.trim());

/**
 * All or nothing: every row is validated first; if any row is rejected nothing is imported and the answer
 * lists every rejected row with its reasons. A partial import would leave the admin to work out which rows
 * made it before correcting and re-sending the file; with all-or-nothing the corrected file is simply sent
 * again. `dryRun` validates without writing.
 */
@Injectable()
export class CsvImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly matching: MatchingTriggers,
  ) {}

  async importSocialEnterprises(csv: string, dryRun = false): Promise<ImportResult> {
    let records: Record<string, string>[];
    try {
      records = parse(csv, {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        bom: true,
        trim: true,
      });
    } catch (err) {
      throw new BusinessRuleError(
        DirectoryErrorCode.ImportRejected,
        `The file is not valid CSV: ${(err as Error).message}`,
      );
    }
    if (records.length === 0)
      throw new BusinessRuleError(DirectoryErrorCode.ImportRejected, 'The file has no data rows');
    const header = Object.keys(records[0]);
    const missing = REQUIRED.filter((c) => !header.includes(c));
    const unknown = header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
    if (missing.length || unknown.length) {
      throw new BusinessRuleError(
        DirectoryErrorCode.ImportRejected,
        'The header does not match the documented columns',
        [
          ...missing.map((c) => ({ field: c, message: `missing column ${c}` })),
          ...unknown.map((c) => ({ field: c, message: `unknown column ${c}` })),
        ],
      );
    }

    const tree = await this.reference.cpvTree();
    const rejected: RejectedRow[] = [];
    const parsed: ParsedRow[] = [];
    records.forEach((r, i) => {
      const line = i + 2; // the header is line 1
      const reasons: string[] = [];
      const kvk = r.kvk_number ?? '';
      if (!KVK_PATTERN.test(kvk)) reasons.push('kvk_number must be exactly 8 digits');
      if (!r.name) reasons.push('name is required');
      if ((r.name ?? '').length > 200) reasons.push('name is longer than 200 characters');
      if (!POSTCODE_OR_PC4_PATTERN.test(r.postcode ?? '')) reasons.push('postcode is not a Dutch postcode');
      const targetGroups = (r.target_groups ?? '')
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean);
      for (const t of targetGroups) {
        if (!(TARGET_GROUPS as readonly string[]).includes(t)) reasons.push(`unknown target group ${t}`);
      }
      const fteTotal = num(r.fte_total) ?? 0;
      const fteTargetGroup = num(r.fte_target_group) ?? 0;
      if (!Number.isFinite(fteTotal) || fteTotal < 0) reasons.push('fte_total must be a non-negative number');
      if (!Number.isFinite(fteTargetGroup) || fteTargetGroup < 0)
        reasons.push('fte_target_group must be a non-negative number');
      if (fteTargetGroup > fteTotal) reasons.push('fte_target_group exceeds fte_total');
      let offering: ParsedRow['offering'] = null;
      if (r.offering_title) {
        const cpvCodes: string[] = [];
        const cpvRaw = (r.cpv_codes ?? '')
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean);
        if (!cpvRaw.length) reasons.push('an offering needs at least one CPV code');
        for (const c of cpvRaw) {
          const p = parseCpvInput(c);
          const node = p ? tree.get(p.code) : undefined;
          if (!p || !node || (p.checkDigit !== null && p.checkDigit !== node.checkDigit))
            reasons.push(`unknown CPV code ${c}`);
          else if (!cpvCodes.includes(p.code)) cpvCodes.push(p.code);
        }
        const price = num(r.price_indication_cents);
        const priceBound = BOUNDS.priceIndicationCents;
        if (
          price !== null &&
          (!Number.isSafeInteger(price) || price < priceBound.min || price > priceBound.max)
        )
          reasons.push(
            `price_indication_cents must be whole cents from ${priceBound.min} to ${priceBound.max}`,
          );
        const share = num(r.labour_share);
        if (share !== null && !(share >= 0 && share <= 1))
          reasons.push('labour_share must be between 0 and 1');
        const radius = num(r.delivery_radius_km);
        if (radius !== null && !(Number.isInteger(radius) && radius >= 0 && radius <= 500))
          reasons.push('delivery_radius_km must be 0..500');
        if (r.delivery_postcode && !POSTCODE_OR_PC4_PATTERN.test(r.delivery_postcode))
          reasons.push('delivery_postcode is not a Dutch postcode');
        offering = {
          title: r.offering_title.slice(0, 200),
          description: r.offering_description ?? '',
          cpvCodes,
          priceIndicationCents: price,
          unit: r.unit || null,
          labourShare: share,
          deliveryPostcode: r.delivery_postcode ? normalisePostcode(r.delivery_postcode) : null,
          deliveryRadiusKm: radius,
        };
      }
      if (reasons.length) {
        rejected.push({ row: line, kvkNumber: kvk || null, reasons });
        return;
      }
      parsed.push({
        line,
        kvk,
        name: r.name,
        postcode: normalisePostcode(r.postcode),
        city: r.city || null,
        mission: r.mission ?? '',
        targetGroups: targetGroups as TargetGroup[],
        fteTotal,
        fteTargetGroup,
        website: r.website || null,
        offering,
      });
    });

    const kvks = [...new Set(parsed.map((p) => p.kvk))];
    const existing = kvks.length
      ? await this.ds
          .getRepository(OrganisationEntity)
          .find({ where: { kvkNumber: In(kvks) }, select: { kvkNumber: true } })
      : [];
    const taken = new Set(existing.map((o) => o.kvkNumber));
    const areas = new Map<string, { lat: number; lon: number }>(
      (
        await this.ds.query<{ pc4: string; lat: number; lon: number }[]>(
          'SELECT pc4, lat, lon FROM postcode_area',
        )
      ).map((a) => [a.pc4, a]),
    );
    for (const p of parsed) {
      const reasons: string[] = [];
      if (taken.has(p.kvk)) reasons.push(`an organisation with KvK number ${p.kvk} already exists`);
      if (p.offering?.deliveryPostcode && !areas.has(p.offering.deliveryPostcode.slice(0, 4))) {
        reasons.push('delivery_postcode is not a known postcode area');
      }
      if (reasons.length) rejected.push({ row: p.line, kvkNumber: p.kvk, reasons });
    }
    rejected.sort((a, b) => a.row - b.row);
    const groups = new Map<string, ParsedRow[]>();
    for (const p of parsed) groups.set(p.kvk, [...(groups.get(p.kvk) ?? []), p]);
    const offerings = parsed.filter((p) => p.offering).length;
    const result: ImportResult = {
      dryRun,
      rows: records.length,
      enterprises: groups.size,
      offerings,
      rejected,
    };
    if (rejected.length) {
      throw new BusinessRuleError(
        DirectoryErrorCode.ImportRejected,
        `${rejected.length} of ${records.length} rows are invalid; nothing was imported`,
        rejected.map((r) => ({
          row: r.row,
          kvkNumber: r.kvkNumber,
          message: r.reasons.join('; '),
          reasons: r.reasons,
        })),
      );
    }
    if (dryRun) return result;

    // New enterprises only (no other write holds their rows); the triggers' match_state rows are shared with
    // other writes, so a lost race runs the import's transaction again.
    await retryingTransaction(
      this.ds,
      async (m) => {
        const imported: string[] = [];
        for (const [kvk, rows] of groups) {
          const first = rows[0];
          const org = await m.getRepository(OrganisationEntity).save({
            kind: 'social_enterprise' as const,
            name: first.name,
            kvkNumber: kvk,
            postcode: first.postcode,
            city: first.city,
          });
          imported.push(org.id);
          await m.getRepository(SocialEnterpriseProfileEntity).insert({
            organisationId: org.id,
            mission: first.mission,
            targetGroups: first.targetGroups,
            fteTotal: first.fteTotal,
            fteTargetGroup: first.fteTargetGroup,
            website: first.website,
          });
          for (const row of rows) {
            if (!row.offering) continue;
            const o = row.offering;
            const at = areas.get((o.deliveryPostcode ?? first.postcode).slice(0, 4));
            await m.getRepository(OfferingEntity).insert({
              organisationId: org.id,
              title: o.title,
              description: o.description,
              cpvCodes: o.cpvCodes,
              cpvAncestors: await this.reference.ancestorsOf(o.cpvCodes),
              priceIndicationCents: o.priceIndicationCents,
              unit: o.unit,
              labourShare: o.labourShare,
              deliveryPostcode: o.deliveryPostcode,
              deliveryRadiusKm: o.deliveryRadiusKm,
              lat: at?.lat ?? null,
              lon: at?.lon ?? null,
            });
          }
        }
        await this.matching.enterprisesChanged(m, imported);
      },
      { label: 'enterprise CSV import' },
    );
    return result;
  }
}
