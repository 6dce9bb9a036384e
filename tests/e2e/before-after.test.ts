import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * Before and after, in a real browser: a person answers the "before" campaign on a phone with
 * JavaScript turned off and reads their follow-up code on the thank-you page, answers the
 * "after" campaign with it, and the organisation sees the change in the web app.
 */
const EMAIL = 'suivi@before-after.test';

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
    const { api, org } = await signUpAndCreateOrganisation(base, { email: EMAIL, name: 'Sam Suivi' }, { name: 'Atelier Suivi', kind: 'association' });
    const fw = org.specificFrameworkId;
    await api.call('POST', `/api/frameworks/${fw}/indicators`, {
      code: 'BIEN',
      labelFr: 'Bien-être moyen',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      polarity: 'higher_is_better',
      computation: { type: 'mean' },
    });
    await api.call('POST', `/api/frameworks/${fw}/adopt`);
    const q = await api.call<{ id: string }>('POST', `/api/organisations/${org.id}/questionnaires`, {
      title: 'Votre bien-être',
      questions: [{ type: 'scale', labelFr: 'Votre bien-être aujourd’hui', required: true, indicator: { frameworkId: fw, code: 'BIEN' } }],
    });
    type Campaign = { id: string; slug: string; publicPath: string };
    const before = await api.call<Campaign>('POST', `/api/organisations/${org.id}/campaigns`, { name: 'Entrée', questionnaireId: q.id, period: '2026', pairing: 'before' });
    const after = await api.call<Campaign>('POST', `/api/organisations/${org.id}/campaigns`, {
      name: 'Sortie',
      questionnaireId: q.id,
      period: '2026',
      pairing: 'after',
      pairedWithCampaignId: before.id,
    });
    beforeLink = base + before.publicPath;
    afterLink = base + after.publicPath;
    afterSlug = after.slug;
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
    await signIn(page, served.url, EMAIL);
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
