import { getDataSourceToken } from '@nestjs/typeorm';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';
import {
  hasHorizontalScroll,
  newPage,
  screenshot,
  seriousA11yViolations,
  Stack,
  startStack,
} from './harness';

jest.setTimeout(240_000);

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (days: number) => iso(new Date(Date.now() + days * 86_400_000));

/**
 * Issue 32 as a social enterprise sees it: two quote requests arrive (set up through the API), the header's badge
 * counts them with an accessible name that starts with its visible words, the notifications page opens the
 * object and marks all read (the count goes), and the account page switches the preferences to English + daily,
 * after which the pages speak English. A language chosen with the header's button is saved as the preference, so
 * a reload keeps it. Every page is axe clean; at 375 px none scrolls sideways.
 */
describe('notifications in Chromium', () => {
  let stack: Stack;
  let t: TestApp;
  let se: Session;
  const password = 'a-good-long-password';

  beforeAll(async () => {
    stack = await startStack();
    t = {
      app: stack.api,
      ds: stack.api.get<DataSource>(getDataSourceToken()),
      http: () => request(stack.api.getHttpServer()),
      close: async () => undefined,
    };
    const { officer } = await createBuyerWithOfficer(t);
    const contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    await addCertification(
      t,
      se,
      { type: 'pso_30plus', validFrom: addDays(-30), validUntil: addDays(400) },
      officer,
    );
    const { obligationId } = await awardedObligation(t, officer, contractor, {
      tender: { contractPeriod: { startDate: addDays(-30), endDate: addDays(365) } },
    });
    for (const title of ['Groenonderhoud bedrijventerrein', 'Catering voor de bouwplaats']) {
      const offering = await createOffering(t, se, { title });
      await t
        .http()
        .post('/api/v1/quote-requests')
        .set(...bearer(contractor))
        .send({ obligationId, offeringId: offering.id, description: `Graag een offerte: ${title}` })
        .expect(201);
    }
    // The worker's relay moves the outbox; the notifications follow (the requests', and others the enterprise
    // gets: welcome, certification, opportunities). Wait until both requests are in and the count holds still.
    const deadline = Date.now() + 60_000;
    let last = -1;
    for (;;) {
      const res = await t
        .http()
        .get('/api/v1/notifications?limit=50')
        .set(...bearer(se))
        .expect(200);
      const requests = (res.body.items as { kind: string }[]).filter(
        (i) => i.kind === 'quote_request_received',
      );
      if (requests.length >= 2 && res.body.unreadCount === last) break;
      if (Date.now() > deadline)
        throw new Error(`only ${requests.length} quote request notifications arrived`);
      last = res.body.unreadCount;
      await new Promise((r) => setTimeout(r, 1500));
    }
  });

  afterEach(async () => {
    await Promise.all(stack.browser.contexts().map((c) => c.close()));
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function signedIn(width = 1280): Promise<Page> {
    const { page } = await newPage(stack, width);
    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(se.user.email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Signed in: the page takes the language of the user's preference.
    await page.getByRole('button', { name: /^(Uitloggen|Sign out)$/ }).waitFor();
    return page;
  }

  async function clean(page: Page, name: string, narrow = false): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (narrow) expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, name);
  }

  const unread = async (): Promise<number> =>
    (
      await t
        .http()
        .get('/api/v1/notifications?unread=true&limit=1')
        .set(...bearer(se))
        .expect(200)
    ).body.unreadCount;

  const preferences = async () =>
    (
      await t
        .http()
        .get('/api/v1/me/preferences')
        .set(...bearer(se))
        .expect(200)
    ).body as { language: string; email: string };

  it('the badge counts, the page opens the object and marks all read, the preferences switch to English', async () => {
    const page = await signedIn();
    // Its name starts with what is shown ("Meldingen" and the count), then what only a screen reader hears.
    const badge = page.locator('.bs-badge-link');
    const n = await unread();
    expect(n).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: `Meldingen ${n} ongelezen`, exact: true }).waitFor();
    expect(await badge.locator('.bs-badge').innerText()).toBe(String(n));
    await clean(page, 'notifications-badge-1280');

    await badge.click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Nieuwe offerteaanvraag (Ongelezen)' })
      .first()
      .waitFor();
    const catering = page
      .getByRole('listitem')
      .filter({ hasText: 'vraagt een offerte voor "Catering voor de bouwplaats"' });
    await catering.waitFor();
    await clean(page, 'notifications-page-1280');

    // Opening one goes to its object and marks it read.
    await catering.getByRole('link', { name: 'Bekijken' }).click();
    await page.waitForURL('**/enterprise/quote-requests');
    await page.getByRole('heading', { level: 1, name: 'Offerteaanvragen' }).waitFor();
    await page.getByRole('link', { name: `Meldingen ${n - 1} ongelezen`, exact: true }).waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await page.getByRole('link', { name: 'Meldingen', exact: true }).waitFor();
    expect(await page.locator('.bs-badge-link .bs-badge').count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'Nieuwe offerteaanvraag (Gelezen)' }).first().waitFor();

    // The account page: English and a daily summary; the page follows at once.
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await clean(page, 'notifications-account-1280');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByLabel('Eén samenvatting per dag (07:00)').check();
    await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText('Your preferences have been saved.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await preferences()).toEqual({ language: 'en', email: 'daily' });
    await clean(page, 'notifications-account-en-1280');

    // The notifications in the reader's language.
    await page.getByRole('link', { name: 'Notifications', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'New quote request (Read)' }).first().waitFor();
    await page.getByText('asks for a quote for "Catering voor de bouwplaats"').waitFor();
    await clean(page, 'notifications-page-en-1280');
  });

  it('a language chosen with the header button is saved, so a reload or a new browser keeps it', async () => {
    // The user prefers English (the first test); a new browser follows the preference.
    const page = await signedIn();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const deadline = Date.now() + 10_000;
    while ((await preferences()).language !== 'nl' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect((await preferences()).language).toBe('nl');
    expect((await preferences()).email).toBe('daily');
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('at 375 px the notifications and account pages do not scroll sideways and are axe clean', async () => {
    const page = await signedIn(375);
    await page.goto('/notifications');
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nieuwe offerteaanvraag (Gelezen)' }).first().waitFor();
    await clean(page, 'notifications-page-375', true);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByRole('button', { name: 'Voorkeuren opslaan' }).waitFor();
    await clean(page, 'notifications-account-375', true);
  });
});
