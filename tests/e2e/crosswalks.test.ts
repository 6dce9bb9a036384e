import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

const EMAIL = 'correspondance@journey.test';

/**
 * An organisation keeps its own 0–10 question, maps it onto the common 1–5 indicator with cut
 * points, checks the effect on its real answers, saves, and finds the answers on the dashboard.
 */
describe.runIf(browserAvailable)('crosswalk journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const { api, org } = await signUpAndCreateOrganisation(served.url, { email: EMAIL, name: 'Camille Correspondance' }, { name: 'Réseau Correspondance', kind: 'network_head' });
    const collective = await api.call<{ commonFrameworkId: string }>('POST', '/api/collectives', { name: 'Collectif Correspondance', coordinatorOrganisationId: org.id });
    await api.call('POST', `/api/frameworks/${collective.commonFrameworkId}/indicators`, { code: 'SAT', labelFr: 'Satisfaction moyenne', kind: 'outcome', stakeholderGroup: 'people_supported', computation: { type: 'mean' } });
    await api.call('POST', `/api/frameworks/${collective.commonFrameworkId}/adopt`, {});
    const questionnaire = await api.call<{ id: string; questions: { id: string }[] }>('POST', `/api/organisations/${org.id}/questionnaires`, {
      title: 'Notre enquête',
      questions: [{ type: 'scale', labelFr: 'Votre note de 0 à 10', min: 0, max: 10 }],
    });
    const campaign = await api.call<{ slug: string }>('POST', `/api/organisations/${org.id}/campaigns`, { name: 'Enquête 2026', questionnaireId: questionnaire.id, period: '2026' });
    for (const score of [10, 2, 7]) {
      await api.call('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: { [questionnaire.questions[0]!.id]: score } });
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('maps a 0–10 question onto the common 1–5 indicator and sees it on the dashboard', async () => {
    await signIn(page, served.url, EMAIL);

    await page.getByRole('link', { name: 'Correspondances' }).first().click();
    await page.getByRole('heading', { name: 'Correspondances', level: 1 }).waitFor();
    await page.getByText('Aucune correspondance').waitFor();
    await page.getByRole('button', { name: 'Nouvelle correspondance' }).click();
    await page.getByRole('combobox', { name: 'Votre question' }).click();
    await page.getByRole('option', { name: /Votre note de 0 à 10/ }).click();
    await page.getByRole('combobox', { name: 'Indicateur commun' }).click();
    await page.getByRole('option', { name: /SAT/ }).click();

    // Live table: the default cuts 2, 4, 6, 8; a value on a cut stays in the lower class.
    const table = page.getByTestId('cuts-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toEqual(['01', '11', '21', '32', '42', '53', '63', '74', '84', '95', '105']);

    await page.getByRole('button', { name: 'Essayer sur mes réponses' }).click();
    const preview = page.getByTestId('crosswalk-preview');
    await preview.waitFor();
    // 2 → 1, 7 → 4, 10 → 5: mean 10/3.
    await expect.poll(async () => (await page.getByTestId('crosswalk-preview-value').textContent()) ?? '').toMatch(/3,3.*n = 3/);

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('crosswalk-SAT').waitFor();
    expect(await page.getByTestId('crosswalk-SAT').textContent()).toContain('Votre note de 0 à 10');

    await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
    const card = page.getByTestId('indicator-SAT');
    await card.waitFor();
    await expect.poll(async () => (await page.getByTestId('n-SAT').textContent()) ?? '').toContain('n = 3');
    await card.getByText('Données reçues via une correspondance').first().waitFor();
  });
});
