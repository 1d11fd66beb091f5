import { NotificationsService } from '@app/domain';
import { OutboxJobs, OutboxService } from '@app/queue';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import {
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  login,
  Session,
  uniqueEmail,
} from '../support/factories';

/** A buyer organisation with two officers (two recipients of the same notifications). */
export async function buyerWithTwoOfficers(
  api: TestApp,
  emailPrefix = 'officer',
): Promise<{ organisationId: string; a: Session; b: Session }> {
  const { organisationId, officer: a } = await createBuyerWithOfficer(api);
  const admin = await adminLogin(api);
  const email = uniqueEmail(emailPrefix);
  await api
    .http()
    .post(`/api/v1/organisations/${organisationId}/users`)
    .set(...bearer(admin))
    .send({ email, name: 'Tweede Inkoper', password: 'officer-password-2', role: 'procurement_officer' })
    .expect(201);
  return { organisationId, a, b: await login(api, email, 'officer-password-2') };
}

export async function setPreferences(
  api: TestApp,
  s: Session,
  prefs: { language: 'nl' | 'en'; email: 'immediately' | 'daily' | 'off' },
): Promise<void> {
  await api
    .http()
    .put('/api/v1/me/preferences')
    .set(...bearer(s))
    .send(prefs)
    .expect(200);
}

/** Params that every kind's text can be rendered from (names, amounts, dates; ids only for links). */
export const SAMPLE_PARAMS = {
  offeringTitle: 'Groenonderhoud Zuid',
  amountCents: 250_000,
  budgetCents: 300_000,
  creditCents: 125_000,
  validUntil: '2027-01-14',
  tenderTitle: 'Schoonmaak stadhuis',
  contractorName: 'Bouwbedrijf Van Dam',
  enterpriseName: 'De Groene Werkplaats',
  invoiceNumber: 'F-2026-001',
  status: 'verified',
  type: 'pso_30plus',
  category: 'employment',
  reportTitle: 'Voortgang december',
  title: 'Catering voor het stadskantoor',
  opportunityKind: 'tender',
  eventName: 'Ontmoetingsdag Haarlem',
  date: '2027-06-11',
  meetings: 3,
  reason: 'geen capaciteit',
  obligationId: '00000000-0000-4000-8000-000000000001',
  eventId: '00000000-0000-4000-8000-000000000002',
  challengeId: '00000000-0000-4000-8000-000000000003',
  challengeTitle: 'Schone wijk Oost',
  proposerName: 'Werkbedrijf De Brug',
  decision: 'shortlisted',
  initiativeId: '00000000-0000-4000-8000-000000000004',
  initiativeTitle: 'Buurtmoestuin Noord',
  pledgerName: 'Bakkerij Het Hoekje',
};

/** Writes one notification job through the outbox, as a producer does in its business transaction. */
export async function queueNotification(
  ds: DataSource,
  outbox: OutboxService,
  kind: string,
  subject: string,
  organisationId: string,
  params: Record<string, string | number | null> = SAMPLE_PARAMS,
): Promise<string> {
  const job = OutboxJobs.notification(kind, [subject], { organisationId, params });
  await ds.transaction((m) => outbox.add(m, job));
  return job.id;
}

/** Writes a notification directly (as the worker's job does), for the inbox routes. */
export async function writeNotification(
  api: TestApp,
  kind: string,
  dedupeKey: string,
  organisationId: string,
  params: Record<string, string | number | null> = SAMPLE_PARAMS,
): Promise<void> {
  await api.app.get(NotificationsService).notify({ organisationId, kind, params, dedupeKey });
}
