import { todayInNl } from '@app/common';
import type { MatchSubjectType } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { computeObligation } from '../sroi/obligation';
import type {
  CertificationFact,
  CertificationStatus,
  CertificationType,
  PsoLevel,
  SroiPolicyBody,
  TargetGroup,
} from '../sroi/policy.types';
import { countFailures, FailureCounter } from '../metrics/failure-counts';
import {
  type MatchFailureCode,
  probeSubject,
  scoreIsolated,
  type SkippedCandidate,
  type SubjectFailure,
  subjectFailure,
} from './match-failure';
import { MatchingTriggers } from './matching-triggers.service';
import {
  ALREADY_STORED_SQL,
  type CandidateFilter,
  type CandidateRow,
  candidatesSql,
  BATCH_MATES_SQL,
  batchCandidatesSql,
  CERTIFICATIONS_SQL,
  MATCH_BATCH,
  MATCH_PATCH_BATCH,
  PATCH_MATES_SQL,
  CLAIM_REVISION_SQL,
  CLAIM_REVISIONS_SQL,
  CLEAR_DELTAS_OF_SQL,
  DELTAS_OF_SQL,
  DELTAS_SQL,
  deletePairsSql,
  FAILED_SQL,
  GIVEN_UP_SQL,
  STORED_SQL,
  storedListedOfSql,
  divisionCode,
  BATCH_WORK_MEM_SQL,
  MATCH_CANDIDATE_CAP,
  matchTable,
  NO_JIT_SQL,
  QUOTE_REQUEST_TABLE_SQL,
  QUOTE_REQUESTS_SQL,
  storedCountSql,
  storedKeysSql,
  storedCapKeysSql,
  subjectKeyShareSql,
  WHOLE_SET,
} from './matching.sql';
import { byKey, capMayBind, type Keyed, patchAtCap } from './cap-patch';
import { tenderTerms } from './match-text';
import type { MatchCandidate, MatchScore, MatchSubject } from './score-match';
import { OutboxService } from '@app/queue';
import { newOpportunityNotices } from '../notifications/opportunity-notices';

/** A subject as loaded for scoring: what the pure scorer needs and what candidate generation filters on. */
export interface LoadedSubject {
  type: MatchSubjectType;
  id: string;
  subject: MatchSubject;
  filter: CandidateFilter;
  /** Lower-cased region of the policy's purchase rule, if it names one. */
  region: string | null;
}

export interface ScoredMatch extends MatchScore {
  offeringId: string;
  socialEnterpriseId: string;
  /** Rounded to metres, as shown. */
  distanceKm: number | null;
  /** The exact distance the cap ordered by, `Infinity` when unknown (stored as `cap_key`). */
  capKey: number;
}

/**
 * Whether a stored set may be patched for these deltas rather than scored whole: it exists, was computed today
 * (every projection carries "today"), and only offerings changed, not the subject itself.
 */
function patchable(claim: { computed_revision: number; computed_today: boolean }, deltas: string[]): boolean {
  return (
    claim.computed_revision > 0 && claim.computed_today && deltas.length > 0 && !deltas.includes(WHOLE_SET)
  );
}

/** The stored keys of a set's rows, or null when a row predates `cap_key` (-1). */
function storedKeys(rows: { id: string; cap_key: number }[]): Keyed[] | null {
  const keys: Keyed[] = [];
  for (const r of rows) {
    if (r.cap_key < 0) return null;
    keys.push({ id: r.id, distanceKm: r.cap_key === Infinity ? null : r.cap_key });
  }
  return keys;
}

const BATCH = 500;

/** One list for every enterprise without certificates: the scorer remembers its verdicts per list object. */
const NO_CERTIFICATIONS: CertificationFact[] = [];
/** The empty list of a candidate's codes, target groups or matched words (shared, never mutated). */
const NO_ITEMS: string[] = [];
/** An enterprise without quote requests. */
const NO_QUOTE_REQUESTS = Object.freeze({ total: 0, answered: 0 });

const COPY_SPECIAL = /[\\\n\r\t]/;

/** One field of COPY's text format. */
function copyField(v: string | number | boolean | null): string {
  if (v == null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (!COPY_SPECIAL.test(v)) return v;
  return v.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/** What a subject is loaded from: its tender, contract period and delivery point. */
interface SubjectRow {
  tender_id: string;
  title: string;
  description: string;
  start_date: string;
  end_date: string;
  lat: number | null;
  lon: number | null;
}

interface TenderItemRow {
  cpv_code: string;
  description: string;
}

/** A subject's claim on its revision (`CLAIM_REVISION_SQL`). */
interface ClaimRow {
  started_revision: number;
  computed_revision: number;
  match_count: number | null;
  /** The newest revision that failed, 0 for none. */
  failed_revision: number;
  computed_today: boolean;
}

/** Subjects loaded for scoring, and those whose own data cannot be scored. */
interface LoadedSubjects {
  loaded: Map<string, LoadedSubject>;
  failed: Map<string, SubjectFailure>;
}

/**
 * What one scoring transaction met, logged and counted once it commits (and dropped if it rolls back, so a run
 * retried alone never counts twice): candidates skipped, subjects that became failed, subjects that recovered.
 */
interface RunReport {
  type: MatchSubjectType;
  skipped: SkippedCandidate[];
  failed: (SubjectFailure & { newly: boolean })[];
  recovered: { id: string; code: string }[];
}

function runReport(type: MatchSubjectType): RunReport {
  return { type, skipped: [], failed: [], recovered: [] };
}

/** A subject whose changed offerings' pairs are scored again. */
interface PatchItem {
  s: LoadedSubject;
  deltas: string[];
  revision: number;
  /** The stored set's size, null for a set stored before it was kept. */
  storedCount: number | null;
}

interface Claimed {
  id: string;
  loaded: LoadedSubject | null;
  revision: number;
}

export interface ScoreOutcome {
  revision: number;
  /** Subjects whose set this run stored (itself and the obligations it took along). */
  batch?: number;
  /** `full`: every candidate scored; `incremental`: only the pairs of the changed offerings. */
  mode: 'full' | 'incremental';
  /** Pairs scored by this run. */
  scored: number;
  /** Rows in the stored set afterwards. */
  matches: number;
  /** Candidates left out of this subject's set because their valuation failed. */
  skipped?: number;
  /** The subject itself cannot be scored: its set (if any) stays as it was and it is shown failed with this. */
  failed?: MatchFailureCode;
}

/**
 * Scores match sets on the worker. A job claims its revision, reads what changed since the stored set
 * (`match_delta`) and, inside one transaction that holds the subject's `match_state` row:
 *
 * - the whole set changed (the subject itself, a refresh, the nightly run, a set of another day): generates the
 *   candidates in SQL, scores them with the pure scorer and replaces the set (DELETE + COPY);
 * - some offerings changed: scores only those offerings' pairs and replaces only their rows, keeping the cap of
 *   candidate generation exact (the nearest `MATCH_CANDIDATE_CAP`); when the cap cannot be decided from the
 *   stored rows, it falls back to the whole set. Either way the stored set equals a full re-score.
 *
 * A whole-set job takes along other obligations waiting for theirs in the same divisions (`MATCH_BATCH`), a patch
 * other obligations waiting for a patch of the same offerings (`MATCH_PATCH_BATCH`); their own jobs then find
 * their revision stored.
 *
 * Safe to run twice for the same revision (a crash and a re-delivery): a run whose revision is already stored
 * writes nothing; a run killed mid-way left nothing, as its transaction never committed.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);
  private quoteRequestsPresent = false;
  /** Candidates per subject at most; a test lowers it to reach the cap with a handful of offerings. */
  candidateCap = MATCH_CANDIDATE_CAP;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly triggers: MatchingTriggers,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * `batch: false` for a refresh someone is waiting on: it scores only this obligation rather than also taking
   * along other obligations waiting in the same divisions (which serves throughput, not the person waiting).
   */
  async scoreObligation(obligationId: string, opts: { batch?: boolean } = {}): Promise<ScoreOutcome | null> {
    if (opts.batch === false) return this.scoreSubject('obligation', obligationId, false);
    try {
      return await this.scoreSubject('obligation', obligationId, true);
    } catch (err) {
      // One obligation of the batch must not hold up the others: the batch's transaction is rolled back, and this
      // obligation is scored alone (if it is itself the cause, that run fails and the job is retried as usual).
      this.logger.warn(
        { obligationId, err: (err as Error).message },
        'batch failed; scoring the obligation alone',
      );
      return this.scoreSubject('obligation', obligationId, false);
    }
  }

  scoreTender(tenderId: string): Promise<ScoreOutcome | null> {
    return this.scoreSubject('tender', tenderId);
  }

  private async scoreSubject(
    type: MatchSubjectType,
    id: string,
    batchMates = true,
  ): Promise<ScoreOutcome | null> {
    if ((await this.ds.query(ALREADY_STORED_SQL, [type, id])).length) return null;
    const today = todayInNl();
    const report = runReport(type);
    const outcome = await this.ds.transaction(async (m): Promise<ScoreOutcome | null> => {
      await m.query(NO_JIT_SQL);
      await m.query(subjectKeyShareSql(type), [id]);
      const [claim] = await m.query(CLAIM_REVISION_SQL, [type, id, today]);
      const revision: number = claim.started_revision;
      if (claim.computed_revision >= revision || claim.failed_revision >= revision) return null;
      const deltas: string[] = (await m.query(DELTAS_SQL, [type, id])).map(
        (r: { offering_id: string }) => r.offering_id,
      );
      const { loaded: subjects, failed } =
        type === 'obligation'
          ? await this.loadObligations([id], today, m)
          : await this.loadTender(id, today, m);
      const failure = failed.get(id);
      if (failure) {
        // The subject itself cannot be scored: its stored set and deltas stay, it is shown failed until a set is
        // stored again (the next change that touches it, a refresh, or the nightly run).
        await this.failed(m, type, [{ ...failure, revision }], report);
        return { revision, mode: 'full', scored: 0, matches: claim.match_count ?? 0, failed: failure.code };
      }
      const loaded = subjects.get(id) ?? null;
      if (!loaded) this.logger.log({ type, id }, 'match subject gone or no longer open; its set is emptied');
      if (loaded && patchable(claim, deltas)) {
        // The changed offerings' pairs only, with other obligations waiting for a patch of the same offerings.
        const items: PatchItem[] = [{ s: loaded, deltas, revision, storedCount: claim.match_count }];
        if (batchMates && type === 'obligation')
          items.push(...(await this.claimPatchMates(m, id, deltas, today, report)));
        const outcomes = await this.patch(m, items, report);
        const own = outcomes[0];
        if (own) {
          own.batch = outcomes.filter((o) => o).length;
          own.skipped = report.skipped.filter((x) => x.subjectId === id).length;
          return own;
        }
        // The cap could not be decided from the stored rows: the whole set, below (its patched mates are stored).
      }
      // The whole set, with other obligations waiting for theirs in the same divisions (the nightly run).
      const batch: Claimed[] = [{ id, loaded, revision }];
      if (batchMates && type === 'obligation' && loaded?.filter.divisions.length) {
        batch.push(...(await this.claimBatchMates(m, loaded, today, report)));
      }
      let lists: MatchCandidate[][];
      if (batch.length > 1) {
        await m.query(BATCH_WORK_MEM_SQL);
        const present = batch.filter((b) => b.loaded);
        const found = await this.batchCandidates(
          m,
          present.map((b) => b.loaded!),
        );
        lists = batch.map((b) => (b.loaded ? found[present.indexOf(b)] : []));
      } else {
        lists = [loaded ? await this.candidates(m, loaded) : []];
      }
      // Each set is scored as the COPY reaches it, and its candidates let go: its rows live only until they are
      // written, rather than every set's rows (and their reasons) through the whole statement.
      const sets = batch.map((b, k) => ({
        id: b.id,
        revision: b.revision,
        rows: (): ScoredMatch[] => {
          const rows = b.loaded ? this.score(b.loaded, lists[k], report.skipped) : [];
          lists[k] = [];
          return rows;
        },
      }));
      const { table, column } = matchTable(type);
      await m.query(`DELETE FROM ${table} WHERE ${column} = ANY($1::uuid[])`, [sets.map((x) => x.id)]);
      const counts = await this.insertRows(m, type, sets);
      await this.stored(
        m,
        type,
        sets.map((x, k) => ({ id: x.id, revision: x.revision, matches: counts[k] })),
        report,
      );
      // A new subject's first set: the best-matching enterprises hear of it (once each).
      if (loaded && Number(claim.computed_revision) === 0)
        await newOpportunityNotices(m, this.outbox, type, id);
      return {
        revision,
        mode: 'full',
        scored: counts[0],
        matches: counts[0],
        batch: batch.length,
        skipped: report.skipped.filter((x) => x.subjectId === id).length,
      };
    });
    await this.flush(report);
    return outcome;
  }

  /**
   * BullMQ gave up on a subject's job (every attempt failed, for a reason other than its data, which fails the
   * subject at once without a retry): the subject is shown failed until a set is stored. Logged and counted once.
   */
  async givenUp(type: MatchSubjectType, id: string, revision: number | null, reason: string): Promise<void> {
    const rows: { newly: boolean }[] = await this.ds.query(GIVEN_UP_SQL, [
      type,
      id,
      revision,
      reason.slice(0, 500),
    ]);
    if (!rows[0]?.newly) return;
    this.logger.warn(
      { type, id, code: 'job_failed', reason },
      'match subject failed: its scoring job was given up; shown failed until a set is stored',
    );
    await countFailures(this.ds, FailureCounter.SubjectFailed, ['job_failed'], this.logger);
  }

  /** Subjects that cannot be scored, recorded in the running transaction (`FAILED_SQL`). */
  private async failed(
    m: EntityManager,
    type: MatchSubjectType,
    failures: (SubjectFailure & { revision: number })[],
    report: RunReport,
  ): Promise<void> {
    if (!failures.length) return;
    const newly = new Set(
      (
        await m.query(FAILED_SQL, [
          type,
          failures.map((f) => f.id),
          failures.map((f) => f.revision),
          failures.map((f) => f.code),
          failures.map((f) => f.detail),
        ])
      ).map((r: { subject_id: string }) => r.subject_id),
    );
    for (const f of failures) report.failed.push({ ...f, newly: newly.has(f.id) });
  }

  /**
   * After the transaction committed: the run's skipped candidates in one line and one count per reason; a subject
   * that became failed or recovered, once each. A subject still failing (a retry, the nightly run) is not logged
   * again above debug.
   */
  private async flush(report: RunReport): Promise<void> {
    const { type, skipped, failed, recovered } = report;
    if (skipped.length) {
      const offerings = new Map<string, SkippedCandidate>();
      for (const x of skipped) if (!offerings.has(x.offeringId)) offerings.set(x.offeringId, x);
      this.logger.warn(
        {
          type,
          subjects: new Set(skipped.map((x) => x.subjectId)).size,
          skipped: skipped.length,
          offerings: [...offerings.values()]
            .slice(0, 10)
            .map((x) => ({ offeringId: x.offeringId, code: x.code, detail: x.detail })),
        },
        'candidates skipped: their valuation failed; the rest of each set is scored',
      );
      await countFailures(
        this.ds,
        FailureCounter.CandidateSkipped,
        skipped.map((x) => x.code),
        this.logger,
      );
    }
    for (const f of failed) {
      if (f.newly)
        this.logger.warn(
          { type, id: f.id, code: f.code, detail: f.detail },
          'match subject failed: it cannot be scored; shown failed until a set is stored',
        );
      else this.logger.debug({ type, id: f.id, code: f.code }, 'match subject still fails');
    }
    const newly = failed.filter((f) => f.newly);
    if (newly.length)
      await countFailures(
        this.ds,
        FailureCounter.SubjectFailed,
        newly.map((f) => f.code),
        this.logger,
      );
    for (const r of recovered)
      this.logger.log({ type, id: r.id, was: r.code }, 'match subject recovered: its set is stored again');
    if (recovered.length)
      await countFailures(
        this.ds,
        FailureCounter.SubjectRecovered,
        recovered.map((r) => r.code),
        this.logger,
      );
  }

  /**
   * Claims other obligations of this job (`mates` locked by the caller's query) in one statement each for the
   * claim and the deltas: their claims and the deltas recorded for them, keyed by id.
   */
  private async claimMates(
    m: EntityManager,
    mates: string[],
    today: string,
  ): Promise<{ id: string; claim: ClaimRow; deltas: string[] }[]> {
    if (!mates.length) return [];
    const claims: (ClaimRow & { subject_id: string })[] = await m.query(CLAIM_REVISIONS_SQL, [
      'obligation',
      [...mates].sort(),
      today,
    ]);
    const deltas = new Map<string, string[]>(mates.map((id) => [id, []]));
    for (const d of await m.query(DELTAS_OF_SQL, ['obligation', mates])) {
      deltas.get(d.subject_id)?.push(d.offering_id);
    }
    return claims
      .filter((c) => c.computed_revision < c.started_revision && c.failed_revision < c.started_revision)
      .map((c) => ({ id: c.subject_id, claim: c, deltas: deltas.get(c.subject_id) ?? [] }));
  }

  /**
   * Other obligations waiting for a whole set in the subject's divisions, claimed (locked) for this run. A mate
   * that cannot be scored is recorded failed and left out.
   */
  private async claimBatchMates(
    m: EntityManager,
    s: LoadedSubject,
    today: string,
    report: RunReport,
  ): Promise<Claimed[]> {
    const rows: { subject_id: string }[] = await m.query(BATCH_MATES_SQL, [
      s.id,
      s.filter.divisions,
      MATCH_BATCH - 1,
      WHOLE_SET,
    ]);
    const claimed = await this.claimMates(
      m,
      rows.map((r) => r.subject_id),
      today,
    );
    const { loaded, failed } = await this.loadObligations(
      claimed.map((c) => c.id),
      today,
      m,
    );
    await this.failed(
      m,
      'obligation',
      claimed
        .filter((c) => failed.has(c.id))
        .map((c) => ({ ...failed.get(c.id)!, revision: c.claim.started_revision })),
      report,
    );
    return claimed
      .filter((c) => !failed.has(c.id))
      .map((c) => ({
        id: c.id,
        loaded: loaded.get(c.id) ?? null,
        revision: c.claim.started_revision,
      }));
  }

  /**
   * Other obligations waiting for a patch of some of the same offerings (one offering change touches hundreds of
   * sets), claimed (locked) to be patched in this transaction. A mate whose whole set must be scored is left to
   * its own job.
   */
  private async claimPatchMates(
    m: EntityManager,
    id: string,
    deltas: string[],
    today: string,
    report: RunReport,
  ): Promise<PatchItem[]> {
    const rows: { subject_id: string }[] = await m.query(PATCH_MATES_SQL, [
      id,
      deltas,
      MATCH_PATCH_BATCH - 1,
      WHOLE_SET,
    ]);
    const claimed = (
      await this.claimMates(
        m,
        rows.map((r) => r.subject_id),
        today,
      )
    ).filter((c) => patchable(c.claim, c.deltas));
    const { loaded, failed } = await this.loadObligations(
      claimed.map((c) => c.id),
      today,
      m,
    );
    await this.failed(
      m,
      'obligation',
      claimed
        .filter((c) => failed.has(c.id))
        .map((c) => ({ ...failed.get(c.id)!, revision: c.claim.started_revision })),
      report,
    );
    return claimed
      .filter((c) => loaded.has(c.id))
      .map((c) => ({
        s: loaded.get(c.id)!,
        deltas: c.deltas,
        revision: c.claim.started_revision,
        storedCount: c.claim.match_count,
      }));
  }

  /**
   * The sets are stored for these revisions: the deltas they consumed go, the state says so (and how many rows),
   * and a subject that was failed has recovered.
   */
  private async stored(
    m: EntityManager,
    type: MatchSubjectType,
    sets: { id: string; revision: number; matches: number }[],
    report: RunReport,
  ): Promise<void> {
    if (!sets.length) return;
    const ids = sets.map((x) => x.id);
    await m.query(CLEAR_DELTAS_OF_SQL, [type, ids]);
    const recovered: { subject_id: string; failure_code: string }[] = await m.query(STORED_SQL, [
      type,
      ids,
      sets.map((x) => x.revision),
      sets.map((x) => x.matches),
    ]);
    for (const r of recovered) report.recovered.push({ id: r.subject_id, code: r.failure_code });
  }

  /**
   * Only the changed offerings' pairs (`deltas`) of each subject, all subjects in one statement per step: their
   * rows are deleted and those that are candidates now are scored and inserted. Where the cap of candidate
   * generation can bind, `patchAtCap` decides with the stored rows' exact keys, and a full set the change left
   * short is filled with the nearest candidates past its farthest unchanged row; a subject neither settles is left
   * alone (null: its whole set must be scored). The patched sets are stored.
   */
  private async patch(
    m: EntityManager,
    items: PatchItem[],
    report: RunReport,
  ): Promise<(ScoreOutcome | null)[]> {
    const type = items[0].s.type;
    const found = await this.batchCandidates(
      m,
      items.map((x) => x.s),
      items.map((x) => x.deltas),
    );
    // Sets stored before their size was kept count their rows below, listed ones with them.
    const pairs = items.filter((x) => x.storedCount != null).flatMap((x) => x.deltas.map((o) => [x.s.id, o]));
    const listedBy = new Map<string, string[]>(
      (await m.query(storedListedOfSql(type), [pairs.map((p) => p[0]), pairs.map((p) => p[1])])).map(
        (r: { id: string; listed: string[] }) => [r.id, r.listed],
      ),
    );
    const outcomes: (ScoreOutcome | null)[] = [];
    const sets: { id: string; revision: number; rows: ScoredMatch[]; matches: number }[] = [];
    const gone = { subjects: [] as string[], offerings: [] as string[] };
    for (const [k, { s, deltas, revision, storedCount }] of items.entries()) {
      const candidates = found[k];
      const { n: stored, listed }: { n: number; listed: string[] } =
        storedCount == null
          ? (await m.query(storedCountSql(type), [s.id, deltas]))[0]
          : { n: storedCount, listed: listedBy.get(s.id) ?? [] };
      let kept = new Set(candidates.map((c) => c.offeringId));
      let evicted: string[] = [];
      let fill: MatchCandidate[] = [];
      if (capMayBind(stored, listed.length, candidates.length, this.candidateCap)) {
        // Only the farthest rows can fall out (as many as there are changed candidates, plus the one that bounds
        // them); a set with rows stored before their keys were has every key computed instead.
        const farthest = storedKeys(
          await m.query(storedCapKeysSql(type), [s.id, deltas, candidates.length + 1]),
        );
        const p = s.filter.point;
        const others: Keyed[] =
          farthest ??
          (await m.query(storedKeysSql(type), [s.id, p?.lat ?? null, p?.lon ?? null, deltas])).map(
            (r: { id: string; distance_km: number | null }) => ({ id: r.id, distanceKm: r.distance_km }),
          );
        const keyed = (c: MatchCandidate): Keyed => ({ id: c.offeringId, distanceKm: c.distanceKm });
        const plan = patchAtCap(
          stored,
          candidates.map(keyed),
          others,
          this.candidateCap,
          stored - listed.length,
        );
        if (plan) ({ keep: kept, evicted } = plan);
        else {
          // A full set the change left short (an offering moved out or away): every other candidate lies past
          // the farthest unchanged row, so the set is the unchanged rows, the changed candidates up to that row
          // and the nearest candidates past it, read with the cap's own order and limit.
          const bound = others.reduce<Keyed | null>((f, o) => (!f || byKey(o, f) > 0 ? o : f), null);
          const near = bound ? candidates.filter((c) => byKey(keyed(c), bound) <= 0) : [];
          const need = this.candidateCap - (stored - listed.length) - near.length;
          if (!bound || stored < this.candidateCap || need <= 0) {
            outcomes.push(null);
            continue;
          }
          kept = new Set(near.map((c) => c.offeringId));
          fill = await this.candidates(m, s, undefined, { after: bound, limit: need });
        }
      }
      const rows = this.score(
        s,
        [...candidates.filter((c) => kept.has(c.offeringId)), ...fill],
        report.skipped,
      );
      const matches = stored - listed.length - evicted.length + rows.length;
      sets.push({ id: s.id, revision, rows, matches });
      for (const o of [...deltas, ...evicted]) {
        gone.subjects.push(s.id);
        gone.offerings.push(o);
      }
      outcomes.push({
        revision,
        mode: 'incremental',
        scored: candidates.length,
        matches,
      });
    }
    if (gone.subjects.length) await m.query(deletePairsSql(type), [gone.subjects, gone.offerings]);
    await this.insertRows(m, type, sets);
    await this.stored(
      m,
      type,
      sets.map((x) => ({ id: x.id, revision: x.revision, matches: x.matches })),
      report,
    );
    return outcomes;
  }

  /**
   * The rows of several sets in one COPY stream: no statement per row, no JSON of the whole set to parse. A set's
   * rows may be given as a function, called when the stream reaches the set. Returns how many rows each set has.
   */
  private async insertRows(
    m: EntityManager,
    type: MatchSubjectType,
    sets: { id: string; revision: number; rows: ScoredMatch[] | (() => ScoredMatch[]) }[],
  ): Promise<number[]> {
    const counts = sets.map((x) => (Array.isArray(x.rows) ? x.rows.length : 0));
    if (sets.every((x) => Array.isArray(x.rows) && !x.rows.length)) return counts;
    const { table, column } = matchTable(type);
    // The transaction's own connection (`connect()` hands back the one the runner holds), for a COPY stream.
    const client: PoolClient = await m.queryRunner!.connect();
    const [{ now }] = await m.query('SELECT now()::text AS now');
    const stream = client.query(
      copyFrom(
        `COPY ${table} (${column}, offering_id, social_enterprise_id, score, counts, projected_credit_cents,
                        spend_to_fill_cents, distance_km, cap_key, reasons, revision, computed_at) FROM STDIN`,
      ),
    );
    async function* lines(): AsyncGenerator<string> {
      for (const [k, set] of sets.entries()) {
        const { id, revision } = set;
        const rows = Array.isArray(set.rows) ? set.rows : set.rows();
        counts[k] = rows.length;
        const tail = `\t${revision}\t${copyField(now)}\n`;
        for (let i = 0; i < rows.length; i += BATCH) {
          let chunk = '';
          for (const r of rows.slice(i, i + BATCH)) {
            chunk +=
              `${id}\t${r.offeringId}\t${r.socialEnterpriseId}\t${r.score}\t${copyField(r.counts)}\t` +
              `${r.projectedCreditCents}\t${copyField(r.spendToFillCents)}\t${copyField(r.distanceKm)}\t${r.capKey}\t` +
              `${copyField(JSON.stringify(r.reasons))}${tail}`;
          }
          yield chunk;
        }
      }
    }
    await pipeline(Readable.from(lines()), stream);
    return counts;
  }

  /** The obligation with its frozen policy and what remains of it (amount minus verified contributions). */
  async obligationSubject(
    id: string,
    today: string,
    m: EntityManager = this.ds.manager,
  ): Promise<LoadedSubject | null> {
    return (await this.obligationSubjects([id], today, m)).get(id) ?? null;
  }

  /**
   * `obligationSubject` for several obligations in two statements; open obligations only, keyed by id. One whose
   * own data cannot be scored is left out (`loadObligations` says why).
   */
  async obligationSubjects(
    ids: string[],
    today: string,
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, LoadedSubject>> {
    return (await this.loadObligations(ids, today, m)).loaded;
  }

  /**
   * Open obligations loaded for scoring, each on its own: one whose data cannot be loaded or whose best possible
   * candidate does not score (`probeSubject`) is among `failed` with why, and never costs the others.
   */
  private async loadObligations(ids: string[], today: string, m: EntityManager): Promise<LoadedSubjects> {
    const out: LoadedSubjects = { loaded: new Map(), failed: new Map() };
    if (!ids.length) return out;
    const rows: (SubjectRow & {
      id: string;
      amount_cents: string;
      verified_cents: string;
      policy_snapshot: unknown;
    })[] = await m.query(
      `SELECT ob.id, ob.amount_cents::bigint::text AS amount_cents, c.start_date::text AS start_date,
              c.end_date::text AS end_date, c.policy_snapshot, t.id AS tender_id, t.title, t.description,
              pa.lat, pa.lon,
              (SELECT coalesce(sum(verified_value_cents), 0)::bigint::text FROM contribution
                WHERE obligation_id = ob.id AND status = 'verified') AS verified_cents
         FROM obligation ob
         JOIN contract c ON c.id = ob.contract_id
         JOIN tender t ON t.id = ob.tender_id
         LEFT JOIN LATERAL (SELECT lat, lon FROM postcode_area WHERE pc4 = left(t.delivery_postcode, 4)) pa ON true
        WHERE ob.id = ANY($1::uuid[]) AND ob.waived_at IS NULL`,
      [ids],
    );
    const items = await this.tenderItems(
      m,
      rows.map((r) => r.tender_id),
    );
    for (const row of rows) {
      try {
        const remaining = Math.max(0, Number(row.amount_cents) - Number(row.verified_cents));
        const policy = row.policy_snapshot as SroiPolicyBody;
        const s = this.loaded('obligation', row.id, row, policy, remaining, today, items.get(row.tender_id));
        probeSubject(s);
        out.loaded.set(row.id, s);
      } catch (err) {
        out.failed.set(row.id, subjectFailure(row.id, err));
      }
    }
    return out;
  }

  /**
   * An active tender, scored for the obligation it would create at its estimated value under its policy. A tender
   * imported from open data has no SROI policy here: it is still matched (social enterprises see it among their
   * opportunities), but under no SROI condition nothing counts and no credit is projected.
   */
  async tenderSubject(
    id: string,
    today: string,
    m: EntityManager = this.ds.manager,
  ): Promise<LoadedSubject | null> {
    const { loaded, failed } = await this.loadTender(id, today, m);
    const failure = failed.get(id);
    if (failure) throw new Error(failure.detail);
    return loaded.get(id) ?? null;
  }

  /** The tender loaded for scoring, or why it cannot be scored (as `loadObligations`); neither when not active. */
  private async loadTender(id: string, today: string, m: EntityManager): Promise<LoadedSubjects> {
    const out: LoadedSubjects = { loaded: new Map(), failed: new Map() };
    const [row] = await m.query(
      `SELECT t.id AS tender_id, t.title, t.description, t.main_procurement_category,
              t.estimated_value_cents::text AS estimated_value_cents, t.sroi_percentage::float8 AS sroi_percentage,
              t.labour_share::float8 AS labour_share, coalesce(t.contract_start, $2::date)::text AS start_date,
              coalesce(t.contract_end, t.contract_start, $2::date)::text AS end_date, p.body AS policy, pa.lat, pa.lon
         FROM tender t
         LEFT JOIN sroi_policy p ON p.id = t.sroi_policy_id
         LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
        WHERE t.id = $1 AND t.status = 'active'`,
      [id, today],
    );
    if (!row) return out;
    const items = (await this.tenderItems(m, [row.tender_id])).get(row.tender_id);
    try {
      let s: LoadedSubject;
      if (!row.policy) s = this.loaded('tender', id, row, noSroiCondition(today), 0, today, items);
      else {
        const policy = row.policy as SroiPolicyBody;
        const expected = computeObligation(policy, {
          category: row.main_procurement_category,
          contractValueCents: Number(row.estimated_value_cents),
          percentageOverride: row.sroi_percentage,
          labourShare: row.labour_share,
          contractStart: row.start_date,
          contractEnd: row.end_date,
          contractorCertifications: [],
        });
        s = this.loaded('tender', id, row, policy, expected.amountCents, today, items);
      }
      probeSubject(s);
      out.loaded.set(id, s);
    } catch (err) {
      out.failed.set(id, subjectFailure(id, err));
    }
    return out;
  }

  /** The items of some tenders, in their order, keyed by tender. */
  private async tenderItems(m: EntityManager, tenderIds: string[]): Promise<Map<string, TenderItemRow[]>> {
    const items = new Map<string, TenderItemRow[]>();
    for (const i of await m.query(
      `SELECT tender_id, cpv_code, description FROM tender_item WHERE tender_id = ANY($1::uuid[])
        ORDER BY tender_id, position`,
      [tenderIds],
    )) {
      const list = items.get(i.tender_id) ?? [];
      list.push(i);
      items.set(i.tender_id, list);
    }
    return items;
  }

  private loaded(
    type: MatchSubjectType,
    id: string,
    row: SubjectRow,
    policy: SroiPolicyBody,
    remainingCents: number,
    today: string,
    items: TenderItemRow[] = [],
  ): LoadedSubject {
    const cpvCodes = items.map((i) => i.cpv_code.trim());
    const terms = tenderTerms(
      row.title,
      items.map((i) => i.description),
      row.description ?? '',
    );
    return {
      type,
      id,
      subject: {
        policy,
        contractStart: row.start_date,
        contractEnd: row.end_date,
        remainingCents,
        cpvCodes,
        termCount: terms.length,
        today,
      },
      filter: {
        divisions: [...new Set(cpvCodes.map(divisionCode))],
        point: row.lat != null && row.lon != null ? { lat: Number(row.lat), lon: Number(row.lon) } : null,
        terms,
      },
      region: policy.purchaseRule.region?.trim().toLowerCase() || null,
    };
  }

  /**
   * Candidate offerings with their enterprises' certificates, target groups and quote-request record: the capped
   * nearest set, or those of `offeringIds` that are candidates now.
   */
  async candidates(
    m: EntityManager,
    s: LoadedSubject,
    offeringIds?: string[],
    past?: { after: Keyed; limit: number },
  ): Promise<MatchCandidate[]> {
    if (!s.filter.divisions.length) return [];
    const q = candidatesSql(s.filter, offeringIds, past?.limit ?? this.candidateCap, past?.after);
    const rows: CandidateRow[] = await m.query(q.text, q.values);
    const [candidates] = await this.hydrate(m, [s], [rows]);
    return candidates;
  }

  /**
   * The candidates of several subjects from one statement: each list as `candidates` finds it (with `only`, each
   * subject's among its own changed offerings).
   */
  async batchCandidates(
    m: EntityManager,
    subjects: LoadedSubject[],
    only?: string[][],
  ): Promise<MatchCandidate[][]> {
    const scored = subjects.filter((s) => s.filter.divisions.length);
    const rows: (CandidateRow & { i: number })[] = [];
    if (scored.length) {
      const q = batchCandidatesSql(
        scored.map((s) => s.filter),
        this.candidateCap,
        only && scored.map((s) => only[subjects.indexOf(s)]),
      );
      rows.push(...(await m.query(q.text, q.values)));
    }
    const lists = new Map<LoadedSubject, CandidateRow[]>(subjects.map((s) => [s, []]));
    for (const r of rows) lists.get(scored[r.i])!.push(r);
    return this.hydrate(m, subjects, [...lists.values()]);
  }

  /** Candidate rows with their enterprises' certificates and quote-request record, read once for all. */
  private async hydrate(
    m: EntityManager,
    subjects: LoadedSubject[],
    lists: CandidateRow[][],
  ): Promise<MatchCandidate[][]> {
    const orgs = [...new Set(lists.flatMap((rows) => rows.map((r) => r.organisation_id)))];
    if (!orgs.length) return lists.map(() => []);
    const certs = new Map<string, CertificationFact[]>();
    for (const c of await m.query(CERTIFICATIONS_SQL, [orgs])) {
      const list = certs.get(c.organisation_id) ?? [];
      list.push({
        type: c.type as CertificationType,
        level: (c.level as PsoLevel | null) ?? null,
        validFrom: c.valid_from,
        validUntil: c.valid_until,
        status: c.status as CertificationStatus,
      });
      certs.set(c.organisation_id, list);
    }
    const requests = new Map<string, { total: number; answered: number }>();
    if (!this.quoteRequestsPresent) {
      [{ present: this.quoteRequestsPresent }] = await m.query(QUOTE_REQUEST_TABLE_SQL);
    }
    if (this.quoteRequestsPresent) {
      for (const r of await m.query(QUOTE_REQUESTS_SQL, [orgs])) {
        requests.set(r.social_enterprise_id, { total: r.total, answered: r.answered });
      }
    }
    // The comma-separated lists of the candidate SQL (`listSql`), shared by their text: an offering is a candidate
    // of several subjects, an enterprise's offerings have its target groups, and the scorer remembers its verdicts
    // per list object. Nothing here is mutated.
    const shared = new Map<string, string[]>();
    const list = (v: string | null): string[] => {
      if (!v) return NO_ITEMS;
      let l = shared.get(v);
      if (!l) shared.set(v, (l = v.split(',')));
      return l;
    };
    return lists.map((rows, k) => {
      const region = subjects[k].region;
      const terms = subjects[k].filter.terms;
      const matched = new Map<number, string[]>([[0, NO_ITEMS]]);
      const matchedTerms = (mask: number): string[] => {
        let l = matched.get(mask);
        if (!l) matched.set(mask, (l = terms.filter((_, b) => mask & (1 << b))));
        return l;
      };
      return rows.map((r) => ({
        offeringId: r.id,
        socialEnterpriseId: r.organisation_id,
        cpvCodes: list(r.cpv_codes),
        labourShare: r.labour_share,
        capacityCentsPerMonth: r.capacity_cents_per_month == null ? null : Number(r.capacity_cents_per_month),
        deliveryRadiusKm: r.delivery_radius_km,
        distanceKm: r.distance_km,
        matchedTerms: matchedTerms(r.matched_mask),
        certifications: certs.get(r.organisation_id) ?? NO_CERTIFICATIONS,
        inRegion:
          region == null ? undefined : [r.municipality, r.province].some((n) => n?.toLowerCase() === region),
        targetGroups: list(r.target_groups) as TargetGroup[],
        quoteRequests: requests.get(r.organisation_id) ?? NO_QUOTE_REQUESTS,
      }));
    });
  }

  /**
   * Pure: the same function the benchmark's loop calls. A candidate whose valuation fails is left out and added
   * to `skipped` with why (`scoreIsolated`).
   */
  score(s: LoadedSubject, candidates: MatchCandidate[], skipped?: SkippedCandidate[]): ScoredMatch[] {
    return scoreIsolated(s, candidates, skipped);
  }

  /** Nightly: every open obligation and active tender, in chunks of one transaction each. */
  async rescoreAll(): Promise<{ obligations: number; tenders: number }> {
    const obligations: { id: string }[] = await this.ds.query(
      'SELECT id FROM obligation WHERE waived_at IS NULL ORDER BY id',
    );
    const tenders: { id: string }[] = await this.ds.query(
      "SELECT id FROM tender WHERE status = 'active' ORDER BY id",
    );
    for (const [type, list] of [
      ['obligation', obligations],
      ['tender', tenders],
    ] as const) {
      for (let i = 0; i < list.length; i += BATCH) {
        await this.ds.transaction((m) =>
          this.triggers.request(
            m,
            type,
            list.slice(i, i + BATCH).map((r) => r.id),
          ),
        );
      }
    }
    return { obligations: obligations.length, tenders: tenders.length };
  }

  /**
   * Daily: enterprises whose certificate ended in the last days or starts today. A few days back, so a
   * missed night (worker down) is caught up; a repeat is harmless.
   */
  async certificateDates(today: string = todayInNl()): Promise<{ organisations: number }> {
    const rows: { organisation_id: string }[] = await this.ds.query(
      `SELECT DISTINCT organisation_id FROM certification
        WHERE (valid_until BETWEEN $1::date - 3 AND $1::date - 1) OR (valid_from BETWEEN $1::date - 2 AND $1::date)`,
      [today],
    );
    const ids = rows.map((r) => r.organisation_id);
    if (ids.length) await this.ds.transaction((m) => this.triggers.enterprisesChanged(m, ids));
    return { organisations: ids.length };
  }
}

/**
 * The absence of an SROI condition, as a policy the scorer can read: no covered category, no blocks, no accepted
 * certificate. Not a rule of any buyer: every purchase evaluates to "does not count" and no credit is projected.
 */
function noSroiCondition(today: string): SroiPolicyBody {
  return {
    name: 'No SROI condition (imported tender)',
    version: '-',
    validFrom: today,
    categories: [],
    thresholdCents: 0,
    defaultPercentage: 0,
    goodsMinLabourShare: null,
    minCents: null,
    capCents: null,
    fullTimeHoursPerWeek: 36,
    psoDiscounts: [],
    blocks: [],
    bonuses: [],
    purchaseRule: { eligibleCertifications: [], minPsoLevel: null, mode: 'full_invoice', factor: null },
  };
}
