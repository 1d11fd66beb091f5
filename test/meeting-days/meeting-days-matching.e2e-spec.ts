import { todayInNl } from '@app/common';
import { BackgroundJobEntity } from '@app/database';
import { addDays, MatchingService } from '@app/domain';
import { OutboxRelay } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
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

/**
 * The day on the real matching: the worker scores the obligation (matching's own code), and the schedule pairs
 * exactly the registered enterprises whose stored match has a CPV overlap.
 */
describe('meeting days on the stored matches of the matching worker (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let officer: Session;
  let contractor: Session;
  let cleaner: Session;
  let builder: Session;
  let obligationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'off' })],
    }).compile();
    worker = await ref.init();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    cleaner = await register(t, 'social_enterprise');
    builder = await register(t, 'social_enterprise');
    const validity = { validFrom: addDays(today, -400), validUntil: addDays(today, 400) };
    await addCertification(t, cleaner, { type: 'pso_30plus', ...validity }, officer);
    await addCertification(t, builder, { type: 'pso_30plus', ...validity }, officer);
    ({ obligationId } = await awardedObligation(t, officer, contractor, {
      tender: { contractPeriod: { startDate: addDays(today, -365), endDate: addDays(today, 365) } },
    }));
    await createOffering(t, cleaner, { title: 'Kantoorschoonmaak', cpvCodes: ['90910000-9'] });
    await createOffering(t, builder, {
      title: 'Metselwerk',
      description: 'Metselen van muren',
      cpvCodes: ['45262500-6'],
    });
    await worker.get(MatchingService).scoreObligation(obligationId);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('pairs the contractor with the enterprise whose offering overlaps its CPV codes, not the other', async () => {
    const stored: { social_enterprise_id: string; score: number; cpv: number }[] = await t.ds.query(
      `SELECT social_enterprise_id, score,
              COALESCE((SELECT (r->>2)::float8 FROM json_array_elements(reasons) r WHERE r->>0 = 'cpv'), 0) AS cpv
         FROM obligation_match WHERE obligation_id = $1`,
      [obligationId],
    );
    const cpvOf = (s: Session) =>
      stored.find((r) => r.social_enterprise_id === s.user.organisationId)?.cpv ?? 0;
    expect(cpvOf(cleaner)).toBeGreaterThan(0);
    expect(cpvOf(builder)).toBe(0);

    const created = await t
      .http()
      .post('/api/v1/events')
      .set(...bearer(officer))
      .send({
        title: 'Marktplaats',
        date: '2027-01-15',
        startTime: '13:00',
        endTime: '14:00',
        slotMinutes: 30,
        tables: 3,
        postcode: '2011 RD',
      })
      .expect(201);
    const id = created.body.id;
    await t
      .http()
      .post(`/api/v1/events/${id}/open`)
      .set(...bearer(officer))
      .expect(200);
    for (const who of [contractor, cleaner, builder])
      await t
        .http()
        .post(`/api/v1/events/${id}/registrations`)
        .set(...bearer(who))
        .send({})
        .expect(201);
    await t
      .http()
      .post(`/api/v1/events/${id}/close`)
      .set(...bearer(officer))
      .expect(200);
    const accepted = await t
      .http()
      .post(`/api/v1/events/${id}/schedule`)
      .set(...bearer(officer))
      .expect(202);
    const deadline = Date.now() + 60_000;
    let job = await t.ds.getRepository(BackgroundJobEntity).findOneByOrFail({ id: accepted.body.id });
    while (Date.now() < deadline && job.status !== 'done' && job.status !== 'failed') {
      // Relayed in batches: in a shared database opening registration may have written many notices first.
      await worker.get(OutboxRelay).relayOnce();
      await new Promise((r) => setTimeout(r, 100));
      job = await t.ds.getRepository(BackgroundJobEntity).findOneByOrFail({ id: accepted.body.id });
    }
    expect(job.status).toBe('done');

    const schedule = await t
      .http()
      .get(`/api/v1/events/${id}/schedule`)
      .set(...bearer(officer))
      .expect(200);
    expect(schedule.body.meetings).toEqual([
      expect.objectContaining({
        contractorOrganisationId: contractor.user.organisationId,
        socialEnterpriseOrganisationId: cleaner.user.organisationId,
        start: '2027-01-15T13:00:00+01:00',
        end: '2027-01-15T13:30:00+01:00',
        table: 1,
      }),
    ]);
    const meeting = schedule.body.meetings[0];
    expect(meeting.score).toBeCloseTo(
      stored.find((r) => r.social_enterprise_id === cleaner.user.organisationId)!.score,
      10,
    );
    expect(meeting.reasons.map((r: { factor: string }) => r.factor)).toContain('cpv');
  });
});
