import { decodeCursor, encodeCursor, type Lang, ValidationFailedError } from '@app/common';
import { Env } from '@app/config';
import { EmailPreference, OrganisationEntity, PreferredLanguage, UserPreferenceEntity } from '@app/database';
import { NotifyJob, OutboxJobs, OutboxService } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../identity/actor';
import { notificationLink, NotificationParams, RecipientKind, renderNotification } from './kinds';
import { NotificationsErrorCode } from './notifications.errors';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export interface Preferences {
  language: PreferredLanguage;
  email: EmailPreference;
}

export const DEFAULT_PREFERENCES: Preferences = { language: 'nl', email: 'immediately' };

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationPage {
  items: NotificationView[];
  unreadCount: number;
  nextCursor: string | null;
}

/** The deterministic Message-ID of one notification's mail to one user (the same on every resend). */
export function notificationMessageId(notificationId: string, userId: string, domain: string): string {
  return `<n.${notificationId}.${userId}@${domain}>`;
}

/** The domain of the sender address (`Buy Social <noreply@buysocial.local>` → `buysocial.local`). */
export function mailDomain(env: Env): string {
  const m = /@([^>\s]+)>?\s*$/.exec(env.MAIL_FROM);
  return m ? m[1] : 'buysocial.local';
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly env: Env,
  ) {}

  /** Idempotent: a second run for the same organisation finds the dedupe key taken and does nothing. */
  async welcomeOrganisation(organisationId: string): Promise<void> {
    await this.notify({
      organisationId,
      kind: 'welcome',
      params: {},
      dedupeKey: `welcome-${organisationId}`,
    });
  }

  /**
   * Writes one notification for an organisation's users and, in the same transaction, one email delivery (and its
   * outbox row) per member who wants mail immediately. Idempotent by dedupe key: a repeated job finds the row and
   * writes nothing, so a notification and its mails exist once whatever retries happen.
   */
  async notify(job: NotifyJob): Promise<void> {
    await this.ds.transaction(async (m) => {
      const org = await m.getRepository(OrganisationEntity).findOne({ where: { id: job.organisationId } });
      if (!org) {
        this.logger.warn(
          { organisationId: job.organisationId, kind: job.kind },
          'organisation gone; skipped',
        );
        return;
      }
      const params: NotificationParams = job.params ?? {};
      const recipient = org.kind as RecipientKind;
      const link = notificationLink(job.kind, params, recipient);
      const message = job.message ?? renderNotification({ kind: job.kind, params, message: '' }, 'nl').body;
      const inserted = await m.query<{ id: string }[]>(
        `INSERT INTO notification (organisation_id, dedupe_key, kind, message, params, link)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [job.organisationId, job.dedupeKey, job.kind, message, JSON.stringify(params), link],
      );
      if (!inserted.length) return;
      await this.queueMails(m, inserted[0].id, job.organisationId);
    });
  }

  /** Tells the organisation that asked for a report (or holds its schedule) that the file is ready (once). */
  async reportReady(reportId: string): Promise<void> {
    const [r] = await this.ds.query<{ organisationId: string; fileName: string | null; format: string }[]>(
      `SELECT organisation_id AS "organisationId", file_name AS "fileName", format FROM report WHERE id = $1`,
      [reportId],
    );
    if (!r) return;
    await this.notify({
      organisationId: r.organisationId,
      kind: 'report_ready',
      params: { reportTitle: r.fileName ?? r.format.toUpperCase(), reportId },
      dedupeKey: `report_ready-${reportId}`,
    });
  }

  /** One delivery row and one `send-email` outbox row per member who wants mail now (and whose address works). */
  private async queueMails(m: EntityManager, notificationId: string, organisationId: string): Promise<void> {
    if (!this.env.SMTP_URL) return;
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO email_delivery (notification_id, user_id, address, message_id)
       SELECT $1::uuid, u.id, lower(u.email), '<n.' || $1::text || '.' || u.id || '@' || $3::text || '>'
       FROM app_user u LEFT JOIN user_preference p ON p.user_id = u.id
       WHERE u.organisation_id = $2 AND coalesce(p.email, 'immediately') = 'immediately'
         AND NOT EXISTS (SELECT 1 FROM email_suppression s WHERE s.address = lower(u.email))
       ON CONFLICT (notification_id, user_id) WHERE notification_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [notificationId, organisationId, mailDomain(this.env)],
    );
    await this.outbox.addMany(
      m,
      rows.map((r) => OutboxJobs.sendEmail({ deliveryId: r.id })),
    );
  }

  /** The caller's notifications, newest first, in the caller's language, with its own read marks. */
  async list(
    actor: Actor,
    q: { unread?: boolean; limit?: number; cursor?: string },
  ): Promise<NotificationPage> {
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
    const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    if (!actor.organisationId) return { items: [], unreadCount: 0, nextCursor: null };
    const { language } = await this.preferences(actor);
    const params: unknown[] = [actor.organisationId, actor.userId, limit + 1];
    let where = 'n.organisation_id = $1';
    if (q.unread) where += ' AND r.user_id IS NULL';
    if (after) {
      params.push(after[0], after[1]);
      where += ` AND (n.created_at, n.id) < ($4::timestamptz, $5::uuid)`;
    }
    const rows = await this.ds.query<
      {
        id: string;
        kind: string;
        params: NotificationParams;
        message: string;
        link: string | null;
        createdAt: Date;
        cursorAt: string;
        readAt: Date | null;
      }[]
    >(
      `SELECT n.id, n.kind, n.params, n.message, n.link, n.created_at AS "createdAt", r.read_at AS "readAt",
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
       FROM notification n
       LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $2
       WHERE ${where}
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT $3`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((n) => ({
        id: n.id,
        kind: n.kind,
        ...renderNotification(n, language),
        link: n.link,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
      unreadCount: await this.unreadCount(actor),
      nextCursor: rows.length > limit && last ? encodeCursor([last.cursorAt, last.id]) : null,
    };
  }

  async unreadCount(actor: Actor, m: EntityManager = this.ds.manager): Promise<number> {
    if (!actor.organisationId) return 0;
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification n
       WHERE n.organisation_id = $1
         AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = $2)`,
      [actor.organisationId, actor.userId],
    );
    return n;
  }

  /** Marks the given notifications (those of the caller's organisation; others are ignored) or all as read. */
  async markRead(actor: Actor, input: { ids?: string[]; all?: boolean }): Promise<{ unreadCount: number }> {
    if (!input.all && !input.ids?.length)
      throw new ValidationFailedError(
        'Give ids or all: true',
        [{ field: 'ids', code: NotificationsErrorCode.NothingToMark, message: 'give ids or all: true' }],
        NotificationsErrorCode.NothingToMark,
      );
    if (!actor.organisationId) return { unreadCount: 0 };
    return this.ds.transaction(async (m) => {
      const params: unknown[] = [actor.organisationId, actor.userId];
      let filter = '';
      if (!input.all) {
        params.push(input.ids);
        filter = ' AND n.id = ANY($3::uuid[])';
      }
      await m.query(
        `INSERT INTO notification_read (notification_id, user_id)
         SELECT n.id, $2 FROM notification n WHERE n.organisation_id = $1${filter}
         ON CONFLICT DO NOTHING`,
        params,
      );
      return { unreadCount: await this.unreadCount(actor, m) };
    });
  }

  async preferences(actor: Pick<Actor, 'userId'>): Promise<Preferences> {
    const row = await this.ds
      .getRepository(UserPreferenceEntity)
      .findOne({ where: { userId: actor.userId } });
    return row ? { language: row.language, email: row.email } : { ...DEFAULT_PREFERENCES };
  }

  async setPreferences(actor: Pick<Actor, 'userId'>, input: Preferences): Promise<Preferences> {
    await this.ds.query(
      `INSERT INTO user_preference (user_id, language, email) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, email = EXCLUDED.email, updated_at = now()`,
      [actor.userId, input.language, input.email],
    );
    return this.preferences(actor);
  }

  /** The one-click unsubscribe: turns the token's user's mail off, without a session. */
  async unsubscribe(token: string | undefined): Promise<Preferences> {
    const userId = verifyUnsubscribeToken(this.env.JWT_SECRET, token);
    const exists = await this.ds.query<unknown[]>(`SELECT 1 FROM app_user WHERE id = $1`, [userId]);
    if (!exists.length)
      throw new ValidationFailedError(
        'The unsubscribe link is not valid',
        [{ field: 'token', code: NotificationsErrorCode.UnsubscribeTokenInvalid, message: 'unknown user' }],
        NotificationsErrorCode.UnsubscribeTokenInvalid,
      );
    await this.ds.query(
      `INSERT INTO user_preference (user_id, email) VALUES ($1, 'off')
       ON CONFLICT (user_id) DO UPDATE SET email = 'off', updated_at = now()`,
      [userId],
    );
    return this.preferences({ userId });
  }

  /** A user's language (for mail and reports). */
  async languageOf(userId: string): Promise<Lang> {
    return (await this.preferences({ userId })).language;
  }
}
