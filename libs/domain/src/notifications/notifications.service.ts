import { NotificationEntity, OrganisationEntity } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';

const WELCOME: Record<OrganisationEntity['kind'], string> = {
  buyer: 'Welkom bij Buy Social. Leg uw SROI-beleid vast en koppel het aan uw aanbestedingen.',
  contractor: 'Welkom bij Buy Social. Hier ziet u uw SROI-verplichtingen en vindt u sociale ondernemingen.',
  social_enterprise: 'Welkom bij Buy Social. Vul uw profiel en aanbod aan zodat opdrachtnemers u vinden.',
};

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Idempotent: a second run for the same organisation finds the dedupe key taken and does nothing. */
  async welcomeOrganisation(organisationId: string): Promise<void> {
    const org = await this.ds.getRepository(OrganisationEntity).findOne({ where: { id: organisationId } });
    if (!org) {
      this.logger.warn({ organisationId }, 'organisation gone; welcome skipped');
      return;
    }
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        organisationId,
        dedupeKey: `welcome-${organisationId}`,
        kind: 'welcome',
        message: WELCOME[org.kind],
      })
      .orIgnore()
      .execute();
  }

  /** Idempotent by dedupe key. */
  async notify(job: {
    organisationId: string;
    kind: string;
    message: string;
    dedupeKey: string;
  }): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        organisationId: job.organisationId,
        dedupeKey: job.dedupeKey,
        kind: job.kind,
        message: job.message,
      })
      .orIgnore()
      .execute();
  }

  list(actor: Actor): Promise<NotificationEntity[]> {
    if (!actor.organisationId) return Promise.resolve([]);
    return this.ds
      .getRepository(NotificationEntity)
      .find({ where: { organisationId: actor.organisationId }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
