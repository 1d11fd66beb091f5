import { getDataSourceToken } from '@nestjs/typeorm';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { createBuyerWithOfficer, register, Session, uniqueWord } from '../support/factories';
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
 * Issue 34 item 5, as people see it: an officer drafts and publishes a challenge, a social enterprise sends a
 * proposal, the officer closes, judges and picks a winner, and the public page shows the winner; an officer enters
 * an initiative for a resident, a contractor pledges hours, the officer accepts and records it delivered, and the
 * figures page counts it. Every page is axe clean; the phone-width pages do not scroll sideways.
 */
describe('challenges and initiatives in Chromium', () => {
  let stack: Stack;
  let t: TestApp;
  let officer: Session;
  let officerEmail: string;
  let se: Session;
  let contractor: Session;
  const password = 'a-good-long-password';
  const word = uniqueWord('opgave');
  const title = `Groen werk ${word}`;
  let challengeId: string;
  let seName: string;
  let contractorName: string;
  const tenderTitle = `Schoonmaak ${uniqueWord('werk')}`;

  beforeAll(async () => {
    stack = await startStack();
    t = {
      app: stack.api,
      ds: stack.api.get<DataSource>(getDataSourceToken()),
      http: () => request(stack.api.getHttpServer()),
      close: async () => undefined,
    };
    const buyer = await createBuyerWithOfficer(t);
    officer = buyer.officer;
    officerEmail = officer.user.email;
    se = await register(t, 'social_enterprise');
    contractor = await register(t, 'contractor');
    const name = async (id: string) =>
      (await t.ds.query('SELECT name FROM organisation WHERE id = $1', [id]))[0].name as string;
    seName = await name(se.user.organisationId);
    contractorName = await name(contractor.user.organisationId);
    // The contractor's SROI obligation (its policy has an hourly social-activity block, ACT_HOUR).
    await awardedObligation(t, officer, contractor, { tender: { title: tenderTitle } });
  });

  afterEach(async () => {
    await Promise.all(stack.browser.contexts().map((c) => c.close()));
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function signedIn(email: string, pass: string, width = 1280): Promise<Page> {
    const { page } = await newPage(stack, width);
    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(pass);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  async function clean(page: Page, name: string, narrow = false): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (narrow) expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, name);
  }

  it('an officer drafts and publishes a challenge; an SE proposes; the officer judges; the public sees the winner', async () => {
    // The officer drafts the challenge and publishes it.
    const op = await signedIn(officerEmail, 'officer-password-1');
    await op
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn opgaven' })
      .click();
    await op.getByRole('heading', { level: 1, name: 'Mijn opgaven' }).waitFor();
    await op.getByRole('link', { name: 'Nieuwe opgave' }).click();
    await op.getByRole('heading', { level: 1, name: 'Nieuwe opgave' }).waitFor();
    await op.getByLabel('Titel').fill(title);
    await op.getByLabel('Omschrijving').fill('Hoe helpen we jongeren in Schalkwijk aan werk in het groen?');
    await op.getByLabel('Thema').fill('werk');
    await op.getByLabel('Sluitingsdatum').fill(addDays(30));
    await op.getByLabel('Gebied (naam) (niet verplicht)').fill('Schalkwijk');
    await op.getByLabel('Budget (niet verplicht)').fill('25.000');
    await op.getByLabel('Beloning (niet verplicht)').fill('Een pilot van een jaar');
    await clean(op, 'challenge-new-1280');
    await op.getByRole('button', { name: 'Concept opslaan' }).click();
    await op.getByRole('heading', { level: 1, name: title }).waitFor();
    challengeId = new URL(op.url()).pathname.split('/').pop() as string;
    await op.getByText('Dit is een concept').waitFor();
    await op.getByRole('button', { name: 'Publiceren' }).click();
    await op.getByText('De opgave is gepubliceerd.').waitFor();
    await op.getByText('Open voor voorstellen').waitFor();

    // The social enterprise finds it on the board (filtered by theme) at phone width and sends a proposal.
    const sp = await signedIn(se.user.email, password, 375);
    await sp.goto('/challenges');
    await sp.getByRole('heading', { level: 1, name: 'Maatschappelijke opgaven' }).waitFor();
    await sp.getByLabel('Thema').fill('werk');
    await sp.getByRole('button', { name: 'Filteren' }).click();
    await sp.getByRole('link', { name: title }).click();
    await sp.getByRole('heading', { level: 1, name: title }).waitFor();
    await sp.getByText('€ 25.000,00').waitFor();
    await sp.getByLabel('Samenvatting').fill('Twaalf leerwerkplekken in het groenonderhoud');
    await sp.getByLabel('Aanpak').fill('Jongeren werken een jaar mee met een vakman.');
    await sp.getByLabel('Gevraagd budget (niet verplicht)').fill('20.000');
    await clean(sp, 'challenge-propose-375', true);
    await sp.getByRole('button', { name: 'Voorstel versturen' }).click();
    await sp.getByText('Uw voorstel is verstuurd.').waitFor();
    await sp.getByRole('button', { name: 'Voorstel wijzigen' }).waitFor();
    await sp.getByRole('button', { name: 'Voorstel intrekken' }).waitFor();

    // The officer closes it, judges the proposal with feedback, and publishes the decision.
    await op.reload();
    await op.getByRole('heading', { level: 1, name: title }).waitFor();
    await op.getByRole('button', { name: 'Sluiten en beoordelen' }).click();
    await op.getByText('De opgave is gesloten; u kunt nu beoordelen.').waitFor();
    const decision = op.getByRole('form', { name: `Beslissing over het voorstel van ${seName}` });
    await decision.getByLabel('Winnaar').check();
    await decision.getByLabel('Terugkoppeling').fill('Sterk plan, goed uitgewerkt.');
    await clean(op, 'challenge-judging-1280');
    await decision.getByRole('button', { name: `Beslissing over ${seName} opslaan` }).click();
    await op.getByText('De beslissing is opgeslagen.').waitFor();
    await op.getByRole('button', { name: 'Beslissing bekendmaken' }).click();
    await op.getByText('De beslissing is bekendgemaakt.').first().waitFor();

    // Anyone sees the winner and its summary; the SE sees the decision and the feedback among its proposals.
    const { page: pub } = await newPage(stack, 375);
    await pub.goto(`/challenges/${challengeId}`);
    await pub.getByRole('heading', { level: 1, name: title }).waitFor();
    await pub.getByRole('heading', { level: 2, name: 'Winnaars' }).waitFor();
    await pub.getByRole('heading', { level: 3, name: seName }).waitFor();
    await pub.getByText('Twaalf leerwerkplekken in het groenonderhoud').waitFor();
    await clean(pub, 'challenge-decided-375', true);
    await pub.getByRole('button', { name: 'English' }).click();
    await pub.getByRole('heading', { level: 2, name: 'Winners' }).waitFor();
    await pub.getByText('Decided').waitFor();

    await sp.goto('/enterprise/proposals');
    await sp.getByRole('heading', { level: 1, name: 'Mijn voorstellen' }).waitFor();
    await sp.getByRole('link', { name: title }).waitFor();
    await sp.getByText('Sterk plan, goed uitgewerkt.').waitFor();
    await clean(sp, 'challenge-my-proposals-375', true);
  });

  it('an initiative is entered for a resident, a contractor pledges hours, it is accepted and delivered, and counted', async () => {
    // A pitch date no other test uses, so that the figures of that day are this test's.
    const pitch = iso(new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 7000) * 86_400_000));
    const initiative = `Buurtmoestuin ${uniqueWord('tuin')}`;
    const resident = `Fatima ${uniqueWord('bewoner')}`;

    const op = await signedIn(officerEmail, 'officer-password-1');
    await op.goto('/initiatives/new');
    await op.getByRole('heading', { level: 1, name: 'Nieuw initiatief' }).waitFor();
    await op.getByLabel('Naam van het initiatief').fill(initiative);
    await op.getByLabel('Omschrijving').first().fill('Een moestuin waar buren samen groente kweken.');
    await op.getByLabel('Naam van de bewoner (niet verplicht)').fill(resident);
    await op.getByLabel('Datum van de pitch (niet verplicht)').fill(pitch);
    await op.getByLabel('Bijeenkomst (niet verplicht)').fill('Initiatievencafé Schalkwijk');
    const need = op.getByRole('group', { name: 'Behoefte 1' });
    await need.getByLabel('Soort steun').selectOption('hours');
    await need.getByLabel('Omschrijving').fill('Vrijwilligers om de tuin aan te leggen');
    await need.getByLabel('Aantal uren (niet verplicht)').fill('40');
    await clean(op, 'initiative-new-1280');
    await op.getByRole('button', { name: 'Initiatief opslaan' }).click();
    await op.getByRole('heading', { level: 1, name: initiative }).waitFor();
    const initiativeUrl = new URL(op.url()).pathname;
    // The officer sees the resident's contact; the public does not.
    await op.getByText(resident).waitFor();

    // The contractor pledges 16 hours to the need, at phone width.
    const cp = await signedIn(contractor.user.email, password, 375);
    await cp.goto('/initiatives');
    await cp.getByRole('link', { name: initiative }).click();
    await cp.getByRole('heading', { level: 1, name: initiative }).waitFor();
    await cp.getByLabel('Voor welke behoefte').selectOption({ index: 1 });
    await cp.getByLabel('Omschrijving').fill('Twee collega’s helpen een week mee');
    await cp.getByLabel('Aantal uren').fill('16');
    await clean(cp, 'initiative-pledge-375', true);
    await cp.getByRole('button', { name: 'Steun aanbieden' }).click();
    await cp.getByText('Uw aanbod is verstuurd.').waitFor();
    await cp.getByRole('cell', { name: 'Aangeboden' }).waitFor();

    // The officer accepts it and records it delivered.
    await op.reload();
    await op.getByRole('button', { name: `Aannemen (toezegging van ${contractorName})` }).click();
    await op.getByRole('button', { name: `Geleverd (toezegging van ${contractorName})` }).click();
    await op.getByRole('cell', { name: 'Geleverd', exact: true }).waitFor();
    await op.getByRole('combobox', { name: 'Status' }).selectOption('in_progress');
    await op.getByLabel('Resultaat (niet verplicht)').fill('De tuin wordt aangelegd.');
    await op.getByRole('button', { name: 'Stand opslaan' }).click();
    await op.getByText('De stand van zaken is opgeslagen.').waitFor();
    await clean(op, 'initiative-officer-1280');

    // The public page: needs with what has been pledged, status and outcome; never the resident's contact.
    const { page: pub } = await newPage(stack, 375);
    await pub.goto(initiativeUrl);
    await pub.getByRole('heading', { level: 1, name: initiative }).waitFor();
    await pub.getByText('De tuin wordt aangelegd.').waitFor();
    await pub.getByText('1 toezegging · 16 uur').waitFor();
    expect(await pub.locator('main').textContent()).not.toContain(resident);
    await clean(pub, 'initiative-public-375', true);

    // The contractor counts the delivered pledge towards its SROI obligation, picked by tender and block.
    await cp.reload();
    await cp.getByRole('button', { name: 'Tel mee voor mijn SROI-verplichting' }).click();
    const count = cp.getByRole('form', { name: 'Tel mee voor mijn SROI-verplichting' });
    const select = count.getByLabel('Verplichting');
    const obligation = await select.locator('option', { hasText: tenderTitle }).getAttribute('value');
    await select.selectOption(obligation as string);
    expect(await count.getByLabel('Bouwblok').locator('option:checked').textContent()).toMatch(
      /^Maatschappelijke activiteit, per uur: €\s100,00$/,
    );
    await clean(cp, 'initiative-count-375', true);
    await count.getByRole('button', { name: 'Meetellen' }).click();
    await cp.getByText('Telt mee voor uw SROI-verplichting.').waitFor();

    // The figures of the pitch day count the initiative and the 16 hours.
    const { page: stats } = await newPage(stack, 375);
    await stats.goto('/initiatives/stats');
    await stats.getByRole('heading', { level: 1, name: 'Cijfers over initiatieven' }).waitFor();
    await stats.getByLabel('Gepitcht vanaf (niet verplicht)').fill(pitch);
    await stats.getByLabel('Gepitcht tot en met (niet verplicht)').fill(pitch);
    const answered = stats.waitForResponse((r) => r.url().includes('/api/v1/initiatives/stats?'));
    await stats.getByRole('button', { name: 'Tonen' }).click();
    await answered;
    await stats.getByRole('img', { name: /Gepitcht: 1, Bezig: 1, Gerealiseerd: 0/ }).waitFor();
    await stats.getByRole('heading', { level: 2, name: 'Steun' }).waitFor();
    expect(await stats.locator('main').textContent()).toMatch(/Toegezegde uren\s*16(?!\d)/);
    await clean(stats, 'initiative-stats-375', true);
    const { page: wide } = await newPage(stack, 1280);
    await wide.goto('/initiatives/stats');
    await wide.getByRole('img', { name: /Staafdiagram/ }).waitFor();
    await clean(wide, 'initiative-stats-1280');
  });
});
