import { todayInNl } from '@app/common';
import { BackgroundJobEntity, MeetingEntity, MeetingDayEntity, OutboxMessageEntity } from '@app/database';
import { addDays, MeetingDayScheduleService, JobsService } from '@app/domain';
import { OutboxRelay } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Like } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';

jest.setTimeout(120_000);

const today = todayInNl();
const contractPeriod = { startDate: addDays(today, -365), endDate: addDays(today, 365) };
// A summer day (CEST, +02:00): 09:00–10:00 in 20-minute slots is three slots.
const DAY = { date: '2027-06-11', startTime: '09:00', endTime: '10:00', slotMinutes: 20, tables: 2 };

type Meeting = {
  id: string;
  start: string;
  end: string;
  slot: number;
  table: number;
  contractorOrganisationId: string;
  socialEnterpriseOrganisationId: string;
  score: number;
  reasons: { factor: string; value: number }[];
  offerings: { id: string }[];
};

describe('Buy Social Marktplaats: meeting days (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let otherOfficer: Session;
  let c1: Session;
  let c2: Session;
  let e1: Session;
  let e2: Session;
  let e3: Session;
  let stranger: Session;
  let o1: string;
  let o2: string;
  const offering: Record<string, string> = {};

  const cpvReasons = (cpv: number) => [
    {
      factor: 'cpv',
      weight: 0.35,
      value: cpv,
      detail: 'The offering covers the CPV codes.',
      detailNl: 'Het aanbod dekt de CPV-codes.',
    },
    {
      factor: 'text',
      weight: 0.15,
      value: 0.5,
      detail: 'Similar words.',
      detailNl: 'Vergelijkbare woorden.',
    },
  ];

  /** A stored match as the matching worker writes it (the scheduler only reads this table). */
  const storeMatch = (obligationId: string, offeringId: string, se: Session, score: number, cpv = 1) =>
    t.ds.query(
      `INSERT INTO obligation_match (obligation_id, offering_id, social_enterprise_id, score, counts,
         projected_credit_cents, spend_to_fill_cents, distance_km, reasons, revision, computed_at)
       VALUES ($1, $2, $3, $4, true, 100000, 100000, 1.5, $5::jsonb, 1, now())
       ON CONFLICT (obligation_id, offering_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons`,
      [obligationId, offeringId, se.user.organisationId, score, JSON.stringify(cpvReasons(cpv))],
    );

  const createEvent = async (over: Record<string, unknown> = {}): Promise<string> =>
    (
      await t
        .http()
        .post('/api/v1/events')
        .set(...bearer(officer))
        .send({ title: 'Buy Social Marktplaats Haarlem', postcode: '2011 RD', ...DAY, ...over })
        .expect(201)
    ).body.id;

  const registerFor = (id: string, who: Session, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/events/${id}/registrations`)
      .set(...bearer(who))
      .send(body);

  /** What the worker's processor does for the job, run here against the real database. */
  const runScheduleJob = async (jobId: string, eventId: string): Promise<void> => {
    const jobs = t.app.get(JobsService);
    const schedules = t.app.get(MeetingDayScheduleService);
    await jobs.run(jobId, { attemptsMade: 0, opts: { attempts: 1 } }, (progress) =>
      schedules.buildSchedule(eventId, progress),
    );
  };

  const nameOf = async (who: Session): Promise<string> =>
    (
      (await t.ds.query('SELECT name FROM organisation WHERE id = $1', [who.user.organisationId])) as {
        name: string;
      }[]
    )[0].name;

  /** The outbox rows of the notifications whose job id starts with `prefix` (`notify-event-<id>-`). */
  const notices = async (prefix: string) =>
    (await t.ds.getRepository(OutboxMessageEntity).findBy({ jobId: Like(`${prefix}%`) })).map(
      (n) => n.payload as { organisationId: string; kind: string; message: string; dedupeKey: string },
    );

  const publish = (id: string, who: Session) =>
    t
      .http()
      .post(`/api/v1/events/${id}/schedule/publish`)
      .set(...bearer(who));

  const schedule = async (id: string, who: Session): Promise<Meeting[]> =>
    (
      await t
        .http()
        .get(`/api/v1/events/${id}/schedule`)
        .set(...bearer(who))
        .expect(200)
    ).body.meetings;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    officer = (await createBuyerWithOfficer(t)).officer;
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    [c1, c2, stranger] = [
      await register(t, 'contractor'),
      await register(t, 'contractor'),
      await register(t, 'contractor'),
    ];
    [e1, e2, e3] = [
      await register(t, 'social_enterprise'),
      await register(t, 'social_enterprise'),
      await register(t, 'social_enterprise'),
    ];
    const validity = { validFrom: addDays(today, -400), validUntil: addDays(today, 400) };
    await addCertification(t, e1, { type: 'pso_30plus', ...validity }, officer);
    ({ obligationId: o1 } = await awardedObligation(t, officer, c1, { tender: { contractPeriod } }));
    ({ obligationId: o2 } = await awardedObligation(t, officer, c2, { tender: { contractPeriod } }));
    for (const [name, se] of [
      ['e1', e1],
      ['e2', e2],
      ['e3', e3],
    ] as const) {
      offering[name] = (await createOffering(t, se, { title: `Schoonmaak door ${name}` })).id;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the day from creation to the results funnel', () => {
    let eventId: string;
    let firstSchedule: Meeting[];
    let registrationOfC1: string;

    it('an officer creates a draft; bad input is a 400 with the field named', async () => {
      const created = await t
        .http()
        .post('/api/v1/events')
        .set(...bearer(officer))
        .send({
          title: 'Buy Social Marktplaats Haarlem',
          postcode: '2011 RD',
          description: 'Ontmoet elkaar',
          ...DAY,
        })
        .expect(201);
      expect(created.body).toMatchObject({ status: 'draft', slots: 3, tables: 2, postcode: '2011 RD' });
      eventId = created.body.id;
      const row = await t.ds.getRepository(MeetingDayEntity).findOneByOrFail({ id: eventId });
      expect(row).toMatchObject({ status: 'draft', startTime: '09:00', slotMinutes: 20 });

      for (const [over, field, code] of [
        [{ endTime: '08:00' }, 'endTime', 'INVALID_HOURS'],
        [{ slotMinutes: 90 }, 'slotMinutes', 'INVALID_HOURS'],
        [{ startTime: '9:00' }, 'startTime', 'VALIDATION_FAILED'],
        [{ tables: 0 }, 'tables', 'VALIDATION_FAILED'],
        [{ date: '2027-02-30' }, 'date', 'VALIDATION_FAILED'],
        [{ colour: 'blue' }, 'colour', 'VALIDATION_FAILED'],
      ] as const) {
        const res = await t
          .http()
          .post('/api/v1/events')
          .set(...bearer(officer))
          .send({ title: 'X', postcode: '2011 RD', ...DAY, ...over })
          .expect(400);
        expect(res.body.code).toBe(code);
        expect(JSON.stringify(res.body.invalidParams)).toContain(field);
      }
      await t
        .http()
        .post('/api/v1/events')
        .set(...bearer(c1))
        .send({ title: 'X', postcode: '2011 RD', ...DAY })
        .expect(403);
      await t
        .http()
        .post('/api/v1/events')
        .send({ title: 'X', postcode: '2011 RD', ...DAY })
        .expect(401);
    });

    it('the officer changes the day while it is a draft; publishing needs a schedule', async () => {
      const changed = await t
        .http()
        .patch(`/api/v1/events/${eventId}`)
        .set(...bearer(officer))
        .send({ title: 'Buy Social Marktplaats Zuid-Kennemerland', tables: 3, postcode: '2011rd' })
        .expect(200);
      expect(changed.body).toMatchObject({
        title: 'Buy Social Marktplaats Zuid-Kennemerland',
        tables: 3,
        postcode: '2011 RD',
        startTime: '09:00',
        slots: 3,
        publishedRevision: 0,
        publishedAt: null,
      });
      const bad = await t
        .http()
        .patch(`/api/v1/events/${eventId}`)
        .set(...bearer(officer))
        .send({ endTime: '08:30' })
        .expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_HOURS', invalidParams: [{ name: 'endTime' }] });
      await t
        .http()
        .patch(`/api/v1/events/${eventId}`)
        .set(...bearer(otherOfficer))
        .send({ tables: 1 })
        .expect(404);
      await t
        .http()
        .patch(`/api/v1/events/${eventId}`)
        .set(...bearer(c1))
        .send({ tables: 1 })
        .expect(403);
      await t
        .http()
        .patch(`/api/v1/events/${eventId}`)
        .set(...bearer(officer))
        .send({ tables: 2, title: 'Buy Social Marktplaats Haarlem' })
        .expect(200);
      expect((await publish(eventId, officer).expect(409)).body.code).toBe('SCHEDULE_NOT_BUILT');
    });

    it('a draft is seen only by its buyer; others cannot open it or register', async () => {
      await t.http().get(`/api/v1/events/${eventId}`).expect(404);
      await t
        .http()
        .get(`/api/v1/events/${eventId}`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/events/${eventId}`)
        .set(...bearer(officer))
        .expect(200);
      expect((await registerFor(eventId, c1).expect(404)).body.code).toBe('EVENT_NOT_FOUND');
      await t
        .http()
        .post(`/api/v1/events/${eventId}/open`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .post(`/api/v1/events/${eventId}/open`)
        .set(...bearer(c1))
        .expect(403);
    });

    it('opens registration once; the day is then public; matching organisations are invited', async () => {
      await storeMatch(o1, offering.e1, e1, 0.9);
      const opened = await t
        .http()
        .post(`/api/v1/events/${eventId}/open`)
        .set(...bearer(officer))
        .expect(200);
      expect(opened.body.status).toBe('open');
      const again = await t
        .http()
        .post(`/api/v1/events/${eventId}/open`)
        .set(...bearer(officer))
        .expect(409);
      expect(again.body.code).toBe('ILLEGAL_TRANSITION');
      const pub = await t.http().get(`/api/v1/events/${eventId}`).expect(200);
      expect(pub.body).toMatchObject({ id: eventId, status: 'open', startTime: '09:00', endTime: '10:00' });
      const list = await t.http().get('/api/v1/events?limit=100').expect(200);
      expect(list.body.items.map((e: { id: string }) => e.id)).toContain(eventId);
      expect(list.body).toHaveProperty('nextCursor');

      // Invited once each: the contractors with an open obligation towards the buyer, the enterprise matching one.
      const invited = await notices(`notify-event-open-${eventId}-`);
      expect(invited.map((n) => n.organisationId).sort()).toEqual(
        [c1, c2, e1].map((s) => s.user.organisationId).sort(),
      );
      expect(invited.every((n) => n.kind === 'event_registration_open')).toBe(true);
      const toE1 = invited.find((n) => n.organisationId === e1.user.organisationId)!;
      expect(toE1).toMatchObject({
        dedupeKey: `event-registration-open-${eventId}-${e1.user.organisationId}`,
      });
      expect(toE1.message).toContain('11 juni 2027 (09:00–10:00)');
    });

    it('registers contractors and enterprises; 409 on a second registration; bad input rejected', async () => {
      const first = await registerFor(eventId, c1, { wishes: [e3.user.organisationId] }).expect(201);
      expect(first.body).toMatchObject({
        eventId,
        organisationId: c1.user.organisationId,
        kind: 'contractor',
        maxMeetings: 3,
        availableFrom: null,
        wishes: [e3.user.organisationId],
        wishedOrganisations: [{ id: e3.user.organisationId, name: await nameOf(e3) }],
      });
      const dup = await registerFor(eventId, c1).expect(409);
      expect(dup.body.code).toBe('ALREADY_REGISTERED');

      await registerFor(eventId, c2, { availableFrom: '09:20' }).expect(201);
      await registerFor(eventId, e1).expect(201);
      await registerFor(eventId, e2, { maxMeetings: 1 }).expect(201);

      const wish = await registerFor(eventId, e3, { wishes: [e1.user.organisationId] }).expect(422);
      expect(wish.body).toMatchObject({ code: 'INVALID_WISH', invalidParams: [{ name: 'wishes[0]' }] });
      const late = await registerFor(eventId, e3, { availableFrom: '09:50' }).expect(400);
      expect(late.body.code).toBe('INVALID_AVAILABILITY');
      const reversed = await registerFor(eventId, e3, {
        availableFrom: '09:40',
        availableUntil: '09:20',
      }).expect(400);
      expect(reversed.body.invalidParams[0].name).toBe('availableUntil');
      expect((await registerFor(eventId, e3, { maxMeetings: 0 }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await registerFor(eventId, e3, { wishes: ['not-a-uuid'] }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      const e3Reg = await registerFor(eventId, e3, { maxMeetings: 1 }).expect(201);
      const changed = await t
        .http()
        .patch(`/api/v1/events/${eventId}/registrations/${e3Reg.body.id}`)
        .set(...bearer(e3))
        .send({ maxMeetings: 3 })
        .expect(200);
      expect(changed.body).toMatchObject({ maxMeetings: 3, availableFrom: null, wishes: [] });
      await t
        .http()
        .patch(`/api/v1/events/${eventId}/registrations/${e3Reg.body.id}`)
        .set(...bearer(e1))
        .send({ maxMeetings: 1 })
        .expect(404);
      // A stranger registers and withdraws again.
      const gone = await registerFor(eventId, stranger).expect(201);
      await t
        .http()
        .delete(`/api/v1/events/${eventId}/registrations/${gone.body.id}`)
        .set(...bearer(stranger))
        .expect(204);
      registrationOfC1 = first.body.id;

      await t
        .http()
        .post(`/api/v1/events/${eventId}/registrations`)
        .set(...bearer(officer))
        .send({})
        .expect(403);

      const all = await t
        .http()
        .get(`/api/v1/events/${eventId}/registrations`)
        .set(...bearer(officer))
        .expect(200);
      expect(all.body.items).toHaveLength(5);
      const own = await t
        .http()
        .get(`/api/v1/events/${eventId}/registrations`)
        .set(...bearer(c2))
        .expect(200);
      expect(own.body.items).toEqual([
        expect.objectContaining({ organisationId: c2.user.organisationId, availableFrom: '09:20' }),
      ]);
      const mine = await t
        .http()
        .get(`/api/v1/events/${eventId}/registrations`)
        .set(...bearer(c1))
        .expect(200);
      expect(mine.body.items[0].wishedOrganisations).toEqual([
        { id: e3.user.organisationId, name: await nameOf(e3) },
      ]);

      // Registered organisations by name: all for the host; the other kind for a contractor or enterprise.
      const participants = async (who: Session) =>
        (
          await t
            .http()
            .get(`/api/v1/events/${eventId}/participants`)
            .set(...bearer(who))
            .expect(200)
        ).body.items as { organisationId: string; name: string; kind: string }[];
      const everyone = await participants(officer);
      expect(everyone.map((p) => p.organisationId).sort()).toEqual(
        [c1, c2, e1, e2, e3].map((s) => s.user.organisationId).sort(),
      );
      expect(everyone.map((p) => p.name)).toEqual([...everyone.map((p) => p.name)].sort());
      expect(everyone).toContainEqual({
        organisationId: e2.user.organisationId,
        name: await nameOf(e2),
        kind: 'social_enterprise',
      });
      const enterprises = [e1, e2, e3].map((s) => s.user.organisationId).sort();
      expect((await participants(c1)).map((p) => p.organisationId).sort()).toEqual(enterprises);
      // Also before registering: a contractor picks its wishes from the enterprises already registered.
      expect((await participants(stranger)).map((p) => p.organisationId).sort()).toEqual(enterprises);
      expect((await participants(e1)).map((p) => p.organisationId).sort()).toEqual(
        [c1, c2].map((s) => s.user.organisationId).sort(),
      );
      await t
        .http()
        .get(`/api/v1/events/${eventId}/participants`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t.http().get(`/api/v1/events/${eventId}/participants`).expect(401);
    });

    it('schedules only after closing; registration is 409 after closing', async () => {
      await t
        .http()
        .patch(`/api/v1/events/${eventId}/registrations/${registrationOfC1}`)
        .set(...bearer(c1))
        .send({ maxMeetings: 2 })
        .expect(200);
      await t
        .http()
        .patch(`/api/v1/events/${eventId}/registrations/${registrationOfC1}`)
        .set(...bearer(c1))
        .send({ maxMeetings: 3 })
        .expect(200);

      const early = await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(officer))
        .expect(409);
      expect(early.body.code).toBe('EVENT_NOT_CLOSED');
      await t
        .http()
        .post(`/api/v1/events/${eventId}/close`)
        .set(...bearer(otherOfficer))
        .expect(404);
      const closed = await t
        .http()
        .post(`/api/v1/events/${eventId}/close`)
        .set(...bearer(officer))
        .expect(200);
      expect(closed.body.status).toBe('closed');
      const after = await registerFor(eventId, stranger).expect(409);
      expect(after.body.code).toBe('REGISTRATION_CLOSED');
      expect((await registerFor(eventId, c1).expect(409)).body.code).toBe('REGISTRATION_CLOSED');
      const change = await t
        .http()
        .patch(`/api/v1/events/${eventId}/registrations/${registrationOfC1}`)
        .set(...bearer(c1))
        .send({ maxMeetings: 2 })
        .expect(409);
      expect(change.body.code).toBe('REGISTRATION_CLOSED');
      await t
        .http()
        .delete(`/api/v1/events/${eventId}/registrations/${registrationOfC1}`)
        .set(...bearer(c1))
        .expect(409);
      await t
        .http()
        .post(`/api/v1/events/${eventId}/close`)
        .set(...bearer(officer))
        .expect(409);
      const edit = await t
        .http()
        .patch(`/api/v1/events/${eventId}`)
        .set(...bearer(officer))
        .send({ tables: 5 })
        .expect(409);
      expect(edit.body.code).toBe('EVENT_NOT_EDITABLE');
    });

    it('builds the schedule as a job from the matches and wishes, under every constraint', async () => {
      // c1: e1 0.9, e2 0.8 (and wishes e3); c2: e1 0.85, e3 0.7, e2 without a CPV overlap (no candidate).
      await storeMatch(o1, offering.e1, e1, 0.9);
      await storeMatch(o1, offering.e2, e2, 0.8);
      await storeMatch(o2, offering.e1, e1, 0.85);
      await storeMatch(o2, offering.e3, e3, 0.7);
      await storeMatch(o2, offering.e2, e2, 0.95, 0);

      await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(c1))
        .expect(403);
      const accepted = await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(officer))
        .expect(202);
      expect(accepted.body).toEqual({ id: expect.any(String), status: 'queued' });
      const again = await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(officer))
        .expect(202);
      expect(again.body.id).toBe(accepted.body.id);
      const outbox = await t.ds
        .getRepository(OutboxMessageEntity)
        .findOneByOrFail({ jobId: `build-event-schedule-${accepted.body.id}` });
      expect(outbox).toMatchObject({ queue: 'events', jobName: 'build-event-schedule' });

      await runScheduleJob(accepted.body.id, eventId);
      const job = await t
        .http()
        .get(`/api/v1/jobs/${accepted.body.id}`)
        .set(...bearer(officer))
        .expect(200);
      expect(job.body).toMatchObject({ status: 'done', progress: 100, kind: 'event_schedule' });

      const meetings = await schedule(eventId, officer);
      firstSchedule = meetings;
      const pairs = meetings
        .map((m) => `${m.contractorOrganisationId}/${m.socialEnterpriseOrganisationId}`)
        .sort();
      const id = (s: Session) => s.user.organisationId;
      expect(pairs).toEqual(
        [
          `${id(c1)}/${id(e1)}`,
          `${id(c1)}/${id(e2)}`,
          `${id(c1)}/${id(e3)}`,
          `${id(c2)}/${id(e1)}`,
          `${id(c2)}/${id(e3)}`,
        ].sort(),
      );
      const seats = new Set<string>();
      for (const m of meetings) {
        expect(m.table).toBeGreaterThanOrEqual(1);
        expect(m.table).toBeLessThanOrEqual(2);
        for (const org of [m.contractorOrganisationId, m.socialEnterpriseOrganisationId]) {
          expect(seats.has(`${org}/${m.slot}`)).toBe(false);
          seats.add(`${org}/${m.slot}`);
        }
        expect(m.start).toMatch(/^2027-06-11T09:[024]0:00\+02:00$/);
        expect(Date.parse(m.end) - Date.parse(m.start)).toBe(20 * 60_000);
      }
      expect(new Set(meetings.map((m) => `${m.slot}/${m.table}`)).size).toBe(meetings.length);
      // c2 arrives at 09:20: never in the first slot.
      expect(
        meetings
          .filter((m) => m.contractorOrganisationId === id(c2))
          .every((m) => m.start >= '2027-06-11T09:20'),
      ).toBe(true);
      const c1e1 = meetings.find(
        (m) => m.contractorOrganisationId === id(c1) && m.socialEnterpriseOrganisationId === id(e1),
      )!;
      expect(c1e1.score).toBeCloseTo(0.9, 10);
      expect(c1e1.reasons[0]).toMatchObject({ factor: 'cpv', value: 1 });
      expect(c1e1.offerings.map((o) => o.id)).toEqual([offering.e1]);
      const wish = meetings.find(
        (m) => m.socialEnterpriseOrganisationId === id(e3) && m.contractorOrganisationId === id(c1),
      )!;
      expect(wish).toMatchObject({ score: 0 });
      expect(wish.reasons.map((r) => r.factor)).toEqual(['wish']);

      const stored = await t.ds.getRepository(MeetingEntity).findBy({ eventId });
      expect(stored).toHaveLength(5);
      const event = await t.ds.getRepository(MeetingDayEntity).findOneByOrFail({ id: eventId });
      expect(event.scheduleRevision).toBe(1);
      expect(event.scheduleSummary).toMatchObject({ method: 'exact', gap: 0, meetings: 5, candidates: 5 });
      // Registrants see nothing, and are told nothing, until the officer publishes.
      expect(await schedule(eventId, c1)).toEqual([]);
      expect(await notices(`notify-event-${eventId}-`)).toEqual([]);
      const c1e1Outcome = await t
        .http()
        .post(`/api/v1/meetings/${c1e1.id}/outcome`)
        .set(...bearer(c1))
        .send({ outcome: 'follow_up' })
        .expect(404);
      expect(c1e1Outcome.body.code).toBe('MEETING_NOT_FOUND');
    });

    it('the officer publishes the schedule; every registrant is told once', async () => {
      await publish(eventId, otherOfficer).expect(404);
      await publish(eventId, c1).expect(403);
      const published = await publish(eventId, officer).expect(200);
      expect(published.body).toMatchObject({ scheduleRevision: 1, publishedRevision: 1 });
      expect(published.body.publishedAt).toEqual(expect.any(String));
      const again = await publish(eventId, officer).expect(200);
      expect(again.body.publishedAt).toBe(published.body.publishedAt);

      const notes = await notices(`notify-event-${eventId}-1-`);
      expect(notes.map((n) => n.organisationId).sort()).toEqual(
        [c1, c2, e1, e2, e3].map((s) => s.user.organisationId).sort(),
      );
      expect(notes.every((n) => n.kind === 'schedule_published')).toBe(true);
      const toC1 = notes.find((n) => n.organisationId === c1.user.organisationId)!;
      expect(toC1.message).toBe(
        'Uw gesprekken voor "Buy Social Marktplaats Haarlem" op 11 juni 2027 (09:00–10:00) staan klaar: 3 gesprekken.',
      );
      expect(await schedule(eventId, c1)).toHaveLength(3);
      const view = await t
        .http()
        .get(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(c1))
        .expect(200);
      expect(view.body).toMatchObject({ revision: 1, publishedRevision: 1 });
    });

    it('a rebuild of the same input gives the same schedule', async () => {
      const accepted = await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(officer))
        .expect(202);
      await runScheduleJob(accepted.body.id, eventId);
      const again = await schedule(eventId, officer);
      const shape = (ms: Meeting[]) =>
        ms.map((m) => [
          m.slot,
          m.table,
          m.contractorOrganisationId,
          m.socialEnterpriseOrganisationId,
          m.start,
        ]);
      expect(shape(again)).toEqual(shape(firstSchedule));
      const event = await t.ds.getRepository(MeetingDayEntity).findOneByOrFail({ id: eventId });
      expect(event).toMatchObject({ scheduleRevision: 2, publishedRevision: 1 });
      // The rebuilt schedule waits for the next publish, which tells everybody again.
      expect(await schedule(eventId, c2)).toEqual([]);
      expect(await notices(`notify-event-${eventId}-2-`)).toEqual([]);
      await publish(eventId, officer).expect(200);
      expect(await notices(`notify-event-${eventId}-2-`)).toHaveLength(5);
    });

    it('each registrant sees only its own meetings; others learn nothing', async () => {
      const mine = await schedule(eventId, c2);
      expect(mine).toHaveLength(2);
      expect(mine.every((m) => m.contractorOrganisationId === c2.user.organisationId)).toBe(true);
      expect(await schedule(eventId, e2)).toHaveLength(1);
      const stray = await t
        .http()
        .get(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(stranger))
        .expect(404);
      expect(stray.body.code).toBe('SCHEDULE_NOT_FOUND');
      await t
        .http()
        .get(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t.http().get(`/api/v1/events/${eventId}/schedule`).expect(401);
    });

    it('gives each registrant its meetings as an iCalendar file', async () => {
      const res = await t
        .http()
        .get(`/api/v1/events/${eventId}/calendar`)
        .set(...bearer(c1))
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          r.on('end', () => done(null, text));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="buy-social-marktplaats-2027-06-11.ics"',
      );
      const ics = res.body as string;
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      expect(ics).toContain('DTSTART:20270611T070000Z');
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      await t
        .http()
        .get(`/api/v1/events/${eventId}/calendar`)
        .set(...bearer(stranger))
        .expect(404);
    });

    it('either party records the outcome; others cannot; the schedule is then locked', async () => {
      const [meeting] = (await schedule(eventId, c1)).filter(
        (m) => m.socialEnterpriseOrganisationId === e1.user.organisationId,
      );
      const res = await t
        .http()
        .post(`/api/v1/meetings/${meeting.id}/outcome`)
        .set(...bearer(e1))
        .send({ outcome: 'follow_up', note: 'Offerte volgt' })
        .expect(200);
      expect(res.body).toMatchObject({ id: meeting.id, outcome: 'follow_up', outcomeNote: 'Offerte volgt' });
      await t
        .http()
        .post(`/api/v1/meetings/${meeting.id}/outcome`)
        .set(...bearer(stranger))
        .send({ outcome: 'no_fit' })
        .expect(404);
      await t
        .http()
        .post(`/api/v1/meetings/${meeting.id}/outcome`)
        .set(...bearer(officer))
        .send({ outcome: 'no_fit' })
        .expect(403);
      await t
        .http()
        .post(`/api/v1/meetings/${meeting.id}/outcome`)
        .set(...bearer(c1))
        .send({ outcome: 'great' })
        .expect(400);
      const row = await t.ds.getRepository(MeetingEntity).findOneByOrFail({ id: meeting.id });
      expect(row).toMatchObject({ outcome: 'follow_up', outcomeByOrganisationId: e1.user.organisationId });
      const noShow = (await schedule(eventId, e2))[0];
      await t
        .http()
        .post(`/api/v1/meetings/${noShow.id}/outcome`)
        .set(...bearer(c1))
        .send({ outcome: 'no_show' })
        .expect(200);

      const locked = await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(officer))
        .expect(409);
      expect(locked.body.code).toBe('SCHEDULE_LOCKED');
    });

    it('the results funnel follows quote requests, orders and verified credit between the pairs', async () => {
      const before = await t
        .http()
        .get(`/api/v1/events/${eventId}/results`)
        .set(...bearer(officer))
        .expect(200);
      expect(before.body).toMatchObject({
        eventId,
        meetingsPlanned: 5,
        meetingsHeld: 1,
        outcomes: { follow_up: 1, no_fit: 0, no_show: 1, unrecorded: 3 },
        quoteRequests: 0,
        orders: 0,
        verifiedCreditCents: 0,
      });

      const request = await t
        .http()
        .post('/api/v1/quote-requests')
        .set(...bearer(c1))
        .send({ obligationId: o1, offeringId: offering.e1, description: 'Schoonmaak na de marktplaats' })
        .expect(201);
      const quote = await t
        .http()
        .post(`/api/v1/quote-requests/${request.body.id}/quotes`)
        .set(...bearer(e1))
        .send({ amountCents: 800_000, validUntil: addDays(today, 30) })
        .expect(201);
      const order = await t
        .http()
        .post(`/api/v1/quotes/${quote.body.id}/accept`)
        .set(...bearer(c1))
        .expect(201);
      const invoice = await t
        .http()
        .post(`/api/v1/orders/${order.body.id}/invoices`)
        .set(...bearer(e1))
        .send({ invoiceNumber: `EVT-${Date.now()}`, invoiceDate: today, amountCents: 500_000 })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/contributions/${invoice.body.contribution.id}/review`)
        .set(...bearer(officer))
        .send({ decision: 'verified' })
        .expect(200);

      const after = await t
        .http()
        .get(`/api/v1/events/${eventId}/results`)
        .set(...bearer(officer))
        .expect(200);
      expect(after.body).toMatchObject({
        quoteRequests: 1,
        orders: 1,
        orderedCents: 800_000,
        verifiedCreditCents: 500_000,
      });
      const row = after.body.meetings.find(
        (m: { contractorOrganisationId: string; socialEnterpriseOrganisationId: string }) =>
          m.contractorOrganisationId === c1.user.organisationId &&
          m.socialEnterpriseOrganisationId === e1.user.organisationId,
      );
      expect(row).toMatchObject({
        contractorName: await nameOf(c1),
        socialEnterpriseName: await nameOf(e1),
        table: expect.any(Number),
        start: expect.stringMatching(/^2027-06-11T09:[024]0:00\+02:00$/),
        outcome: 'follow_up',
        quoteRequestIds: [request.body.id],
        orderIds: [order.body.id],
        verifiedCreditCents: 500_000,
      });

      await t
        .http()
        .get(`/api/v1/events/${eventId}/results`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/events/${eventId}/results`)
        .set(...bearer(c1))
        .expect(403);
    });
  });

  describe('through the real queue', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      const ref = await Test.createTestingModule({
        imports: [WorkerModule.register({ OUTBOX_RELAY: 'off' })],
      }).compile();
      worker = await ref.init();
    });
    afterAll(async () => {
      await worker?.close();
    });

    it('the worker builds a closed day from its outbox row, and GET /jobs/:id follows it', async () => {
      const eventId = await createEvent({ tables: 1 });
      for (const action of ['open'])
        await t
          .http()
          .post(`/api/v1/events/${eventId}/${action}`)
          .set(...bearer(officer))
          .expect(200);
      await registerFor(eventId, c1, { wishes: [e2.user.organisationId] }).expect(201);
      await registerFor(eventId, e2).expect(201);
      // Two registrations of one organisation at once: exactly one gets in.
      // (A contractor without obligations: the matching jobs relayed below cannot make it a candidate.)
      const racing = await Promise.all([registerFor(eventId, stranger), registerFor(eventId, stranger)]);
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(racing.find((r) => r.status === 409)!.body.code).toBe('ALREADY_REGISTERED');
      await t
        .http()
        .post(`/api/v1/events/${eventId}/close`)
        .set(...bearer(officer))
        .expect(200);
      const accepted = await t
        .http()
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(...bearer(officer))
        .expect(202);
      await worker.get(OutboxRelay).relayOnce();
      const deadline = Date.now() + 60_000;
      let status = 'queued';
      while (Date.now() < deadline && status !== 'done' && status !== 'failed') {
        const job = await t.ds.getRepository(BackgroundJobEntity).findOneByOrFail({ id: accepted.body.id });
        status = job.status;
        if (status !== 'done' && status !== 'failed') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('done');
      const meetings = await schedule(eventId, officer);
      expect(meetings).toEqual([
        expect.objectContaining({
          contractorOrganisationId: c1.user.organisationId,
          socialEnterpriseOrganisationId: e2.user.organisationId,
          table: 1,
          start: '2027-06-11T09:00:00+02:00',
        }),
      ]);
    });
  });
});
