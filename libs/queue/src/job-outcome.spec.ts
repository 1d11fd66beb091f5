import { UnrecoverableError } from 'bullmq';
import {
  failingForGood,
  failureReason,
  givenUp,
  isLastAttempt,
  isUnrecoverable,
  STALLED_TOO_OFTEN,
  stalledTooOften,
} from './job-outcome';

describe('when BullMQ gives up on a job', () => {
  const boom = new Error('boom');

  it('the last of its attempts, and no sooner', () => {
    expect(isLastAttempt(1, 3, boom)).toBe(false);
    expect(isLastAttempt(2, 3, boom)).toBe(false);
    expect(isLastAttempt(3, 3, boom)).toBe(true);
    // A job without `attempts` has one.
    expect(isLastAttempt(1, undefined, boom)).toBe(true);
  });

  it('at once on an unrecoverable error or a job that stalled too often', () => {
    expect(isLastAttempt(1, 5, new UnrecoverableError('gone'))).toBe(true);
    // By name, as another copy of bullmq would throw it.
    expect(isUnrecoverable(Object.assign(new Error('x'), { name: 'UnrecoverableError' }))).toBe(true);
    expect(isLastAttempt(1, 5, new Error(STALLED_TOO_OFTEN))).toBe(true);
    expect(stalledTooOften(new UnrecoverableError(STALLED_TOO_OFTEN))).toBe(true);
    expect(stalledTooOften(boom)).toBe(false);
    expect(isUnrecoverable(undefined)).toBe(false);
  });

  it('counts the failing attempt inside the processor, and BullMQ has counted it in the failed event', () => {
    // Second of two attempts: inside the processor attemptsMade is still 1, in the event it is 2.
    expect(failingForGood({ attemptsMade: 1, opts: { attempts: 2 } }, boom)).toBe(true);
    expect(failingForGood({ attemptsMade: 0, opts: { attempts: 2 } }, boom)).toBe(false);
    expect(givenUp({ attemptsMade: 2, opts: { attempts: 2 } }, boom)).toBe(true);
    expect(givenUp({ attemptsMade: 1, opts: { attempts: 2 } }, boom)).toBe(false);
  });

  it('the reason is the error message, never empty and at most 2000 characters', () => {
    expect(failureReason(boom)).toBe('boom');
    expect(failureReason(new Error(''))).toBe('Error');
    expect(failureReason('plain')).toBe('plain');
    expect(failureReason(new Error('x'.repeat(5000)))).toHaveLength(2000);
  });
});
