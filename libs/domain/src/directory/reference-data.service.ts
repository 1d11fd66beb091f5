import { ValidationFailedError, pc4Of } from '@app/common';
import { CpvCodeEntity, PostcodeAreaEntity, rawPool, rawQuery } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseCpvInput } from './cpv-input';
import { DirectoryErrorCode } from './directory.errors';
import { searchTerms } from './search-text';
import { POSTCODE_AREA_SQL } from './search.sql';

export interface CpvTreeNode {
  code: string;
  checkDigit: string;
  parent: string | null;
}

/** CPV codes and Dutch postcode areas. The CPV tree (9,454 rows) is read once and kept in memory. */
@Injectable()
export class ReferenceDataService {
  private tree: Promise<Map<string, CpvTreeNode>> | undefined;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  cpvTree(): Promise<Map<string, CpvTreeNode>> {
    this.tree ??= this.ds
      .query<{ code: string; check_digit: string; parent: string | null }[]>(
        'SELECT code, check_digit, parent FROM cpv_code',
      )
      .then(
        (rows) =>
          new Map(rows.map((r) => [r.code, { code: r.code, checkDigit: r.check_digit, parent: r.parent }])),
      )
      .catch((err) => {
        this.tree = undefined;
        throw err;
      });
    return this.tree;
  }

  /**
   * Normalises CPV input to 8-digit codes, by lookup: unknown codes and wrong check digits are a 400 that
   * names each offending value and its position.
   */
  async normaliseCpvCodes(
    inputs: string[],
    field: string,
    fieldOf = (i: number) => `${field}[${i}]`,
  ): Promise<string[]> {
    const tree = await this.cpvTree();
    const problems: { field: string; code: string; message: string; value: string }[] = [];
    const codes: string[] = [];
    inputs.forEach((input, i) => {
      const parsed = parseCpvInput(String(input));
      const at = fieldOf(i);
      if (!parsed) {
        problems.push({
          field: at,
          code: DirectoryErrorCode.InvalidCpvCode,
          value: String(input),
          message: `${input} is not a CPV code (expected 12345678 or 12345678-9)`,
        });
        return;
      }
      const node = tree.get(parsed.code);
      if (!node) {
        problems.push({
          field: at,
          code: DirectoryErrorCode.UnknownCpvCode,
          value: String(input),
          message: `${parsed.code} is not in the CPV 2008 list`,
        });
        return;
      }
      if (parsed.checkDigit !== null && parsed.checkDigit !== node.checkDigit) {
        problems.push({
          field: at,
          code: DirectoryErrorCode.UnknownCpvCode,
          value: String(input),
          message: `${input}: the CPV 2008 list has ${node.code}-${node.checkDigit}`,
        });
        return;
      }
      if (!codes.includes(parsed.code)) codes.push(parsed.code);
    });
    if (problems.length) {
      throw new ValidationFailedError(
        `Unknown CPV code: ${problems.map((p) => p.value).join(', ')}`,
        problems,
        DirectoryErrorCode.UnknownCpvCode,
      );
    }
    return codes;
  }

  async normaliseCpvCode(input: string, field: string): Promise<string> {
    return (await this.normaliseCpvCodes([input], field, () => field))[0];
  }

  /** Each code plus all its ancestors up to the division, for the subtree filter. */
  async ancestorsOf(codes: string[]): Promise<string[]> {
    const tree = await this.cpvTree();
    const out = new Set<string>();
    for (const code of codes) {
      let node = tree.get(code);
      while (node && !out.has(node.code)) {
        out.add(node.code);
        node = node.parent ? tree.get(node.parent) : undefined;
      }
    }
    return [...out].sort();
  }

  async displayCode(code: string): Promise<string> {
    const node = (await this.cpvTree()).get(code);
    return node ? `${code}-${node.checkDigit}` : code;
  }

  async displayCodes(codes: string[]): Promise<string[]> {
    return (await this.codeDisplay())(codes);
  }

  /** `displayCodes` as a plain function, for a page of rows: the tree is awaited once, not once per row. */
  async codeDisplay(): Promise<(codes: string[]) => string[]> {
    const tree = await this.cpvTree();
    return (codes) => codes.map((c) => (tree.has(c) ? `${c}-${tree.get(c)!.checkDigit}` : c));
  }

  /** Lookup by code prefix (digits) or by words in Dutch or English (prefix matching, accents ignored). */
  async searchCpv(q: string, limit: number): Promise<CpvCodeEntity[]> {
    const repo = this.ds.getRepository(CpvCodeEntity);
    const digits = q
      .replace(/^cpv\s*/i, '')
      .replace(/-\d$/, '')
      .trim();
    if (/^\d{1,8}$/.test(digits)) {
      return repo
        .createQueryBuilder('c')
        .where('c.code LIKE :p', { p: `${digits}%` })
        .orderBy('c.code', 'ASC')
        .limit(limit)
        .getMany();
    }
    const terms = searchTerms(q);
    if (!terms.length) return [];
    const params: Record<string, string> = {};
    const tsq = terms
      .map((t, i) => {
        params[`t${i}`] = `${t}:*`;
        return `(to_tsquery('simple', :t${i}) || to_tsquery('dutch', :t${i}) || to_tsquery('english', :t${i}))`;
      })
      .join(' && ');
    // Broad codes first among equally good matches: a division is a better answer than one of its leaves.
    return repo
      .createQueryBuilder('c')
      .where(`c.search_doc @@ (${tsq})`, params)
      .orderBy(`ts_rank_cd(c.search_doc, ${tsq}, 1)`, 'DESC')
      .addOrderBy("length(rtrim(c.code, '0'))", 'ASC')
      .addOrderBy('c.code', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** A PC4 or full postcode → its PC4 area (400 UNKNOWN_POSTCODE when the area does not exist). */
  async resolvePostcode(postcode: string, field = 'postcode'): Promise<PostcodeAreaEntity> {
    // One read of reference data on the search route's hot path: straight on the pool, as the search itself.
    const [area] = await rawQuery<PostcodeAreaEntity>(rawPool(this.ds), POSTCODE_AREA_SQL, [pc4Of(postcode)]);
    if (!area) {
      throw new ValidationFailedError(
        `Unknown postcode ${postcode}`,
        [
          {
            field,
            code: DirectoryErrorCode.UnknownPostcode,
            message: `${postcode} is not a known Dutch postcode area`,
          },
        ],
        DirectoryErrorCode.UnknownPostcode,
      );
    }
    return area;
  }
}
