import { retryingTransaction, transactionRetries } from '@app/database';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';

// Many concurrent requests and a worker on a shared 2-core machine.
jest.setTimeout(300_000);

const ROUNDS = 20;

interface Answer {
  status: number;
  body: { id?: string; status?: string } & Record<string, unknown>;
}

/**
 * Concurrent writes for one enterprise never end in a 5xx. A profile PUT once answered 500 "deadlock detected":
 * the profile, its offerings, their match facts and the matching triggers' pair requests were locked in different
 * orders by a profile change, offering changes and certification writes running at the same time.
 */
describe('concurrent writes for one enterprise (e2e, real PostgreSQL + Redis + worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let se: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })] }).compile()
    ).init();
    let contractor: Session;
    ({ officer } = await createBuyerWithOfficer(t));
    [se, contractor] = await Promise.all([register(t, 'social_enterprise'), register(t, 'contractor')]);
    // Subjects the enterprise's writes reach (same CPV division, nearby): an obligation and an open tender.
    await awardedObligation(t, officer, contractor);
    await awardedObligation(t, officer, contractor, { tender: { title: 'Glasbewassing' } });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it(`answers no 5xx to ${ROUNDS} rounds of a profile PUT beside offering and certification writes`, async () => {
    const offerings = await Promise.all([
      createOffering(t, se, { title: 'Kantoorschoonmaak' }),
      createOffering(t, se, { title: 'Glasbewassing', cpvCodes: ['90911300-9'] }),
      createOffering(t, se, { title: 'Groenonderhoud', cpvCodes: ['77310000-6', '90910000-9'] }),
    ]);
    let pendingCert = (
      await addCertification(t, se, { type: 'sw_company', validFrom: '2025-01-01', validUntil: '2030-12-31' })
    ).id;
    const org = se.user.organisationId;
    const groups = [['participatiewet'], ['banenafspraak', 'wajong'], ['participatiewet', 'ww']];
    const failures: string[] = [];
    let created: string | null = null;

    for (let round = 0; round < ROUNDS; round++) {
      const request = (label: string, req: () => PromiseLike<Answer>): Promise<Answer> =>
        Promise.resolve(req()).then((res) => {
          if (res.status >= 500)
            failures.push(`round ${round} ${label}: ${res.status} ${JSON.stringify(res.body)}`);
          return res;
        });
      const calls: Promise<Answer>[] = [
        request('profile PUT', () =>
          t
            .http()
            .put(`/api/v1/social-enterprises/${org}/profile`)
            .set(...bearer(se))
            .send({
              mission: `Werk voor iedereen (ronde ${round})`,
              targetGroups: groups[round % groups.length],
              fteTotal: 20 + round,
              fteTargetGroup: 10,
              // Every fourth round hides the profile (and with it every offering) for one round.
              published: round % 4 !== 3,
            }),
        ),
        request('offering POST', () =>
          t
            .http()
            .post('/api/v1/offerings')
            .set(...bearer(se))
            .send({ title: `Schoonmaak ronde ${round}`, cpvCodes: ['90910000-9'], deliveryRadiusKm: 30 }),
        ),
        ...offerings.map((o, i) =>
          request(`offering ${i} PATCH`, () =>
            t
              .http()
              .patch(`/api/v1/offerings/${o.id}`)
              .set(...bearer(se))
              .send({ labourShare: ((round + i) % 10) / 10, deliveryRadiusKm: 20 + round }),
          ),
        ),
        request('certification POST', () =>
          t
            .http()
            .post(`/api/v1/organisations/${org}/certifications`)
            .set(...bearer(se))
            .send({ type: 'pso', level: 'trede_1', validFrom: '2025-01-01', validUntil: '2027-01-01' }),
        ),
        request('certification verification', () =>
          t
            .http()
            .post(`/api/v1/certifications/${pendingCert}/verification`)
            .set(...bearer(officer))
            .send({ decision: round % 2 ? 'verified' : 'rejected' }),
        ),
        ...(created
          ? [
              request('offering DELETE', () =>
                t
                  .http()
                  .delete(`/api/v1/offerings/${created}`)
                  .set(...bearer(se)),
              ),
            ]
          : []),
      ];
      const answers = await Promise.all(calls);
      created = answers[1].body.id ?? null;
      // The certification created this round is verified (or rejected) in the next.
      const cert = answers.find((a) => a.status === 201 && a.body.status === 'unverified');
      if (cert?.body.id) pendingCert = cert.body.id;
    }
    expect(failures).toEqual([]);
  });

  it('runs a transaction that PostgreSQL aborted as a deadlock victim again, and both writes succeed', async () => {
    // Two transactions take two locks in opposite orders, each waiting until the other holds its first: a real
    // deadlock, which PostgreSQL breaks by aborting one (after deadlock_timeout). Its retry then goes through.
    const keys = [Date.now() % 1_000_000_000, (Date.now() % 1_000_000_000) + 1];
    let tries = 0;
    let arrived = 0;
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldOne = resolve));
    const before = transactionRetries['40P01'] ?? 0;
    const lockBoth = (first: number, second: number) =>
      retryingTransaction(t.ds, async (m) => {
        tries += 1;
        await m.query('SELECT pg_advisory_xact_lock($1)', [first]);
        if (++arrived === 2) bothHoldOne();
        await barrier;
        await m.query('SELECT pg_advisory_xact_lock($1)', [second]);
        return first;
      });
    await expect(Promise.all([lockBoth(keys[0], keys[1]), lockBoth(keys[1], keys[0])])).resolves.toEqual(
      keys,
    );
    expect(tries).toBe(3);
    expect(transactionRetries['40P01']).toBe(before + 1);
  });
});
