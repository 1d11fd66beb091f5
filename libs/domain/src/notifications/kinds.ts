import { term, type Lang } from '@app/common';

/** What a notification names: names, amounts in cents, ISO dates, glossary codes, and the ids its link needs. */
export type NotificationParams = Record<string, string | number | null>;

/** The organisation kind of the recipient: one kind may link to a different page per side (orders). */
export type RecipientKind = 'buyer' | 'contractor' | 'social_enterprise' | null;

interface Text {
  title: string;
  body: string;
}

/** One kind: its words per language and the web app path of its object. */
export interface NotificationKind {
  /** The kind's text needs no params (otherwise a notification written without params shows its stored message). */
  noParams?: true;
  nl: (p: NotificationParams) => Text;
  en: (p: NotificationParams) => Text;
  link: (p: NotificationParams, recipient: RecipientKind) => string;
}

/** "€ 2.500,00" / "€2,500.00". */
export function money(cents: unknown, lang: Lang): string {
  const n = typeof cents === 'number' ? cents : Number(cents ?? 0);
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' })
    .format(n / 100)
    .replace(/\u00a0/g, ' ');
}

/** "14 december 2026" / "14 December 2026" for an ISO date; anything else as given. */
export function day(iso: unknown, lang: Lang): string {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return String(iso ?? '');
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const side = (r: RecipientKind, contractor: string, enterprise: string, officer = contractor): string =>
  r === 'social_enterprise' ? enterprise : r === 'buyer' ? officer : contractor;

/**
 * Every notification kind: adding a kind is one entry here (and a producer call where it happens). Text never
 * names an id or a code: codes are worded through the glossary.
 */
export const NOTIFICATION_KINDS: Record<string, NotificationKind> = {
  welcome: {
    noParams: true,
    nl: () => ({
      title: 'Welkom bij Buy Social',
      body: 'Uw organisatie is aangemeld. Vul uw gegevens aan zodat anderen u vinden.',
    }),
    en: () => ({
      title: 'Welcome to Buy Social',
      body: 'Your organisation is registered. Complete your details so that others can find you.',
    }),
    link: () => '/account',
  },
  quote_request_received: {
    nl: (p) => ({
      title: 'Nieuwe offerteaanvraag',
      body: `${s(p.contractorName) || 'Een opdrachtnemer'} vraagt een offerte voor "${s(p.offeringTitle)}"${
        p.budgetCents ? ` (budget ${money(p.budgetCents, 'nl')})` : ''
      }.`,
    }),
    en: (p) => ({
      title: 'New quote request',
      body: `${s(p.contractorName) || 'A contractor'} asks for a quote for "${s(p.offeringTitle)}"${
        p.budgetCents ? ` (budget ${money(p.budgetCents, 'en')})` : ''
      }.`,
    }),
    link: () => '/enterprise/quote-requests',
  },
  quote_request_declined: {
    nl: (p) => ({
      title: 'Offerteaanvraag afgewezen',
      body: `${s(p.enterpriseName) || 'De sociale onderneming'} heeft uw aanvraag voor "${s(p.offeringTitle)}" afgewezen${
        p.reason ? `: ${s(p.reason)}` : '.'
      }`,
    }),
    en: (p) => ({
      title: 'Quote request declined',
      body: `${s(p.enterpriseName) || 'The social enterprise'} declined your request for "${s(p.offeringTitle)}"${
        p.reason ? `: ${s(p.reason)}` : '.'
      }`,
    }),
    link: () => '/contractor/quotes',
  },
  quote_received: {
    nl: (p) => ({
      title: 'Offerte ontvangen',
      body: `Offerte voor "${s(p.offeringTitle)}": ${money(p.amountCents, 'nl')}, geldig tot en met ${day(p.validUntil, 'nl')}.`,
    }),
    en: (p) => ({
      title: 'Quote received',
      body: `Quote for "${s(p.offeringTitle)}": ${money(p.amountCents, 'en')}, valid until ${day(p.validUntil, 'en')}.`,
    }),
    link: () => '/contractor/quotes',
  },
  order_created: {
    nl: (p) => ({
      title: 'Opdracht gegeven',
      body: `Opdracht voor "${s(p.offeringTitle)}" van ${money(p.amountCents, 'nl')}.`,
    }),
    en: (p) => ({
      title: 'Order placed',
      body: `Order for "${s(p.offeringTitle)}" of ${money(p.amountCents, 'en')}.`,
    }),
    link: (_p, r) => side(r, '/contractor/orders', '/enterprise/orders'),
  },
  quote_accepted: {
    nl: (p) => ({
      title: 'Offerte geaccepteerd',
      body: `Uw offerte voor "${s(p.offeringTitle)}" is geaccepteerd: opdracht van ${money(p.amountCents, 'nl')}.`,
    }),
    en: (p) => ({
      title: 'Quote accepted',
      body: `Your quote for "${s(p.offeringTitle)}" was accepted: an order of ${money(p.amountCents, 'en')}.`,
    }),
    link: () => '/enterprise/orders',
  },
  order_completed: {
    nl: (p) => ({
      title: 'Opdracht afgerond',
      body: `De opdracht van ${money(p.amountCents, 'nl')} is door de opdrachtnemer afgerond.`,
    }),
    en: (p) => ({
      title: 'Order completed',
      body: `The contractor completed the order of ${money(p.amountCents, 'en')}.`,
    }),
    link: () => '/enterprise/orders',
  },
  invoice_received: {
    nl: (p) => ({
      title: 'Factuur ontvangen',
      body: `Factuur ${s(p.invoiceNumber)} van ${money(p.amountCents, 'nl')} ontvangen; als SROI-bijdrage van ${money(
        p.creditCents,
        'nl',
      )} ter controle ingediend.`,
    }),
    en: (p) => ({
      title: 'Invoice received',
      body: `Invoice ${s(p.invoiceNumber)} of ${money(p.amountCents, 'en')} received; submitted for review as an SROI contribution of ${money(
        p.creditCents,
        'en',
      )}.`,
    }),
    link: () => '/contractor/orders',
  },
  contribution_submitted: {
    nl: (p) => ({
      title: 'Nieuwe SROI-bijdrage ter controle',
      body: `${s(p.contractorName) || 'Een opdrachtnemer'} heeft een bijdrage (${term(
        'contributionCategory',
        s(p.category),
        'nl',
      ).toLowerCase()}) van ${money(p.amountCents, 'nl')} ingediend${p.tenderTitle ? ` voor "${s(p.tenderTitle)}"` : ''}.`,
    }),
    en: (p) => ({
      title: 'New SROI contribution to review',
      body: `${s(p.contractorName) || 'A contractor'} submitted a contribution (${term(
        'contributionCategory',
        s(p.category),
        'en',
      ).toLowerCase()}) of ${money(p.amountCents, 'en')}${p.tenderTitle ? ` for "${s(p.tenderTitle)}"` : ''}.`,
    }),
    link: (p) => (p.obligationId ? `/officer/obligations/${s(p.obligationId)}` : '/officer/review'),
  },
  contribution_reviewed: {
    nl: (p) => ({
      title: `Bijdrage ${term('contributionStatus', s(p.status), 'nl').toLowerCase()}`,
      body: `Uw bijdrage van ${money(p.amountCents, 'nl')}${
        p.tenderTitle ? ` voor "${s(p.tenderTitle)}"` : ''
      } is ${term('contributionStatus', s(p.status), 'nl').toLowerCase()}.`,
    }),
    en: (p) => ({
      title: `Contribution ${term('contributionStatus', s(p.status), 'en').toLowerCase()}`,
      body: `Your contribution of ${money(p.amountCents, 'en')}${
        p.tenderTitle ? ` for "${s(p.tenderTitle)}"` : ''
      } was ${term('contributionStatus', s(p.status), 'en').toLowerCase()}.`,
    }),
    link: (p) => `/contractor/obligations/${s(p.obligationId)}`,
  },
  certification_reviewed: {
    nl: (p) => ({
      title: `Certificering ${term('certificationStatus', s(p.status), 'nl').toLowerCase()}`,
      body: `Uw certificering ${term('certificationType', s(p.type), 'nl')} is ${term(
        'certificationStatus',
        s(p.status),
        'nl',
      ).toLowerCase()}.`,
    }),
    en: (p) => ({
      title: `Certification ${term('certificationStatus', s(p.status), 'en').toLowerCase()}`,
      body: `Your certification ${term('certificationType', s(p.type), 'en')} was ${term(
        'certificationStatus',
        s(p.status),
        'en',
      ).toLowerCase()}.`,
    }),
    link: () => '/enterprise/profile',
  },
  obligation_created: {
    nl: (p) => ({
      title: 'Nieuwe SROI-verplichting',
      body: `Gegund: "${s(p.tenderTitle)}". Uw SROI-verplichting is ${money(p.amountCents, 'nl')}.`,
    }),
    en: (p) => ({
      title: 'New SROI obligation',
      body: `Awarded: "${s(p.tenderTitle)}". Your SROI obligation is ${money(p.amountCents, 'en')}.`,
    }),
    link: (p) => `/contractor/obligations/${s(p.obligationId)}`,
  },
  new_opportunity: {
    nl: (p) => ({
      title: 'Nieuwe kans voor uw aanbod',
      body: `${term('opportunityKind', s(p.opportunityKind), 'nl')}: "${s(p.title)}" past bij uw aanbod.`,
    }),
    en: (p) => ({
      title: 'New opportunity for your offering',
      body: `${term('opportunityKind', s(p.opportunityKind), 'en')}: "${s(p.title)}" matches your offering.`,
    }),
    // A challenge's own page (where the enterprise sends its proposal); tenders and obligations on the list.
    link: (p) =>
      p.opportunityKind === 'challenge' && p.challengeId
        ? `/challenges/${s(p.challengeId)}`
        : '/enterprise/opportunities',
  },
  proposal_received: {
    nl: (p) => ({
      title: 'Nieuw voorstel voor uw opgave',
      body: `${s(p.proposerName) || 'Een organisatie'} heeft een voorstel ingestuurd voor "${s(p.challengeTitle)}".`,
    }),
    en: (p) => ({
      title: 'New proposal for your challenge',
      body: `${s(p.proposerName) || 'An organisation'} sent a proposal for "${s(p.challengeTitle)}".`,
    }),
    link: (p) => `/officer/challenges/${s(p.challengeId)}`,
  },
  proposal_decided: {
    nl: (p) => ({
      title: `Uw voorstel: ${term('proposalStatus', s(p.decision), 'nl').toLowerCase()}`,
      body: `Er is besloten over uw voorstel voor "${s(p.challengeTitle)}": ${term(
        'proposalStatus',
        s(p.decision),
        'nl',
      ).toLowerCase()}.`,
    }),
    en: (p) => ({
      title: `Your proposal: ${term('proposalStatus', s(p.decision), 'en').toLowerCase()}`,
      body: `A decision was made on your proposal for "${s(p.challengeTitle)}": ${term(
        'proposalStatus',
        s(p.decision),
        'en',
      ).toLowerCase()}.`,
    }),
    // The challenge's page shows the proposer its own proposal with the decision and the feedback.
    link: (p) => `/challenges/${s(p.challengeId)}`,
  },
  pledge_received: {
    nl: (p) => ({
      title: 'Nieuwe toezegging voor uw initiatief',
      body: `${s(p.pledgerName) || 'Een organisatie'} biedt steun aan voor het initiatief "${s(p.initiativeTitle)}".`,
    }),
    en: (p) => ({
      title: 'New pledge for your initiative',
      body: `${s(p.pledgerName) || 'An organisation'} offers support for the initiative "${s(p.initiativeTitle)}".`,
    }),
    link: (p) => `/initiatives/${s(p.initiativeId)}`,
  },
  report_ready: {
    nl: (p) => ({
      title: 'Rapport klaar',
      body: `Het rapport "${s(p.reportTitle)}" staat klaar om te downloaden.`,
    }),
    en: (p) => ({
      title: 'Report ready',
      body: `The report "${s(p.reportTitle)}" is ready to download.`,
    }),
    link: (_p, r) => side(r, '/contractor/reports', '/contractor/reports', '/officer/reports'),
  },
  event_registration_open: {
    nl: (p) => ({
      title: 'Inschrijving open voor een ontmoetingsdag',
      body: `U kunt zich inschrijven voor "${s(p.eventName)}" op ${day(p.date, 'nl')}.`,
    }),
    en: (p) => ({
      title: 'Registration open for a meeting day',
      body: `You can register for "${s(p.eventName)}" on ${day(p.date, 'en')}.`,
    }),
    link: (p) => `/meeting-days/${s(p.eventId)}`,
  },
  schedule_published: {
    nl: (p) => ({
      title: 'Rooster gepubliceerd',
      body: `Het rooster van "${s(p.eventName)}" op ${day(p.date, 'nl')} staat klaar: u heeft ${Number(p.meetings ?? 0)} ${
        Number(p.meetings) === 1 ? 'gesprek' : 'gesprekken'
      }.`,
    }),
    en: (p) => ({
      title: 'Schedule published',
      body: `The schedule of "${s(p.eventName)}" on ${day(p.date, 'en')} is ready: you have ${Number(p.meetings ?? 0)} ${
        Number(p.meetings) === 1 ? 'meeting' : 'meetings'
      }.`,
    }),
    link: (p) => `/meeting-days/${s(p.eventId)}`,
  },
};

/** The words of a notification in `lang`; a kind without a template shows its stored (Dutch) message. */
export function renderNotification(
  n: { kind: string; params: NotificationParams | null; message: string },
  lang: Lang,
): Text {
  const kind = NOTIFICATION_KINDS[n.kind];
  const params = n.params ?? {};
  if (kind && (kind.noParams || Object.keys(params).length > 0)) return kind[lang](params);
  return {
    title: kind ? kind[lang](params).title : lang === 'en' ? 'Notification' : 'Melding',
    body: n.message,
  };
}

/** The web app path of a notification's object. */
export function notificationLink(
  kind: string,
  params: NotificationParams,
  recipient: RecipientKind,
): string | null {
  return NOTIFICATION_KINDS[kind]?.link(params, recipient) ?? null;
}
