import { decodeCursor, encodeCursor, pageLimit, todayInNl, ValidationFailedError } from '@app/common';
import { CertificationType, rawPool, rawQuery, rawRead, TargetGroup } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DirectoryErrorCode } from './directory.errors';
import { ReferenceDataService } from './reference-data.service';
import { offeringHit, type OfferingHit, type OfferingRow, type SearchCertification } from './search-hits';
import { commonTerms, LexemeShares, nameTerms, searchTerms } from './search-text';
import {
  cursorKey,
  cursorShape,
  enterpriseSearchSql,
  LEXEME_SHARES_SQL,
  LEXICON_SQL,
  lexiconValues,
  prefixWords,
  offeringSearchSql,
  resolveSort,
  SearchFilters,
  SearchSort,
  SqlQuery,
} from './search.sql';

export interface SearchInput {
  q?: string;
  cpv?: string;
  postcode?: string;
  radiusKm?: number;
  certification?: CertificationType;
  targetGroup?: TargetGroup;
  limit?: number;
  cursor?: string;
  sort?: SearchSort;
}

export interface EnterpriseHit {
  id: string;
  name: string;
  kvkNumber: string | null;
  city: string | null;
  postcode: string;
  mission: string | null;
  targetGroups: string[];
  certifications: SearchCertification[];
  distanceKm: number | null;
  score: number;
}

interface EnterpriseRow {
  id: string;
  name: string;
  kvk_number: string | null;
  city: string | null;
  postcode: string;
  mission: string | null;
  target_groups: string[];
  score: number;
  distance_km: number | null;
  sort_distance: number | null;
  sort_updated_at: string | null;
  certifications: SearchCertification[];
}

/** How long the word statistics are kept before they are read again (they change with ANALYZE). */
const LEXEME_SHARES_TTL_MS = 10 * 60_000;

/** The directory search (offerings and enterprises): filters resolved here, SQL in search.sql.ts. */
@Injectable()
export class SearchService {
  private shares: { at: number; value: Promise<LexemeShares> } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  async filters(input: SearchInput): Promise<SearchFilters> {
    if (input.radiusKm !== undefined && !input.postcode) {
      throw new ValidationFailedError('radiusKm needs a postcode', [
        {
          field: 'radiusKm',
          code: DirectoryErrorCode.RadiusWithoutPostcode,
          message: 'give a postcode to search around',
        },
      ]);
    }
    if (input.sort === 'distance' && !input.postcode) {
      throw new ValidationFailedError('sort=distance needs a postcode', [
        {
          field: 'sort',
          code: DirectoryErrorCode.DistanceSortWithoutPostcode,
          message: 'give a postcode to sort by distance from',
        },
      ]);
    }
    const q = input.q?.trim();
    const terms = searchTerms(q);
    const area = input.postcode ? await this.reference.resolvePostcode(input.postcode) : undefined;
    const point = area ? { lat: area.lat, lon: area.lon } : undefined;
    const sort = resolveSort(input.sort, terms.length > 0, point !== undefined);
    const cursor = decodeCursor(input.cursor, cursorShape(sort, point !== undefined));
    return {
      terms,
      commonTerms: commonTerms(terms, await this.lexemeShares()),
      prefixWords: await this.prefixWords(terms),
      nameTerms: nameTerms(terms),
      cpv: input.cpv ? await this.reference.normaliseCpvCode(input.cpv, 'cpv') : undefined,
      point,
      radiusKm: input.radiusKm,
      certification: input.certification,
      targetGroup: input.targetGroup,
      today: todayInNl(),
      limit: pageLimit(input.limit),
      sort,
      after: cursor,
    };
  }

  async offerings(input: SearchInput): Promise<{ items: OfferingHit[]; nextCursor: string | null }> {
    const f = await this.filters(input);
    const rows = await this.run<OfferingRow>(offeringSearchSql(f));
    const display = await this.reference.codeDisplay();
    const items = rows.slice(0, f.limit).map((r) => offeringHit(r, display));
    return { items, nextCursor: this.next(rows, f) };
  }

  async enterprises(input: SearchInput): Promise<{ items: EnterpriseHit[]; nextCursor: string | null }> {
    const f = await this.filters(input);
    const rows = await this.run<EnterpriseRow>(enterpriseSearchSql(f));
    const items = rows.slice(0, f.limit).map((r) => ({
      id: r.id,
      name: r.name,
      kvkNumber: r.kvk_number,
      city: r.city,
      postcode: r.postcode,
      mission: r.mission,
      targetGroups: r.target_groups,
      certifications: r.certifications,
      distanceKm: r.distance_km,
      score: r.score,
    }));
    return { items, nextCursor: this.next(rows, f) };
  }

  /** The statistics of the search documents' words, read at most every ten minutes (none: every word rare). */
  private lexemeShares(): Promise<LexemeShares> {
    if (!this.shares || Date.now() - this.shares.at > LEXEME_SHARES_TTL_MS) {
      const value = this.ds
        .query<{ lexeme: string; share: number }[]>(LEXEME_SHARES_SQL)
        .then((rows) => new Map(rows.map((r) => [r.lexeme, r.share])) as LexemeShares)
        .catch(() => new Map() as LexemeShares);
      this.shares = { at: Date.now(), value };
    }
    return this.shares.value;
  }

  /** The document words each term is a prefix of, so the full-text index is asked for exact words. */
  private async prefixWords(terms: string[]): Promise<Record<string, string[]> | undefined> {
    if (terms.length === 0) return undefined;
    const rows = await rawQuery<{ i: number; word: string }>(
      rawPool(this.ds),
      LEXICON_SQL,
      lexiconValues(terms),
    );
    return prefixWords(terms, rows);
  }

  /**
   * The search statements are reads on the hottest public route: they run on the pool's connections directly
   * (TypeORM's query runner around each one cost more than the rest of the route's own code).
   */
  private run<T>(q: SqlQuery): Promise<T[]> {
    return rawRead<T>(rawPool(this.ds), q.text, q.values, q.begin);
  }

  private next(rows: SortedRow[], f: SearchFilters): string | null {
    if (rows.length <= f.limit) return null;
    return encodeCursor(cursorKey(f.sort, f.point !== undefined, rows[f.limit - 1]));
  }
}

type SortedRow = { id: string; score: number; sort_distance: number | null; sort_updated_at: string | null };
