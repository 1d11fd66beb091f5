import { ValidationFailedError } from '@app/common';
import { TenderErrorCode } from './tenders.errors';

export interface ContractPeriod {
  startDate: string;
  endDate: string;
}

/**
 * The one contract-period rule (tender, award, a policy's evaluate): the end is not before the start. Bad input,
 * so 400 wherever it is checked; `code` is the answer's code, the detail always says INVALID_PERIOD.
 */
export function assertContractPeriod(
  period: ContractPeriod,
  code = 'VALIDATION_FAILED',
  field = 'contractPeriod',
): void {
  if (period.endDate < period.startDate) {
    throw new ValidationFailedError(
      `${field}.endDate is before startDate`,
      [
        {
          field: `${field}.endDate`,
          code: TenderErrorCode.InvalidPeriod,
          message: 'must not be before startDate',
        },
      ],
      code,
    );
  }
}
