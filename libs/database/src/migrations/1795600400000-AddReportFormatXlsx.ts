import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports for people: `xlsx` joins the report formats (one sheet per table, words and euro amounts). */
export class AddReportFormatXlsx1795600400000 implements MigrationInterface {
  name = 'AddReportFormatXlsx1795600400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."report_format" ADD VALUE IF NOT EXISTS 'xlsx'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "report" WHERE "format" = 'xlsx'`);
    await q.query(`ALTER TYPE "public"."report_format" RENAME TO "report_format_old"`);
    await q.query(`CREATE TYPE "public"."report_format" AS ENUM('pdf', 'csv', 'json')`);
    await q.query(
      `ALTER TABLE "report" ALTER COLUMN "format" TYPE "public"."report_format" USING "format"::text::"public"."report_format"`,
    );
    await q.query(`DROP TYPE "public"."report_format_old"`);
  }
}
