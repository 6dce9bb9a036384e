import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * The foundation's journey, in a real browser: a coordinator signs in, builds a questionnaire
 * and opens a campaign; a respondent answers on the public page with JavaScript turned off; the
 * dashboard then shows n one higher.
 */
const EMAIL = 'coordination@journey.test';

function nOf(text: string | null): number {
  const m = /n\s*=\s*([\d\s\u202f\u00a0]+)/.exec(text ?? '');
  if (!m?.[1]) throw new Error(`no n in "${text}"`);
  return Number(m[1].replace(/\D/g, ''));
}

describe.runIf(browserAvailable)('coordinator and respondent journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const base = served.url;
    // The ground: an account, a network head, its collective and an adopted common indicator.
    const { api, org } = await signUpAndCreateOrganisation(base, { email: EMAIL, name: 'Camille Coordination' }, { name: 'Réseau Parcours', kind: 'network_head' });
    const collective = await api.call<{ commonFrameworkId: string }>('POST', '/api/collectives', { name: 'Collectif Parcours', coordinatorOrganisationId: org.id });
    const fw = collective.commonFrameworkId;
    await api.call('POST', `/api/frameworks/${fw}/indicators`, {
      code: 'CONF',
      labelFr: 'Part des personnes qui ont davantage confiance en elles',
      labelEn: 'Share of people more confident',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      unit: '%',
      polarity: 'higher_is_better',
      computation: { type: 'share', options: ['oui'] },
    });
    await api.call('POST', `/api/frameworks/${fw}/adopt`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  let link = '';
  let nBefore = -1;

  it('signs in', async () => {
    await signIn(page, served.url, EMAIL);
  });

  it('reads the dashboard with n visible', async () => {
    const n = page.getByTestId('n-CONF');
    await n.waitFor();
    nBefore = nOf(await n.textContent());
    expect(nBefore).toBe(0);
  });

  it('builds a questionnaire tied to the indicator', async () => {
    await page.goto(served.url + '/questionnaires/new');
    await page.getByLabel('Titre du questionnaire').fill('Votre parcours');
    const q1 = page.getByTestId('question-1');
    await q1.getByLabel('Question posée').fill('Avez-vous davantage confiance en vous ?');
    await q1.getByLabel('Choix 1', { exact: true }).fill('Oui');
    await q1.getByLabel('Choix 2', { exact: true }).fill('Non');
    await q1.getByLabel('Indicateur lié').click();
    await page.getByRole('option', { name: /CONF/ }).click();
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.waitForURL(/\/questionnaires\/[0-9a-f-]{36}$/);
  });

  it('opens a campaign and copies its public link', async () => {
    await page.goto(served.url + '/campaigns');
    await page.getByRole('button', { name: 'Nouvelle campagne' }).first().click();
    await page.getByRole('dialog').getByLabel(/^Nom de la campagne/).fill('Parcours 2026');
    await page.getByRole('dialog').getByLabel(/^Questionnaire/).click();
    await page.getByRole('option', { name: 'Votre parcours' }).click();
    await page.getByRole('dialog').getByLabel(/^Période/).fill('2026');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    const anchor = page.getByTestId('campaign-link').first();
    await anchor.waitFor();
    link = (await anchor.getAttribute('href')) ?? '';
    expect(link).toMatch(new RegExp(`^${served.url}/r/[a-z0-9]+$`));
  });

  it('lets a respondent answer with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    await phone.goto(link);
    expect(await phone.locator('html').getAttribute('lang')).toBe('fr');
    // Sending nothing: the form comes back with the message beside the question.
    await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await phone.getByText('Cette question est obligatoire.').first().waitFor();
    await phone.getByLabel('Oui').check();
    await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await phone.getByRole('heading', { name: 'Merci !' }).waitFor();
    await context.close();
  });

  it('shows n one higher on the dashboard', async () => {
    await page.goto(served.url + '/');
    const n = page.getByTestId('n-CONF');
    await n.waitFor();
    await expect.poll(async () => nOf(await n.textContent()), { timeout: 10_000 }).toBe(nBefore + 1);
  });
});
