import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  normalisePostcode,
  NotFoundError,
  Page,
  todayInNl,
  ValidationFailedError,
  withUniqueConflicts,
} from '@app/common';
import {
  ContributionEntity,
  type InitiativeNeed,
  InitiativeEntity,
  type InitiativeStatus,
  pageNewestFirst,
  PledgeEntity,
  type PledgeStatus,
  type SupportKind,
  UserEntity,
} from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReferenceDataService } from '../directory/reference-data.service';
import { type Actor, isAdmin } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { CONTRIBUTION_CONFLICTS, ObligationsService } from '../obligations/obligations.service';
import { InitiativesErrorCode } from './initiatives.errors';

export interface NeedInput {
  kind: SupportKind;
  description: string;
  amountCents?: number | null;
  hours?: number | null;
}

export interface InitiativeInput {
  title: string;
  summary: string;
  postcode?: string | null;
  needs?: NeedInput[] | null;
  pitchedAt?: { date: string; eventName: string } | null;
  initiator?: { name: string; email?: string | null } | null;
}

export interface PledgeInput {
  needIndex?: number | null;
  kind: SupportKind;
  description: string;
  amountCents?: number | null;
  hours?: number | null;
}

export interface InitiativeView {
  initiative: InitiativeEntity;
  organisationName: string | null;
  /** Null unless the caller is the initiative's organisation or an officer (or an admin). */
  initiator: { name: string; email: string | null } | null;
  pledges: { pledge: PledgeEntity; organisationName: string; countedContributionId: string | null }[];
}

export interface InitiativeStats {
  pitched: number;
  inProgress: number;
  realised: number;
  changed: number;
  stopped: number;
  pledges: { count: number; amountCents: number; hours: number };
  sroiCreditCents: number;
}

/** Where an initiative may go next; `realised` and `stopped` are final. */
const NEXT: Record<InitiativeStatus, InitiativeStatus[]> = {
  pitched: ['in_progress', 'realised', 'changed', 'stopped'],
  in_progress: ['realised', 'changed', 'stopped'],
  changed: ['in_progress', 'realised', 'stopped'],
  realised: [],
  stopped: [],
};

const PLEDGE_MOVES: Record<'accept' | 'deliver', { from: PledgeStatus; to: PledgeStatus }> = {
  accept: { from: 'offered', to: 'accepted' },
  deliver: { from: 'accepted', to: 'delivered' },
};

const notFound = () => new NotFoundError(InitiativesErrorCode.InitiativeNotFound, 'Initiative');
const pledgeNotFound = () => new NotFoundError(InitiativesErrorCode.PledgeNotFound, 'Pledge');
const alreadyCounted = () =>
  new ConflictError(
    InitiativesErrorCode.PledgeAlreadyCounted,
    'This pledge already counts towards an obligation',
  );

/** The initiative's own organisation or any officer (and the admin): who manages it and reads its contact. */
export function managesInitiative(
  actor: Actor | undefined,
  i: Pick<InitiativeEntity, 'organisationId'>,
): boolean {
  if (!actor) return false;
  return (
    isAdmin(actor) ||
    actor.role === 'procurement_officer' ||
    (!!i.organisationId && actor.organisationId === i.organisationId)
  );
}

/** Initiatives: residents' and organisations' ideas, the support pledged to them and its SROI link. */
@Injectable()
export class InitiativesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly outbox: OutboxService,
    private readonly obligations: ObligationsService,
  ) {}

  async create(actor: Actor, input: InitiativeInput): Promise<InitiativeEntity> {
    if (input.initiator && actor.role !== 'procurement_officer' && !isAdmin(actor))
      throw new ForbiddenError(
        InitiativesErrorCode.InitiatorOfficerOnly,
        'Only an officer enters an initiative for a resident (initiator)',
      );
    if (input.postcode) await this.reference.resolvePostcode(input.postcode, 'postcode');
    const needs = (input.needs ?? []).map((n, i) => this.need(n, `needs[${i}]`));
    let initiator = input.initiator
      ? { name: input.initiator.name.trim(), email: input.initiator.email?.trim() || null }
      : null;
    if (!initiator) {
      const user = await this.ds.getRepository(UserEntity).findOne({ where: { id: actor.userId } });
      initiator = { name: user?.name ?? '', email: user?.email ?? null };
    }
    return this.ds.getRepository(InitiativeEntity).save({
      title: input.title.trim(),
      summary: input.summary.trim(),
      postcode: input.postcode ? normalisePostcode(input.postcode) : null,
      needs,
      status: 'pitched',
      organisationId: actor.organisationId,
      initiatorName: initiator.name,
      initiatorEmail: initiator.email,
      forResident: !!input.initiator,
      pitchedOn: input.pitchedAt?.date ?? todayInNl(),
      pitchEventName: input.pitchedAt?.eventName?.trim() || null,
      pitchedAtEvent: !!input.pitchedAt,
      createdBy: actor.userId,
    });
  }

  async get(actor: Actor | undefined, id: string): Promise<InitiativeView> {
    const i = await this.ds.getRepository(InitiativeEntity).findOne({ where: { id } });
    if (!i) throw notFound();
    return (await this.views(actor, [i]))[0];
  }

  async list(
    actor: Actor | undefined,
    q: { status?: InitiativeStatus; q?: string; limit?: number; cursor?: string },
  ): Promise<Page<InitiativeView>> {
    const qb = this.ds.getRepository(InitiativeEntity).createQueryBuilder('i').where('TRUE');
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.q?.trim()) {
      const like = `%${q.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere('(lower(i.title) LIKE :like OR lower(i.summary) LIKE :like)', { like });
    }
    const page = await pageNewestFirst(qb, 'i', q);
    return { items: await this.views(actor, page.items), nextCursor: page.nextCursor };
  }

  /** Its organisation or an officer moves it on and notes the outcome (fields sent replace the stored ones). */
  async update(
    actor: Actor,
    id: string,
    input: { status?: InitiativeStatus; outcomeNote?: string | null },
  ): Promise<InitiativeView> {
    await this.ds.transaction(async (m) => {
      const i = await findVisible(m, InitiativeEntity, id, { lock: true, visible: () => true, notFound });
      if (!managesInitiative(actor, i))
        throw new ForbiddenError('FORBIDDEN', 'Only its organisation or an officer changes an initiative');
      if (input.status !== undefined && input.status !== i.status) {
        if (!NEXT[i.status].includes(input.status))
          throw new ConflictError(
            InitiativesErrorCode.IllegalTransition,
            `A ${i.status} initiative cannot become ${input.status}`,
            [
              {
                from: i.status,
                to: input.status,
                message: `allowed: ${NEXT[i.status].join(', ') || 'none'}`,
              },
            ],
          );
        i.status = input.status;
      }
      if (input.outcomeNote !== undefined) i.outcomeNote = input.outcomeNote?.trim() || null;
      await m.getRepository(InitiativeEntity).save(i);
    });
    return this.get(actor, id);
  }

  // ------------------------------------------------------------------ pledges

  async pledge(actor: Actor, initiativeId: string, input: PledgeInput): Promise<PledgeEntity> {
    return this.ds.transaction(async (m) => {
      const i = await findVisible(m, InitiativeEntity, initiativeId, {
        lock: 'shared',
        visible: () => true,
        notFound,
      });
      if (i.status === 'realised' || i.status === 'stopped')
        throw new ConflictError(InitiativesErrorCode.InitiativeClosed, `The initiative is ${i.status}`);
      const needIndex = input.needIndex ?? null;
      if (needIndex !== null) {
        const need = i.needs[needIndex];
        if (!need)
          throw new BusinessRuleError(
            InitiativesErrorCode.InvalidNeed,
            `The initiative has no need ${needIndex}`,
            [{ field: 'needIndex', message: `0..${i.needs.length - 1}` }],
          );
        if (need.kind !== input.kind)
          throw new BusinessRuleError(
            InitiativesErrorCode.InvalidNeed,
            `Need ${needIndex} asks for ${need.kind}`,
            [{ field: 'kind', message: `must be ${need.kind} for need ${needIndex}` }],
          );
      }
      const values = this.need(input, '');
      const saved = await m.getRepository(PledgeEntity).save({
        initiativeId,
        needIndex,
        organisationId: actor.organisationId!,
        ...values,
        status: 'offered',
        pledgedBy: actor.userId,
      });
      if (i.organisationId && i.organisationId !== actor.organisationId) {
        const [org] = await m.query<{ name: string }[]>('SELECT name FROM organisation WHERE id = $1', [
          actor.organisationId,
        ]);
        await this.outbox.add(
          m,
          OutboxJobs.notification('pledge_received', [saved.id], {
            organisationId: i.organisationId,
            params: { initiativeId: i.id, initiativeTitle: i.title, pledgerName: org?.name ?? '' },
            message: `${org?.name ?? 'Een organisatie'} biedt steun aan voor het initiatief "${i.title}".`,
          }),
        );
      }
      return saved;
    });
  }

  /** offered → accepted → delivered, by the initiative's organisation or an officer. */
  async movePledge(actor: Actor, pledgeId: string, action: 'accept' | 'deliver'): Promise<PledgeEntity> {
    return this.ds.transaction(async (m) => {
      const p = await findVisible(m, PledgeEntity, pledgeId, {
        lock: true,
        visible: () => true,
        notFound: pledgeNotFound,
      });
      const i = await m.getRepository(InitiativeEntity).findOneByOrFail({ id: p.initiativeId });
      if (!managesInitiative(actor, i))
        throw new ForbiddenError(
          'FORBIDDEN',
          "Only the initiative's organisation or an officer accepts and records pledges",
        );
      const move = PLEDGE_MOVES[action];
      if (p.status !== move.from)
        throw new ConflictError(
          InitiativesErrorCode.IllegalTransition,
          `A ${p.status} pledge cannot be ${action === 'accept' ? 'accepted' : 'delivered'}`,
          [{ from: p.status, action, message: `allowed from: ${move.from}` }],
        );
      p.status = move.to;
      if (action === 'accept') p.acceptedAt = new Date();
      else p.deliveredAt = new Date();
      return m.getRepository(PledgeEntity).save(p);
    });
  }

  /**
   * The contractor that pledged counts a delivered pledge towards one of its obligations: a `social_activity`
   * contribution on the block (hours for an hourly block, one activity for a lump-sum block), valued by the
   * engine, reviewed like any other. A pledge counts once (409 PLEDGE_ALREADY_COUNTED; rejected claims excepted).
   */
  async contribution(
    actor: Actor,
    pledgeId: string,
    input: { obligationId: string; blockCode: string },
  ): Promise<ContributionEntity> {
    return withUniqueConflicts(
      () =>
        this.ds.transaction(async (m) => {
          const p = await findVisible(m, PledgeEntity, pledgeId, {
            lock: true,
            visible: (row) => actor.role === 'contractor' && row.organisationId === actor.organisationId,
            notFound: pledgeNotFound,
          });
          if (p.status !== 'delivered')
            throw new ConflictError(
              InitiativesErrorCode.PledgeNotDelivered,
              `The pledge is ${p.status}, not delivered`,
            );
          const counted = await m.query(
            `SELECT 1 FROM contribution WHERE pledge_id = $1 AND status <> 'rejected' LIMIT 1`,
            [p.id],
          );
          if (counted.length) throw alreadyCounted();
          const obligation = await this.obligations.find(actor, input.obligationId, m, true, 'contractor');
          const i = await m.getRepository(InitiativeEntity).findOneByOrFail({ id: p.initiativeId });
          const quantity = await this.quantity(m, obligation.contractId, input.blockCode, p);
          return this.obligations.record(
            m,
            actor,
            obligation,
            {
              category: 'social_activity',
              blockCode: input.blockCode,
              quantity,
              description: `Initiatief "${i.title}": ${p.description}`.slice(0, 1000),
            },
            { pledgeId: p.id },
          );
        }),
      { ...CONTRIBUTION_CONFLICTS, uq_contribution_pledge: alreadyCounted },
    );
  }

  /**
   * Counts for initiatives pitched in the period (by pitch date, inclusive): `pitched` is every one of them, the
   * others count them by their status now; pledges made to them; and the verified SROI credit of contributions
   * that came from their pledges.
   */
  async stats(q: { from?: string; to?: string }): Promise<InitiativeStats> {
    const params = [q.from ?? null, q.to ?? null];
    const scope = `($1::date IS NULL OR i.pitched_on >= $1::date) AND ($2::date IS NULL OR i.pitched_on <= $2::date)`;
    const [s] = await this.ds.query(
      `SELECT count(*)::int AS pitched,
              count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
              count(*) FILTER (WHERE status = 'realised')::int AS realised,
              count(*) FILTER (WHERE status = 'changed')::int AS changed,
              count(*) FILTER (WHERE status = 'stopped')::int AS stopped
         FROM initiative i WHERE ${scope}`,
      params,
    );
    const [p] = await this.ds.query(
      `SELECT count(*)::int AS count, coalesce(sum(p.amount_cents), 0)::text AS amount_cents,
              coalesce(sum(p.hours), 0)::float8 AS hours
         FROM pledge p JOIN initiative i ON i.id = p.initiative_id WHERE ${scope}`,
      params,
    );
    const [c] = await this.ds.query(
      `SELECT coalesce(sum(c.verified_value_cents), 0)::text AS credit
         FROM contribution c JOIN pledge p ON p.id = c.pledge_id JOIN initiative i ON i.id = p.initiative_id
        WHERE c.status = 'verified' AND ${scope}`,
      params,
    );
    return {
      pitched: s.pitched,
      inProgress: s.in_progress,
      realised: s.realised,
      changed: s.changed,
      stopped: s.stopped,
      pledges: { count: p.count, amountCents: Number(p.amount_cents), hours: Number(p.hours) },
      sroiCreditCents: Number(c.credit),
    };
  }

  // ------------------------------------------------------------------ helpers

  /** What a pledge on this block counts: its hours on an hourly block, one on an activity block. */
  private async quantity(
    m: EntityManager,
    contractId: string,
    blockCode: string,
    p: PledgeEntity,
  ): Promise<number> {
    const [row] = await m.query<{ blocks: { code: string; category: string; unit: string }[] }[]>(
      `SELECT policy_snapshot->'blocks' AS blocks FROM contract WHERE id = $1`,
      [contractId],
    );
    const block = (row?.blocks ?? []).find((b) => b.code === blockCode);
    const refuse = (message: string) =>
      new BusinessRuleError(InitiativesErrorCode.PledgeNotCountable, message, [
        { field: 'blockCode', message },
      ]);
    if (!block) throw refuse(`The obligation's policy has no block ${blockCode}`);
    if (block.category !== 'social_activity')
      throw refuse(`Block ${blockCode} is not a social activity block`);
    if (block.unit === 'activity') return 1;
    if (block.unit === 'hour') {
      if (!p.hours || p.hours <= 0) throw refuse('The pledge states no hours to count on an hourly block');
      return p.hours;
    }
    throw refuse(`Block ${blockCode} counts per ${block.unit}; a pledge counts hours or one activity`);
  }

  private need(n: NeedInput, at: string): InitiativeNeed {
    const field = (f: string) => (at ? `${at}.${f}` : f);
    if (n.kind === 'money' && !(n.amountCents && n.amountCents > 0))
      throw new ValidationFailedError('Money needs an amount', [
        { field: field('amountCents'), message: 'required for money' },
      ]);
    if (n.kind === 'hours' && !(n.hours && n.hours > 0))
      throw new ValidationFailedError('Hours need a number of hours', [
        { field: field('hours'), message: 'required for hours' },
      ]);
    return {
      kind: n.kind,
      description: n.description.trim(),
      amountCents: n.amountCents ?? null,
      hours: n.hours ?? null,
    };
  }

  private async views(actor: Actor | undefined, rows: InitiativeEntity[]): Promise<InitiativeView[]> {
    if (!rows.length) return [];
    const ids = rows.map((i) => i.id);
    const pledges = await this.ds.getRepository(PledgeEntity).find({
      where: { initiativeId: In(ids) },
      relations: { organisation: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const counted = pledges.length
      ? await this.ds.query<{ pledge_id: string; id: string }[]>(
          `SELECT pledge_id, id FROM contribution WHERE pledge_id = ANY($1) AND status <> 'rejected'`,
          [pledges.map((p) => p.id)],
        )
      : [];
    const orgIds = [...new Set(rows.map((i) => i.organisationId).filter((x): x is string => !!x))];
    const orgs = orgIds.length
      ? await this.ds.query<{ id: string; name: string }[]>(
          'SELECT id, name FROM organisation WHERE id = ANY($1)',
          [orgIds],
        )
      : [];
    return rows.map((i) => ({
      initiative: i,
      organisationName: orgs.find((o) => o.id === i.organisationId)?.name ?? null,
      initiator: managesInitiative(actor, i) ? { name: i.initiatorName, email: i.initiatorEmail } : null,
      pledges: pledges
        .filter((p) => p.initiativeId === i.id)
        .map((p) => ({
          pledge: p,
          organisationName: p.organisation?.name ?? '',
          countedContributionId: counted.find((c) => c.pledge_id === p.id)?.id ?? null,
        })),
    }));
  }
}
