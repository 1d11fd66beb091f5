export { PoliciesPage } from './PoliciesPage';
export { PolicyPage } from './PolicyPage';
export { NewTenderPage, OfficerTenderPage, OfficerTendersPage } from './TendersPages';
export { ObligationPage, ObligationsPage, ReviewPage } from './ObligationsPages';
export { CertificationsPage } from './CertificationsPage';
