import { ConflictError, NotFoundError } from '@app/common';
import {
  BackgroundJobEntity,
  MeetingEntity,
  MeetingDayRegistrationEntity,
  MeetingDayEntity,
  MeetingOutcome,
  OfferingEntity,
  ScheduleSummary,
  ObligationMatchEntity,
} from '@app/database';
import { JobName, OutboxJobs, OutboxService, QueueName } from '@app/queue';
import { UnrecoverableError } from 'bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { JobsService, ReportProgress } from '../jobs/jobs.service';
import { CandidatePair, candidatePairs, MatchRow, Registrant } from './candidates';
import { countFailures, FailureCounter } from '../metrics/failure-counts';
import { amsterdamInstant, amsterdamIso, daySlots } from './day-slots';
import { schedulePublishedMessage } from './meeting-day-notices';
import { isMeetingDayHost, isMeetingParty, meetingPartyWhere } from './meeting-day-visibility';
import { MeetingDaysErrorCode } from './meeting-days.errors';
import { MeetingDaysService } from './meeting-days.service';
import { icsCalendar } from './ical';
import { buildSchedule } from './scheduler';
import { type SkippedRegistrant, usableRegistrations } from './usable-registrations';
import { expandReasons } from '../matching/match-reasons';

export interface MeetingView {
  meeting: MeetingEntity;
  contractorName: string;
  socialEnterpriseName: string;
  offerings: { id: string; title: string; cpvCodes: string[] }[];
}

export interface ScheduleView {
  event: MeetingDayEntity;
  meetings: MeetingView[];
}

export interface MeetingFollowUp {
  meetingId: string;
  /** ISO 8601 with the Amsterdam offset. */
  start: string;
  table: number;
  contractorOrganisationId: string;
  contractorName: string;
  socialEnterpriseOrganisationId: string;
  socialEnterpriseName: string;
  outcome: MeetingOutcome | null;
  quoteRequestIds: string[];
  orderIds: string[];
  orderedCents: number;
  verifiedCreditCents: number;
}

export interface EventResults {
  eventId: string;
  meetingsPlanned: number;
  meetingsHeld: number;
  outcomes: Record<MeetingOutcome | 'unrecorded', number>;
  quoteRequests: number;
  orders: number;
  orderedCents: number;
  verifiedCreditCents: number;
  meetings: MeetingFollowUp[];
}

export interface BuildScheduleResult extends ScheduleSummary {
  eventId: string;
  revision: number;
  /** Registrants left out because their registration cannot be used, with why (never stored in the summary). */
  skipped: SkippedRegistrant[];
}

/**
 * The open obligations of the registered contractors (not waived, something left after verified contributions)
 * with the stored matches of the registered enterprises' offerings on them.
 */
const MATCHES_SQL = `
  WITH reg AS (SELECT organisation_id, kind FROM event_registration WHERE event_id = $1),
  open_obligation AS (
    SELECT o.id, o.contractor_organisation_id,
           o.amount_cents - COALESCE(SUM(c.verified_value_cents) FILTER (WHERE c.status = 'verified'), 0) AS remaining
      FROM obligation o
      LEFT JOIN contribution c ON c.obligation_id = o.id
     WHERE o.contractor_organisation_id IN (SELECT organisation_id FROM reg WHERE kind = 'contractor')
       AND o.applicable AND o.waived_at IS NULL
     GROUP BY o.id
  )
  SELECT m.obligation_id AS "obligationId", oo.contractor_organisation_id AS "contractorId",
         oo.remaining::text AS "remainingCents", m.offering_id AS "offeringId",
         m.social_enterprise_id AS "socialEnterpriseId", m.score, m.reasons
    FROM obligation_match m
    JOIN open_obligation oo ON oo.id = m.obligation_id AND oo.remaining > 0
    JOIN offering f ON f.id = m.offering_id AND NOT f.hidden
   WHERE m.social_enterprise_id IN (SELECT organisation_id FROM reg WHERE kind = 'social_enterprise')
   ORDER BY m.obligation_id, m.offering_id`;

/** What followed a meeting between its two organisations, counted from the moment the pair was planned. */
const FOLLOW_UP_SQL = `
  SELECT m.id AS "meetingId",
         COALESCE((SELECT array_agg(q.id::text ORDER BY q.created_at, q.id) FROM quote_request q
                    WHERE q.contractor_organisation_id = m.contractor_organisation_id
                      AND q.social_enterprise_id = m.social_enterprise_organisation_id
                      AND q.created_at >= m.created_at), '{}') AS "quoteRequestIds",
         COALESCE((SELECT array_agg(o.id::text ORDER BY o.created_at, o.id) FROM purchase_order o
                    WHERE o.contractor_organisation_id = m.contractor_organisation_id
                      AND o.social_enterprise_id = m.social_enterprise_organisation_id
                      AND o.created_at >= m.created_at), '{}') AS "orderIds",
         (SELECT COALESCE(SUM(o.amount_cents), 0)::text FROM purchase_order o
           WHERE o.contractor_organisation_id = m.contractor_organisation_id
             AND o.social_enterprise_id = m.social_enterprise_organisation_id
             AND o.created_at >= m.created_at) AS "orderedCents",
         (SELECT COALESCE(SUM(c.verified_value_cents), 0)::text FROM contribution c
            JOIN obligation ob ON ob.id = c.obligation_id
           WHERE ob.contractor_organisation_id = m.contractor_organisation_id
             AND c.supplier_organisation_id = m.social_enterprise_organisation_id
             AND c.category = 'social_purchase' AND c.status = 'verified'
             AND c.created_at >= m.created_at) AS "verifiedCreditCents"
    FROM event_meeting m
   WHERE m.event_id = $1`;

/** Scheduling a day (as a background job), the schedule each party sees, outcomes, the results funnel. */
@Injectable()
export class MeetingDayScheduleService {
  private readonly logger = new Logger(MeetingDayScheduleService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: MeetingDaysService,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
  ) {}

  /** 202 work: a closed day's schedule is built by the worker; a second request while one runs answers that one. */
  async requestSchedule(actor: Actor, id: string): Promise<BackgroundJobEntity> {
    return this.ds.transaction(async (m) => {
      const event = await this.events.lockOwn(m, actor, id);
      if (event.status !== 'closed') {
        throw new ConflictError(
          MeetingDaysErrorCode.EventNotClosed,
          'Close registration before scheduling the day',
          [{ status: event.status, message: 'the schedule is built from the final registrations' }],
        );
      }
      await this.assertNoOutcomes(m.getRepository(MeetingEntity), id);
      return this.jobs.enqueue(m, {
        kind: 'event_schedule',
        queue: QueueName.Events,
        name: JobName.BuildEventSchedule,
        payload: { eventId: id },
        organisationId: actor.organisationId,
        userId: actor.userId,
        dedupeKey: `event-schedule-${id}`,
      });
    });
  }

  /**
   * Worker side: reads the registrations and matches, solves, and replaces the day's meetings in one transaction.
   * A rerun gives the same meetings. Registrants see them, and are told, once the officer publishes (`publish`).
   */
  async buildSchedule(
    eventId: string,
    progress: ReportProgress = async () => undefined,
  ): Promise<BuildScheduleResult | null> {
    const event = await this.ds.getRepository(MeetingDayEntity).findOne({ where: { id: eventId } });
    if (!event) {
      this.logger.warn({ eventId }, 'event gone; schedule skipped');
      return null;
    }
    const all = await this.ds
      .getRepository(MeetingDayRegistrationEntity)
      .find({ where: { eventId }, relations: { organisation: true }, order: { organisationId: 'ASC' } });
    let slots: ReturnType<typeof daySlots>;
    try {
      slots = daySlots(event.startTime, event.endTime, event.slotMinutes);
    } catch (err) {
      // The day's own hours: no schedule can be built from them, and a retry would fail the same way.
      throw new UnrecoverableError(`The day's hours cannot be read: ${(err as Error).message}`);
    }
    // A registrant whose registration cannot be used is left out with the reason; the others are scheduled.
    const { usable, skipped } = usableRegistrations(all, slots);
    const registrations = usable.map((u) => u.registration);
    const registrants: Registrant[] = registrations.map((r) => ({
      organisationId: r.organisationId,
      kind: r.kind,
      name: r.organisation?.name ?? r.organisationId,
      wishes: r.wishes,
    }));
    type StoredRow = Omit<MatchRow, 'remainingCents' | 'reasons'> & {
      remainingCents: string;
      reasons: ObligationMatchEntity['reasons'];
    };
    const rows = await this.ds.query<StoredRow[]>(MATCHES_SQL, [eventId]);
    const pairs = candidatePairs(
      registrants,
      rows.map((r) => ({
        ...r,
        remainingCents: Number(r.remainingCents),
        score: Number(r.score),
        reasons: expandReasons(r.reasons),
      })),
    );
    await progress(20);
    const started = Date.now();
    const result = await buildSchedule({
      slotCount: slots.length,
      tables: event.tables,
      participants: usable.map(({ registration: r, slots: available }) => ({
        organisationId: r.organisationId,
        kind: r.kind,
        slots: available,
        maxMeetings: r.maxMeetings,
      })),
      candidates: pairs,
    });
    const millis = Date.now() - started;
    await progress(80);
    const pairOf = new Map<string, CandidatePair>(
      pairs.map((p) => [`${p.contractorId}/${p.socialEnterpriseId}`, p]),
    );
    const built = await this.ds.transaction(async (m) => {
      const locked = await m
        .getRepository(MeetingDayEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id: eventId })
        .getOneOrFail();
      const meetings = m.getRepository(MeetingEntity);
      await this.assertNoOutcomes(meetings, eventId);
      await meetings.delete({ eventId });
      const revision = locked.scheduleRevision + 1;
      await meetings.save(
        result.meetings.map((s) => {
          const pair = pairOf.get(`${s.contractorId}/${s.socialEnterpriseId}`)!;
          const slot = slots[s.slot];
          return meetings.create({
            eventId,
            contractorOrganisationId: s.contractorId,
            socialEnterpriseOrganisationId: s.socialEnterpriseId,
            slot: s.slot,
            tableNumber: s.table,
            startsAt: amsterdamInstant(event.date, slot.start).at,
            endsAt: amsterdamInstant(event.date, slot.end).at,
            score: pair.score,
            weight: s.weight,
            reasons: pair.reasons,
            obligationId: pair.obligationId,
            offeringId: pair.offeringId,
            wishedBy: pair.wishedBy,
            scheduleRevision: revision,
          });
        }),
        { chunk: 200 },
      );
      const summary: ScheduleSummary = {
        method: result.method,
        objective: result.objective,
        bound: result.bound,
        gap: result.gap,
        variables: result.variables,
        candidates: pairs.length,
        meetings: result.meetings.length,
        millis,
      };
      locked.scheduleRevision = revision;
      locked.scheduledAt = new Date();
      locked.scheduleSummary = summary;
      await m.getRepository(MeetingDayEntity).save(locked);
      return { eventId, revision, ...summary, skipped };
    });
    if (skipped.length) {
      // Once the schedule is stored (a retried build counts nothing twice).
      this.logger.warn(
        { eventId, skipped },
        'registrants left out of the schedule: their data cannot be used',
      );
      await countFailures(
        this.ds,
        FailureCounter.RegistrantSkipped,
        skipped.map(() => 'unreadable_availability'),
        this.logger,
      );
    }
    return built;
  }

  /**
   * The officer publishes the built schedule: registrants see their meetings from now on, and each is told
   * through the outbox (once per registrant and revision). Publishing the revision already published changes
   * nothing; after a rebuild the new revision waits for the next publish.
   */
  async publish(actor: Actor, id: string): Promise<MeetingDayEntity> {
    return this.ds.transaction(async (m) => {
      const event = await this.events.lockOwn(m, actor, id);
      if (event.scheduleRevision === 0) {
        throw new ConflictError(
          MeetingDaysErrorCode.ScheduleNotBuilt,
          'Build the schedule before publishing it',
          [{ status: event.status, message: 'no schedule has been built for this day' }],
        );
      }
      if (event.publishedRevision === event.scheduleRevision) return event;
      const revision = event.scheduleRevision;
      event.publishedRevision = revision;
      event.publishedAt = new Date();
      await m.getRepository(MeetingDayEntity).save(event);
      const registrations = await m
        .getRepository(MeetingDayRegistrationEntity)
        .find({ where: { eventId: id }, order: { organisationId: 'ASC' } });
      const counts = await m.query<{ organisationId: string; n: number }[]>(
        `SELECT org AS "organisationId", count(*)::int AS n FROM (
           SELECT contractor_organisation_id AS org FROM event_meeting WHERE event_id = $1
           UNION ALL SELECT social_enterprise_organisation_id FROM event_meeting WHERE event_id = $1) x
         GROUP BY org`,
        [id],
      );
      const count = new Map(counts.map((c) => [c.organisationId, c.n]));
      for (const r of registrations) {
        const notice = OutboxJobs.schedulePublished(
          { eventId: id, revision },
          {
            organisationId: r.organisationId,
            message: schedulePublishedMessage(event, count.get(r.organisationId) ?? 0),
            params: {
              eventId: id,
              eventName: event.title,
              date: event.date,
              meetings: count.get(r.organisationId) ?? 0,
            },
          },
        );
        await this.outbox.add(m, notice);
      }
      return event;
    });
  }

  /**
   * The hosting officer sees every meeting; a registrant only its own, once the current schedule is published
   * (before that an empty list); anyone else learns nothing.
   */
  async schedule(actor: Actor, id: string): Promise<ScheduleView> {
    const event = await this.events.get(actor, id);
    const host = isMeetingDayHost(actor, event);
    if (!host) await this.assertRegistered(actor, id);
    if (!host && !isPublished(event)) return { event, meetings: [] };
    const qb = this.ds
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.event_id = :id', { id })
      .orderBy('m.slot', 'ASC')
      .addOrderBy('m.table_number', 'ASC');
    if (!host) {
      const mine = meetingPartyWhere(actor, 'm');
      qb.andWhere(mine.sql, mine.params);
    }
    return { event, meetings: await this.views(await qb.getMany()) };
  }

  async recordOutcome(
    actor: Actor,
    meetingId: string,
    input: { outcome: MeetingOutcome; note?: string | null },
  ): Promise<MeetingView> {
    const saved = await this.ds.transaction(async (m) => {
      const meeting = await findVisible(m, MeetingEntity, meetingId, {
        lock: true,
        visible: (row) => isMeetingParty(actor, row),
        notFound: meetingNotFound,
      });
      // A party knows its meetings only from a published schedule.
      const event = await m.getRepository(MeetingDayEntity).findOneByOrFail({ id: meeting.eventId });
      if (event.publishedRevision !== meeting.scheduleRevision) throw meetingNotFound();
      meeting.outcome = input.outcome;
      meeting.outcomeNote = input.note?.trim() || null;
      meeting.outcomeByOrganisationId = actor.organisationId;
      meeting.outcomeAt = new Date();
      return m.getRepository(MeetingEntity).save(meeting);
    });
    return (await this.views([saved]))[0];
  }

  async results(actor: Actor, id: string): Promise<EventResults> {
    const event = await this.events.get(actor, id);
    if (!isMeetingDayHost(actor, event)) throw new NotFoundError(MeetingDaysErrorCode.EventNotFound, 'Event');
    const meetings = await this.ds.getRepository(MeetingEntity).find({
      where: { eventId: id },
      order: { slot: 'ASC', tableNumber: 'ASC' },
    });
    const names = await this.events.namesOf(
      meetings.flatMap((mt) => [mt.contractorOrganisationId, mt.socialEnterpriseOrganisationId]),
    );
    const followUps = new Map(
      (
        await this.ds.query<
          {
            meetingId: string;
            quoteRequestIds: string[];
            orderIds: string[];
            orderedCents: string;
            verifiedCreditCents: string;
          }[]
        >(FOLLOW_UP_SQL, [id])
      ).map((r) => [r.meetingId, r]),
    );
    const outcomes = { follow_up: 0, no_fit: 0, no_show: 0, unrecorded: 0 };
    const rows: MeetingFollowUp[] = meetings.map((mt) => {
      outcomes[mt.outcome ?? 'unrecorded'] += 1;
      const f = followUps.get(mt.id);
      return {
        meetingId: mt.id,
        start: amsterdamIso(mt.startsAt),
        table: mt.tableNumber,
        contractorOrganisationId: mt.contractorOrganisationId,
        contractorName: names.get(mt.contractorOrganisationId) ?? '',
        socialEnterpriseOrganisationId: mt.socialEnterpriseOrganisationId,
        socialEnterpriseName: names.get(mt.socialEnterpriseOrganisationId) ?? '',
        outcome: mt.outcome,
        quoteRequestIds: f?.quoteRequestIds ?? [],
        orderIds: f?.orderIds ?? [],
        orderedCents: Number(f?.orderedCents ?? 0),
        verifiedCreditCents: Number(f?.verifiedCreditCents ?? 0),
      };
    });
    const sum = (pick: (r: MeetingFollowUp) => number): number => rows.reduce((s, r) => s + pick(r), 0);
    return {
      eventId: id,
      meetingsPlanned: meetings.length,
      meetingsHeld: outcomes.follow_up + outcomes.no_fit,
      outcomes,
      quoteRequests: sum((r) => r.quoteRequestIds.length),
      orders: sum((r) => r.orderIds.length),
      orderedCents: sum((r) => r.orderedCents),
      verifiedCreditCents: sum((r) => r.verifiedCreditCents),
      meetings: rows,
    };
  }

  /** The caller's meetings (all of them for the host) as an iCalendar file. */
  async calendar(actor: Actor, id: string): Promise<{ filename: string; content: string }> {
    const { event, meetings } = await this.schedule(actor, id);
    const own = actor.organisationId;
    const content = icsCalendar(
      `${event.title} (${event.date})`,
      event.scheduledAt ?? event.updatedAt,
      meetings.map((v) => {
        const other =
          own === v.meeting.contractorOrganisationId
            ? v.socialEnterpriseName
            : own === v.meeting.socialEnterpriseOrganisationId
              ? v.contractorName
              : `${v.contractorName} – ${v.socialEnterpriseName}`;
        const why = v.meeting.reasons.filter((r) => r.value > 0).map((r) => `- ${r.detailNl}`);
        return {
          uid: `${v.meeting.id}@buysocial`,
          start: v.meeting.startsAt,
          end: v.meeting.endsAt,
          summary: `${event.title}: gesprek met ${other}`,
          location: `Tafel ${v.meeting.tableNumber}, ${event.postcode}`,
          description: [
            `Tafel ${v.meeting.tableNumber}.`,
            ...(why.length ? ['Waarom dit gesprek:', ...why] : []),
          ].join('\n'),
        };
      }),
    );
    return { filename: `buy-social-marktplaats-${event.date}.ics`, content };
  }

  private async views(meetings: MeetingEntity[]): Promise<MeetingView[]> {
    const orgIds = [
      ...new Set(meetings.flatMap((m) => [m.contractorOrganisationId, m.socialEnterpriseOrganisationId])),
    ];
    const names = new Map<string, string>(
      orgIds.length
        ? (
            await this.ds.query<{ id: string; name: string }[]>(
              'SELECT id, name FROM organisation WHERE id = ANY($1)',
              [orgIds],
            )
          ).map((r) => [r.id, r.name])
        : [],
    );
    const enterpriseIds = [...new Set(meetings.map((m) => m.socialEnterpriseOrganisationId))];
    const offerings = enterpriseIds.length
      ? await this.ds.getRepository(OfferingEntity).find({
          where: { organisationId: In(enterpriseIds), hidden: false },
          select: { id: true, organisationId: true, title: true, cpvCodes: true },
          order: { title: 'ASC', id: 'ASC' },
        })
      : [];
    return meetings.map((meeting) => ({
      meeting,
      contractorName: names.get(meeting.contractorOrganisationId) ?? '',
      socialEnterpriseName: names.get(meeting.socialEnterpriseOrganisationId) ?? '',
      offerings: offerings
        .filter((o) => o.organisationId === meeting.socialEnterpriseOrganisationId)
        .map((o) => ({ id: o.id, title: o.title, cpvCodes: o.cpvCodes })),
    }));
  }

  private async assertRegistered(actor: Actor, eventId: string): Promise<void> {
    const registered =
      actor.organisationId !== null &&
      (await this.ds
        .getRepository(MeetingDayRegistrationEntity)
        .exists({ where: { eventId, organisationId: actor.organisationId } }));
    if (!registered) throw new NotFoundError(MeetingDaysErrorCode.ScheduleNotFound, 'Schedule');
  }

  private async assertNoOutcomes(
    repo: ReturnType<DataSource['getRepository']>,
    eventId: string,
  ): Promise<void> {
    const recorded = await repo
      .createQueryBuilder('m')
      .where('m.event_id = :eventId AND m.outcome IS NOT NULL', { eventId })
      .getExists();
    if (recorded) {
      throw new ConflictError(
        MeetingDaysErrorCode.ScheduleLocked,
        'Outcomes have been recorded for this schedule; it can no longer be rebuilt',
      );
    }
  }
}

/** Registrants see the schedule once its current revision is published. */
function isPublished(event: MeetingDayEntity): boolean {
  return event.publishedRevision > 0 && event.publishedRevision === event.scheduleRevision;
}

const meetingNotFound = () => new NotFoundError(MeetingDaysErrorCode.MeetingNotFound, 'Meeting');
