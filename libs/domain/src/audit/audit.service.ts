import { decodeCursor, encodeCursor, pageLimit, Page } from '@app/common';
import { AuditLogEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager, EntityTarget } from 'typeorm';
import { Actor } from '../identity/actor';

export interface AuditEntry {
  buyerOrganisationId: string | null;
  actor: Actor | null;
  entityType:
    | 'sroi_policy'
    | 'tender'
    | 'contract'
    | 'obligation'
    | 'contribution'
    | 'certification'
    | 'quote_request'
    | 'quote'
    | 'purchase_order'
    | 'invoice';
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
}

/** Plain JSON copies, so later changes to an entity object cannot alter what was recorded. */
const snapshot = (o: object | null | undefined): Record<string, unknown> | null =>
  o ? (JSON.parse(JSON.stringify(o)) as Record<string, unknown>) : null;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Written inside the caller's transaction: the change and its audit entry commit together. */
  async record(m: EntityManager, e: AuditEntry): Promise<void> {
    const row = m.getRepository(AuditLogEntity).create({
      buyerOrganisationId: e.buyerOrganisationId,
      actorUserId: e.actor?.userId ?? null,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      before: snapshot(e.before),
      after: snapshot(e.after),
    });
    await m.getRepository(AuditLogEntity).save(row);
  }

  /** Saves a row and records the change in the same transaction: how every audited write is made. */
  async save<T extends { id: string }>(
    m: EntityManager,
    target: EntityTarget<T>,
    row: DeepPartial<T>,
    e: Omit<AuditEntry, 'entityId' | 'after'>,
  ): Promise<T> {
    const saved = (await m.getRepository(target).save(row)) as T;
    await this.record(m, { ...e, entityId: saved.id, after: saved });
    return saved;
  }

  /** An officer reads the entries of the own buyer organisation, newest first. */
  async list(
    actor: Actor,
    filter: { entityType?: string; entityId?: string; limit?: number; cursor?: string },
  ): Promise<Page<AuditLogEntity>> {
    const limit = pageLimit(filter.limit);
    const after = decodeCursor(filter.cursor, ['digits']);
    const qb = this.ds
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .where('a.buyer_organisation_id = :buyer', { buyer: actor.organisationId })
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (filter.entityType) qb.andWhere('a.entity_type = :t', { t: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :e', { e: filter.entityId });
    if (after) qb.andWhere('a.id < :after', { after: after[0] });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1].id]) : null };
  }
}
