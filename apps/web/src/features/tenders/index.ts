// The officer's tender screens (one chunk); the public tender pages are chunks of their own (App.tsx).
export { NewTenderPage } from './NewTenderPage';
export { OfficerTenderPage } from './OfficerTenderPage';
export { OfficerTendersPage } from './OfficerTendersPage';
