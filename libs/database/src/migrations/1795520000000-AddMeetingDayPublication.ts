import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A meeting day's schedule is published by its officer: `published_revision` is the schedule revision the
 * registrants see (0 until the first publish), `published_at` when it was published.
 */
export class AddMeetingDayPublication1795520000000 implements MigrationInterface {
  name = 'AddMeetingDayPublication1795520000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_event" ADD "published_revision" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "meeting_event" ADD "published_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_event" DROP COLUMN "published_at"`);
    await q.query(`ALTER TABLE "meeting_event" DROP COLUMN "published_revision"`);
  }
}
