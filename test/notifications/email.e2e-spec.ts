import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Env } from '@app/config';
import { EmailDeliveryEntity } from '@app/database';
import { EmailService, NOTIFICATION_KINDS, signUnsubscribeToken } from '@app/domain';
import { OutboxService } from '@app/queue';
import { In } from 'typeorm';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { bearer } from '../support/factories';
import { relayUntil, startWorker, TestWorker } from '../support/worker';
import { buyerWithTwoOfficers, queueNotification, setPreferences } from './notification-fixtures';
import { CaughtMail, SmtpCatcher } from './smtp-catcher';

jest.setTimeout(180_000);

const PUBLIC_URL = 'http://buysocial.test:8080';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The web app's routes (App.tsx), as patterns: a mail's link must open one of them. */
function webRoutes(): RegExp[] {
  const app = readFileSync(join(__dirname, '../../apps/web/src/App.tsx'), 'utf8');
  return [...app.matchAll(/path: '([^']+)'/g)]
    .map((m) => m[1])
    .filter((p) => p !== '*')
    .map((p) => new RegExp(`^${p.replace(/:[a-zA-Z]+/g, '[^/]+')}$`));
}

describe('Notification email through a real SMTP server (e2e)', () => {
  let api: TestApp;
  let w: TestWorker;
  let smtp: SmtpCatcher;
  let outbox: OutboxService;
  let tag = 0;

  beforeAll(async () => {
    smtp = new SmtpCatcher({ rejects: /^reject/ });
    await smtp.start();
    api = await createTestApp({ PUBLIC_URL });
    await clearBacklog(api.ds, await dbNow(api.ds));
    w = await startWorker({
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      MAIL_FROM: 'Buy Social <meldingen@buysocial.test>',
    });
    outbox = api.app.get(OutboxService);
  });

  afterAll(async () => {
    await w?.close();
    await api?.close();
    await smtp?.stop();
  });

  const subject = (): string => `t${Date.now().toString(36)}${++tag}`;

  /** Relays until `n` mails have reached `address` (and a moment longer, to catch a duplicate). */
  async function mailsTo(address: string, n: number, timeoutMs = 60_000): Promise<CaughtMail[]> {
    await relayUntil(w.relay, `${n} mails to ${address}`, async () => smtp.to(address).length >= n, {
      timeoutMs,
    });
    await new Promise((r) => setTimeout(r, 300));
    await w.relay.relayOnce();
    return smtp.to(address);
  }

  it("mails each kind once to each recipient, in the recipient's language, with a working link", async () => {
    const { organisationId, a, b } = await buyerWithTwoOfficers(api);
    await setPreferences(api, b, { language: 'en', email: 'immediately' });
    const kinds = Object.keys(NOTIFICATION_KINDS);
    const s = subject();
    for (const kind of kinds) await queueNotification(api.ds, outbox, kind, s, organisationId);
    // The same job written again (a retried transaction, a second relay) changes nothing.
    await queueNotification(api.ds, outbox, kinds[0], s, organisationId);

    const toA = await mailsTo(a.user.email, kinds.length);
    const toB = await mailsTo(b.user.email, kinds.length);
    expect(toA).toHaveLength(kinds.length);
    expect(toB).toHaveLength(kinds.length);
    expect(new Set(toA.map((m) => m.messageId)).size).toBe(kinds.length);

    const routes = webRoutes();
    for (const [mails, lang] of [
      [toA, 'nl'],
      [toB, 'en'],
    ] as const) {
      for (const mail of mails) {
        expect(mail.html).toContain(`lang="${lang}"`);
        expect(mail.text).toContain(lang === 'nl' ? 'Bekijken:' : 'View:');
        const link = new RegExp(`(?:Bekijken|View): (${PUBLIC_URL}\\S+)`).exec(mail.text)?.[1];
        expect(link).toBeDefined();
        const path = new URL(link!).pathname;
        expect(routes.some((r) => r.test(path))).toBe(true);
        // Names, never ids or codes, in what a person reads.
        const words = `${mail.subject}\n${mail.text.split('\n--\n')[0].replace(/https?:\/\/\S+/g, '')}`;
        expect(words).not.toMatch(UUID);
        expect(words).not.toMatch(/undefined|null|NaN|_/);
        expect(mail.headers.get('list-unsubscribe')).toBeDefined();
        expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      }
    }
    const dutch = toA.find((m) => m.subject.includes('Nieuwe SROI-verplichting'));
    expect(dutch?.text).toContain('€ 2.500,00');
    const english = toB.find((m) => m.subject.includes('New SROI obligation'));
    expect(english?.text).toContain('€2,500.00');

    const rows = await api.ds
      .getRepository(EmailDeliveryEntity)
      .findBy({ userId: In([a.user.id, b.user.id]), status: 'sent' });
    expect(rows).toHaveLength(2 * kinds.length);
  });

  it('SMTP down during a burst, then up: every mail arrives exactly once', async () => {
    const { organisationId, a, b: officerB } = await buyerWithTwoOfficers(api);
    await setPreferences(api, a, { language: 'nl', email: 'off' });
    const b = officerB.user.email;
    const n = 30;
    await smtp.stop();
    const downAt = Date.now();
    const s = subject();
    for (let i = 0; i < n; i++)
      await queueNotification(api.ds, outbox, 'report_ready', `${s}-${i}`, organisationId);
    // Relay while the server is down: the sends fail and wait for their retry.
    await relayUntil(w.relay, 'the burst tried', async () => {
      const rows = await api.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM email_delivery d JOIN app_user u ON u.id = d.user_id
         WHERE u.organisation_id = $1 AND d.attempts > 0`,
        [organisationId],
      );
      return rows[0].n >= n;
    });
    await new Promise((r) => setTimeout(r, 3000));
    await smtp.restart();
    const upAt = Date.now();
    const mails = await mailsTo(b, n, 90_000);
    const allAt = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    const final = smtp.to(b);
    expect(final).toHaveLength(n);
    expect(new Set(final.map((m) => m.messageId)).size).toBe(n);
    expect(mails.length).toBe(n);
    expect(smtp.to(a.user.email)).toHaveLength(0);
    console.log(
      `fault test: SMTP down ${((upAt - downAt) / 1000).toFixed(1)} s; all ${n} mails ${(
        (allAt - upAt) /
        1000
      ).toFixed(1)} s after it came back; 0 duplicates`,
    );
  });

  it('a 550 answer marks the address bounced and stops further mail to it', async () => {
    const { organisationId, a, b } = await buyerWithTwoOfficers(api, 'reject');
    // a is the first officer (an ordinary address), b's address starts with "reject": the server answers 550.
    const s = subject();
    await queueNotification(api.ds, outbox, 'report_ready', `${s}-1`, organisationId);
    await mailsTo(a.user.email, 1);
    await relayUntil(w.relay, 'the bounce recorded', async () => {
      const [row] = await api.ds.query<{ status: string }[]>(
        `SELECT status FROM email_delivery WHERE user_id = $1`,
        [b.user.id],
      );
      return row?.status === 'bounced';
    });
    const [suppressed] = await api.ds.query<{ reason: string }[]>(
      `SELECT reason FROM email_suppression WHERE address = lower($1)`,
      [b.user.email],
    );
    expect(suppressed.reason).toBe('rejected');

    await queueNotification(api.ds, outbox, 'report_ready', `${s}-2`, organisationId);
    await mailsTo(a.user.email, 2);
    const deliveries = await api.ds.getRepository(EmailDeliveryEntity).findBy({ userId: b.user.id });
    expect(deliveries).toHaveLength(1);
    expect(smtp.to(b.user.email)).toHaveLength(0);
  });

  it('the unsubscribe link works without a session; a forged or expired one is refused', async () => {
    const { organisationId, a } = await buyerWithTwoOfficers(api);
    await queueNotification(api.ds, outbox, 'report_ready', subject(), organisationId);
    const [mail] = await mailsTo(a.user.email, 1);
    const header = String(mail.headers.get('list-unsubscribe'));
    const url = /<([^>]+)>/.exec(header)?.[1];
    expect(url?.startsWith(`${PUBLIC_URL}/api/v1/email/unsubscribe?token=`)).toBe(true);
    const path = url!.slice(PUBLIC_URL.length);
    expect(mail.text).toContain(url!);

    const token = new URL(url!).searchParams.get('token')!;
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await api
      .http()
      .post(`/api/v1/email/unsubscribe?token=${encodeURIComponent(forged)}`)
      .expect(400);
    expect(bad.body.code).toBe('UNSUBSCRIBE_TOKEN_INVALID');
    const other = signUnsubscribeToken('another-secret-of-at-least-32-characters', a.user.id);
    expect(
      (
        await api
          .http()
          .get(`/api/v1/email/unsubscribe?token=${encodeURIComponent(other)}`)
          .expect(400)
      ).body.code,
    ).toBe('UNSUBSCRIBE_TOKEN_INVALID');
    await api.http().post('/api/v1/email/unsubscribe').expect(400);
    const secret = api.app.get(Env).JWT_SECRET;
    const old = signUnsubscribeToken(secret, a.user.id, new Date(Date.now() - 200 * 24 * 3600 * 1000));
    const expired = await api
      .http()
      .post(`/api/v1/email/unsubscribe?token=${encodeURIComponent(old)}`)
      .expect(400);
    expect(expired.body.code).toBe('UNSUBSCRIBE_TOKEN_EXPIRED');

    // One click (RFC 8058: a POST to the List-Unsubscribe URL), no session.
    const done = await api.http().post(path).send('List-Unsubscribe=One-Click').expect(200);
    expect(done.body).toMatchObject({ email: 'off' });
    const prefs = await api
      .http()
      .get('/api/v1/me/preferences')
      .set(...bearer(a))
      .expect(200);
    expect(prefs.body.email).toBe('off');
    await api.http().get(path).expect(200);
    // A form is read on this route only: elsewhere it is still 415.
    await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(a))
      .type('form')
      .send('all=true')
      .expect(415);

    await queueNotification(api.ds, outbox, 'report_ready', subject(), organisationId);
    await relayUntil(w.relay, 'the second notification', async () => {
      const [row] = await api.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notification WHERE organisation_id = $1`,
        [organisationId],
      );
      return row.n >= 2;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(a.user.email)).toHaveLength(1);
  });

  it('daily: no mail per notification, one digest a day listing them', async () => {
    const { organisationId, a, b } = await buyerWithTwoOfficers(api);
    await setPreferences(api, a, { language: 'nl', email: 'daily' });
    await setPreferences(api, b, { language: 'en', email: 'off' });
    const s = subject();
    const kinds = ['report_ready', 'contribution_submitted', 'obligation_created'];
    for (const kind of kinds) await queueNotification(api.ds, outbox, kind, s, organisationId);
    await relayUntil(w.relay, 'the notifications written', async () => {
      const [row] = await api.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notification WHERE organisation_id = $1`,
        [organisationId],
      );
      return row.n >= 3;
    });
    expect(await api.ds.getRepository(EmailDeliveryEntity).countBy({ userId: a.user.id })).toBe(0);

    const email = w.worker.get(EmailService);
    await email.digest();
    const [digest] = await mailsTo(a.user.email, 1);
    expect(digest.subject).toBe('Buy Social: 3 nieuwe meldingen');
    for (const title of ['Rapport klaar', 'Nieuwe SROI-bijdrage ter controle', 'Nieuwe SROI-verplichting'])
      expect(digest.text).toContain(title);
    // A second run the same day sends nothing more.
    await email.digest();
    await new Promise((r) => setTimeout(r, 500));
    await w.relay.relayOnce();
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(a.user.email)).toHaveLength(1);
    expect(smtp.to(b.user.email)).toHaveLength(0);
  });
});
