import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, type Served } from './support.ts';

/**
 * Before and after, in a real browser: a person answers the "before" campaign on a phone with
 * JavaScript turned off and reads their follow-up code on the thank-you page, answers the
 * "after" campaign with it, and the organisation sees the change in the web app.
 */
const EMAIL = 'suivi@before-after.test';
const PASSWORD = 'correct horse battery';

async function api(base: string, cookie: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { json: JSON.parse(text) as Record<string, unknown>, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

describe.runIf(browserAvailable)('before and after with a follow-up code', () => {
  let served: Served;
  let browser: Browser;
  let beforeLink = '';
  let afterLink = '';
  let afterSlug = '';
  let code = '';

  beforeAll(async () => {
    served = await serve();
    const base = served.url;
    const signUp = await api(base, null, 'POST', '/api/auth/sign-up', { email: EMAIL, password: PASSWORD, name: 'Sam Suivi' });
    const cookie = signUp.cookie;
    const org = await api(base, cookie, 'POST', '/api/organisations', { name: 'Atelier Suivi', kind: 'association' });
    const fw = String(org.json.specificFrameworkId);
    await api(base, cookie, 'POST', `/api/frameworks/${fw}/indicators`, {
      code: 'BIEN',
      labelFr: 'Bien-être moyen',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      polarity: 'higher_is_better',
      computation: { type: 'mean' },
    });
    await api(base, cookie, 'POST', `/api/frameworks/${fw}/adopt`);
    const q = await api(base, cookie, 'POST', `/api/organisations/${String(org.json.id)}/questionnaires`, {
      title: 'Votre bien-être',
      questions: [{ type: 'scale', labelFr: 'Votre bien-être aujourd’hui', required: true, indicator: { frameworkId: fw, code: 'BIEN' } }],
    });
    const before = await api(base, cookie, 'POST', `/api/organisations/${String(org.json.id)}/campaigns`, { name: 'Entrée', questionnaireId: q.json.id, period: '2026', pairing: 'before' });
    const after = await api(base, cookie, 'POST', `/api/organisations/${String(org.json.id)}/campaigns`, {
      name: 'Sortie',
      questionnaireId: q.json.id,
      period: '2026',
      pairing: 'after',
      pairedWithCampaignId: before.json.id,
    });
    beforeLink = base + String(before.json.publicPath);
    afterLink = base + String(after.json.publicPath);
    afterSlug = String(after.json.slug);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('answers "before" without JavaScript and reads the code on the thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    await phone.goto(beforeLink);
    await phone.getByLabel('2', { exact: true }).check();
    await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await phone.getByRole('heading', { name: 'Merci !' }).waitFor();
    code = ((await phone.locator('#pairing-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await context.close();
  });

  it('answers "after" with that code, after a typo is caught', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    await phone.goto(afterLink);
    await phone.getByLabel('4', { exact: true }).check();
    const typo = code.slice(0, 5) + (code.endsWith('A') ? 'B' : 'A');
    await phone.getByLabel(/Votre code de suivi/).fill(typo);
    await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await phone.getByText('faute de frappe', { exact: false }).waitFor();
    // The answer given is kept in the form; only the code is typed again.
    expect(await phone.getByLabel('4', { exact: true }).isChecked()).toBe(true);
    await phone.getByLabel(/Votre code de suivi/).fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await phone.getByRole('heading', { name: 'Merci !' }).waitFor();
    await context.close();
  });

  it('shows the change in the web app', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.url + '/');
    await page.getByLabel('Adresse e-mail').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.goto(served.url + '/campaigns');
    const panel = page.getByTestId(`paired-change-${afterSlug}`);
    await panel.getByRole('heading', { name: 'Évolution avant/après' }).waitFor();
    await panel.getByTestId('paired-count').getByText('1 personne a répondu aux deux campagnes').waitFor();
    const row = panel.getByTestId('change-BIEN');
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(1)).toEqual(['1', '2', '4', '+2', '100 %'.replace(' ', '\u202f')]);
    await page.close();
  });
});
