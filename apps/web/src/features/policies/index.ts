// The officer's SROI policies (one chunk).
export { PoliciesPage } from './PoliciesPage';
export { PolicyPage } from './PolicyPage';
