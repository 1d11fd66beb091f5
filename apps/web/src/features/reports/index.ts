// Reports (one chunk): reports for officers and contractors, the officer's dashboard.
export { DashboardPage } from './DashboardPage';
export { ReportsPage } from './ReportsPage';
