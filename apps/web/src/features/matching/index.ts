// Matching's own screen (one chunk): a social enterprise's opportunities. Matches for an obligation are a section
// of the contractor's obligation page (MatchesSection).
export { OpportunitiesPage } from './OpportunitiesPage';
