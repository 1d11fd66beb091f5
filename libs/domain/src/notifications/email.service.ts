import { todayInNl, type Lang } from '@app/common';
import { Env } from '@app/config';
import { EmailDeliveryEntity } from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { digestMail, MailItem, notificationMail, RenderedMail } from './mail-templates';
import { mailDomain } from './notifications.service';
import { signUnsubscribeToken } from './unsubscribe-token';

/** What became of one send. */
export type SendOutcome = 'sent' | 'already-sent' | 'bounced' | 'skipped';

/** An SMTP answer that will not change on a retry: a 5xx reply to the envelope or the message. */
export function isPermanentSmtpFailure(err: unknown): boolean {
  const code = (err as { responseCode?: number } | undefined)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends the mail of one `email_delivery` row (worker only). Never twice per notification and recipient: a sent
 * row is not sent again, and the Message-ID is the row's deterministic one, so a resend after a crash between the
 * SMTP server's acceptance and the row's update is recognisably the same message. A temporary failure throws (the
 * queue retries with backoff); a permanent 5xx answer records the address as suppressed and stops.
 */
@Injectable()
export class EmailService implements OnModuleDestroy {
  private readonly logger = new Logger(EmailService.name);
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly env: Env,
  ) {}

  get enabled(): boolean {
    return !!this.env.SMTP_URL;
  }

  private transporter(): Transporter {
    this.transport ??= createTransport({
      url: this.env.SMTP_URL,
      pool: true,
      maxConnections: 5,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof createTransport>[0]);
    return this.transport;
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = null;
  }

  async send(deliveryId: string): Promise<SendOutcome> {
    const d = await this.ds.getRepository(EmailDeliveryEntity).findOne({ where: { id: deliveryId } });
    if (!d) return 'skipped';
    if (d.status === 'sent') return 'already-sent';
    if (d.status === 'bounced') return 'bounced';
    const [user] = await this.ds.query<
      { email: string; name: string; language: Lang | null; pref: string | null; suppressed: boolean }[]
    >(
      `SELECT u.email, u.name, p.language, p.email AS pref,
              EXISTS (SELECT 1 FROM email_suppression s WHERE s.address = lower(u.email)) AS suppressed
       FROM app_user u LEFT JOIN user_preference p ON p.user_id = u.id WHERE u.id = $1`,
      [d.userId],
    );
    if (!user) return this.finish(d, 'failed', 'user gone');
    if (user.suppressed) return this.finish(d, 'bounced', 'address suppressed after a permanent failure');
    if (user.pref === 'off') return this.finish(d, 'failed', 'email turned off by the user');
    const mail = await this.render(d, user.language ?? 'nl', user.name);
    if (!mail) return this.finish(d, 'failed', 'nothing to send');
    const unsubscribeUrl = this.unsubscribeUrl(d.userId);
    try {
      await this.transporter().sendMail({
        from: this.env.MAIL_FROM,
        to: user.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: d.messageId,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
    } catch (err) {
      const detail = String((err as Error).message).slice(0, 1000);
      if (isPermanentSmtpFailure(err)) {
        await this.ds.transaction(async (m) => {
          await m.query(
            `INSERT INTO email_suppression (address, reason, detail) VALUES (lower($1), 'rejected', $2)
             ON CONFLICT (address) DO NOTHING`,
            [user.email, detail],
          );
          await m.query(
            `UPDATE email_delivery SET status = 'bounced', attempts = attempts + 1, last_error = $2 WHERE id = $1`,
            [d.id, detail],
          );
        });
        this.logger.warn(
          { deliveryId: d.id, err: detail },
          'address refused the mail for good; no more mail to it',
        );
        return 'bounced';
      }
      await this.ds.query(
        `UPDATE email_delivery SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
        [d.id, detail],
      );
      throw err;
    }
    await this.ds.query(
      `UPDATE email_delivery SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
              address = lower($2) WHERE id = $1`,
      [d.id, user.email],
    );
    return 'sent';
  }

  /** The queue gave up on a delivery (its retries are used up): the row says so; `requeueFailed` tries again. */
  async givenUp(deliveryId: string, reason: string): Promise<void> {
    await this.ds.query(
      `UPDATE email_delivery SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'queued'`,
      [deliveryId, reason.slice(0, 1000)],
    );
  }

  /** A bounce reported after the SMTP server accepted the mail: no more mail to that address. */
  async recordBounce(address: string, detail: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO email_suppression (address, reason, detail) VALUES (lower($1), 'bounced', $2)
         ON CONFLICT (address) DO NOTHING`,
        [address, detail],
      );
      await m.query(
        `UPDATE email_delivery SET status = 'bounced', last_error = $2 WHERE address = lower($1) AND status = 'sent'
           AND sent_at > now() - interval '7 days'`,
        [address, detail],
      );
    });
  }

  /**
   * One digest per user whose preference is `daily`: the notifications of the user's organisation since the last
   * digest (at most 100), as one delivery per user and day. Run by the daily job scheduler (07:00 Europe/Amsterdam).
   */
  async digest(now = new Date()): Promise<number> {
    if (!this.enabled) return 0;
    const date = todayInNl(now);
    const users = await this.ds.query<{ userId: string }[]>(
      `SELECT p.user_id AS "userId" FROM user_preference p JOIN app_user u ON u.id = p.user_id
       WHERE p.email = 'daily' AND u.organisation_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM email_delivery d WHERE d.user_id = p.user_id AND d.digest_date = $1)`,
      [date],
    );
    let queued = 0;
    for (const { userId } of users) {
      const done = await this.ds.transaction(async (m) => {
        const [pref] = await m.query<{ since: Date; orgId: string; email: string }[]>(
          `SELECT coalesce(p.digest_until, u.created_at) AS since, u.organisation_id AS "orgId", u.email
           FROM user_preference p JOIN app_user u ON u.id = p.user_id WHERE p.user_id = $1 FOR UPDATE OF p`,
          [userId],
        );
        const ids = await m.query<{ id: string }[]>(
          `SELECT id FROM notification WHERE organisation_id = $1 AND created_at > $2 AND created_at <= $3
           ORDER BY created_at DESC LIMIT 100`,
          [pref.orgId, pref.since, now],
        );
        await m.query(`UPDATE user_preference SET digest_until = $2 WHERE user_id = $1`, [userId, now]);
        if (!ids.length) return false;
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO email_delivery (digest_date, digest_notification_ids, user_id, address, message_id)
           VALUES ($1, $2::uuid[], $3, lower($4), $5)
           ON CONFLICT (digest_date, user_id) WHERE digest_date IS NOT NULL DO NOTHING RETURNING id`,
          [
            date,
            ids.map((i) => i.id),
            userId,
            pref.email,
            `<digest.${date}.${userId}@${mailDomain(this.env)}>`,
          ],
        );
        if (!row) return false;
        await this.outbox.add(m, OutboxJobs.sendEmail({ deliveryId: row.id }));
        return true;
      });
      if (done) queued++;
    }
    return queued;
  }

  /**
   * Deliveries the queue gave up on (SMTP down longer than the retries) go back on the queue under a new job id,
   * keeping their row and Message-ID. Returns how many.
   */
  async requeueFailed(olderThanMinutes = 0): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows = await m.query<{ id: string; attempts: number }[]>(
        `UPDATE email_delivery SET status = 'queued' WHERE status = 'failed' AND last_error IS NOT NULL
           AND last_error NOT IN ('user gone', 'email turned off by the user', 'nothing to send')
           AND created_at < now() - make_interval(mins => $1) AND created_at > now() - interval '7 days'
         RETURNING id, attempts`,
        [olderThanMinutes],
      );
      await this.outbox.addMany(
        m,
        rows.map((r) => OutboxJobs.resendEmail({ deliveryId: r.id }, r.attempts)),
      );
      return rows.length;
    });
  }

  unsubscribeUrl(userId: string): string {
    return `${this.env.PUBLIC_URL.replace(/\/$/, '')}/api/v1/email/unsubscribe?token=${encodeURIComponent(
      signUnsubscribeToken(this.env.JWT_SECRET, userId),
    )}`;
  }

  private async render(d: EmailDeliveryEntity, lang: Lang, name: string): Promise<RenderedMail | null> {
    const ids = d.notificationId ? [d.notificationId] : d.digestNotificationIds;
    if (!ids.length) return null;
    const items = await this.ds.query<MailItem[]>(
      `SELECT kind, params, message, link, created_at AS "createdAt" FROM notification WHERE id = ANY($1::uuid[])
       ORDER BY created_at DESC`,
      [ids],
    );
    if (!items.length) return null;
    const opts = { lang, name, baseUrl: this.env.PUBLIC_URL, unsubscribeUrl: this.unsubscribeUrl(d.userId) };
    return d.notificationId ? notificationMail(items[0], opts) : digestMail(items, opts);
  }

  private async finish(
    d: EmailDeliveryEntity,
    status: 'failed' | 'bounced',
    why: string,
  ): Promise<SendOutcome> {
    await this.ds.query(`UPDATE email_delivery SET status = $2, last_error = $3 WHERE id = $1`, [
      d.id,
      status,
      why,
    ]);
    return status === 'bounced' ? 'bounced' : 'skipped';
  }
}
