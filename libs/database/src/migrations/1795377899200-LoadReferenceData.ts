import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

const DATA = join(__dirname, '..', 'reference-data');

async function insertBatches(
  q: QueryRunner,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const size = 500;
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await q.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/**
 * Loads the CPV 2008 list (9,454 codes, EN and NL) and the Dutch PC4 areas from files copied from
 * ../shared/data (sources and licences in the README). A PC4 spanning several municipalities has several
 * GeoNames rows: we keep the centroid of their coordinates and the names of the first row.
 */
export class LoadReferenceData1795377899200 implements MigrationInterface {
  name = 'LoadReferenceData1795377899200';

  async up(q: QueryRunner): Promise<void> {
    const cpv = parse(readFileSync(join(DATA, 'cpv2008_en_nl.csv')), {
      columns: true,
      skip_empty_lines: true,
    }) as {
      code: string;
      check_digit: string;
      level: string;
      parent: string;
      label_en: string;
      label_nl: string;
    }[];
    if (cpv.length !== 9454) throw new Error(`expected 9454 CPV codes, read ${cpv.length}`);
    await insertBatches(
      q,
      'cpv_code',
      ['code', 'check_digit', 'level', 'parent', 'label_en', 'label_nl'],
      cpv.map((r) => [r.code, r.check_digit, r.level, r.parent || null, r.label_en, r.label_nl]),
    );

    const areas = new Map<
      string,
      { place: string; municipality: string; province: string; lats: number[]; lons: number[] }
    >();
    for (const line of readFileSync(join(DATA, 'geonames-postalcodes-NL-pc4.tsv'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const f = line.split('\t');
      const [pc4, place, province, municipality, lat, lon] = [
        f[1],
        f[2],
        f[3],
        f[5],
        Number(f[9]),
        Number(f[10]),
      ];
      if (!/^\d{4}$/.test(pc4) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const a = areas.get(pc4) ?? { place, municipality, province, lats: [], lons: [] };
      a.lats.push(lat);
      a.lons.push(lon);
      areas.set(pc4, a);
    }
    const mean = (xs: number[]): number =>
      Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 1e5) / 1e5;
    await insertBatches(
      q,
      'postcode_area',
      ['pc4', 'place', 'municipality', 'province', 'lat', 'lon'],
      [...areas].map(([pc4, a]) => [pc4, a.place, a.municipality, a.province, mean(a.lats), mean(a.lons)]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "postcode_area"');
    await q.query('DELETE FROM "cpv_code"');
  }
}
