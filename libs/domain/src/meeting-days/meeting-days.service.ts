import {
  BusinessRuleError,
  ConflictError,
  ErrorDetail,
  normalisePostcode,
  NotFoundError,
  Page,
  ValidationFailedError,
  withUniqueConflicts,
} from '@app/common';
import {
  MeetingDayRegistrationEntity,
  MeetingDayEntity,
  MeetingEventStatus,
  OrganisationEntity,
  pageNewestFirst,
} from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReferenceDataService } from '../directory/reference-data.service';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { daySlots, minutesOf, slotsWithin } from './day-slots';
import { registrationOpenMessage } from './meeting-day-notices';
import { canSeeMeetingDay, isMeetingDayHost, visibleMeetingDaysWhere } from './meeting-day-visibility';
import { MeetingDaysErrorCode } from './meeting-days.errors';

export interface EventInput {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  tables: number;
  postcode: string;
  description?: string | null;
}

export interface RegistrationInput {
  availableFrom?: string | null;
  availableUntil?: string | null;
  maxMeetings?: number | null;
  wishes?: string[] | null;
}

const TRANSITIONS: Record<'open' | 'close', { from: MeetingEventStatus; to: MeetingEventStatus }> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
};

/** A registered organisation by name: what a wish picker and the officer's lists show. */
export interface Participant {
  organisationId: string;
  name: string;
  kind: 'contractor' | 'social_enterprise';
}

/**
 * Who is invited when registration opens: the contractors with an open obligation (applicable, not waived,
 * something left after verified contributions) towards the hosting buyer, and the social enterprises whose
 * visible offerings match one of those obligations.
 */
const INVITEES_SQL = `
  WITH open_obligation AS (
    SELECT o.id, o.contractor_organisation_id
      FROM obligation o
      LEFT JOIN contribution c ON c.obligation_id = o.id
     WHERE o.buyer_organisation_id = $1 AND o.applicable AND o.waived_at IS NULL
     GROUP BY o.id
    HAVING o.amount_cents - COALESCE(SUM(c.verified_value_cents) FILTER (WHERE c.status = 'verified'), 0) > 0
  )
  SELECT DISTINCT contractor_organisation_id AS "organisationId", 'contractor' AS kind FROM open_obligation
  UNION
  SELECT DISTINCT m.social_enterprise_id, 'social_enterprise'
    FROM obligation_match m
    JOIN open_obligation oo ON oo.id = m.obligation_id
    JOIN offering f ON f.id = m.offering_id AND NOT f.hidden
  ORDER BY 1`;

/** Meeting days: an officer's lifecycle (draft → open → closed) and the registrations of contractors and SEs. */
@Injectable()
export class MeetingDaysService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly outbox: OutboxService,
  ) {}

  async create(actor: Actor, input: EventInput): Promise<MeetingDayEntity> {
    this.hoursOrFail(input.startTime, input.endTime, input.slotMinutes);
    await this.reference.resolvePostcode(input.postcode, 'postcode');
    return this.ds.getRepository(MeetingDayEntity).save({
      buyerOrganisationId: actor.organisationId!,
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      slotMinutes: input.slotMinutes,
      tables: input.tables,
      postcode: normalisePostcode(input.postcode),
      status: 'draft',
      createdBy: actor.userId,
    });
  }

  /**
   * The hosting officer changes a day while it is a draft or open for registration (fields sent replace the
   * stored ones); once registration is closed the schedule is built from it and it no longer changes.
   */
  async update(actor: Actor, id: string, input: Partial<EventInput>): Promise<MeetingDayEntity> {
    if (input.postcode !== undefined) await this.reference.resolvePostcode(input.postcode, 'postcode');
    return this.ds.transaction(async (m) => {
      const event = await this.lockOwn(m, actor, id);
      if (event.status === 'closed') {
        throw new ConflictError(
          MeetingDaysErrorCode.EventNotEditable,
          'A meeting day can no longer be changed once registration is closed',
          [{ status: event.status, message: 'allowed while draft or open' }],
        );
      }
      const startTime = input.startTime ?? event.startTime;
      const endTime = input.endTime ?? event.endTime;
      const slotMinutes = input.slotMinutes ?? event.slotMinutes;
      this.hoursOrFail(startTime, endTime, slotMinutes);
      Object.assign(event, {
        startTime,
        endTime,
        slotMinutes,
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: (input.description ?? '').trim() } : {}),
        ...(input.date !== undefined ? { date: input.date } : {}),
        ...(input.tables !== undefined ? { tables: input.tables } : {}),
        ...(input.postcode !== undefined ? { postcode: normalisePostcode(input.postcode) } : {}),
      });
      return m.getRepository(MeetingDayEntity).save(event);
    });
  }

  /**
   * draft → open → closed. Opening invites, through the outbox and once per organisation, the contractors with an
   * open obligation towards the host and the social enterprises that match those obligations.
   */
  async transition(actor: Actor, id: string, action: 'open' | 'close'): Promise<MeetingDayEntity> {
    return this.ds.transaction(async (m) => {
      const event = await this.lockOwn(m, actor, id);
      const move = TRANSITIONS[action];
      if (event.status !== move.from) {
        throw new ConflictError(
          MeetingDaysErrorCode.IllegalTransition,
          `A ${event.status} meeting day cannot be ${action === 'open' ? 'opened' : 'closed'}`,
          [{ from: event.status, action, message: `allowed from: ${move.from}` }],
        );
      }
      event.status = move.to;
      if (action === 'open') event.openedAt = new Date();
      else event.closedAt = new Date();
      const saved = await m.getRepository(MeetingDayEntity).save(event);
      if (action === 'open') {
        const invitees = await m.query<Participant[]>(INVITEES_SQL, [event.buyerOrganisationId]);
        for (const i of invitees)
          await this.outbox.add(
            m,
            OutboxJobs.registrationOpen(event.id, {
              organisationId: i.organisationId,
              message: registrationOpenMessage(event, i.kind),
              params: { eventId: event.id, eventName: event.title, date: event.date },
            }),
          );
      }
      return saved;
    });
  }

  /** Anyone sees open and closed days; the hosting buyer's officers also see its drafts. */
  async get(actor: Actor | undefined, id: string): Promise<MeetingDayEntity> {
    const event = await this.ds
      .getRepository(MeetingDayEntity)
      .findOne({ where: { id }, relations: { buyerOrganisation: true } });
    if (!event || !canSeeMeetingDay(actor, event)) throw eventNotFound();
    return event;
  }

  async list(
    actor: Actor | undefined,
    q: { status?: MeetingEventStatus; limit?: number; cursor?: string },
  ): Promise<Page<MeetingDayEntity>> {
    const qb = this.ds
      .getRepository(MeetingDayEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.buyerOrganisation', 'b');
    const visible = visibleMeetingDaysWhere(actor, 'e');
    qb.where(visible.sql, visible.params);
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    return pageNewestFirst(qb, 'e', q);
  }

  /** A contractor or social enterprise signs up its own organisation while registration is open. */
  async register(actor: Actor, id: string, input: RegistrationInput): Promise<MeetingDayRegistrationEntity> {
    const { organisationId, kind } = registrant(actor);
    return this.ds.transaction(async (m) => {
      const event = await this.lockOpen(m, actor, id);
      const taken = await m
        .getRepository(MeetingDayRegistrationEntity)
        .exists({ where: { eventId: id, organisationId } });
      if (taken) throw alreadyRegistered();
      const values = await this.validated(m, event, kind, organisationId, input);
      return withUniqueConflicts(
        () =>
          m.getRepository(MeetingDayRegistrationEntity).save({
            eventId: id,
            organisationId,
            kind,
            ...values,
            registeredBy: actor.userId,
          }),
        { uq_event_registration_organisation: alreadyRegistered },
      );
    });
  }

  /** A registrant changes its own registration while registration is open (fields sent replace the stored ones). */
  async updateRegistration(
    actor: Actor,
    id: string,
    registrationId: string,
    input: RegistrationInput,
  ): Promise<MeetingDayRegistrationEntity> {
    const { organisationId, kind } = registrant(actor);
    return this.ds.transaction(async (m) => {
      const event = await this.lockOpen(m, actor, id);
      const row = await this.ownRegistration(m, id, registrationId, organisationId);
      const merged: RegistrationInput = {
        availableFrom: input.availableFrom !== undefined ? input.availableFrom : row.availableFrom,
        availableUntil: input.availableUntil !== undefined ? input.availableUntil : row.availableUntil,
        maxMeetings: input.maxMeetings !== undefined ? input.maxMeetings : row.maxMeetings,
        wishes: input.wishes !== undefined ? input.wishes : row.wishes,
      };
      Object.assign(row, await this.validated(m, event, kind, organisationId, merged));
      return m.getRepository(MeetingDayRegistrationEntity).save(row);
    });
  }

  /** A registrant withdraws while registration is open. */
  async withdraw(actor: Actor, id: string, registrationId: string): Promise<void> {
    const { organisationId } = registrant(actor);
    await this.ds.transaction(async (m) => {
      await this.lockOpen(m, actor, id);
      const row = await this.ownRegistration(m, id, registrationId, organisationId);
      await m.getRepository(MeetingDayRegistrationEntity).delete({ id: row.id });
    });
  }

  /** The hosting officer sees every registration; a registrant sees its own. */
  async registrations(actor: Actor, id: string): Promise<MeetingDayRegistrationEntity[]> {
    const event = await this.get(actor, id);
    const all = isMeetingDayHost(actor, event);
    return this.ds.getRepository(MeetingDayRegistrationEntity).find({
      where: all ? { eventId: id } : { eventId: id, organisationId: actor.organisationId ?? undefined },
      relations: { organisation: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The organisations registered for a day, by name: every one for the hosting officer; for a contractor or a
   * social enterprise those of the other kind (the ones it can wish to meet), also before it registers itself.
   */
  async participants(actor: Actor, id: string): Promise<Participant[]> {
    const event = await this.get(actor, id);
    const host = isMeetingDayHost(actor, event);
    if (!host && actor.role === 'procurement_officer') throw eventNotFound();
    const qb = this.ds
      .getRepository(MeetingDayRegistrationEntity)
      .createQueryBuilder('r')
      .innerJoin('r.organisation', 'o')
      .select(['r.organisation_id AS "organisationId"', 'o.name AS name', 'r.kind AS kind'])
      .where('r.event_id = :id', { id })
      .orderBy('o.name', 'ASC')
      .addOrderBy('r.organisation_id', 'ASC');
    if (!host) {
      const { organisationId, kind } = registrant(actor);
      qb.andWhere('r.kind = :other AND r.organisation_id <> :self', {
        other: kind === 'contractor' ? 'social_enterprise' : 'contractor',
        self: organisationId,
      });
    }
    return qb.getRawMany<Participant>();
  }

  /** Organisation names by id (the names of a registration's wishes). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.ds
      .getRepository(OrganisationEntity)
      .find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  lockOwn(m: EntityManager, actor: Actor, id: string): Promise<MeetingDayEntity> {
    return findVisible(m, MeetingDayEntity, id, {
      lock: true,
      visible: (e) => isMeetingDayHost(actor, e),
      notFound: eventNotFound,
    });
  }

  /** Shared lock: closing waits for registration changes in flight, and none slips in after the close. */
  private async lockOpen(m: EntityManager, actor: Actor, id: string): Promise<MeetingDayEntity> {
    const event = await findVisible(m, MeetingDayEntity, id, {
      lock: 'shared',
      visible: (e) => canSeeMeetingDay(actor, e),
      notFound: eventNotFound,
    });
    if (event.status !== 'open') {
      throw new ConflictError(
        MeetingDaysErrorCode.RegistrationClosed,
        `Registration is ${event.status === 'closed' ? 'closed' : 'not open'}`,
      );
    }
    return event;
  }

  private async ownRegistration(
    m: EntityManager,
    eventId: string,
    registrationId: string,
    organisationId: string,
  ): Promise<MeetingDayRegistrationEntity> {
    const row = await m
      .getRepository(MeetingDayRegistrationEntity)
      .findOne({ where: { id: registrationId, eventId, organisationId } });
    if (!row) throw new NotFoundError(MeetingDaysErrorCode.RegistrationNotFound, 'Registration');
    return row;
  }

  private async validated(
    m: EntityManager,
    event: MeetingDayEntity,
    kind: 'contractor' | 'social_enterprise',
    organisationId: string,
    input: RegistrationInput,
  ): Promise<
    Pick<MeetingDayRegistrationEntity, 'availableFrom' | 'availableUntil' | 'maxMeetings' | 'wishes'>
  > {
    const slots = daySlots(event.startTime, event.endTime, event.slotMinutes);
    const from = input.availableFrom ?? null;
    const until = input.availableUntil ?? null;
    const problems: ErrorDetail[] = [];
    if (from !== null && until !== null && minutesOf(from) >= minutesOf(until))
      problems.push({ field: 'availableUntil', message: 'must be after availableFrom' });
    else if (slotsWithin(slots, from, until).length === 0)
      problems.push({
        field: from !== null ? 'availableFrom' : 'availableUntil',
        message: `no meeting slot between ${from ?? event.startTime} and ${until ?? event.endTime}`,
      });
    if (problems.length)
      throw new ValidationFailedError(
        'Availability holds no meeting slot',
        problems,
        MeetingDaysErrorCode.InvalidAvailability,
      );
    const wishes = [...new Set(input.wishes ?? [])];
    await this.checkWishes(m, kind, organisationId, wishes);
    return {
      availableFrom: from,
      availableUntil: until,
      maxMeetings: input.maxMeetings ?? slots.length,
      wishes,
    };
  }

  /** The hours hold at least one whole slot. */
  private hoursOrFail(startTime: string, endTime: string, slotMinutes: number): void {
    if (minutesOf(startTime) >= minutesOf(endTime)) {
      throw new ValidationFailedError(
        'endTime is not after startTime',
        [{ field: 'endTime', message: 'must be after startTime' }],
        MeetingDaysErrorCode.InvalidHours,
      );
    }
    if (daySlots(startTime, endTime, slotMinutes).length === 0) {
      throw new ValidationFailedError(
        'The day holds no whole slot',
        [
          {
            field: 'slotMinutes',
            message: `no ${slotMinutes}-minute slot fits between startTime and endTime`,
          },
        ],
        MeetingDaysErrorCode.InvalidHours,
      );
    }
  }

  /** Wishes name existing organisations of the other kind (a contractor wishes for enterprises and back). */
  private async checkWishes(
    m: EntityManager,
    kind: 'contractor' | 'social_enterprise',
    self: string,
    wishes: string[],
  ): Promise<void> {
    if (wishes.length === 0) return;
    const wanted = kind === 'contractor' ? 'social_enterprise' : 'contractor';
    const found = await m
      .getRepository(OrganisationEntity)
      .find({ where: { id: In(wishes) }, select: { id: true, kind: true } });
    const kindOf = new Map(found.map((o) => [o.id, o.kind]));
    const problems: ErrorDetail[] = [];
    wishes.forEach((w, i) => {
      if (w === self || kindOf.get(w) !== wanted)
        problems.push({
          field: `wishes[${i}]`,
          value: w,
          message: `not a ${wanted.replace('_', ' ')} organisation`,
        });
    });
    if (problems.length)
      throw new BusinessRuleError(
        MeetingDaysErrorCode.InvalidWish,
        `Wishes must name ${wanted.replace('_', ' ')} organisations`,
        problems,
      );
  }
}

function registrant(actor: Actor): { organisationId: string; kind: 'contractor' | 'social_enterprise' } {
  const kind = actor.organisationKind;
  if (!actor.organisationId || (kind !== 'contractor' && kind !== 'social_enterprise')) {
    throw new BusinessRuleError(
      MeetingDaysErrorCode.NotRegistrable,
      'Only contractors and social enterprises register',
    );
  }
  return { organisationId: actor.organisationId, kind };
}

function alreadyRegistered(): ConflictError {
  return new ConflictError(
    MeetingDaysErrorCode.AlreadyRegistered,
    'Your organisation is already registered for this day',
  );
}

const eventNotFound = () => new NotFoundError(MeetingDaysErrorCode.EventNotFound, 'Event');
