import {
  BusinessRuleError,
  ConflictError,
  isIsoDate,
  normalisePostcode,
  NotFoundError,
  Page,
  ValidationFailedError,
  withUniqueConflicts,
} from '@app/common';
import {
  ChallengeEntity,
  type ChallengeKind,
  ChallengeProposalEntity,
  type ChallengeStatus,
  OrganisationEntity,
  pageNewestFirst,
  type ProposalDecision,
  TenderEntity,
} from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReferenceDataService } from '../directory/reference-data.service';
import { type Actor, isAdmin, isOfficerOf } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { ChallengesErrorCode } from './challenges.errors';

export interface ChallengeInput {
  title: string;
  description: string;
  theme: string;
  kind: ChallengeKind;
  deadline: string;
  area?: { postcode?: string | null; name?: string | null } | null;
  cpvCodes?: string[] | null;
  targetGroups?: string[] | null;
  budgetCents?: number | null;
  rewardDescription?: string | null;
}

export interface ProposalInput {
  summary: string;
  approach: string;
  requestedBudgetCents?: number | null;
  partnerOrganisationIds?: string[] | null;
}

export interface DecisionInput {
  decision: ProposalDecision;
  feedback: string;
}

export interface ProposalView {
  proposal: ChallengeProposalEntity;
  organisationName: string;
  partners: { id: string; name: string }[];
}

export interface ChallengeView {
  challenge: ChallengeEntity;
  /** The status as of now: an open challenge whose deadline passed is judged, even before the worker records it. */
  status: ChallengeStatus;
  buyerName: string;
  /** The CPV codes as people write them, with check digit (`77313000-7`). */
  cpvCodes: string[];
  counts: { total: number; shortlisted: number; winners: number };
  /** After the decision: the winners by name, with their summaries. */
  winners: { proposalId: string; organisationId: string; organisationName: string; summary: string }[];
  tenders: { id: string; title: string }[];
}

const TRANSITIONS = {
  publish: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'judging' },
  finish: { from: ['judging'], to: 'decided' },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus }>;
export type ChallengeAction = keyof typeof TRANSITIONS;

const notFound = () => new NotFoundError(ChallengesErrorCode.ChallengeNotFound, 'Challenge');
const proposalNotFound = () => new NotFoundError(ChallengesErrorCode.ProposalNotFound, 'Proposal');
const alreadyProposed = () =>
  new ConflictError(ChallengesErrorCode.AlreadyProposed, 'Your organisation already sent a proposal');

/** Past its deadline: no more proposals, edits or withdrawals. */
export function isPastDeadline(c: Pick<ChallengeEntity, 'closesAt'>, now = new Date()): boolean {
  return c.closesAt.getTime() <= now.getTime();
}

/** The status people see: an open challenge past its deadline is being judged. */
export function effectiveStatus(
  c: Pick<ChallengeEntity, 'status' | 'closesAt'>,
  now = new Date(),
): ChallengeStatus {
  return c.status === 'open' && isPastDeadline(c, now) ? 'judging' : c.status;
}

export function canSeeChallenge(
  actor: Actor | undefined,
  c: Pick<ChallengeEntity, 'status' | 'buyerOrganisationId'>,
) {
  return c.status !== 'draft' || isAdmin(actor) || isOfficerOf(actor, c.buyerOrganisationId);
}

/** Challenges: an officer's lifecycle, the proposals of contractors and social enterprises and the decision. */
@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly outbox: OutboxService,
  ) {}

  async create(actor: Actor, input: ChallengeInput): Promise<ChallengeEntity> {
    const values = await this.validated(input);
    return this.ds.getRepository(ChallengeEntity).save({
      ...values,
      buyerOrganisationId: actor.organisationId!,
      status: 'draft',
      createdBy: actor.userId,
    } as ChallengeEntity);
  }

  /** Its officers change a draft (fields sent replace the stored ones). */
  async update(actor: Actor, id: string, input: Partial<ChallengeInput>): Promise<ChallengeEntity> {
    return this.ds.transaction(async (m) => {
      const c = await this.lockOwn(m, actor, id);
      if (c.status !== 'draft')
        throw new ConflictError(
          ChallengesErrorCode.ChallengeNotEditable,
          `A ${c.status} challenge cannot be changed`,
          [{ status: c.status, message: 'allowed while draft' }],
        );
      const merged: ChallengeInput = {
        title: input.title ?? c.title,
        description: input.description ?? c.description,
        theme: input.theme ?? c.theme,
        kind: input.kind ?? c.kind,
        deadline: input.deadline ?? c.deadline,
        area: input.area !== undefined ? input.area : { postcode: c.areaPostcode, name: c.areaName },
        cpvCodes: input.cpvCodes !== undefined ? input.cpvCodes : c.cpvCodes,
        targetGroups: input.targetGroups !== undefined ? input.targetGroups : c.targetGroups,
        budgetCents: input.budgetCents !== undefined ? input.budgetCents : c.budgetCents,
        rewardDescription:
          input.rewardDescription !== undefined ? input.rewardDescription : c.rewardDescription,
      };
      Object.assign(c, await this.validated(merged, m));
      return m.getRepository(ChallengeEntity).save(c);
    });
  }

  /**
   * draft → open → judging → decided. Publishing asks the worker to find the offerings that fit (and to tell their
   * enterprises); closing happens by itself once the deadline passes.
   */
  async transition(actor: Actor, id: string, action: ChallengeAction): Promise<ChallengeEntity> {
    return this.ds.transaction(async (m) => {
      const c = await this.lockOwn(m, actor, id);
      const move = TRANSITIONS[action];
      // Past its deadline an open challenge is judged, whether or not the worker's sweep has recorded it yet.
      const from = action === 'close' ? c.status : effectiveStatus(c);
      if (!(move.from as readonly ChallengeStatus[]).includes(from))
        throw new ConflictError(
          ChallengesErrorCode.IllegalTransition,
          `A ${c.status} challenge cannot ${action}`,
          [{ from: c.status, action, message: `allowed from: ${move.from.join(', ')}` }],
        );
      const wasOpen = c.status === 'open';
      c.status = move.to;
      const now = new Date();
      if (action === 'publish') c.publishedAt = now;
      if (action === 'close' || (action === 'finish' && wasOpen)) c.judgingAt = now;
      if (action === 'finish') c.decidedAt = now;
      const saved = await m.getRepository(ChallengeEntity).save(c);
      if (action === 'publish') await this.outbox.add(m, OutboxJobs.scoreChallenge({ challengeId: c.id }));
      return saved;
    });
  }

  /** Open challenges whose deadline passed go to judging (the worker's sweep); answers how many moved. */
  async closeDue(): Promise<number> {
    const rows = await this.ds.query(
      `UPDATE challenge SET status = 'judging', judging_at = now(), updated_at = now()
        WHERE status = 'open' AND closes_at <= now() RETURNING id`,
    );
    return (rows[0] as unknown[] | undefined)?.length ?? 0;
  }

  async get(actor: Actor | undefined, id: string): Promise<ChallengeView> {
    const c = await findVisible(this.ds.manager, ChallengeEntity, id, {
      visible: (row) => canSeeChallenge(actor, row),
      notFound,
    });
    return (await this.views([c]))[0];
  }

  async list(
    actor: Actor | undefined,
    q: {
      status?: ChallengeStatus;
      q?: string;
      theme?: string;
      area?: string;
      limit?: number;
      cursor?: string;
    },
  ): Promise<Page<ChallengeView>> {
    const qb = this.ds.getRepository(ChallengeEntity).createQueryBuilder('c');
    const own = actor?.role === 'procurement_officer' && actor.organisationId;
    if (isAdmin(actor)) qb.where('TRUE');
    else if (own) qb.where(`(c.status <> 'draft' OR c.buyer_organisation_id = :own)`, { own });
    else qb.where(`c.status <> 'draft'`);
    if (q.status === 'open') qb.andWhere(`c.status = 'open' AND c.closes_at > now()`);
    else if (q.status === 'judging')
      qb.andWhere(`(c.status = 'judging' OR (c.status = 'open' AND c.closes_at <= now()))`);
    else if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.theme) qb.andWhere('lower(c.theme) = lower(:theme)', { theme: q.theme.trim() });
    if (q.q?.trim()) {
      const like = `%${q.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere(
        `(lower(c.title) LIKE :like OR lower(c.description) LIKE :like OR lower(c.theme) LIKE :like)`,
        { like },
      );
    }
    if (q.area?.trim()) {
      const area = q.area.trim().toLowerCase();
      qb.andWhere(
        `(lower(c.area_name) LIKE :areaLike OR replace(lower(c.area_postcode), ' ', '') LIKE :areaPc)`,
        {
          areaLike: `%${area.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
          areaPc: `${area.replace(/\s+/g, '').replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
        },
      );
    }
    const page = await pageNewestFirst(qb, 'c', q);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  // ------------------------------------------------------------------ proposals

  async propose(actor: Actor, challengeId: string, input: ProposalInput): Promise<ProposalView> {
    const organisationId = actor.organisationId!;
    const saved = await withUniqueConflicts(
      () =>
        this.ds.transaction(async (m) => {
          const c = await this.lockForProposals(m, actor, challengeId);
          if (
            await m.getRepository(ChallengeProposalEntity).exists({ where: { challengeId, organisationId } })
          )
            throw alreadyProposed();
          const partners = await this.checkPartners(m, organisationId, input.partnerOrganisationIds ?? []);
          const row = await m.getRepository(ChallengeProposalEntity).save({
            challengeId,
            organisationId,
            summary: input.summary.trim(),
            approach: input.approach.trim(),
            requestedBudgetCents: input.requestedBudgetCents ?? null,
            partnerOrganisationIds: partners,
            submittedBy: actor.userId,
          });
          const [org] = await m.query<{ name: string }[]>('SELECT name FROM organisation WHERE id = $1', [
            organisationId,
          ]);
          await this.outbox.add(
            m,
            OutboxJobs.notification('proposal_received', [row.id], {
              organisationId: c.buyerOrganisationId,
              params: { challengeId: c.id, challengeTitle: c.title, proposerName: org?.name ?? '' },
              message: `Nieuw voorstel van ${org?.name ?? 'een organisatie'} voor uw uitdaging "${c.title}".`,
            }),
          );
          return row;
        }),
      { uq_challenge_proposal_organisation: alreadyProposed },
    );
    return (await this.proposalViews([saved]))[0];
  }

  /** The proposing organisation edits its proposal until the deadline (fields sent replace the stored ones). */
  async updateProposal(
    actor: Actor,
    proposalId: string,
    input: Partial<ProposalInput>,
  ): Promise<ProposalView> {
    const saved = await this.ds.transaction(async (m) => {
      const p = await this.ownProposal(m, actor, proposalId);
      await this.lockForProposals(m, actor, p.challengeId);
      if (input.summary !== undefined) p.summary = input.summary.trim();
      if (input.approach !== undefined) p.approach = input.approach.trim();
      if (input.requestedBudgetCents !== undefined)
        p.requestedBudgetCents = input.requestedBudgetCents ?? null;
      if (input.partnerOrganisationIds !== undefined)
        p.partnerOrganisationIds = await this.checkPartners(
          m,
          p.organisationId,
          input.partnerOrganisationIds ?? [],
        );
      return m.getRepository(ChallengeProposalEntity).save(p);
    });
    return (await this.proposalViews([saved]))[0];
  }

  /** The proposing organisation withdraws its proposal until the deadline (it may send a new one meanwhile). */
  async withdraw(actor: Actor, proposalId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const p = await this.ownProposal(m, actor, proposalId);
      await this.lockForProposals(m, actor, p.challengeId);
      await m.getRepository(ChallengeProposalEntity).delete({ id: p.id });
    });
  }

  /** Its officers see every proposal; a proposer or partner sees its own (with the feedback once decided). */
  async proposals(actor: Actor, challengeId: string): Promise<ProposalView[]> {
    const c = await findVisible(this.ds.manager, ChallengeEntity, challengeId, {
      visible: (row) => canSeeChallenge(actor, row),
      notFound,
    });
    const qb = this.ds
      .getRepository(ChallengeProposalEntity)
      .createQueryBuilder('p')
      .where('p.challenge_id = :challengeId', { challengeId })
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (!isOfficerOf(actor, c.buyerOrganisationId) && !isAdmin(actor)) {
      qb.andWhere('(p.organisation_id = :org OR :org = ANY(p.partner_organisation_ids))', {
        org: actor.organisationId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    return this.proposalViews(await qb.getMany());
  }

  /**
   * The challenge's officers decide on a proposal while the challenge is judged. A competition shortlists before
   * it picks winners: a winner must have been shortlisted (422 NOT_SHORTLISTED).
   */
  async decide(actor: Actor, proposalId: string, input: DecisionInput): Promise<ProposalView> {
    const saved = await this.ds.transaction(async (m) => {
      const p = await findVisible(m, ChallengeProposalEntity, proposalId, {
        lock: true,
        visible: () => actor.role === 'procurement_officer',
        notFound: proposalNotFound,
      });
      const c = await findVisible(m, ChallengeEntity, p.challengeId, {
        lock: true,
        visible: (row) => isOfficerOf(actor, row.buyerOrganisationId),
        notFound: proposalNotFound,
      });
      const status = effectiveStatus(c);
      if (status !== 'judging')
        throw new ConflictError(
          ChallengesErrorCode.NotJudging,
          `Proposals are decided while the challenge is judged; this one is ${status}`,
          [{ status, message: 'allowed while judging' }],
        );
      if (c.status === 'open') {
        // The deadline passed before the worker's sweep: record the move now.
        c.status = 'judging';
        c.judgingAt = new Date();
        await m.getRepository(ChallengeEntity).save(c);
      }
      if (
        c.kind === 'competition' &&
        input.decision === 'winner' &&
        p.decision !== 'shortlisted' &&
        p.decision !== 'winner'
      )
        throw new BusinessRuleError(
          ChallengesErrorCode.NotShortlisted,
          'A competition shortlists a proposal before it picks it as a winner',
          [{ field: 'decision', message: 'shortlist this proposal first' }],
        );
      p.decision = input.decision;
      p.feedback = input.feedback.trim();
      p.decidedAt = new Date();
      p.decidedBy = actor.userId;
      const row = await m.getRepository(ChallengeProposalEntity).save(p);
      await this.outbox.add(
        m,
        OutboxJobs.notification('proposal_decided', [p.id, input.decision], {
          organisationId: p.organisationId,
          params: { challengeId: c.id, challengeTitle: c.title, decision: input.decision },
          message: `Uw voorstel voor "${c.title}": ${DECISION_NL[input.decision]}.`,
        }),
      );
      return row;
    });
    return (await this.proposalViews([saved]))[0];
  }

  /** Whether a buyer's officer may link a tender to this challenge (its own buyer's, any status but draft is fine). */
  async linkableBy(m: EntityManager, buyerOrganisationId: string, challengeId: string): Promise<void> {
    const c = await m.getRepository(ChallengeEntity).findOne({ where: { id: challengeId } });
    if (!c || c.buyerOrganisationId !== buyerOrganisationId)
      throw new BusinessRuleError(
        ChallengesErrorCode.InvalidChallenge,
        'challengeId names no challenge of your organisation',
        [{ field: 'challengeId', message: 'unknown challenge' }],
      );
  }

  // ------------------------------------------------------------------ helpers

  private lockOwn(m: EntityManager, actor: Actor, id: string): Promise<ChallengeEntity> {
    return findVisible(m, ChallengeEntity, id, {
      lock: true,
      visible: (c) => isOfficerOf(actor, c.buyerOrganisationId),
      notFound,
    });
  }

  /** Shared lock on a challenge taking proposals: 404 for a draft, 409 CHALLENGE_CLOSED past the deadline. */
  private async lockForProposals(m: EntityManager, actor: Actor, id: string): Promise<ChallengeEntity> {
    const c = await findVisible(m, ChallengeEntity, id, {
      lock: 'shared',
      visible: (row) => canSeeChallenge(actor, row),
      notFound,
    });
    if (c.status !== 'open' || isPastDeadline(c))
      throw new ConflictError(
        ChallengesErrorCode.ChallengeClosed,
        'The challenge no longer takes proposals',
        [
          {
            status: effectiveStatus(c),
            deadline: c.deadline,
            message: 'proposals are taken until the deadline',
          },
        ],
      );
    return c;
  }

  private async ownProposal(m: EntityManager, actor: Actor, id: string): Promise<ChallengeProposalEntity> {
    return findVisible(m, ChallengeProposalEntity, id, {
      lock: true,
      visible: (p) => p.organisationId === actor.organisationId,
      notFound: proposalNotFound,
    });
  }

  private async checkPartners(m: EntityManager, self: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const found = await m.getRepository(OrganisationEntity).find({
      where: { id: In(unique), kind: In(['contractor', 'social_enterprise']) },
      select: { id: true },
    });
    const known = new Set(found.map((o) => o.id));
    const problems = unique
      .map((id) => ({ id, i: ids.indexOf(id) }))
      .filter(({ id }) => id === self || !known.has(id))
      .map(({ id, i }) => ({
        field: `partnerOrganisationIds[${i}]`,
        message: id === self ? 'your own organisation is the proposer' : 'no contractor or social enterprise',
      }));
    if (problems.length)
      throw new BusinessRuleError(
        ChallengesErrorCode.InvalidPartner,
        'A partner is not a contractor or social enterprise',
        problems,
      );
    return unique;
  }

  private async validated(
    input: ChallengeInput,
    m: EntityManager = this.ds.manager,
  ): Promise<Partial<ChallengeEntity>> {
    const closesAt = await this.closesAt(m, input.deadline);
    const cpvCodes = input.cpvCodes?.length
      ? await this.reference.normaliseCpvCodes(input.cpvCodes, 'cpvCodes')
      : [];
    const postcode = input.area?.postcode?.trim() || null;
    if (postcode) await this.reference.resolvePostcode(postcode, 'area.postcode');
    return {
      title: input.title.trim(),
      description: input.description.trim(),
      theme: input.theme.trim(),
      kind: input.kind,
      deadline: input.deadline,
      closesAt,
      areaPostcode: postcode ? normalisePostcode(postcode) : null,
      areaName: input.area?.name?.trim() || null,
      cpvCodes,
      targetGroups: [...new Set(input.targetGroups ?? [])],
      budgetCents: input.budgetCents ?? null,
      rewardDescription: input.rewardDescription?.trim() || null,
    };
  }

  /** A date closes at the end of that Dutch day; a timestamp at that moment. */
  private async closesAt(m: EntityManager, deadline: string): Promise<Date> {
    const bad = () =>
      new ValidationFailedError(
        'deadline is not a date or a timestamp',
        [{ field: 'deadline', message: 'a date YYYY-MM-DD or a timestamp with offset (2000..2100)' }],
        ChallengesErrorCode.InvalidDeadline,
      );
    if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) {
      if (!isIsoDate(deadline)) throw bad();
      const [row] = await m.query<{ t: Date }[]>(
        `SELECT (($1::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS t`,
        [deadline],
      );
      return new Date(row.t);
    }
    const t = new Date(deadline);
    if (Number.isNaN(t.getTime()) || !isIsoDate(t.toISOString().slice(0, 10))) throw bad();
    return t;
  }

  private async views(rows: ChallengeEntity[]): Promise<ChallengeView[]> {
    if (!rows.length) return [];
    const ids = rows.map((c) => c.id);
    const names = await this.namesOf(rows.map((c) => c.buyerOrganisationId));
    const display = await this.reference.codeDisplay();
    const counts = await this.ds.query<
      { challenge_id: string; total: string; shortlisted: string; winners: string }[]
    >(
      `SELECT challenge_id, count(*) AS total,
              count(*) FILTER (WHERE decision IN ('shortlisted', 'winner')) AS shortlisted,
              count(*) FILTER (WHERE decision = 'winner') AS winners
         FROM challenge_proposal WHERE challenge_id = ANY($1) GROUP BY challenge_id`,
      [ids],
    );
    const decided = rows.filter((c) => c.status === 'decided').map((c) => c.id);
    const winners = decided.length
      ? await this.ds.query<
          { challenge_id: string; id: string; organisation_id: string; name: string; summary: string }[]
        >(
          `SELECT p.challenge_id, p.id, p.organisation_id, o.name, p.summary
             FROM challenge_proposal p JOIN organisation o ON o.id = p.organisation_id
            WHERE p.challenge_id = ANY($1) AND p.decision = 'winner' ORDER BY o.name, p.id`,
          [decided],
        )
      : [];
    const tenders = await this.ds.getRepository(TenderEntity).find({
      where: { challengeId: In(ids) },
      select: { id: true, title: true, challengeId: true, status: true, buyerOrganisationId: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((c) => {
      const n = counts.find((r) => r.challenge_id === c.id);
      return {
        challenge: c,
        status: effectiveStatus(c),
        buyerName: names.get(c.buyerOrganisationId) ?? '',
        cpvCodes: display(c.cpvCodes),
        counts: {
          total: Number(n?.total ?? 0),
          shortlisted: Number(n?.shortlisted ?? 0),
          winners: Number(n?.winners ?? 0),
        },
        winners: winners
          .filter((w) => w.challenge_id === c.id)
          .map((w) => ({
            proposalId: w.id,
            organisationId: w.organisation_id,
            organisationName: w.name,
            summary: w.summary,
          })),
        // A draft tender is its buyer's business; the link is shown once the tender is published.
        tenders: tenders
          .filter((t) => t.challengeId === c.id && t.status !== 'draft')
          .map((t) => ({ id: t.id, title: t.title })),
      };
    });
  }

  private async proposalViews(rows: ChallengeProposalEntity[]): Promise<ProposalView[]> {
    const names = await this.namesOf(rows.flatMap((p) => [p.organisationId, ...p.partnerOrganisationIds]));
    return rows.map((p) => ({
      proposal: p,
      organisationName: names.get(p.organisationId) ?? '',
      partners: p.partnerOrganisationIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    }));
  }

  private async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.ds
      .getRepository(OrganisationEntity)
      .find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }
}

const DECISION_NL: Record<ProposalDecision, string> = {
  shortlisted: 'op de shortlist',
  winner: 'winnaar',
  not_selected: 'niet gekozen',
};
