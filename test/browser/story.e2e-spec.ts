import { getDataSourceToken } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_POLICY } from '../../apps/web/src/features/policies/example-policy';
import { pdfText } from '../reports/reports-helpers';
import type { TestApp } from '../support/app';
import { createBuyerWithOfficer, registrationBody, uniqueWord } from '../support/factories';
import {
  apiCall,
  ARTIFACTS,
  hasHorizontalScroll,
  newPage,
  screenshot,
  seriousA11yViolations,
  Stack,
  startStack,
} from './harness';
import { checkPageWords, loadCodes, pagesChecked } from './page-words';

jest.setTimeout(240_000);

/** Money as the nl formatter writes it: `€ 57.500,00` (the space is a no-break space). */
const nlMoney = (s: string) => new RegExp(`€\\s${s.replace(/\./g, '\\.')}`);

/**
 * The whole story in three browsers at once (officer, contractor, social enterprise), each signed in as a person
 * would, against the real API, worker, PostgreSQL and Redis: policy → tender → award → offering → match → quote
 * request → quote → order → invoice → submitted contribution → verified → progress → PDF report.
 */
describe('the whole story in Chromium (officer, contractor, social enterprise)', () => {
  let stack: Stack;
  let t: TestApp;
  const contexts: BrowserContext[] = [];
  /** Who the first story made, for the meeting day that follows it. */
  let cast:
    | {
        officer: Page;
        contractor: Page;
        se: Page;
        contractorName: string;
        contractorOrgId: string;
        seName: string;
        offering: string;
      }
    | undefined;

  beforeAll(async () => {
    stack = await startStack();
    t = {
      app: stack.api,
      ds: stack.api.get<DataSource>(getDataSourceToken()),
      http: () => request(stack.api.getHttpServer()),
      close: async () => undefined,
    };
    await loadCodes(t.ds);
  });

  afterAll(async () => {
    // The last state of every page, for when a step timed out.
    for (const [i, c] of contexts.entries())
      for (const p of c.pages()) await screenshot(p, `story-last-${i}`).catch(() => undefined);
    await Promise.all(contexts.map((c) => c.close()));
    await stack?.close();
    // CI prints this: the screenshots of every screen (and of any page the word checker failed on).
    process.stdout.write(
      `\nscreenshots: ${ARTIFACTS} (${pagesChecked()} pages checked for ids, codes and words)\n`,
    );
  });

  /**
   * What the story typed or gave (names, titles, descriptions): people's text, which the word checker leaves alone.
   * The factory's names of other specs' organisations (`Test contractor 12 abc`) are test data too.
   */
  const typed: string[] = [];
  const FACTORY_NAMES = /Test (?:contractor|social_enterprise) \d+ [a-z0-9]+|Gemeente Test \d+/g;

  /** The word checker (page-words.ts) on the page as it is now. */
  async function words(page: Page, step: string): Promise<void> {
    const names = (await page.evaluate(() => document.body.innerText)).match(FACTORY_NAMES) ?? [];
    await checkPageWords(page, step, { ignore: [...typed, ...names] });
  }

  async function signedIn(email: string, password: string): Promise<Page> {
    const { context, page } = await newPage(stack);
    contexts.push(context);
    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Only a signed-in visitor has the sign-out button.
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  async function screen(page: Page, name: string): Promise<void> {
    await words(page, name);
    await screenshot(page, name);
    const violations = await seriousA11yViolations(page);
    expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
  /** Waits for the page's heading, then reads the page with the word checker (every page the story visits). */
  const h1 = async (page: Page, name: string | RegExp) => {
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const path = new URL(page.url()).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id');
    await words(page, `page${path.replace(/[^a-z0-9]+/gi, '-')}`);
  };

  it('policy → tender → award → offering → match → quote → order → invoice → verified → progress → PDF', async () => {
    const started = Date.now();
    const year = new Date().getFullYear();
    const today = new Date().toISOString().slice(0, 10);
    const word = uniqueWord('story');
    const { organisationId: buyerId } = await createBuyerWithOfficer(t);
    const officerEmail = (
      (await t.ds.query('SELECT email FROM app_user WHERE organisation_id = $1', [buyerId])) as {
        email: string;
      }[]
    )[0].email;
    const contractorBody = registrationBody('contractor', { name: 'Karin Bakker' });
    const seBody = registrationBody('social_enterprise', { name: 'Anna de Vries' });
    contractorBody.organisation.name = `Bouwbedrijf Jansen ${word}`;
    seBody.organisation.name = `Werkplaats De Brug ${word}`;
    const contractorReg = await t.http().post('/api/v1/auth/register').send(contractorBody).expect(201);
    await t.http().post('/api/v1/auth/register').send(seBody).expect(201);
    const contractorOrgId = (contractorReg.body as { user: { organisationId: string } }).user.organisationId;
    const seName = seBody.organisation.name;

    const officer = await signedIn(officerEmail, 'officer-password-1');
    const contractor = await signedIn(contractorBody.email, contractorBody.password);
    const se = await signedIn(seBody.email, seBody.password);

    // Officer: the example policy, published; a tender with a CPV item, published and awarded to the contractor.
    await nav(officer).getByRole('link', { name: 'SROI-beleid' }).click();
    await officer.getByRole('button', { name: 'Nieuw beleid op basis van het voorbeeld' }).click();
    await h1(officer, /^Beleid: /);
    await officer.getByRole('button', { name: 'Publiceren' }).click();
    await officer.getByText('Het beleid is gepubliceerd.', { exact: false }).waitFor();
    await nav(officer).getByRole('link', { name: 'Mijn aanbestedingen' }).click();
    await officer.getByRole('link', { name: 'Nieuwe aanbesteding' }).click();
    const title = `Schoonmaak stadhuis ${word}`;
    const offering = `Kantoorschoonmaak ${word}`;
    typed.push(
      contractorBody.organisation.name,
      seBody.organisation.name,
      'Karin Bakker',
      'Anna de Vries',
      'Officer Test',
      title,
      offering,
      'Schoonmaak van kantoren door een vast team met leerwerkplekken',
      'Schoonmaak van kantoren',
      `Schoonmaak met mensen met afstand tot werk ${word}`,
      'Gastlessen op het ROC',
      'Schoonmaak van de bouwketen, drie keer per week',
      'Schoonmaak van de bouwketen na de marktplaats',
      'Inclusief schoonmaakmiddelen',
      'Korte gesprekken tussen opdrachtnemers en sociale ondernemers.',
      `F-${word}`,
      'PSO-STORY-1',
      // The building blocks' codes are the policy's own names for them (the officer types and edits them).
      ...EXAMPLE_POLICY.blocks.map((b) => b.code),
    );
    await officer.getByLabel('Titel').fill(title);
    await officer.getByLabel('Omschrijving onderdeel 1').fill('Schoonmaak van kantoren');
    await officer.getByLabel('CPV-code (1)').fill('90910000');
    await officer.getByRole('button', { name: /^90910000-9/ }).click();
    await officer.getByLabel('Geschatte waarde in euro (excl. btw)').fill('1.200.000');
    await officer.getByLabel(/^Postcode van de uitvoering/).fill('2011 RD');
    await officer.getByLabel('Start contract').fill(`${year}-01-01`);
    await officer.getByLabel('Einde contract (tot en met)').fill(`${year + 1}-12-31`);
    await officer.getByRole('button', { name: 'Aanbesteding aanmaken' }).click();
    await h1(officer, title);
    await officer.getByRole('button', { name: 'Publiceren' }).click();
    await officer.getByText('De aanbesteding is gepubliceerd.').waitFor();
    // The contractor is picked by its KvK number from the search list (nobody types an id).
    await officer.getByLabel('Opdrachtnemer', { exact: true }).fill(contractorBody.organisation.kvkNumber);
    await officer.getByRole('button', { name: new RegExp(`^${contractorBody.organisation.name}`) }).click();
    await officer.getByText(`Gekozen: ${contractorBody.organisation.name}`).waitFor();
    await officer.getByLabel('Contractwaarde in euro (excl. btw)').fill('1.150.000');
    await officer.getByRole('button', { name: 'Gunnen' }).click();
    await officer
      .getByText(`Gegund aan ${contractorBody.organisation.name}. De social-return-verplichting is`, {
        exact: false,
      })
      .waitFor();
    await officer.getByText(/De social-return-verplichting is €\s57\.500,00\./).waitFor();
    await screen(officer, 'story-00-officer-tender-awarded');

    // Officer: the tender among its tenders; the obligation the award made, in the list and on its page.
    await nav(officer).getByRole('link', { name: 'Mijn aanbestedingen' }).click();
    await h1(officer, 'Mijn aanbestedingen');
    await officer.getByRole('link', { name: title }).waitFor();
    await screen(officer, 'story-00b-officer-tenders');
    await officer.getByRole('link', { name: title }).click();
    await h1(officer, title);
    await nav(officer).getByRole('link', { name: 'Verplichtingen' }).click();
    await h1(officer, 'Verplichtingen');
    await officer.getByRole('link', { name: title }).first().waitFor();
    await screen(officer, 'story-00c-officer-obligations');
    await officer.getByRole('link', { name: title }).first().click();
    await h1(officer, `Verplichting voor ${title}`);
    await officer.getByText(contractorBody.organisation.name).first().waitFor();
    await screen(officer, 'story-00d-officer-obligation');
    await narrow(officer, 'story-00e-officer-obligation-375');

    // Social enterprise: profile, a PSO certificate, an offering picked by CPV with a delivery point.
    await nav(se).getByRole('link', { name: 'Profiel en certificaten' }).click();
    await h1(se, `Profiel van ${seName}`);
    await se.getByLabel('Missie').fill(`Schoonmaak met mensen met afstand tot werk ${word}`);
    await se.getByLabel('Participatiewet').check();
    await se.getByLabel('Medewerkers (fte)').fill('20');
    await se.getByLabel('Waarvan uit de doelgroep (fte)').fill('12');
    await se.getByRole('button', { name: 'Opslaan' }).click();
    await se.getByText('Het profiel is opgeslagen.').waitFor();
    await se.getByLabel('PSO-trede').selectOption('trede_2');
    await se.getByLabel('Certificaatnummer (niet verplicht)').fill('PSO-STORY-1');
    await se.getByLabel('Geldig vanaf').fill(`${year - 1}-01-01`);
    await se.getByRole('button', { name: 'Certificaat toevoegen' }).click();
    await se.getByText('Het certificaat is toegevoegd en wacht op controle.').waitFor();
    await se.getByRole('cell', { name: 'Niet gecontroleerd' }).waitFor();
    await screen(se, 'story-01-se-profile');

    await nav(se).getByRole('link', { name: 'Mijn aanbod' }).click();
    await h1(se, 'Mijn aanbod');
    await se.getByText('U heeft nog geen aanbod.', { exact: false }).waitFor();
    await se.getByLabel('Titel').fill(offering);
    await se
      .getByLabel('Omschrijving')
      .fill('Schoonmaak van kantoren door een vast team met leerwerkplekken');
    await se.getByLabel('CPV-code toevoegen').fill('90910000');
    await se.getByRole('button', { name: /^90910000-9/ }).click();
    await se.getByRole('button', { name: '90910000-9 verwijderen' }).waitFor();
    await se.getByLabel(/^Postcode van de afleverplaats/).fill('2011 AB');
    await se.getByLabel(/^Leverstraal in km/).fill('30');
    await se.getByLabel(/^Prijsindicatie in euro/).fill('35');
    await se.getByLabel(/^Per \(eenheid\)/).fill('uur');
    await se.getByLabel(/^Loonaandeel/).fill('0,6');
    await screen(se, 'story-02-se-offering-form');
    await se.getByRole('button', { name: 'Aanbod plaatsen' }).click();
    await se.getByText('Het aanbod staat online.').waitFor();
    await se.getByRole('heading', { level: 3, name: offering }).waitFor();

    // Officer: checks the enterprise's certificate (until then a purchase from it would not count).
    await nav(officer).getByRole('link', { name: 'Certificaten' }).click();
    await officer.getByLabel('Naam van de onderneming').fill(seName);
    await officer.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await officer.getByRole('button', { name: new RegExp(`^${seName}`) }).click();
    await officer.getByRole('button', { name: 'Goedkeuren PSO PSO-STORY-1' }).click();
    await officer.getByText('Gecontroleerd', { exact: true }).waitFor();
    await screen(officer, 'story-02b-officer-certificate');

    // Contractor: the obligation in words; a refresh shows the job's progress; the offering is among the matches.
    await nav(contractor).getByRole('link', { name: 'Mijn verplichtingen' }).click();
    await h1(contractor, 'Mijn verplichtingen');
    await screen(contractor, 'story-02c-contractor-obligations');
    await contractor.getByRole('link', { name: title }).click();
    await h1(contractor, `Verplichting: ${title}`);
    await contractor.getByText(/U moet €\s57\.500,00 aan social return leveren/).waitFor();
    await contractor.getByRole('button', { name: 'Lijst verversen' }).click();
    await contractor.getByText('De lijst is opnieuw berekend.').waitFor({ timeout: 30_000 });
    const match = contractor
      .getByRole('listitem')
      .filter({ has: contractor.getByRole('heading', { name: offering }) });
    await match.waitFor({ timeout: 30_000 });
    await match.getByText(/Kan €\s57\.500,00 opleveren onder dit beleid/).waitFor();
    await match.getByText(/Besteed €\s57\.500,00 om de rest te vullen/).waitFor();
    await match.getByText('Waarom deze onderneming').click();
    await match.getByText(/Soort werk: CPV 90910000/).waitFor();
    await screen(contractor, 'story-02d-contractor-matches');

    // The enterprise's public profile, from the match; a quote may be asked there too (the form is looked at only).
    await match.getByRole('link', { name: `door ${seName}` }).click();
    await h1(contractor, seName);
    await contractor.getByRole('heading', { name: offering }).waitFor();
    const ask = contractor.getByRole('button', { name: 'Offerte aanvragen' }).first();
    // The profile's quote action loads its own code: give it a moment to appear.
    const canAsk = await ask
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (canAsk) {
      await ask.click();
      await contractor.getByLabel('Wat heeft u nodig?').waitFor();
    }
    await screen(contractor, 'story-02e-contractor-enterprise-profile');
    await narrow(contractor, 'story-02f-contractor-enterprise-profile-375');
    await contractor.goBack();
    await h1(contractor, `Verplichting: ${title}`);
    await match.waitFor({ timeout: 30_000 });

    // The live preview: 10 employee hours of a social activity, valued as the fields are filled (nothing saved).
    await contractor.getByLabel('Maatschappelijke activiteit').check();
    await contractor.getByLabel('Aantal').fill('10');
    await contractor.getByLabel('Omschrijving').fill('Gastlessen op het ROC');
    await contractor
      .getByText(/Telt voor €\s1\.000,00 onder het beleid van deze aanbesteding/)
      .waitFor({ timeout: 15_000 });
    await screen(contractor, 'story-03-contractor-obligation');
    await contractor.setViewportSize({ width: 375, height: 900 });
    expect(await hasHorizontalScroll(contractor)).toBe(false);
    await screenshot(contractor, 'story-03b-contractor-obligation-375');
    await contractor.setViewportSize({ width: 1280, height: 900 });

    // Social enterprise: the obligation is among its opportunities, with why.
    await nav(se).getByRole('link', { name: 'Kansen' }).click();
    await h1(se, 'Kansen');
    await se.getByRole('heading', { level: 2, name: title }).waitFor();
    await se.getByText(/Kan de opdrachtnemer €\s57\.500,00 opleveren/).waitFor();
    await screen(se, 'story-03c-se-opportunities');

    await match.getByRole('button', { name: `Offerte aanvragen: ${offering}` }).click();
    await match.getByLabel('Wat heeft u nodig?').fill('Schoonmaak van de bouwketen, drie keer per week');
    await match.getByLabel(/^Budget in euro/).fill('12.000');
    await match.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await contractor.getByText('Uw aanvraag is verstuurd.', { exact: false }).waitFor();

    // Social enterprise: answers with a quote.
    await nav(se).getByRole('link', { name: 'Offerteaanvragen' }).click();
    await h1(se, 'Offerteaanvragen');
    await se.getByText(/Budget: €\s12\.000,00/).waitFor();
    await se.getByLabel('Offertebedrag in euro (excl. btw)').fill('12.000');
    await se.getByLabel('Toelichting (niet verplicht)').fill('Inclusief schoonmaakmiddelen');
    await screen(se, 'story-04-se-quote-requests');
    await se.getByRole('button', { name: 'Offerte versturen' }).click();
    await se.getByText('Uw offerte is verstuurd.').waitFor();

    // Contractor: accepts the quote; it becomes an order.
    await nav(contractor).getByRole('link', { name: 'Offertes' }).click();
    await h1(contractor, 'Offerteaanvragen en offertes');
    await contractor.getByText(/Offerte van €\s12\.000,00/).waitFor();
    await screen(contractor, 'story-05-contractor-quotes');
    await contractor.getByRole('button', { name: 'Offerte accepteren' }).click();
    await contractor.getByText('Geaccepteerd: er is een opdracht van gemaakt.').waitFor();

    // Social enterprise: invoices the order; the invoice shows the contribution it created, submitted.
    await nav(se).getByRole('link', { name: 'Opdrachten en facturen' }).click();
    await h1(se, 'Opdrachten en facturen');
    await se.getByLabel('Factuurnummer').fill(`F-${word}`);
    await se.getByLabel('Factuurdatum').fill(today);
    await se.getByLabel('Factuurbedrag in euro (excl. btw)').fill('12.000');
    await se.getByRole('button', { name: 'Factuur indienen' }).click();
    await se.getByText(/Factuur ingediend: bijdrage van €\s12\.000,00, status Ingediend\./).waitFor();
    await se.getByText(new RegExp(`Factuur F-${word} van .*: €\\s12\\.000,00`)).waitFor();
    await screen(se, 'story-06-se-orders');

    // Contractor: the contribution appears as submitted on the obligation.
    await nav(contractor).getByRole('link', { name: 'Mijn verplichtingen' }).click();
    await contractor.getByRole('link', { name: title }).click();
    await h1(contractor, `Verplichting: ${title}`);
    const contributions = contractor.getByRole('region', { name: 'Mijn bijdragen' });
    await contributions.getByRole('cell', { name: 'Sociale inkoop' }).waitFor();
    await contributions.getByRole('cell', { name: 'Ingediend' }).waitFor();
    await contractor.getByText('0% goedgekeurd, 21% opgevoerd').waitFor();

    // Officer: verifies it in the review queue.
    await nav(officer).getByRole('link', { name: 'Te beoordelen' }).click();
    await officer.getByRole('heading', { level: 3, name: /Sociale inkoop · €\s12\.000,00/ }).waitFor();
    await screen(officer, 'story-06b-officer-review');
    await officer.getByRole('button', { name: 'Goedkeuren' }).click();
    // The review page swaps its form for the outcome: either its notice or the card's verified line.
    await officer
      .getByText(/^Goedgekeurd(:| voor) €\s12\.000,00/)
      .first()
      .waitFor();

    // Contractor: progress has moved.
    await contractor.reload();
    await h1(contractor, `Verplichting: ${title}`);
    await contractor.getByText('21% goedgekeurd, 21% opgevoerd').waitFor();
    await contributions.getByRole('cell', { name: 'Goedgekeurd' }).waitFor();
    expect(await contractor.getByTestId('obligations.verified').textContent()).toMatch(nlMoney('12.000,00'));
    await screen(contractor, 'story-07-contractor-progress');
    await nav(contractor).getByRole('link', { name: 'Opdrachten' }).click();
    await contractor.getByText(/Bijdrage: €\s12\.000,00/).waitFor();
    await contractor.getByText('goedgekeurd voor', { exact: false }).waitFor();
    await screen(contractor, 'story-08-contractor-orders');

    // Officer: the dashboard (money spent with the enterprise), then a PDF report whose amount the test reads.
    await nav(officer).getByRole('link', { name: 'Dashboard' }).click();
    await h1(officer, 'Dashboard');
    await officer.getByRole('rowheader', { name: seName }).waitFor({ timeout: 30_000 });
    await officer.getByRole('row', { name: new RegExp(`${seName}.*€\\s12\\.000,00`) }).waitFor();
    await screen(officer, 'story-09-officer-dashboard');

    await nav(officer).getByRole('link', { name: 'Rapportages' }).click();
    await h1(officer, 'Rapportages');
    await officer.getByLabel('Eén verplichting').check();
    await officer.getByLabel('Onderwerp').selectOption({ label: title });
    await officer.getByLabel('Bestandsformaat').selectOption('pdf');
    await officer.getByRole('button', { name: 'Rapport aanvragen' }).click();
    await officer.getByText('Aangevraagd. De voortgang staat hieronder.').waitFor();
    const downloadButton = officer.getByRole('button', { name: /^Download PDF-rapport van / }).first();
    await downloadButton.waitFor({ timeout: 60_000 });
    await screen(officer, 'story-10-officer-reports');
    const [download] = await Promise.all([officer.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const text = pdfText(readFileSync(await download.path()));
    expect(text).toContain(title);
    expect(text).toMatch(/€\s?57\.500,00/);
    expect(text).toMatch(/€\s?12\.000,00/);
    // An Excel workbook of all the buyer's obligations.
    await officer.getByLabel('Al onze verplichtingen (gemeente)').check();
    await officer.getByLabel('Bestandsformaat').selectOption('xlsx');
    await officer.getByRole('button', { name: 'Rapport aanvragen' }).click();
    const xlsxButton = officer.getByRole('button', { name: /^Download Excel/ }).first();
    await xlsxButton.waitFor({ timeout: 60_000 });
    await screen(officer, 'story-10b-officer-reports-xlsx');
    const [xlsx] = await Promise.all([officer.waitForEvent('download'), xlsxButton.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await narrow(officer, 'story-10c-officer-reports-375');

    // Contractor: a CSV of its obligation from its own report screen, and the obligation in English.
    await nav(contractor).getByRole('link', { name: 'Rapportages' }).click();
    await h1(contractor, 'Rapportages');
    await contractor.getByLabel('Onderwerp').selectOption({ label: title });
    await contractor.getByLabel('Bestandsformaat').selectOption('csv');
    await contractor.getByRole('button', { name: 'Rapport aanvragen' }).click();
    const csvButton = contractor.getByRole('button', { name: /^Download CSV-rapport van / }).first();
    await csvButton.waitFor({ timeout: 60_000 });
    await screen(contractor, 'story-11-contractor-reports');
    const [csv] = await Promise.all([contractor.waitForEvent('download'), csvButton.click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText).toContain('1200000');
    expect(csvText).toContain('social_purchase');

    await nav(contractor).getByRole('link', { name: 'Mijn verplichtingen' }).click();
    await contractor.getByRole('link', { name: title }).click();
    await h1(contractor, `Verplichting: ${title}`);
    await contractor.getByRole('button', { name: 'English' }).click();
    await h1(contractor, `Obligation: ${title}`);
    await contractor.getByText(/You owe €57,500\.00 of social return/).waitFor();
    await contractor.getByText('Why this enterprise').first().click();
    await contractor
      .getByText(/Kind of work: CPV 90910000/)
      .first()
      .waitFor();
    await screen(contractor, 'story-12-contractor-obligation-en');

    const rows = (await t.ds.query(
      `SELECT c.status, c.claimed_value_cents, c.verified_value_cents FROM contribution c
         JOIN obligation o ON o.id = c.obligation_id WHERE o.contractor_organisation_id = $1`,
      [contractorOrgId],
    )) as { status: string; claimed_value_cents: string; verified_value_cents: string }[];
    expect(rows).toEqual([
      { status: 'verified', claimed_value_cents: '1200000', verified_value_cents: '1200000' },
    ]);
    // Each person's account page (the contractor back in Dutch).
    await contractor.getByRole('button', { name: 'Nederlands' }).click();
    for (const [who, page] of [
      ['officer', officer],
      ['contractor', contractor],
      ['se', se],
    ] as const) {
      await page.getByRole('link', { name: 'Mijn account' }).click();
      await h1(page, 'Mijn account');
      await screen(page, `story-13-${who}-account`);
    }
    console.log(`whole story: ${((Date.now() - started) / 1000).toFixed(1)} s in the browsers`);
    cast = {
      officer,
      contractor,
      se,
      contractorName: contractorBody.organisation.name,
      contractorOrgId,
      seName,
      offering,
    };
  });

  /** The notification kinds an organisation has, once the worker wrote `kind` (it relays the outbox itself). */
  async function notified(organisationId: string, kind: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = (await t.ds.query('SELECT kind FROM notification WHERE organisation_id = $1', [
        organisationId,
      ])) as { kind: string }[];
      if (rows.some((r) => r.kind === kind)) return;
      if (Date.now() > deadline) throw new Error(`no ${kind} notification for ${organisationId}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function narrow(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 375, height: 900 });
    await words(page, name);
    expect({ name, scroll: await hasHorizontalScroll(page) }).toEqual({ name, scroll: false });
    await screenshot(page, name);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('a meeting day: create, two and two register, build, publish, both sides meet, a follow-up asks a quote', async () => {
    expect(cast).toBeDefined();
    const { officer, contractor, se, contractorName, contractorOrgId, seName, offering } = cast!;
    const started = Date.now();
    const dayTitle = `Buy Social Marktplaats ${uniqueWord('dag')}`;
    typed.push(dayTitle, 'Pieter Smit');
    const date = `${new Date().getFullYear() + 1}-06-11`;
    const seOrgId = (
      (await t.ds.query('SELECT id FROM organisation WHERE name = $1', [seName])) as { id: string }[]
    )[0].id;

    // Officer: a new day (a draft), then registration opened.
    await nav(officer).getByRole('link', { name: 'Ontmoetingsdagen' }).click();
    await h1(officer, 'Mijn ontmoetingsdagen');
    await officer.getByText('U heeft nog geen ontmoetingsdag.', { exact: false }).waitFor();
    await screen(officer, 'story-19-officer-meeting-days-empty');
    await officer.getByRole('link', { name: 'Nieuwe ontmoetingsdag' }).click();
    await h1(officer, 'Nieuwe ontmoetingsdag');
    await officer.getByLabel('Naam van de dag').fill(dayTitle);
    await officer
      .getByLabel(/^Omschrijving/)
      .fill('Korte gesprekken tussen opdrachtnemers en sociale ondernemers.');
    await officer.getByLabel('Datum').fill(date);
    await officer.getByLabel('Begintijd').fill('09:00');
    await officer.getByLabel('Eindtijd').fill('10:00');
    await officer.getByLabel('Lengte van een gesprek in minuten').fill('20');
    await officer.getByLabel('Aantal tafels').fill('2');
    await officer.getByLabel('Postcode van de locatie').fill('2011 RD');
    await officer.getByText('Deze dag heeft 3 gespreksrondes: plaats voor 6 gesprekken.').waitFor();
    await screen(officer, 'story-20-officer-new-meeting-day');
    await narrow(officer, 'story-20b-officer-new-meeting-day-375');
    await officer.getByRole('button', { name: 'Ontmoetingsdag aanmaken' }).click();
    await h1(officer, dayTitle);
    await officer.getByText('De ontmoetingsdag is aangemaakt als concept.').waitFor();
    await officer.getByText(new RegExp(`^\\w+dag 11 juni ${date.slice(0, 4)}$`)).waitFor();
    await officer.getByRole('button', { name: 'Inschrijving openen' }).click();
    await officer.getByRole('button', { name: 'Inschrijving sluiten' }).waitFor();
    await officer.getByText('Nog geen inschrijvingen.').waitFor();
    await screen(officer, 'story-21-officer-day-open');
    // Opening invited the contractor (an open obligation towards this buyer) and the enterprise matching it.
    await notified(contractorOrgId, 'event_registration_open');
    await notified(seOrgId, 'event_registration_open');

    // A second contractor and a second enterprise register through the API; the contractor wishes for the enterprise.
    const day = (
      await apiCall<{ items: { id: string; title: string }[] }>(stack, 'GET', '/api/v1/events?limit=100')
    ).items.find((d) => d.title === dayTitle)!;
    const other = async (kind: 'contractor' | 'social_enterprise') => {
      const body = registrationBody(kind, { name: 'Pieter Smit' });
      body.organisation.name = `${kind === 'contractor' ? 'Aannemer' : 'Leerwerkbedrijf'} ${uniqueWord('ander')}`;
      typed.push(body.organisation.name);
      const session = await apiCall<{ accessToken: string; user: { organisationId: string } }>(
        stack,
        'POST',
        '/api/v1/auth/register',
        body,
      );
      return { name: body.organisation.name, token: session.accessToken, id: session.user.organisationId };
    };
    const c2 = await other('contractor');
    const se2 = await other('social_enterprise');
    await apiCall(stack, 'POST', `/api/v1/events/${day.id}/registrations`, {}, se2.token);
    await apiCall(stack, 'POST', `/api/v1/events/${day.id}/registrations`, { wishes: [se2.id] }, c2.token);

    // The public list, as a visitor sees it.
    const { context: visitorContext, page: visitor } = await newPage(stack);
    contexts.push(visitorContext);
    await visitor.goto('/meeting-days');
    await h1(visitor, 'Ontmoetingsdagen');
    await visitor.getByRole('link', { name: dayTitle }).waitFor();
    await screen(visitor, 'story-22-public-meeting-days');
    await narrow(visitor, 'story-22b-public-meeting-days-375');
    await visitor.getByRole('link', { name: dayTitle }).click();
    await h1(visitor, dayTitle);
    await visitor.getByRole('link', { name: /^Log in als opdrachtnemer of sociale onderneming/ }).waitFor();
    await screen(visitor, 'story-22c-public-meeting-day');

    // Social enterprise: registers, wishing to meet the second contractor, chosen by name; then changes it.
    await nav(se).getByRole('link', { name: 'Ontmoetingsdagen' }).click();
    await h1(se, 'Ontmoetingsdagen');
    await se.getByRole('link', { name: dayTitle }).click();
    await h1(se, dayTitle);
    await se.getByLabel(c2.name, { exact: true }).check();
    await se.getByLabel('Beschikbaar tot').selectOption('09:40');
    await screen(se, 'story-23-se-register');
    await se.getByRole('button', { name: 'Inschrijven' }).click();
    await se.getByText('U bent ingeschreven. U krijgt bericht zodra het programma klaar is.').waitFor();
    await se.getByRole('button', { name: 'Inschrijving wijzigen' }).click();
    await se.getByLabel('Beschikbaar tot').selectOption('');
    await se.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await se.getByText('Uw inschrijving is gewijzigd.').waitFor();
    await se.getByText(c2.name, { exact: true }).waitFor();

    // Contractor: registers, wishing for the enterprise by name.
    await nav(contractor).getByRole('link', { name: 'Ontmoetingsdagen' }).click();
    await contractor.getByRole('link', { name: dayTitle }).click();
    await h1(contractor, dayTitle);
    await contractor.getByLabel(seName, { exact: true }).check();
    await contractor.getByLabel(/^Hoogstens aantal gesprekken/).fill('2');
    await contractor.getByRole('button', { name: 'Inschrijven' }).click();
    await contractor.getByText('U bent ingeschreven.', { exact: false }).waitFor();
    await screen(contractor, 'story-24-contractor-registered');
    await narrow(contractor, 'story-24b-contractor-registered-375');

    // Officer: two and two registrations by name; closes, builds (with progress), checks the grid, publishes.
    await officer.reload();
    await h1(officer, dayTitle);
    await officer.getByText('2 opdrachtnemers en 2 sociale ondernemingen.').waitFor();
    for (const name of [contractorName, c2.name, seName, se2.name])
      await officer.getByRole('cell', { name, exact: true }).first().waitFor();
    await officer.getByRole('button', { name: 'Inschrijving sluiten' }).click();
    await officer.getByRole('button', { name: 'Programma maken' }).click();
    await officer.getByText('Het programma is klaar.').waitFor({ timeout: 60_000 });
    const grid = officer.getByRole('table', { name: /gesprekken aan/ });
    await grid.waitFor();
    await grid.getByRole('cell', { name: new RegExp(`${contractorName}.*met ${seName}`) }).waitFor();
    await grid
      .getByText(/Soort werk: CPV 90910000|wil graag/)
      .first()
      .waitFor({ state: 'attached' });
    await officer.getByText('Controleer het programma hieronder.', { exact: false }).waitFor();
    await screen(officer, 'story-25-officer-schedule');
    await narrow(officer, 'story-25b-officer-schedule-375');
    await officer.getByRole('button', { name: 'Programma publiceren' }).click();
    await officer.getByText(/^Gepubliceerd op /).waitFor();
    for (const id of [contractorOrgId, seOrgId, c2.id, se2.id]) await notified(id, 'schedule_published');

    // The day sheet, per table and per organisation.
    await officer.getByRole('link', { name: /^Dagprogramma afdrukken/ }).click();
    await h1(officer, `Dagprogramma: ${dayTitle}`);
    await officer.getByRole('table', { name: 'Tafel 1' }).waitFor();
    await officer.getByRole('table', { name: seName }).waitFor();
    await screen(officer, 'story-26-officer-day-sheet');
    // As printed: no menu, no buttons, the tables and names only.
    await officer.emulateMedia({ media: 'print' });
    expect(await nav(officer).isVisible()).toBe(false);
    expect(await officer.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    await screenshot(officer, 'story-26c-officer-day-sheet-print');
    await officer.emulateMedia({ media: 'screen' });
    await narrow(officer, 'story-26b-officer-day-sheet-375');

    // Both sides see their meeting, with the other's name, its time and table.
    await se.reload();
    await h1(se, dayTitle);
    const seMeeting = se
      .getByRole('listitem')
      .filter({ has: se.getByRole('heading', { level: 3, name: contractorName }) });
    await seMeeting.waitFor();
    await seMeeting.getByText(/^09:[024]0–09:[024]0 · Tafel [12]$/).waitFor();
    await se.getByRole('heading', { level: 3, name: c2.name }).waitFor();
    await screen(se, 'story-27-se-meetings');

    await contractor.reload();
    await h1(contractor, dayTitle);
    const meeting = contractor
      .getByRole('listitem')
      .filter({ has: contractor.getByRole('heading', { level: 3, name: seName }) });
    await meeting.waitFor();
    await meeting.getByText(`Aanbod: ${offering}`).waitFor();
    const [ics] = await Promise.all([
      contractor.waitForEvent('download'),
      contractor.getByRole('button', { name: 'Zet in mijn agenda (.ics)' }).click(),
    ]);
    expect(ics.suggestedFilename()).toBe(`buy-social-marktplaats-${date}.ics`);
    // Unfolded (iCalendar folds lines at 75 octets).
    expect(readFileSync(await ics.path(), 'utf8').replace(/\r\n /g, '')).toContain(`gesprek met ${seName}`);

    // After the meeting: a follow-up, and the next step is a quote request through the marketplace's form.
    await meeting.getByRole('button', { name: 'Vervolg afspreken' }).click();
    await meeting.getByText('Vastgelegd: Vervolg afspreken.').waitFor();
    await meeting.getByRole('button', { name: `Offerte aanvragen bij ${seName}` }).click();
    await meeting.getByLabel('Wat heeft u nodig?').fill('Schoonmaak van de bouwketen na de marktplaats');
    await screen(contractor, 'story-28-contractor-follow-up');
    await narrow(contractor, 'story-28b-contractor-follow-up-375');
    await meeting.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await contractor.getByText('Uw aanvraag is verstuurd.', { exact: false }).waitFor();
    // The same page in English: no Dutch word, code or id left.
    await contractor.getByRole('button', { name: 'English' }).click();
    await contractor.getByRole('heading', { level: 2, name: 'My meetings' }).waitFor();
    await meeting.getByRole('button', { name: 'Follow up', pressed: true }).waitFor();
    await contractor.getByText('Registration closed', { exact: true }).waitFor();
    await screen(contractor, 'story-28c-contractor-meetings-en');
    await contractor.getByRole('button', { name: 'Nederlands' }).click();
    await contractor.reload();
    // Back on the page, the next step says it has been taken.
    await meeting.getByText(new RegExp(`^U vroeg ${seName} op .* om een offerte\\.`)).waitFor();

    await se.reload();
    await se.getByText('Vastgelegd: Vervolg afspreken.').waitFor();
    await se.getByText(`${contractorName} kan u nu om een offerte vragen.`, { exact: false }).waitFor();

    // Officer: the results, with the quote request that followed.
    await officer.goto(`/officer/meeting-days/${day.id}/results`);
    await h1(officer, `Resultaten: ${dayTitle}`);
    const figures = officer.locator('dl.bs-figures');
    await figures.getByText('Gesprekken gepland').waitFor();
    expect(await figures.locator('div', { hasText: 'Offerteaanvragen' }).locator('dd').textContent()).toBe(
      '1',
    );
    await officer.getByRole('cell', { name: 'Vervolg afspreken' }).waitFor();
    await screen(officer, 'story-29-officer-results');
    await narrow(officer, 'story-29b-officer-results-375');

    const requests = (await t.ds.query(
      `SELECT count(*)::int AS n FROM quote_request WHERE contractor_organisation_id = $1 AND social_enterprise_id = $2`,
      [contractorOrgId, seOrgId],
    )) as { n: number }[];
    expect(requests[0].n).toBe(2);
    console.log(`meeting day: ${((Date.now() - started) / 1000).toFixed(1)} s in the browsers`);
  });
});
