import { ConflictError } from '@app/common';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { Actor } from '../identity/actor';
import { MarketplaceErrorCode } from './marketplace.errors';
import { nextStatus } from './transitions';

export interface Step {
  buyerOrganisationId: string;
  actor: Actor;
  entityType: AuditEntry['entityType'];
  entityId: string;
  action: string;
  before?: object | null;
  after: object;
  /** The other party, told through the outbox; the key makes a re-delivered job harmless. */
  notify: { organisationId: string; kind: string; message: string };
}

/** What every marketplace step does besides its own change: an audit entry and a notification, in its transaction. */
@Injectable()
export class MarketplaceSteps {
  constructor(
    private readonly auditLog: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** An audit entry only: for the side effects of a step whose notification is sent once, elsewhere. */
  async audit(m: EntityManager, step: Omit<Step, 'notify'>): Promise<void> {
    await this.auditLog.record(m, {
      buyerOrganisationId: step.buyerOrganisationId,
      actor: step.actor,
      entityType: step.entityType,
      entityId: step.entityId,
      action: step.action,
      before: step.before ?? null,
      after: step.after,
    });
  }

  async record(m: EntityManager, step: Step): Promise<void> {
    await this.audit(m, step);
    const key = `${step.notify.kind}-${step.entityId}`;
    await this.outbox.add(
      m,
      OutboxJobs.notify(
        {
          organisationId: step.notify.organisationId,
          kind: step.notify.kind,
          message: step.notify.message,
          dedupeKey: key,
        },
        step.notify.kind,
        step.entityId,
      ),
    );
  }
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
