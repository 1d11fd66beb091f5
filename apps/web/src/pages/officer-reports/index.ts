import { withPart2Messages } from '../contractor/shared';
import { DashboardPage as Dashboard } from './DashboardPage';
import { ReportsPage as Reports } from './ReportsPage';

export const ReportsPage = withPart2Messages(Reports);
export const DashboardPage = withPart2Messages(Dashboard);
