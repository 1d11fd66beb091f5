import { ConflictError } from '@app/common';
import { TenderEntity, TenderStatus } from '@app/database';
import { TenderErrorCode } from './tenders.errors';

export type TenderAction = 'publish' | 'award' | 'complete' | 'cancel';

/** Which transitions exist; anything else is a 409. */
export const TRANSITIONS: Record<TenderAction, { from: TenderStatus[]; to: TenderStatus }> = {
  publish: { from: ['draft'], to: 'active' },
  award: { from: ['active'], to: 'awarded' },
  complete: { from: ['awarded'], to: 'complete' },
  cancel: { from: ['draft', 'active'], to: 'cancelled' },
};

/** 409 ILLEGAL_TRANSITION naming the states the action is allowed from. */
export function assertTransition(tender: TenderEntity, action: TenderAction): void {
  if (!TRANSITIONS[action].from.includes(tender.status)) {
    const verb = { publish: 'published', award: 'awarded', complete: 'completed', cancel: 'cancelled' }[
      action
    ];
    throw new ConflictError(
      TenderErrorCode.IllegalTransition,
      `A ${tender.status} tender cannot be ${verb}`,
      [{ from: tender.status, action, message: `allowed from: ${TRANSITIONS[action].from.join(', ')}` }],
    );
  }
}
