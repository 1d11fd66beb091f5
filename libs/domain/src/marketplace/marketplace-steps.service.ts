import { ConflictError, ForbiddenError, NotFoundError } from '@app/common';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { DeepPartial, EntityManager, EntityTarget } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { Actor } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { MarketplaceErrorCode } from './marketplace.errors';
import { DealParties, MarketplaceParty, partyOf } from './deal-visibility';
import { nextStatus } from './transitions';

export interface Step {
  buyerOrganisationId: string;
  actor: Actor;
  entityType: AuditEntry['entityType'];
  action: string;
  before?: object | null;
  /** The other party, told through the outbox; the key makes a re-delivered job harmless. */
  notify?: {
    organisationId: string;
    kind: string;
    params?: Record<string, string | number | null>;
    message?: string;
  };
}

/** What every marketplace step does besides its own change: an audit entry and a notification, in its transaction. */
@Injectable()
export class MarketplaceSteps {
  constructor(
    private readonly auditLog: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Saves the row with its audit entry and, unless it is only a side effect of the step, tells the other party. */
  async save<T extends { id: string }>(
    m: EntityManager,
    target: EntityTarget<T>,
    row: DeepPartial<T>,
    { notify, ...entry }: Step,
  ): Promise<T> {
    const saved = await this.auditLog.save(m, target, row, entry);
    if (notify) {
      const { kind, ...text } = notify;
      await this.outbox.add(m, OutboxJobs.marketplaceStep(kind, saved.id, text));
    }
    return saved;
  }

  /** A further notification of the step (to a party the step's own `notify` does not reach). */
  async notify(
    m: EntityManager,
    kind: string,
    subjectId: string,
    text: { organisationId: string; params: Record<string, string | number | null> },
  ): Promise<void> {
    await this.outbox.add(m, OutboxJobs.notification(kind, [subjectId], text));
  }
}

/** The deal as its parties and the obligation's officers see it; anyone else gets 404. */
export async function findDeal<T extends DealParties>(
  m: EntityManager,
  target: EntityTarget<T>,
  actor: Actor,
  id: string,
  notFound: () => NotFoundError,
  lock = false,
): Promise<{ row: T; party: MarketplaceParty }> {
  const row = await findVisible(m, target, id, {
    lock,
    visible: (d) => partyOf(actor, d) !== null,
    notFound,
  });
  return { row, party: partyOf(actor, row)! };
}

/**
 * The deal locked for a step that only `who` may take. Writers of a request and its quotes lock the request
 * first, so concurrent steps queue up instead of deadlocking.
 */
export async function dealForStep<T extends DealParties>(
  m: EntityManager,
  target: EntityTarget<T>,
  actor: Actor,
  id: string,
  who: MarketplaceParty,
  notFound: () => NotFoundError,
): Promise<T> {
  const { row, party } = await findDeal(m, target, actor, id, notFound, true);
  if (party !== who) throw notYourStep(who);
  return row;
}

/** The caller can see the object but the step belongs to the other side (or is read-only for officers). */
export function notYourStep(who: MarketplaceParty): ForbiddenError {
  const whom = {
    contractor: 'the contractor',
    social_enterprise: 'the social enterprise asked',
    officer: 'an officer',
  }[who];
  return new ForbiddenError(MarketplaceErrorCode.NotYourStep, `Only ${whom} can take this step`);
}

/** The next status, or 409 ILLEGAL_TRANSITION naming the move that was refused. */
export function advance<S extends string, E extends string>(
  machine: Record<S, Partial<Record<E, S>>>,
  what: string,
  from: S,
  event: E,
): S {
  const to = nextStatus(machine, from, event);
  if (!to) {
    throw new ConflictError(
      MarketplaceErrorCode.IllegalTransition,
      `The ${what} is ${from}; it cannot be ${pastTense(event)}`,
      [
        {
          field: 'status',
          code: MarketplaceErrorCode.IllegalTransition,
          message: `${from} -/-> ${event}`,
          from,
          event,
        },
      ],
    );
  }
  return to;
}

function pastTense(event: string): string {
  const irregular: Record<string, string> = { quote: 'quoted', order: 'ordered', invoice: 'invoiced' };
  return irregular[event] ?? (event.endsWith('e') ? `${event}d` : `${event}ed`);
}
