import type { ReportScope } from '@app/database';
import { actorOf } from '../identity/testing.fixtures';
import { canSeeReport, visibleReportsWhere } from './report-visibility';

const report = (scope: ReportScope, organisationId = 'contractor-1') => ({
  scope,
  organisationId,
  buyerOrganisationId: 'buyer-1',
});

describe('canSeeReport: the organisation that asked, and the buyer’s officers its tender and buyer reports', () => {
  it.each<[string, ReturnType<typeof actorOf>, ReportScope, boolean]>([
    ['the contractor that asked', actorOf('contractor', 'contractor-1'), 'obligation', true],
    ['the contractor that asked', actorOf('contractor', 'contractor-1'), 'tender', true],
    ['another contractor', actorOf('contractor', 'contractor-2'), 'tender', false],
    ["an officer of the report's buyer", actorOf('procurement_officer', 'buyer-1'), 'tender', true],
    ["an officer of the report's buyer", actorOf('procurement_officer', 'buyer-1'), 'buyer', true],
    // An obligation report is the asker's own, even for the buyer's officers.
    ["an officer of the report's buyer", actorOf('procurement_officer', 'buyer-1'), 'obligation', false],
    ["another buyer's officer", actorOf('procurement_officer', 'buyer-2'), 'tender', false],
    ["a contractor in the buyer's organisation", actorOf('contractor', 'buyer-1'), 'tender', false],
    ['an admin', actorOf('admin', null), 'buyer', false],
  ])('%s, a %s report: %s', (_who, actor, scope, visible) =>
    expect(canSeeReport(actor, report(scope))).toBe(visible),
  );

  it('as SQL: the same rule', () => {
    expect(visibleReportsWhere(actorOf('contractor', 'contractor-1'), 'r')).toEqual({
      sql: 'r.organisation_id = :org',
      params: { org: 'contractor-1' },
    });
    expect(visibleReportsWhere(actorOf('procurement_officer', 'buyer-1'), 'r')).toEqual({
      sql: "(r.organisation_id = :org OR (r.buyer_organisation_id = :org AND r.scope IN ('tender', 'buyer')))",
      params: { org: 'buyer-1' },
    });
  });
});
