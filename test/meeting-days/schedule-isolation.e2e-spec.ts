import { todayInNl } from '@app/common';
import { BackgroundJobEntity } from '@app/database';
import { addDays, MatchingService, readFailureCounts } from '@app/domain';
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
import { relayUntil, startWorker, TestWorker } from '../support/worker';

jest.setTimeout(120_000);

const today = todayInNl();

/**
 * Issue 30, item 2 for schedules: a registrant whose stored registration cannot be used (an availability that is
 * not a time of day) is left out with the reason, counted, and the others are scheduled; a stored match reason
 * this version cannot write out never fails the build (nor the matches page).
 */
describe('a meeting-day schedule skips a registrant whose data cannot be used (e2e, real worker)', () => {
  let t: TestApp;
  let w: TestWorker;
  let officer: Session;
  let contractor: Session;
  let cleaner: Session;
  let broken: Session;
  let obligationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    w = await startWorker();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    cleaner = await register(t, 'social_enterprise');
    broken = await register(t, 'social_enterprise');
    const validity = { validFrom: addDays(today, -400), validUntil: addDays(today, 400) };
    for (const se of [cleaner, broken]) {
      await addCertification(t, se, { type: 'pso_30plus', ...validity }, officer);
      await createOffering(t, se, { title: 'Kantoorschoonmaak', cpvCodes: ['90910000-9'] });
    }
    ({ obligationId } = await awardedObligation(t, officer, contractor, {
      tender: { contractPeriod: { startDate: addDays(today, -365), endDate: addDays(today, 365) } },
    }));
    await w.worker.get(MatchingService).scoreObligation(obligationId);
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  it('leaves the unusable registrant out with the reason and schedules the others', async () => {
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
    for (const who of [contractor, cleaner, broken])
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
    // What the API refuses, stored by a hand edit or an old import: the column takes any five characters.
    await t.ds.query(
      `UPDATE event_registration SET available_from = '25:99' WHERE event_id = $1 AND organisation_id = $2`,
      [id, broken.user.organisationId],
    );
    // A match reason of a code this version does not know (another release wrote it).
    await t.ds.query(
      `UPDATE obligation_match SET reasons = (reasons::jsonb || '[["telepathy", 0.1, 1, "x"]]'::jsonb)::json
        WHERE obligation_id = $1`,
      [obligationId],
    );
    const before =
      (await readFailureCounts(t.ds)).find((c) => c.name === 'meeting_days.registrant_skipped')?.count ?? 0;

    const accepted = await t
      .http()
      .post(`/api/v1/events/${id}/schedule`)
      .set(...bearer(officer))
      .expect(202);
    const job = await relayUntil(w.relay, `schedule ${accepted.body.id}`, async () => {
      const j = await t.ds.getRepository(BackgroundJobEntity).findOneByOrFail({ id: accepted.body.id });
      return ['done', 'failed'].includes(j.status) && j;
    });
    expect([job.status, job.error]).toEqual(['done', null]);
    expect((job.result as { skipped: unknown[] }).skipped).toEqual([
      {
        organisationId: broken.user.organisationId,
        name: expect.any(String),
        reason: expect.stringMatching(/^Its availability \(from "25:99" until null\) is not a time of day/),
      },
    ]);
    const after =
      (await readFailureCounts(t.ds)).find((c) => c.name === 'meeting_days.registrant_skipped')?.count ?? 0;
    expect(after).toBe(before + 1);

    const schedule = await t
      .http()
      .get(`/api/v1/events/${id}/schedule`)
      .set(...bearer(officer))
      .expect(200);
    expect(schedule.body.meetings).toEqual([
      expect.objectContaining({
        contractorOrganisationId: contractor.user.organisationId,
        socialEnterpriseOrganisationId: cleaner.user.organisationId,
      }),
    ]);

    // The matches page reads the same rows: the reason it cannot write out is left out, the rest is there.
    const matches = await t
      .http()
      .get(`/api/v1/obligations/${obligationId}/matches`)
      .set(...bearer(contractor))
      .expect(200);
    expect(matches.body.items.length).toBeGreaterThan(0);
    for (const m of matches.body.items)
      expect(m.reasons.map((r: { factor: string }) => r.factor)).not.toContain('telepathy');
  });
});
