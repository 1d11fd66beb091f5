// The public pages beyond the home page (one chunk): tenders and enterprise profiles.
export { EnterprisePage } from './EnterprisePage';
export { TenderPage } from './TenderPage';
export { TendersPage } from './TendersPage';
