/* The words of matching (who can help with an obligation, an enterprise's opportunities), in both languages: i18n/feature-messages.ts merges them. */
const nl = {
  'ct.matches.title': 'Sociale ondernemingen die u kunnen helpen',
  'ct.matches.lead':
    'Beste eerst. De bedragen gelden onder het beleid van deze aanbesteding, op basis van wat er nog te doen is.',
  'ct.matches.empty':
    'Er zijn nog geen passende sociale ondernemingen gevonden. Ververs de lijst, of zoek zelf via Zoeken.',
  'ct.matches.pending': 'De lijst wordt opnieuw berekend…',
  'ct.matches.computedAt': 'Berekend op {date}',
  'ct.matches.refresh': 'Lijst verversen',
  'ct.matches.job': 'Herberekenen: {status}, {progress}%',
  'ct.matches.jobDone': 'De lijst is opnieuw berekend.',
  'ct.matches.jobFailed':
    'Herberekenen is mislukt. Er wordt vanzelf opnieuw gerekend; u kunt het ook later nog eens proberen.',
  'ct.matches.failed':
    'De lijst kon niet worden berekend. {reason} Er wordt vanzelf opnieuw gerekend na een wijziging, en elke nacht.',
  'ct.match.by': 'door {name}',
  'ct.match.score': 'Past voor {pct}%',
  'ct.match.credit': 'Kan {amount} opleveren onder dit beleid',
  'ct.match.countsFrom': 'Telt vanaf {date}, de start van het contract',
  'ct.match.spend': 'Besteed {amount} om de rest te vullen',
  'ct.match.distance': '{km} km',
  'ct.match.notCounting': 'Telt niet mee',
  'ct.match.notCountingWhy': 'Een inkoop hier telt niet mee onder dit beleid: {reason}',
  'ct.match.reasons': 'Waarom deze onderneming',
  'ct.match.request': 'Offerte aanvragen',
  'ct.match.profile': 'Profiel van {name}',
  'se.opps.title': 'Kansen',
  'se.opps.lead': 'Verplichtingen en lopende aanbestedingen waar uw aanbod bij past, beste eerst.',
  'se.opps.empty':
    'Nog geen kansen gevonden. Voeg aanbod toe met de juiste CPV-codes en afleverplaats, en laat uw certificaat controleren.',
  'se.opps.kind.obligation': 'Verplichting van een opdrachtnemer',
  'se.opps.kind.tender': 'Lopende aanbesteding',
  'se.opps.for': 'Voor uw aanbod “{title}” · {buyer}',
  'se.opps.credit': 'Kan de opdrachtnemer {amount} opleveren',
  'se.opps.reasons': 'Waarom deze kans',
} as const;

const en: Record<keyof typeof nl, string> = {
  'ct.matches.title': 'Social enterprises that can help you',
  'ct.matches.lead': "Best first. Amounts are under this tender's policy, based on what is still left to do.",
  'ct.matches.empty': 'No matching social enterprises found yet. Refresh the list, or search yourself.',
  'ct.matches.pending': 'The list is being recomputed…',
  'ct.matches.computedAt': 'Computed on {date}',
  'ct.matches.refresh': 'Refresh the list',
  'ct.matches.job': 'Recomputing: {status}, {progress}%',
  'ct.matches.jobDone': 'The list has been recomputed.',
  'ct.matches.jobFailed': 'Recomputing failed. It is computed again by itself; you can also try again later.',
  'ct.matches.failed':
    'The list could not be computed. {reason} It is computed again by itself after a change, and every night.',
  'ct.match.by': 'by {name}',
  'ct.match.score': '{pct}% fit',
  'ct.match.credit': 'Can bring {amount} under this policy',
  'ct.match.countsFrom': 'Counts from {date}, when the contract starts',
  'ct.match.spend': 'Spend {amount} to fill the rest',
  'ct.match.distance': '{km} km',
  'ct.match.notCounting': 'Does not count',
  'ct.match.notCountingWhy': 'A purchase here would not count under this policy: {reason}',
  'ct.match.reasons': 'Why this enterprise',
  'ct.match.request': 'Request a quote',
  'ct.match.profile': 'Profile of {name}',
  'se.opps.title': 'Opportunities',
  'se.opps.lead': 'Obligations and active tenders your offerings fit, best first.',
  'se.opps.empty':
    'No opportunities found yet. Add offerings with the right CPV codes and delivery point, and have your certificate checked.',
  'se.opps.kind.obligation': "A contractor's obligation",
  'se.opps.kind.tender': 'Active tender',
  'se.opps.for': 'For your offering “{title}” · {buyer}',
  'se.opps.credit': 'Can bring the contractor {amount}',
  'se.opps.reasons': 'Why this opportunity',
};

export const matchingMessages = { nl, en };
