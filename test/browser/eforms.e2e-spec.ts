import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { contractNotice, reidentified } from '../fixtures/eforms/variants';
import type { TestApp } from '../support/app';
import { createBuyerWithOfficer } from '../support/factories';
import { makeZip } from '../support/zip';
import {
  hasHorizontalScroll,
  newPage,
  screenshot,
  seriousA11yViolations,
  Stack,
  startStack,
} from './harness';

jest.setTimeout(240_000);

/**
 * api.md "Open data: eForms notices", as people see them: an officer uploads a ZIP of notices (the SDK's social
 * example, a notice reserved for sheltered workshops, and one without a CPV code) and follows the import to its
 * result and problems; the public tenders page, filtered on reserved contracts, shows the reserved tender with its
 * badge, and its page says in words to whom it is reserved, its social objectives, lots and notice.
 */
describe('eForms screens in Chromium', () => {
  let stack: Stack;
  let t: TestApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack();
    t = {
      app: stack.api,
      ds: stack.api.get<DataSource>(getDataSourceToken()),
      http: () => request(stack.api.getHttpServer()),
      close: async () => undefined,
    };
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await stack?.close();
  });

  async function page(width = 1280): Promise<Page> {
    const { context, page: p } = await newPage(stack, width);
    contexts.push(context);
    return p;
  }

  async function signIn(p: Page, organisationId: string): Promise<void> {
    const [{ email }] = await t.ds.query('SELECT email FROM app_user WHERE organisation_id = $1', [
      organisationId,
    ]);
    await p.goto('/sign-in');
    await p.getByLabel('E-mailadres').fill(email as string);
    await p.getByLabel('Wachtwoord').fill('officer-password-1');
    await p.getByRole('button', { name: 'Inloggen' }).click();
    await p.getByRole('link', { name: 'Aankondigingen inlezen' }).waitFor();
  }

  it('imports notices, shows the result and problems, and lists the reserved tender with its badge', async () => {
    const { organisationId } = await createBuyerWithOfficer(t);
    const tag = randomUUID().slice(0, 8);
    const title = `Wasserij voor zorginstellingen ${tag}`;
    const reserved = contractNotice({
      titles: { NLD: title, ENG: `Laundry for care homes ${tag}` },
      buyer: { name: `Gemeente Eforms ${tag}`, city: 'Utrecht', postcode: '3511 AB' },
      cpv: ['98310000'],
      valueEur: '250000',
      deadline: '2030-06-30',
      socialObjectives: ['opp'],
      lots: [
        { title: 'Perceel wasserij', cpv: ['98310000'], valueEur: '150000', reserved: 'res-ws' },
        { title: 'Perceel schoonmaak', cpv: ['90910000'], valueEur: '100000' },
      ],
    });
    const noCpv = contractNotice({ lots: [{ title: 'Perceel zonder CPV', cpv: [] }] });
    const zip = makeZip([
      { name: 'cn-social_24.xml', data: reidentified('cn-social_24.xml', tag.slice(0, 8)) },
      { name: 'voorbehouden.xml', data: reserved.xml },
      { name: 'zonder-cpv.xml', data: noCpv.xml },
    ]);

    const p = await page();
    await signIn(p, organisationId);
    await p.getByRole('link', { name: 'Aankondigingen inlezen' }).click();
    await p.getByRole('heading', { level: 1, name: 'Aankondigingen inlezen (eForms)' }).waitFor();
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p
      .getByLabel('Bestand met aankondigingen')
      .setInputFiles({ name: 'aankondigingen.zip', mimeType: 'application/zip', buffer: zip });
    await p.getByRole('button', { name: 'Inlezen' }).click();
    await p.getByText('Klaar: aankondigingen.zip is ingelezen.').waitFor({ timeout: 60_000 });

    const fact = (key: string) =>
      p.locator('.utrecht-data-list__item', { has: p.getByText(key, { exact: true }) });
    expect(await fact('Aankondigingen in het bestand').textContent()).toContain('3');
    expect(await fact('Nieuwe aanbestedingen').textContent()).toContain('2');
    // The notice without a CPV code is listed with its file name, path and message.
    const errors = p.getByRole('table', { name: 'Problemen per aankondiging' });
    await errors.getByRole('cell', { name: 'zonder-cpv.xml' }).first().waitFor();
    // Each problem in Dutch from its code (issue 35/31): no English message, no "(Engels)" column.
    const noCpvRow = errors.getByRole('row', { name: /zonder-cpv\.xml/ });
    await noCpvRow
      .getByText('Het perceel heeft geen CPV-code; de aankondiging is niet ingelezen.', { exact: true })
      .waitFor();
    expect(await errors.textContent()).not.toMatch(/the lot has no CPV code|Engels/);
    expect(await errors.locator('[lang="en"]').count()).toBe(0);
    await errors.getByRole('columnheader', { name: 'Wat er mis is' }).waitFor();
    expect(await p.getByRole('heading', { level: 3 }).textContent()).toMatch(/^Problemen \(\d+\)$/);
    expect(await seriousA11yViolations(p)).toEqual([]);
    await screenshot(p, 'eforms-import-nl');

    // English: the same result in the other language.
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByText('Done: aankondigingen.zip has been imported.').waitFor();
    await p.getByRole('table', { name: 'Problems by notice' }).waitFor();
    await p
      .getByRole('table', { name: 'Problems by notice' })
      .getByText('The lot has no CPV code; the notice has not been imported.', { exact: true })
      .waitFor();
    await p.getByRole('button', { name: 'Nederlands' }).click();

    // The public list, filtered on reserved contracts: the reserved tender with its badge.
    const list = await page();
    await list.goto('/tenders');
    await list.getByLabel('Alleen voorbehouden opdrachten').check();
    await list.waitForURL(/reserved=true/);
    const card = list.locator('.bs-card', { has: list.getByRole('link', { name: title }) });
    await card.waitFor();
    await card.getByText('Voorbehouden opdracht', { exact: true }).waitFor();
    expect(await list.locator('.bs-card').count()).toBe(
      await list.locator('.bs-card', { hasText: 'Voorbehouden opdracht' }).count(),
    );
    await list.getByLabel('Herkomst').selectOption('eforms');
    await list.waitForURL(/source=eforms/);
    await card.waitFor();
    expect(await seriousA11yViolations(list)).toEqual([]);
    await screenshot(list, 'eforms-tenders-reserved-nl');

    // The tender's page: source, reservation in words, social objectives, lots, the notice.
    await card.getByRole('link', { name: title }).click();
    await list.getByRole('heading', { level: 1, name: title }).waitFor();
    await list.getByText('Aankondiging (eForms)').waitFor();
    await list.getByText('Voorbehouden aan sociale werkplaatsen (art. 2.82 Aanbestedingswet)').waitFor();
    await list.getByText(/Werkgelegenheidskansen voor langdurig werklozen/).waitFor();
    await list.getByRole('heading', { level: 2, name: 'Percelen' }).waitFor();
    await list.getByText(/Perceel wasserij/).waitFor();
    expect(await list.locator('main').textContent()).not.toMatch(/sheltered_workshops|res-ws|\bopp\b/);
    expect(await seriousA11yViolations(list)).toEqual([]);
    await screenshot(list, 'eforms-tender-nl');

    // At 375 px nothing makes the page scroll sideways.
    const narrow = await page(375);
    await narrow.goto(`/tenders?reserved=true&source=eforms`);
    await narrow.getByRole('link', { name: title }).waitFor();
    expect(await hasHorizontalScroll(narrow)).toBe(false);
    await screenshot(narrow, 'eforms-tenders-reserved-375');
    await narrow.getByRole('link', { name: title }).click();
    await narrow.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await hasHorizontalScroll(narrow)).toBe(false);
    await screenshot(narrow, 'eforms-tender-375');
    await signIn(narrow, organisationId);
    await narrow.goto('/officer/imports/eforms');
    await narrow
      .getByLabel('Bestand met aankondigingen')
      .setInputFiles({ name: 'aankondigingen.zip', mimeType: 'application/zip', buffer: zip });
    await narrow.getByRole('button', { name: 'Inlezen' }).click();
    await narrow.getByText('Klaar: aankondigingen.zip is ingelezen.').waitFor({ timeout: 60_000 });
    // The same notices again change nothing.
    expect(
      await narrow
        .locator('.utrecht-data-list__item', { hasText: 'Al ingelezen, ongewijzigd' })
        .textContent(),
    ).toContain('2');
    expect(await hasHorizontalScroll(narrow)).toBe(false);
    expect(await seriousA11yViolations(narrow)).toEqual([]);
    await screenshot(narrow, 'eforms-import-375');
  });
});
