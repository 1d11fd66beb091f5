import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOfferingHidden1795379550675 implements MigrationInterface {
  name = 'AddOfferingHidden1795379550675';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offering" ADD "hidden" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "offering" o SET "hidden" = true FROM "social_enterprise_profile" p WHERE p."organisation_id" = o."organisation_id" AND NOT p."published"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offering" DROP COLUMN "hidden"`);
  }
}
