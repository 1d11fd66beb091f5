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
  registrationBody,
  Session,
  uniqueKvk,
  uniqueWord,
} from '../support/factories';
import {
  apiCall,
  hasHorizontalScroll,
  newPage,
  screenshot,
  seriousA11yViolations,
  Stack,
  startStack,
} from './harness';

jest.setTimeout(180_000);

/** Money as the nl formatter writes it: `€ 57.500,00` (the space is a no-break space). */
const nlMoney = (s: string) => new RegExp(`€\\s${s.replace(/\./g, '\\.')}`);

describe('web app in Chromium (real API, worker, PostgreSQL, Redis)', () => {
  let stack: Stack;
  let t: TestApp;

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
    await stack?.close();
  });

  // The last state of each test's pages, for when a step times out.
  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test')
      .replace(/^web app in Chromium \([^)]*\) /, '')
      .slice(0, 30)
      .replace(/\W+/g, '-');
    const pages = stack.browser.contexts().flatMap((c) => c.pages());
    for (const [i, p] of pages.entries()) await screenshot(p, `last-${name}-${i}`).catch(() => undefined);
    await Promise.all(stack.browser.contexts().map((c) => c.close()));
  });

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    // The rendered screen, not the loading shell that index.html paints first.
    await page.locator('main h1').first().waitFor();
    await screenshot(page, screen);
    const violations = await seriousA11yViolations(page);
    expect({ screen, violations }).toEqual({ screen, violations: [] });
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

  it('searches offerings from the home page by words, CPV, distance; opens the enterprise profile', async () => {
    const word = uniqueWord('web');
    const se = await register(t, 'social_enterprise');
    await t
      .http()
      .put(`/api/v1/social-enterprises/${se.user.organisationId}/profile`)
      .set('Authorization', `Bearer ${se.accessToken}`)
      .send({
        mission: `Werk voor iedereen ${word}`,
        targetGroups: ['participatiewet'],
        fteTotal: 20,
        fteTargetGroup: 12,
      })
      .expect(200);
    await createOffering(t, se, {
      title: `Kantoorschoonmaak ${word}`,
      description: `Schoonmaak met een leerwerkplek ${word}`,
      cpvCodes: ['90910000-9'],
      deliveryPostcode: '2011 AB',
      deliveryRadiusKm: 30,
      priceIndicationCents: 3500,
      unit: 'uur',
    });

    const { context, page } = await newPage(stack);
    await page.goto('/');
    await expect(h1(page).textContent()).resolves.toBe('Zoek sociale ondernemingen en hun aanbod');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expectAccessible(page, '01-home');

    await page.getByLabel('Trefwoorden').fill(word);
    await page.getByLabel('CPV-code').fill('90910000');
    await page.getByRole('button', { name: /^90910000-9/ }).click();
    await expect(page.getByText(/Gekozen: 90910000-9/).count()).resolves.toBe(1);
    await page.getByLabel('Postcode', { exact: true }).fill('2011');
    await page.getByLabel('Afstand').selectOption('25');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: `Kantoorschoonmaak ${word}` }).waitFor();
    await expect(page.getByText('1 resultaat').count()).resolves.toBe(1);
    expect(page.url()).toContain(`q=${word}`);
    await expectAccessible(page, '02-home-results');

    // A postcode the API would refuse gets the message at the field, before any request.
    await page.getByLabel('Postcode', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByText('Vul een Nederlandse postcode in, zoals 2011 AB of 2011').waitFor();

    await page.getByRole('link', { name: /^door Test social_enterprise/ }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Test social_enterprise' }).waitFor();
    // Navigation moves focus to the new page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5000 });
    await page.getByText(`Werk voor iedereen ${word}`).waitFor();
    await page.getByText(/Prijsindicatie: €\s35,00 per uur/).waitFor();
    await expectAccessible(page, '03-enterprise');
    await context.close();
  });

  it('works at 375 px without horizontal scrolling, and by keyboard (skip link)', async () => {
    const { context, page } = await newPage(stack, 375);
    await page.goto('/');
    await h1(page).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '04-home-375');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    for (const path of ['/tenders', '/register', '/sign-in']) {
      await page.goto(path);
      await h1(page).waitFor();
      expect({ path, scroll: await hasHorizontalScroll(page) }).toEqual({ path, scroll: false });
    }
    await context.close();
  });

  it('registers a social enterprise, with the API rules shown at the fields', async () => {
    const { context, page } = await newPage(stack);
    await page.goto('/register');
    await expectAccessible(page, '05-register');
    const body = registrationBody('social_enterprise');
    await page.getByLabel('Sociale onderneming').check();
    await page.getByLabel('Naam van de organisatie').fill(body.organisation.name);
    await page.getByLabel('KvK-nummer').fill('1234');
    await page.getByLabel('Postcode').fill('2011 AB');
    await page.getByLabel('Uw naam').fill('Anouk de Vries');
    await page.getByLabel('E-mailadres').fill(body.email);
    await page.getByLabel('Wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByText('Een KvK-nummer bestaat uit precies 8 cijfers').waitFor();
    await page.getByText('Het wachtwoord moet minstens 10 tekens hebben').waitFor();
    // The message is tied to its field for screen readers.
    const described = await page.getByLabel('KvK-nummer').getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    await screenshot(page, '06-register-errors');

    // A KvK number that is already registered: the API's 409 is explained.
    const existing = await register(t, 'contractor');
    const taken = (await t.ds.query('SELECT kvk_number FROM organisation WHERE id = $1', [
      existing.user.organisationId,
    ])) as { kvk_number: string }[];
    await page.getByLabel('KvK-nummer').fill(taken[0].kvk_number);
    await page.getByLabel('Wachtwoord').fill(body.password);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByText('Dit e-mailadres of KvK-nummer is al geregistreerd.').waitFor();

    const kvk = uniqueKvk();
    await page.getByLabel('KvK-nummer').fill(kvk);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    // The account names the organisation (no id on the page since the award picks it by name or KvK number).
    await page.getByText(body.organisation.name, { exact: true }).waitFor();
    const rows = (await t.ds.query('SELECT kind, name FROM organisation WHERE kvk_number = $1', [kvk])) as {
      kind: string;
      name: string;
    }[];
    expect(rows).toEqual([{ kind: 'social_enterprise', name: body.organisation.name }]);
    await expectAccessible(page, '07-account');
    await context.close();
  });

  it('signs in, switches to English (remembered, <html lang> follows), keeps the session over a reload, and signs out when the refresh token was reused', async () => {
    const body = registrationBody('contractor');
    await t.http().post('/api/v1/auth/register').send(body).expect(201);
    const { context, page } = await newPage(stack);
    await page.goto('/sign-in');
    await expectAccessible(page, '08-sign-in');
    await page.getByLabel('E-mailadres').fill(body.email);
    await page.getByLabel('Wachtwoord').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Het e-mailadres of wachtwoord klopt niet.').waitFor();
    await page.getByLabel('Wachtwoord').fill(body.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    // Reload: English remembered, and the refresh token (rotated) keeps the user signed in.
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();

    // Officer pages are not for contractors; unknown pages get the 404 page.
    await page.goto('/officer/policies');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await expectAccessible(page, '09-forbidden');
    await page.goto('/does-not-exist');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();

    // Someone else uses the tab's refresh token first: the app's next refresh is refused and it signs out.
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const stolen = await page.evaluate(() => sessionStorage.getItem('buysocial.refreshToken'));
    await apiCall(stack, 'POST', '/api/v1/auth/refresh', { refreshToken: stolen });
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByText('U bent uitgelogd. Log opnieuw in om verder te gaan.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('buysocial.refreshToken'))).toBeNull();
    await context.close();
  });

  it("officer's story: a policy from the example, edited, previewed, published and versioned; a tender created, published and awarded; a contribution verified; a certificate verified", async () => {
    const { officer, organisationId } = await createBuyerWithOfficer(t);
    const officerEmail = (
      (await t.ds.query('SELECT email FROM app_user WHERE organisation_id = $1', [organisationId])) as {
        email: string;
      }[]
    )[0].email;
    const contractor: Session = await register(t, 'contractor');
    const year = new Date().getFullYear();

    const { context, page } = await newPage(stack);
    await page.goto('/sign-in');
    await page.getByLabel('E-mailadres').fill(officerEmail);
    await page.getByLabel('Wachtwoord').fill('officer-password-1');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verplichtingen' }).waitFor();
    await page.getByText('Nog geen verplichtingen.', { exact: false }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const item of [
      'SROI-beleid',
      'Mijn aanbestedingen',
      'Verplichtingen',
      'Te beoordelen',
      'Certificaten',
    ]) {
      await nav.getByRole('link', { name: item }).waitFor();
    }

    // Policy: from the example, with a bad value the API refuses next to its cell, then fixed and saved.
    await nav.getByRole('link', { name: 'SROI-beleid' }).click();
    await page.getByText('U heeft nog geen beleid.', { exact: false }).waitFor();
    await expectAccessible(page, '10-policies-empty');
    await page.getByRole('button', { name: 'Nieuw beleid op basis van het voorbeeld' }).click();
    await page.getByRole('heading', { level: 1, name: /^Beleid: Bouwblokken social return/ }).waitFor();
    await page.getByLabel('Waarde (€), bouwblok 1').fill('40.000');
    await page.getByLabel('Max. maanden, bouwblok 1').fill('-1');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // Worded from the rule's code, with the field as the form labels it: never the API's English reason or path.
    await page.getByText('Max. maanden (bouwblok 1): Minstens 1').waitFor();
    expect(await page.getByText(/blocks\[0\]|must not be/).count()).toBe(0);
    expect(await page.getByLabel('Max. maanden, bouwblok 1').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '11-policy-error');
    await page.getByLabel('Max. maanden, bouwblok 1').fill('24');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het beleid is opgeslagen.').waitFor();
    const saved = await apiCall<{ items: { blocks: { valueCents: number }[] }[] }>(
      stack,
      'GET',
      '/api/v1/sroi-policies',
      undefined,
      officer.accessToken,
    );
    expect(saved.items[0].blocks[0].valueCents).toBe(4_000_000);

    // Preview: 16 employee hours of a social activity at € 100 an hour.
    await page.getByLabel('Maatschappelijke activiteit').check();
    await page.getByLabel('Aantal').fill('16');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByText(nlMoney('1.600,00')).first().waitFor();
    await page.getByText(/Telt voor €\s1\.600,00 onder dit beleid/).waitFor();
    await expectAccessible(page, '12-policy-draft');

    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Het beleid is gepubliceerd.', { exact: false }).waitFor();
    await page.getByLabel('Naam van de nieuwe versie').fill(`${year}-v2`);
    await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`${year}-v2$`) }).waitFor();
    await expectAccessible(page, '13-policy-new-version');

    // Tender: created with a CPV item, published, awarded to the contractor.
    await nav.getByRole('link', { name: 'Mijn aanbestedingen' }).click();
    await page.getByText('Nog geen aanbestedingen.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Nieuwe aanbesteding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe aanbesteding' }).waitFor();
    const title = `Schoonmaak stadskantoor ${uniqueWord('t')}`;
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Omschrijving onderdeel 1').fill('Dagelijkse schoonmaak');
    await page.getByLabel('CPV-code (1)').fill('90910000');
    await page.getByRole('button', { name: /^90910000-9/ }).click();
    await page.getByLabel('Geschatte waarde in euro (excl. btw)').fill('1.200.000');
    await page.getByLabel('Start contract').fill(`${year}-01-01`);
    await page.getByLabel('Einde contract (tot en met)').fill(`${year + 1}-12-31`);
    await expectAccessible(page, '14-tender-new');
    await page.getByRole('button', { name: 'Aanbesteding aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('De aanbesteding is gepubliceerd.').waitFor();
    // The contractor is picked by (part of) its name from the search list (nobody types an id).
    const contractorName = (
      await apiCall<{ organisation: { name: string } }>(
        stack,
        'GET',
        '/api/v1/me',
        undefined,
        contractor.accessToken,
      )
    ).organisation.name;
    await page.getByLabel('Opdrachtnemer', { exact: true }).fill(contractorName.slice(5));
    await page.getByRole('button', { name: new RegExp(`^${contractorName}`) }).click();
    await page.getByText(`Gekozen: ${contractorName}`).waitFor();
    await page.getByLabel('Contractwaarde in euro (excl. btw)').fill('1.150.000');
    await page.getByRole('button', { name: 'Gunnen' }).click();
    await page.getByText(/Gegund aan .*\. De social-return-verplichting is €\s57\.500,00\./).waitFor();
    await page.getByRole('cell', { name: 'Gegund', exact: true }).first().waitFor();
    await expectAccessible(page, '15-tender-awarded');

    // The contractor records an activity (its screens come in part 2); the officer verifies it for less.
    const obligations = await apiCall<{ items: { id: string }[] }>(
      stack,
      'GET',
      '/api/v1/obligations',
      undefined,
      contractor.accessToken,
    );
    await apiCall(
      stack,
      'POST',
      `/api/v1/obligations/${obligations.items[0].id}/contributions`,
      { category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 10, description: 'Gastlessen ROC' },
      contractor.accessToken,
    );
    await nav.getByRole('link', { name: 'Te beoordelen' }).click();
    await page
      .getByRole('heading', { level: 3, name: /Maatschappelijke activiteit · €\s1\.000,00/ })
      .waitFor();
    await expectAccessible(page, '16-review-queue');
    await page.getByLabel('Goedgekeurde waarde in euro').fill('800');
    await page.getByLabel('Toelichting (niet verplicht)').fill('Presentielijst gezien');
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText(/Goedgekeurd voor €\s800,00\./).waitFor();
    const reviewed = (await t.ds.query(
      'SELECT status, verified_value_cents FROM contribution WHERE obligation_id = $1',
      [obligations.items[0].id],
    )) as { status: string; verified_value_cents: string }[];
    expect(reviewed).toEqual([{ status: 'verified', verified_value_cents: '80000' }]);

    await nav.getByRole('link', { name: 'Verplichtingen' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByText('1% goedgekeurd').waitFor();
    await expectAccessible(page, '17-obligations');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: `Verplichting voor ${title}` }).waitFor();
    await expectAccessible(page, '18-obligation');

    // Certificate: a social enterprise's PSO certificate, found by name and verified.
    const se = await register(t, 'social_enterprise');
    await addCertification(t, se, {
      type: 'pso',
      level: 'trede_2',
      certificateNumber: 'PSO-1',
      validFrom: `${year}-01-01`,
    });
    // A name of its own: the shared test database holds hundreds of "Test social_enterprise N xxxx" by now, and the
    // officer finds an enterprise as a person would, by a name that tells it apart.
    const seName = `Kwispelkat Schoonmaak ${Math.random().toString(36).slice(2, 7)}`;
    await t.ds.query('UPDATE organisation SET name = $1 WHERE id = $2', [seName, se.user.organisationId]);
    await t
      .http()
      .put(`/api/v1/social-enterprises/${se.user.organisationId}/profile`)
      .set('Authorization', `Bearer ${se.accessToken}`)
      .send({ mission: 'Schoon en sociaal', targetGroups: ['banenafspraak'], fteTotal: 5, fteTargetGroup: 3 })
      .expect(200);
    await nav.getByRole('link', { name: 'Certificaten' }).click();
    await page.getByLabel('Naam van de onderneming').fill(seName);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^${seName}`) }).click();
    await page.getByRole('button', { name: 'Goedkeuren PSO PSO-1' }).click();
    await page.getByText('Gecontroleerd', { exact: true }).waitFor();
    await expectAccessible(page, '19-certifications');
    const cert = (await t.ds.query('SELECT status FROM certification WHERE organisation_id = $1', [
      se.user.organisationId,
    ])) as { status: string }[];
    expect(cert).toEqual([{ status: 'verified' }]);

    // The officer's screens at 375 px: wide tables scroll inside their own box, never the page.
    await page.setViewportSize({ width: 375, height: 800 });
    for (const link of ['Verplichtingen', 'SROI-beleid', 'Te beoordelen', 'Certificaten']) {
      await nav.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect({ link, scroll: await hasHorizontalScroll(page) }).toEqual({ link, scroll: false });
    }
    await nav.getByRole('link', { name: 'SROI-beleid' }).click();
    await page
      .getByRole('link', { name: /^Bouwblokken social return/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Beleid:/ }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '21-policy-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Public: the awarded tender is no longer active; active tenders list shows its empty state or others.
    await nav.getByRole('link', { name: 'Aanbestedingen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Lopende aanbestedingen' }).waitFor();
    await expectAccessible(page, '20-tenders');
    await context.close();
  });
});
