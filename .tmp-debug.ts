import './test/setup-env';
import { newPage, startStack, apiCall } from './test/browser/harness';
async function main() {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const stack = await startStack();
  const { page } = await newPage(stack);
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const r = await page.evaluate(() => {
    const a = document.querySelectorAll('.bs-nav__link');
    return Array.from(a).map((x) => { const cs = getComputedStyle(x); return [x.textContent, x.getAttribute("href"), x.getAttribute("aria-current"), location.pathname, cs.borderBottom]; });
  });
  console.log(JSON.stringify(r));
  console.log(await page.evaluate(() => Array.from(document.querySelectorAll('a')).map((a) => a.textContent + ' -> ' + a.getAttribute('href')).join('\n')));
  const reg = await apiCall<{ user: { organisationId: string } }>(stack, 'POST', '/api/v1/auth/register', { email: `x${Date.now()}@example.nl`, password: 'a-good-long-password', name: 'X', organisation: { kind: 'social_enterprise', name: 'Dbg SE', kvkNumber: String(Date.now()).slice(-8), postcode: '2011 AB' } });
  await page.goto(`/enterprises/${reg.user.organisationId}`);
  await page.waitForTimeout(2000);
  console.log(await page.locator('main').innerText());
  await stack.close();
  process.exit(0);
}
void main();
