import { NOTIFICATION_KINDS, notificationLink, renderNotification } from './kinds';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const PARAMS = {
  offeringTitle: 'Groenonderhoud',
  amountCents: 250_000,
  budgetCents: 300_000,
  creditCents: 100_000,
  validUntil: '2027-01-14',
  tenderTitle: 'Schoonmaak',
  contractorName: 'Van Dam',
  enterpriseName: 'De Werkplaats',
  invoiceNumber: 'F-1',
  status: 'verified',
  type: 'pso_30plus',
  category: 'employment',
  reportTitle: 'Voortgang',
  title: 'Catering',
  opportunityKind: 'tender',
  eventName: 'Ontmoetingsdag',
  date: '2027-06-11',
  meetings: 2,
  obligationId: '00000000-0000-4000-8000-000000000001',
  eventId: '00000000-0000-4000-8000-000000000002',
  challengeId: '00000000-0000-4000-8000-000000000003',
  challengeTitle: 'Schone wijk',
  proposerName: 'De Brug',
  decision: 'shortlisted',
  initiativeId: '00000000-0000-4000-8000-000000000004',
  initiativeTitle: 'Moestuin',
  pledgerName: 'Het Hoekje',
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('notification kinds', () => {
  it.each(Object.keys(NOTIFICATION_KINDS))('%s reads in Dutch and English, without ids or codes', (kind) => {
    const nl = renderNotification({ kind, params: PARAMS, message: '' }, 'nl');
    const en = renderNotification({ kind, params: PARAMS, message: '' }, 'en');
    for (const t of [nl, en]) {
      expect(t.title.length).toBeGreaterThan(3);
      expect(`${t.title} ${t.body}`).not.toMatch(UUID);
      expect(`${t.title} ${t.body}`).not.toMatch(/undefined|null|NaN|_/);
    }
    expect(nl.title).not.toBe(en.title);
    expect(notificationLink(kind, PARAMS, 'contractor')).toMatch(/^\//);
  });

  it('a kind written without params shows its stored message; an unknown kind too', () => {
    expect(renderNotification({ kind: 'quote_received', params: {}, message: 'Oud' }, 'en')).toEqual({
      title: 'Quote received',
      body: 'Oud',
    });
    expect(renderNotification({ kind: 'x', params: null, message: 'Oud' }, 'nl')).toEqual({
      title: 'Melding',
      body: 'Oud',
    });
  });

  it('links per side of an order', () => {
    expect(notificationLink('order_created', {}, 'social_enterprise')).toBe('/enterprise/orders');
    expect(notificationLink('order_created', {}, 'contractor')).toBe('/contractor/orders');
  });

  it('challenges and initiatives: their own pages, the decision worded through the glossary', () => {
    const id = '00000000-0000-4000-8000-000000000003';
    expect(
      notificationLink(
        'new_opportunity',
        { opportunityKind: 'challenge', challengeId: id },
        'social_enterprise',
      ),
    ).toBe(`/challenges/${id}`);
    expect(notificationLink('new_opportunity', { opportunityKind: 'tender' }, 'social_enterprise')).toBe(
      '/enterprise/opportunities',
    );
    expect(notificationLink('proposal_received', { challengeId: id }, 'buyer')).toBe(
      `/officer/challenges/${id}`,
    );
    expect(notificationLink('proposal_decided', { challengeId: id }, 'contractor')).toBe(`/challenges/${id}`);
    expect(notificationLink('pledge_received', { initiativeId: id }, 'social_enterprise')).toBe(
      `/initiatives/${id}`,
    );
    const decided = { challengeId: id, challengeTitle: 'Schone wijk', decision: 'not_selected' };
    expect(
      renderNotification({ kind: 'proposal_decided', params: decided, message: '' }, 'en').body,
    ).toContain('not selected');
    expect(
      renderNotification({ kind: 'proposal_decided', params: decided, message: '' }, 'nl').body,
    ).toContain('niet gekozen');
    expect(
      renderNotification(
        {
          kind: 'new_opportunity',
          params: { opportunityKind: 'challenge', title: 'Schone wijk' },
          message: '',
        },
        'en',
      ).body,
    ).toBe('Challenge: "Schone wijk" matches your offering.');
  });
});

describe('unsubscribe token', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const user = '00000000-0000-4000-8000-0000000000aa';

  it('names its user until it expires', () => {
    const token = signUnsubscribeToken(secret, user);
    expect(verifyUnsubscribeToken(secret, token)).toBe(user);
    const later = new Date(Date.now() + 91 * 24 * 3600 * 1000);
    expect(() => verifyUnsubscribeToken(secret, token, later)).toThrow(
      expect.objectContaining({ code: 'UNSUBSCRIBE_TOKEN_EXPIRED' }),
    );
  });

  it.each([
    ['another secret', signUnsubscribeToken('another-secret-of-at-least-thirty-two-chars', user)],
    ['an altered user', signUnsubscribeToken(secret, user).replace('aa.', 'ab.')],
    ['garbage', 'abc'],
    ['nothing', undefined],
  ])('refuses %s', (_what, token) => {
    expect(() => verifyUnsubscribeToken(secret, token)).toThrow(
      expect.objectContaining({ code: 'UNSUBSCRIBE_TOKEN_INVALID' }),
    );
  });
});
