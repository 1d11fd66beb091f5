import { ForbiddenError, NotFoundError, ValidationFailedError, normalisePostcode } from '@app/common';
import {
  CertificationEntity,
  OfferingEntity,
  OrganisationEntity,
  retryingTransaction,
  SocialEnterpriseProfileEntity,
  TargetGroup,
} from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import { DirectoryErrorCode } from './directory.errors';
import { lockEnterpriseOf, lockEnterprises } from './enterprise-lock';
import { ReferenceDataService } from './reference-data.service';

export interface ProfileInput {
  mission: string;
  targetGroups: TargetGroup[];
  fteTotal: number;
  fteTargetGroup: number;
  website?: string | null;
  serviceRadiusKm?: number | null;
  published?: boolean;
}

export interface OfferingInput {
  title: string;
  description?: string;
  cpvCodes: string[];
  priceIndicationCents?: number | null;
  unit?: string | null;
  labourShare?: number | null;
  deliveryPostcode?: string | null;
  deliveryRadiusKm?: number | null;
  capacityCentsPerMonth?: number | null;
}

export interface PublicProfile {
  organisation: OrganisationEntity;
  profile: SocialEnterpriseProfileEntity | null;
  certifications: CertificationEntity[];
  offerings: OfferingEntity[];
}

@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly matching: MatchingTriggers,
  ) {}

  /** Anyone may read a published profile; the enterprise itself and admins also see an unpublished one. */
  async publicProfile(
    actor: Actor | undefined,
    organisationId: string,
    today: string,
  ): Promise<PublicProfile> {
    const organisation = await findVisible(this.ds.manager, OrganisationEntity, organisationId, {
      visible: (o) => o.kind === 'social_enterprise',
      notFound: enterpriseNotFound,
    });
    const profile = await this.ds
      .getRepository(SocialEnterpriseProfileEntity)
      .findOne({ where: { organisationId } });
    const own = actor?.organisationId === organisationId || actor?.role === 'admin';
    if (profile && !profile.published && !own) throw enterpriseNotFound();
    const certifications = await this.ds
      .getRepository(CertificationEntity)
      .createQueryBuilder('c')
      .where('c.organisation_id = :organisationId', { organisationId })
      .andWhere(
        own ? 'TRUE' : "c.status <> 'rejected' AND (c.valid_until IS NULL OR c.valid_until >= :today)",
        { today },
      )
      .orderBy('c.type')
      .addOrderBy('c.valid_from', 'DESC')
      .getMany();
    const offerings = await this.ds
      .getRepository(OfferingEntity)
      .find({ where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { organisation, profile, certifications, offerings };
  }

  async upsertProfile(
    actor: Actor,
    organisationId: string,
    input: ProfileInput,
  ): Promise<SocialEnterpriseProfileEntity> {
    await this.ownSocialEnterprise(actor, organisationId);
    if (input.fteTargetGroup > input.fteTotal) {
      throw new ValidationFailedError('fteTargetGroup exceeds fteTotal', [
        {
          field: 'fteTargetGroup',
          code: DirectoryErrorCode.FteInconsistent,
          message: 'fteTargetGroup must not exceed fteTotal',
        },
      ]);
    }
    const published = input.published ?? true;
    // Writes for one enterprise queue on its organisation row first (enterprise-lock.ts); a transaction that still
    // loses a race with other enterprises' writes is run again.
    return retryingTransaction(
      this.ds,
      async (m) => {
        await lockEnterprises(m, [organisationId]);
        const repo = m.getRepository(SocialEnterpriseProfileEntity);
        await repo.upsert(
          {
            organisationId,
            mission: input.mission.trim(),
            targetGroups: [...new Set(input.targetGroups)],
            fteTotal: input.fteTotal,
            fteTargetGroup: input.fteTargetGroup,
            website: input.website?.trim() || null,
            serviceRadiusKm: input.serviceRadiusKm ?? null,
            published,
          },
          ['organisationId'],
        );
        await m.getRepository(OfferingEntity).update({ organisationId }, { hidden: !published });
        await this.matching.enterprisesChanged(m, [organisationId]);
        return repo.findOneByOrFail({ organisationId });
      },
      { label: 'profile PUT' },
    );
  }

  async createOffering(actor: Actor, input: OfferingInput): Promise<OfferingEntity> {
    const organisation = await this.ownSocialEnterprise(actor, actor.organisationId ?? '');
    const values = await this.offeringValues(organisation, input);
    return retryingTransaction(
      this.ds,
      async (m) => {
        await lockEnterprises(m, [organisation.id]);
        // Offerings share their profile's visibility from the start, not only after the next profile change: read
        // under the lock, so a profile hidden at the same moment hides this offering too.
        const profile = await m
          .getRepository(SocialEnterpriseProfileEntity)
          .findOne({ where: { organisationId: organisation.id } });
        const hidden = profile ? !profile.published : false;
        const saved = await m
          .getRepository(OfferingEntity)
          .save({ organisationId: organisation.id, ...values, hidden } as OfferingEntity);
        await this.matching.offeringsChanged(m, [saved.id]);
        return saved;
      },
      { label: 'offering create' },
    );
  }

  async updateOffering(actor: Actor, id: string, input: Partial<OfferingInput>): Promise<OfferingEntity> {
    return retryingTransaction(this.ds, (m) => this.updateOfferingIn(m, actor, id, input), {
      label: 'offering update',
    });
  }

  private async updateOfferingIn(
    m: EntityManager,
    actor: Actor,
    id: string,
    input: Partial<OfferingInput>,
  ): Promise<OfferingEntity> {
    await lockEnterpriseOf(m, 'offering', id);
    const offering = await this.ownOffering(m, actor, id, 'change', true);
    const organisation = await m
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ id: offering.organisationId });
    const merged: OfferingInput = {
      title: input.title ?? offering.title,
      description: input.description ?? offering.description,
      cpvCodes: input.cpvCodes ?? offering.cpvCodes,
      priceIndicationCents:
        input.priceIndicationCents !== undefined ? input.priceIndicationCents : offering.priceIndicationCents,
      unit: input.unit !== undefined ? input.unit : offering.unit,
      labourShare: input.labourShare !== undefined ? input.labourShare : offering.labourShare,
      deliveryPostcode:
        input.deliveryPostcode !== undefined ? input.deliveryPostcode : offering.deliveryPostcode,
      deliveryRadiusKm:
        input.deliveryRadiusKm !== undefined ? input.deliveryRadiusKm : offering.deliveryRadiusKm,
      capacityCentsPerMonth:
        input.capacityCentsPerMonth !== undefined
          ? input.capacityCentsPerMonth
          : offering.capacityCentsPerMonth,
    };
    Object.assign(offering, await this.offeringValues(organisation, merged));
    const saved = await m.getRepository(OfferingEntity).save(offering);
    await this.matching.offeringsChanged(m, [id]);
    return saved;
  }

  async deleteOffering(actor: Actor, id: string): Promise<void> {
    await this.ownOffering(this.ds.manager, actor, id, 'delete');
    await retryingTransaction(
      this.ds,
      async (m) => {
        await lockEnterpriseOf(m, 'offering', id);
        // Before the delete: the stored match rows still name the offering.
        await this.matching.offeringsChanged(m, [id]);
        await m.getRepository(OfferingEntity).delete({ id });
      },
      { label: 'offering delete' },
    );
  }

  /** Like the profile: an unpublished enterprise's offering is seen only by the enterprise itself and admins. */
  async getOffering(id: string, actor?: Actor): Promise<OfferingEntity> {
    return findVisible(this.ds.manager, OfferingEntity, id, {
      visible: (o) => !o.hidden || actor?.organisationId === o.organisationId || actor?.role === 'admin',
      notFound: offeringNotFound,
    });
  }

  /** Validates and normalises offering fields; the delivery point falls back to the enterprise's postcode. */
  async offeringValues(
    organisation: OrganisationEntity,
    input: OfferingInput,
  ): Promise<Partial<OfferingEntity>> {
    const cpvCodes = await this.reference.normaliseCpvCodes(input.cpvCodes, 'cpvCodes');
    const deliveryPostcode = input.deliveryPostcode ? normalisePostcode(input.deliveryPostcode) : null;
    const area = await this.reference
      .resolvePostcode(
        deliveryPostcode ?? organisation.postcode,
        deliveryPostcode ? 'deliveryPostcode' : 'organisation.postcode',
      )
      .catch((err) => {
        if (deliveryPostcode) throw err;
        return null; // the enterprise's own postcode may be outside the PC4 list; then no distance search
      });
    return {
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      cpvCodes,
      cpvAncestors: await this.reference.ancestorsOf(cpvCodes),
      priceIndicationCents: input.priceIndicationCents ?? null,
      unit: input.unit?.trim() || null,
      labourShare: input.labourShare ?? null,
      deliveryPostcode,
      deliveryRadiusKm: input.deliveryRadiusKm ?? null,
      capacityCentsPerMonth: input.capacityCentsPerMonth ?? null,
      lat: area?.lat ?? null,
      lon: area?.lon ?? null,
    };
  }

  private async ownSocialEnterprise(actor: Actor, organisationId: string): Promise<OrganisationEntity> {
    return findVisible(this.ds.manager, OrganisationEntity, organisationId, {
      visible: (o) =>
        o.kind === 'social_enterprise' &&
        owner(actor, o.id, 'Only the enterprise itself may change its profile'),
      notFound: enterpriseNotFound,
    });
  }

  /** The offering for a change by its own enterprise: 404 when missing, 403 NOT_OWNER for anyone else. */
  private ownOffering(
    m: EntityManager,
    actor: Actor,
    id: string,
    verb: 'change' | 'delete',
    lock = false,
  ): Promise<OfferingEntity> {
    return findVisible(m, OfferingEntity, id, {
      lock,
      visible: (o) =>
        owner(actor, o.organisationId, `Only the enterprise that owns this offering may ${verb} it`),
      notFound: offeringNotFound,
    });
  }
}

/** True for the owning organisation; anyone else sees the row but may not change it (403 NOT_OWNER). */
function owner(actor: Actor, organisationId: string, message: string): true {
  if (actor.organisationId !== organisationId) throw new ForbiddenError(DirectoryErrorCode.NotOwner, message);
  return true;
}

const enterpriseNotFound = () =>
  new NotFoundError(DirectoryErrorCode.SocialEnterpriseNotFound, 'Social enterprise');
const offeringNotFound = () => new NotFoundError(DirectoryErrorCode.OfferingNotFound, 'Offering');
