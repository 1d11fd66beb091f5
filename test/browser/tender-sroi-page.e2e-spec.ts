import { getDataSourceToken } from '@nestjs/typeorm';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { bearer, createBuyerWithOfficer, uniqueWord } from '../support/factories';
import { publishedPolicy, tenderBody } from '../support/procurement';
import { newPage, screenshot, seriousA11yViolations, Stack, startStack } from './harness';

jest.setTimeout(180_000);

/**
 * api.md "Tender pages" and "Reading changes nothing", as people see them: the public tender page states the SROI
 * percentage, the expected obligation in euros and the policy's name and version, in Dutch and in English; the
 * officer's dashboard shows its figures without filing a report.
 */
describe('the tender page and the dashboard in Chromium', () => {
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

  async function page(): Promise<Page> {
    const { context, page: p } = await newPage(stack);
    contexts.push(context);
    return p;
  }

  it('shows the SROI condition in money on the public tender page (nl, en)', async () => {
    const { officer } = await createBuyerWithOfficer(t);
    const version = uniqueWord('v');
    const policyId = await publishedPolicy(t, officer, { name: 'Social return Haarlem', version });
    const title = `Schoonmaak ${uniqueWord()}`;
    const tender = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId, { title, estimatedValueCents: 78_000_000 }))
      .expect(201);
    await t
      .http()
      .post(`/api/v1/tenders/${tender.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);

    const p = await page();
    await p.goto(`/tenders/${tender.body.id}`);
    await p.getByRole('heading', { level: 1, name: title }).waitFor();
    await p.getByText(`Social return Haarlem (versie ${version})`).waitFor();
    await p.getByText('5% (volgens het beleid)').waitFor();
    await p.getByText(/^€\s39\.000,00: 5% van de geraamde waarde van €\s780\.000,00$/).waitFor();
    expect(await p.locator('main').textContent()).not.toContain('het percentage van het beleid');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await screenshot(p, 'tender-sroi-page-nl');

    await p.getByRole('button', { name: 'English' }).click();
    await p.getByText(`Social return Haarlem (version ${version})`).waitFor();
    await p.getByText('5% (under the policy)').waitFor();
    await p.getByText(/^€39,000\.00: 5% of the estimated value of €780,000\.00$/).waitFor();
  });

  it("shows the officer's dashboard without filing a report", async () => {
    const { organisationId } = await createBuyerWithOfficer(t);
    const email = (
      await t.ds.query('SELECT email FROM app_user WHERE organisation_id = $1', [organisationId])
    )[0].email as string;
    const p = await page();
    await p.goto('/sign-in');
    await p.getByLabel('E-mailadres').fill(email);
    await p.getByLabel('Wachtwoord').fill('officer-password-1');
    await p.getByRole('button', { name: 'Inloggen' }).click();
    await p.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const reports = async () =>
      (
        await t.ds.query('SELECT count(*)::int AS n FROM report WHERE organisation_id = $1', [organisationId])
      )[0].n as number;
    const answered = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/dashboard');
    await p.goto('/officer/dashboard');
    expect((await answered).status()).toBe(200);
    await p.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // The spend section answered from the read (this buyer has no purchases yet), and no report was filed.
    await p.getByText('Nog geen inkoop bij sociale ondernemingen opgevoerd.').waitFor();
    expect(await reports()).toBe(0);
  });
});
