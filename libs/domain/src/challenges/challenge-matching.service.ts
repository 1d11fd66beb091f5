import { ChallengeEntity } from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { challengeWords, haversineKm, scoreChallengeMatch } from './challenge-score';

interface CandidateRow {
  offering_id: string;
  organisation_id: string;
  title: string;
  description: string;
  cpv_codes: string[];
  lat: number | null;
  lon: number | null;
  delivery_radius_km: number | null;
  target_groups: string[];
}

/**
 * Candidates: visible offerings (of enterprises whose profile is not hidden) that share a CPV division with the
 * challenge or whose enterprise works with one of its target groups.
 */
const CANDIDATES_SQL = `
  SELECT o.id AS offering_id, o.organisation_id, o.title, o.description, o.cpv_codes, o.lat, o.lon,
         o.delivery_radius_km, coalesce(p.target_groups, '{}') AS target_groups
    FROM offering o
    LEFT JOIN social_enterprise_profile p ON p.organisation_id = o.organisation_id
   WHERE NOT o.hidden AND coalesce(p.published, true)
     AND (EXISTS (SELECT 1 FROM unnest(o.cpv_codes) oc WHERE left(oc, 2) = ANY($1::text[]))
          OR p.target_groups && $2::text[])
   ORDER BY o.id`;

/** The worker side of challenges: scoring an open challenge's matches and closing challenges past their deadline. */
@Injectable()
export class ChallengeMatchingService {
  private readonly logger = new Logger(ChallengeMatchingService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Open challenges whose matches are older than a visible offering's last change (created, edited, shown again)
   * are scored again, so offerings added after publication find them too; answers how many were scored. Each
   * enterprise is still told once per challenge (the notice is deduplicated).
   */
  async rescoreStale(): Promise<number> {
    const stale = await this.ds.query<{ id: string }[]>(
      `SELECT c.id FROM challenge c
        WHERE c.status = 'open' AND c.closes_at > now()
          AND (c.scored_at IS NULL
               OR EXISTS (SELECT 1 FROM offering o WHERE NOT o.hidden AND o.updated_at > c.scored_at))
        ORDER BY c.id`,
    );
    for (const { id } of stale) await this.scoreChallenge(id);
    return stale.length;
  }

  /**
   * Scores every candidate offering against the challenge and stores the set whole in one transaction; each
   * enterprise with a fitting offering is told once (`new_opportunity`, deduplicated per challenge). A challenge
   * that is no longer open keeps what it had.
   */
  async scoreChallenge(challengeId: string): Promise<{ matches: number }> {
    return this.ds.transaction(async (m) => {
      const c = await m
        .getRepository(ChallengeEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :challengeId', { challengeId })
        .getOne();
      if (!c || c.status !== 'open') {
        this.logger.log({ challengeId, status: c?.status ?? 'gone' }, 'challenge not open; not scored');
        return { matches: 0 };
      }
      let point: { lat: number; lon: number } | null = null;
      if (c.areaPostcode) {
        const [area] = await m.query<{ lat: number; lon: number }[]>(
          'SELECT lat, lon FROM postcode_area WHERE pc4 = $1',
          [c.areaPostcode.slice(0, 4)],
        );
        point = area ?? null;
      }
      const divisions = [...new Set(c.cpvCodes.map((code) => code.slice(0, 2)))];
      const rows = await m.query<CandidateRow[]>(CANDIDATES_SQL, [divisions, c.targetGroups]);
      const subject = {
        cpvCodes: c.cpvCodes,
        targetGroups: c.targetGroups,
        words: challengeWords(c.title, c.theme),
      };
      const now = new Date();
      const matches = rows
        .map((r) => ({
          r,
          s: scoreChallengeMatch(subject, {
            cpvCodes: r.cpv_codes,
            targetGroups: r.target_groups,
            text: `${r.title} ${r.description}`.toLowerCase(),
            distanceKm:
              point && r.lat != null && r.lon != null ? haversineKm(point, { lat: r.lat, lon: r.lon }) : null,
            radiusKm: r.delivery_radius_km,
          }),
        }))
        .filter(({ s }) => s.fits);
      await m.query('DELETE FROM challenge_match WHERE challenge_id = $1', [c.id]);
      await m.query('UPDATE challenge SET scored_at = $2 WHERE id = $1', [c.id, now]);
      for (const { r, s } of matches) {
        await m.query(
          `INSERT INTO challenge_match (challenge_id, offering_id, social_enterprise_id, score, reasons, computed_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
          [c.id, r.offering_id, r.organisation_id, s.score, JSON.stringify(s.reasons), now],
        );
      }
      for (const organisationId of [...new Set(matches.map(({ r }) => r.organisation_id))]) {
        await this.outbox.add(
          m,
          OutboxJobs.notification('new_opportunity', ['challenge', c.id], {
            organisationId,
            params: { opportunityKind: 'challenge', title: c.title, challengeId: c.id },
            message: `Nieuwe kans: de uitdaging "${c.title}" past bij uw aanbod.`,
          }),
        );
      }
      return { matches: matches.length };
    });
  }
}
