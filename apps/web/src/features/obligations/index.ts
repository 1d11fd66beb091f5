// Obligations (one chunk): the officer's list, obligation and review queue; the contractor's list and obligation.
export { ContractorObligationPage } from './ContractorObligationPage';
export { ContractorObligationsPage } from './ContractorObligationsPage';
export { OfficerObligationPage } from './OfficerObligationPage';
export { OfficerObligationsPage } from './OfficerObligationsPage';
export { ReviewPage } from './ReviewPage';
