import { actorOf } from '../identity/testing.fixtures';
import { canSeeJob } from './job-visibility';

describe('canSeeJob: the organisation that started it (or the user, without one); admins every job', () => {
  const job = { organisationId: 'org-1', userId: 'user-1' };

  it.each([
    ['someone of the organisation', actorOf('contractor', 'org-1', 'user-2'), job, true],
    ['the user who started it', actorOf('contractor', 'org-2', 'user-1'), job, true],
    ['another organisation', actorOf('contractor', 'org-2', 'user-2'), job, false],
    ['an admin', actorOf('admin', null, 'admin-1'), job, true],
    [
      'no organisation on either side is not a match',
      actorOf('social_enterprise', null, 'user-2'),
      { organisationId: null, userId: 'user-1' },
      false,
    ],
    [
      'the user, on a job without an organisation',
      actorOf('social_enterprise', null, 'user-1'),
      { organisationId: null, userId: 'user-1' },
      true,
    ],
  ])('%s: %s', (_who, actor, j, visible) => expect(canSeeJob(actor, j)).toBe(visible));
});
