import { OutboxJobs, OutboxService } from '@app/queue';
import type { EntityManager } from 'typeorm';

/** How many enterprises (best first) hear of a new tender or obligation that matches their offering. */
export const NEW_OPPORTUNITY_TOP = 10;

/**
 * `new_opportunity`: the enterprises whose offerings match a just-scored new tender or obligation (its first
 * stored set), best first, one notice each (the job id and dedupe key name subject and enterprise, so a re-score
 * tells no one twice). Written in the scoring transaction.
 */
export async function newOpportunityNotices(
  m: EntityManager,
  outbox: OutboxService,
  type: 'obligation' | 'tender',
  subjectId: string,
): Promise<number> {
  const rows =
    type === 'tender'
      ? await m.query<{ org: string; title: string }[]>(
          `SELECT x.social_enterprise_id AS org, t.title FROM (
             SELECT social_enterprise_id, max(score) AS score FROM tender_match WHERE tender_id = $1 AND counts
             GROUP BY social_enterprise_id ORDER BY max(score) DESC LIMIT $2) x
           JOIN tender t ON t.id = $1 ORDER BY x.score DESC`,
          [subjectId, NEW_OPPORTUNITY_TOP],
        )
      : await m.query<{ org: string; title: string }[]>(
          `SELECT x.social_enterprise_id AS org, t.title FROM (
             SELECT social_enterprise_id, max(score) AS score FROM obligation_match WHERE obligation_id = $1 AND counts
             GROUP BY social_enterprise_id ORDER BY max(score) DESC LIMIT $2) x
           JOIN obligation o ON o.id = $1 JOIN tender t ON t.id = o.tender_id ORDER BY x.score DESC`,
          [subjectId, NEW_OPPORTUNITY_TOP],
        );
  await outbox.addMany(
    m,
    rows.map((r) =>
      OutboxJobs.notification('new_opportunity', [type, subjectId], {
        organisationId: r.org,
        params: { opportunityKind: type, title: r.title },
      }),
    ),
  );
  return rows.length;
}
