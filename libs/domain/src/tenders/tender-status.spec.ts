import { TenderEntity, TenderStatus } from '@app/database';
import { assertContractPeriod } from './contract-period';
import { assertTransition, TenderAction } from './tender-status';

const tender = (status: TenderStatus): TenderEntity =>
  ({ status, buyerOrganisationId: 'buyer-1' }) as TenderEntity;

describe('tender status', () => {
  it.each<[TenderStatus, TenderAction, boolean]>([
    ['draft', 'publish', true],
    ['active', 'publish', false],
    ['active', 'award', true],
    ['draft', 'award', false],
    ['awarded', 'complete', true],
    ['active', 'complete', false],
    ['draft', 'cancel', true],
    ['active', 'cancel', true],
    ['awarded', 'cancel', false],
    ['cancelled', 'publish', false],
  ])('%s → %s allowed: %s', (status, action, allowed) => {
    const run = (): void => assertTransition(tender(status), action);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION', status: 409 }));
  });

  it('one contract-period rule: an end before the start is 400 with INVALID_PERIOD on endDate', () => {
    expect(() => assertContractPeriod({ startDate: '2026-01-01', endDate: '2026-01-01' })).not.toThrow();
    expect(() => assertContractPeriod({ startDate: '2027-01-01', endDate: '2026-01-01' })).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'contractPeriod.endDate', code: 'INVALID_PERIOD' })],
      }),
    );
  });
});
