// Initiatives (one chunk): the public list and page with pledges, a new initiative, and the figures.
export { InitiativePage } from './InitiativePage';
export { InitiativesPage } from './InitiativesPage';
export { InitiativeStatsPage } from './InitiativeStatsPage';
export { NewInitiativePage } from './NewInitiativePage';
