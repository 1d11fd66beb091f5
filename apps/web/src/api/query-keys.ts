/**
 * Every React Query key of the app, in one place. A key starts with what it caches (the API's resource), so
 * invalidating a prefix (`keys.tenders.all`) reaches every variant of it. The features' hooks (features/<feature>/
 * api.ts) are the only users; a page never writes a key itself.
 */
export const keys = {
  // notifications
  notifications: {
    all: ['notifications'] as const,
    list: (unread: boolean) => ['notifications', 'list', unread] as const,
    unread: ['notifications', 'unread'] as const,
  },
  preferences: ['preferences'] as const,

  // directory
  cpv: (q: string) => ['cpv', q] as const,
  search: (kind: string, query: object) => ['search', kind, query] as const,
  enterprise: (id: string) => ['enterprise', id] as const,
  enterpriseSearch: (q: string | null) => ['enterprise-search', q] as const,
  organisationSearch: (kind: string | undefined, q: string) => ['organisation-search', kind, q] as const,
  /** A social enterprise's own profile (its offerings included), read fresh by its own screens. */
  ownProfile: {
    all: ['se-profile'] as const,
    of: (id: string) => ['se-profile', id] as const,
  },
  certifications: (organisationId: string) => ['certifications', organisationId] as const,

  // policies
  policies: ['policies'] as const,
  policy: (id: string) => ['policy', id] as const,

  // tenders
  tenders: {
    all: ['tenders'] as const,
    active: (filters: object = {}) => ['tenders', 'active', filters] as const,
    own: (organisationId: string | undefined) => ['tenders', 'own', organisationId] as const,
  },
  tender: (id: string) => ['tender', id] as const,
  audit: (tenderId: string) => ['audit', tenderId] as const,

  // obligations
  obligations: ['obligations'] as const,
  obligation: (id: string) => ['obligation', id] as const,
  contributions: {
    all: ['contributions'] as const,
    of: (obligationId: string) => ['contributions', obligationId] as const,
  },
  contributionPreview: (obligationId: string, body: string) =>
    ['contribution-preview', obligationId, body] as const,

  // matching
  matches: (obligationId: string) => ['matches', obligationId] as const,
  opportunities: (organisationId: string) => ['opportunities', organisationId] as const,
  job: (id: string | null) => ['job', id] as const,

  // marketplace
  quoteRequests: ['quote-requests'] as const,
  orders: ['orders'] as const,

  // meeting days (every key under `all`: a step on a day reads the day's lists again)
  meetingDays: {
    all: ['meeting-days'] as const,
    list: () => ['meeting-days', 'list'] as const,
    one: (id: string) => ['meeting-days', 'one', id] as const,
    registrations: (id: string) => ['meeting-days', 'registrations', id] as const,
    participants: (id: string) => ['meeting-days', 'participants', id] as const,
    schedule: (id: string) => ['meeting-days', 'schedule', id] as const,
    results: (id: string) => ['meeting-days', 'results', id] as const,
  },

  // challenges (every key under `all`: a step on a challenge or proposal reads them again)
  challenges: {
    all: ['challenges'] as const,
    list: (filters: object) => ['challenges', 'list', filters] as const,
    one: (id: string) => ['challenges', 'one', id] as const,
    proposals: (id: string) => ['challenges', 'proposals', id] as const,
  },

  // initiatives
  initiatives: {
    all: ['initiatives'] as const,
    list: (filters: object) => ['initiatives', 'list', filters] as const,
    one: (id: string) => ['initiatives', 'one', id] as const,
    stats: (range: object) => ['initiatives', 'stats', range] as const,
  },

  // imports (open data)
  imports: {
    one: (id: string) => ['imports', id] as const,
  },

  // reports
  reports: ['reports'] as const,
  dashboard: ['dashboard'] as const,
};
