import { ValidationFailedError } from '@app/common';
import { SroiInputError } from '../sroi/dates';

/** SroiInputError (a malformed date or amount reaching the engine) is bad input: 400, never 500. */
export function engine<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof SroiInputError)
      throw new ValidationFailedError(err.message, [{ message: err.message }]);
    throw err;
  }
}
