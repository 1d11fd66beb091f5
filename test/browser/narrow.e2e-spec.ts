import { getDataSourceToken } from '@nestjs/typeorm';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import {
  addCertification,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
  uniqueWord,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';
import {
  apiCall,
  hasHorizontalScroll,
  newPage,
  screenshot,
  seriousA11yViolations,
  Stack,
  startStack,
} from './harness';

jest.setTimeout(300_000);

type Body = Record<string, unknown>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (days: number) => iso(new Date(Date.now() + days * 86_400_000));

/**
 * Every table on the page either fits the viewport (a stacked list, each cell labelled with its column) or scrolls
 * in its own box that says so: a visible cue, a focusable region with an accessible name. Returns the tables that
 * do neither, and how many of each kind the page has.
 */
function tablesAtWidth(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const bad: string[] = [];
    let stacked = 0;
    let scrolling = 0;
    for (const table of document.querySelectorAll<HTMLTableElement>('main table')) {
      const name = (table.querySelector('caption, th')?.textContent ?? '?').trim().slice(0, 40);
      const box = table.closest<HTMLElement>('.bs-table-wrap');
      if (!box) {
        if (table.getBoundingClientRect().right > width + 1) bad.push(`${name}: no box`);
        continue;
      }
      if (box.scrollWidth <= box.clientWidth + 1 && box.getBoundingClientRect().right <= width + 1) {
        if (box.classList.contains('bs-table-wrap--stack')) {
          stacked += 1;
          // A stacked row's cells carry their column's heading.
          const cell = table.querySelector('tbody td');
          if (cell && getComputedStyle(cell).display === 'block' && !cell.getAttribute('data-label'))
            bad.push(`${name}: stacked cell without its label`);
          // Nothing spills out of its cell onto the next (a cell's fixed height would make label and value overlap).
          for (const c of table.querySelectorAll<HTMLElement>('tbody td, tbody th'))
            if (c.scrollHeight > c.clientHeight + 1) {
              bad.push(`${name}: a cell's content spills out of it`);
              break;
            }
        }
        continue;
      }
      scrolling += 1;
      const cue = box.parentElement?.querySelector<HTMLElement>('.bs-table-scroll__cue');
      const cueShown = !!cue && cue.getBoundingClientRect().height > 0 && !!cue.textContent?.trim();
      if (
        box.getAttribute('role') !== 'region' ||
        box.tabIndex !== 0 ||
        !box.getAttribute('aria-label') ||
        !cueShown
      )
        bad.push(`${name}: overflows without a cue`);
    }
    return { bad, stacked, scrolling };
  });
}

describe('every list page at 375 px; a quote request from an enterprise profile (Chromium)', () => {
  let stack: Stack;
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let se: Session;
  let seName: string;
  let obligationId: string;
  let tenderTitle: string;
  let offeringTitle: string;
  let offeringId: string;
  const officerPassword = 'officer-password-1';
  const password = 'a-good-long-password';

  beforeAll(async () => {
    stack = await startStack();
    t = {
      app: stack.api,
      ds: stack.api.get<DataSource>(getDataSourceToken()),
      http: () => request(stack.api.getHttpServer()),
      close: async () => undefined,
    };
    const word = uniqueWord('smal');
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    seName = (
      await apiCall<{ name: string }>(stack, 'GET', `/api/v1/social-enterprises/${se.user.organisationId}`)
    ).name;
    await apiCall(
      stack,
      'PUT',
      `/api/v1/social-enterprises/${se.user.organisationId}/profile`,
      {
        mission: `Vertalen met talent ${word}`,
        targetGroups: ['participatiewet'],
        fteTotal: 8,
        fteTargetGroup: 5,
      },
      se.accessToken,
    );
    await addCertification(
      t,
      se,
      { type: 'pso_30plus', validFrom: addDays(-400), validUntil: addDays(400) },
      officer,
    );
    // A CPV division no tender of this spec asks for: the offering is not among the obligation's matches.
    offeringTitle = `Vertaalwerk ${word}`;
    offeringId = (
      await createOffering(t, se, {
        title: offeringTitle,
        description: 'Vertalingen Nederlands–Engels door een leerwerkteam',
        cpvCodes: ['79530000-8'],
        priceIndicationCents: 4500,
        unit: 'uur',
        labourShare: 0.6,
      })
    ).id;
    await createOffering(t, se, { title: `Drukwerk ${word}`, cpvCodes: ['79810000-5'] });
    tenderTitle = `Onderhoud openbaar groen ${word}`;
    ({ obligationId } = await awardedObligation(t, officer, contractor, {
      tender: {
        title: tenderTitle,
        contractPeriod: { startDate: addDays(-200), endDate: addDays(500) },
      },
    }));
  });

  afterAll(async () => {
    await stack?.close();
  });

  afterEach(async () => {
    await Promise.all(stack.browser.contexts().map((c) => c.close()));
  });

  /** Signed in (after a reload the app first trades its refresh token): the sign-out button is there. */
  const signedInMenu = (page: Page) => page.getByRole('button', { name: 'Uitloggen' }).waitFor();

  async function signedIn(email: string, pass: string, width: number): Promise<Page> {
    const { page } = await newPage(stack, width);
    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(pass);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await signedInMenu(page);
    return page;
  }

  it('a contractor asks for a quote from an enterprise profile, for an offering that is not among its matches', async () => {
    // A visitor is told who can ask.
    const { page: visitor } = await newPage(stack, 375);
    await visitor.goto(`/enterprises/${se.user.organisationId}`);
    await visitor.getByRole('heading', { level: 1, name: seName }).waitFor();
    await visitor
      .getByRole('link', { name: 'Log in als opdrachtnemer om een offerte aan te vragen' })
      .waitFor();
    await expect(visitor.getByRole('button', { name: /Offerte aanvragen/ }).count()).resolves.toBe(0);

    // The SE on another's profile (any role other than contractor) sees no action.
    const other = await signedIn(se.user.email, password, 1280);
    await other.goto(`/enterprises/${se.user.organisationId}`);
    await other.getByRole('heading', { level: 1, name: seName }).waitFor();
    await signedInMenu(other);
    await other.waitForLoadState('networkidle');
    await expect(other.getByRole('button', { name: /Offerte aanvragen/ }).count()).resolves.toBe(0);
    await expect(other.getByText('Log in als opdrachtnemer').count()).resolves.toBe(0);

    const page = await signedIn(contractor.user.email, password, 375);
    await page.goto(`/enterprises/${se.user.organisationId}`);
    await page.getByRole('heading', { level: 1, name: seName }).waitFor();
    await signedInMenu(page);
    // One action for the page, one on each offering.
    await page.getByRole('button', { name: `Offerte aanvragen: ${offeringTitle}` }).waitFor();
    await expect(page.getByRole('button', { name: /^Offerte aanvragen/ }).count()).resolves.toBe(3);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'narrow-01-enterprise-contractor-375');

    await page.getByRole('button', { name: `Offerte aanvragen: ${offeringTitle}` }).click();
    const obligation = page.getByLabel('Voor welke opdracht?');
    // Picked by its tender's title, never by an id.
    const options = await obligation.locator('option').allTextContents();
    expect(options.some((o) => o.startsWith(tenderTitle))).toBe(true);
    expect(options.join(' ')).not.toContain(obligationId);
    const wanted = options.find((o) => o.startsWith(tenderTitle))!;
    await obligation.selectOption({ label: wanted });
    await page.getByLabel('Wat heeft u nodig?').fill('Vertaling van het jaarverslag, 40 pagina’s');
    await page.getByLabel(/^Budget in euro/).fill('1.250,50');
    await page.getByLabel(/^Nodig vanaf/).fill(addDays(30));
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'narrow-02-enterprise-quote-form-375');
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page.getByText('Uw aanvraag is verstuurd.', { exact: false }).waitFor();
    await screenshot(page, 'narrow-03-enterprise-quote-sent-375');

    const list = await apiCall<{ items: Body[] }>(
      stack,
      'GET',
      '/api/v1/quote-requests?limit=100',
      undefined,
      contractor.accessToken,
    );
    const asked = list.items.find((r) => r.offeringId === offeringId);
    expect(asked).toMatchObject({
      status: 'open',
      obligationId,
      offeringId,
      socialEnterpriseId: se.user.organisationId,
      budgetCents: 125_050,
      neededBy: addDays(30),
    });
    // The API took an offering that the obligation's matches do not list.
    const matches = await apiCall<{ items: Body[] }>(
      stack,
      'GET',
      `/api/v1/obligations/${obligationId}/matches?limit=100`,
      undefined,
      contractor.accessToken,
    );
    expect(matches.items.map((m) => m.offeringId)).not.toContain(offeringId);

    // The same page at desktop width, for the screenshot.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/enterprises/${se.user.organisationId}`);
    await page.getByRole('button', { name: `Offerte aanvragen: ${offeringTitle}` }).waitFor();
    await screenshot(page, 'narrow-04-enterprise-contractor-1280');

    // A quote, an order and an invoice (a contribution), so the lists below have rows.
    const quote = await apiCall<Body>(
      stack,
      'POST',
      `/api/v1/quote-requests/${String(asked!.id)}/quotes`,
      { amountCents: 125_000, validUntil: addDays(30), message: 'Graag' },
      se.accessToken,
    );
    const order = await apiCall<Body>(
      stack,
      'POST',
      `/api/v1/quotes/${String(quote.id)}/accept`,
      undefined,
      contractor.accessToken,
    );
    await apiCall(
      stack,
      'POST',
      `/api/v1/orders/${String(order.id)}/invoices`,
      { invoiceNumber: `SMAL-${Date.now()}`, invoiceDate: addDays(-1), amountCents: 125_000 },
      se.accessToken,
    );
  });

  const pages: [string, () => Session, string, string[]][] = [
    [
      'officer',
      () => officer,
      officerPassword,
      [
        '/officer/policies',
        '/officer/tenders',
        '/officer/obligations',
        '/officer/obligations/:obligation',
        '/officer/review',
        '/officer/certifications',
        '/officer/reports',
        '/officer/dashboard',
        '/officer/meeting-days',
      ],
    ],
    [
      'contractor',
      () => contractor,
      password,
      [
        '/contractor/obligations',
        '/contractor/obligations/:obligation',
        '/contractor/quotes',
        '/contractor/orders',
        '/contractor/reports',
      ],
    ],
    [
      'social enterprise',
      () => se,
      password,
      [
        '/enterprise/profile',
        '/enterprise/offerings',
        '/enterprise/opportunities',
        '/enterprise/quote-requests',
        '/enterprise/orders',
        '/enterprise/:self',
      ],
    ],
  ];

  it.each(pages)(
    'at 375 px no %s list page has a table that overflows without a cue',
    async (role, who, pass, paths) => {
      const session = who();
      const page = await signedIn(session.user.email, pass, 375);
      const seen: Record<string, { stacked: number; scrolling: number }> = {};
      for (const template of paths) {
        const path = template
          .replace(':obligation', obligationId)
          .replace('/enterprise/:self', `/enterprises/${se.user.organisationId}`);
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        // Still signed in, on the page asked for (not sent to the sign-in page).
        expect(new URL(page.url()).pathname).toBe(path);
        await signedInMenu(page);
        const shot = `narrow-${role.replace(/\W+/g, '-')}-${template.replace(/\W+/g, '-')}`;
        await screenshot(page, `${shot}-375`);
        const tables = await tablesAtWidth(page);
        expect({ path: template, scroll: await hasHorizontalScroll(page), bad: tables.bad }).toEqual({
          path: template,
          scroll: false,
          bad: [],
        });
        seen[template] = { stacked: tables.stacked, scrolling: tables.scrolling };
        await page.setViewportSize({ width: 1280, height: 900 });
        await screenshot(page, `${shot}-1280`);
        await page.setViewportSize({ width: 375, height: 900 });
      }
      console.log(`${role} tables at 375 px`, JSON.stringify(seen));
    },
  );
});
