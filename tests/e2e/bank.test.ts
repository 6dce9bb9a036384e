import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

/** A coordinator picks an indicator from the bank and finds it in the framework's draft. */
describe.runIf(browserAvailable)('indicator bank journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const { api, org } = await signUpAndCreateOrganisation(served.url, { email: 'banque@journey.test', name: 'Camille Banque' }, { name: 'Réseau Banque', kind: 'network_head' });
    await api.call('POST', '/api/collectives', { name: 'Collectif Banque', coordinatorOrganisationId: org.id });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('searches the bank and adds an indicator to the draft in one click', async () => {
    await signIn(page, served.url, 'banque@journey.test');
    await page.goto(served.url + '/framework');
    await page.getByRole('button', { name: 'Ajouter depuis la banque d’indicateurs' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Rechercher').fill('logement');
    const first = dialog.locator('[data-testid^="bank-entry-"]').first();
    await expect.poll(async () => (await first.textContent())?.toLowerCase() ?? '', { timeout: 10_000 }).toContain('logement');
    const testId = (await first.getAttribute('data-testid'))!;
    const code = testId.replace('bank-entry-', '').toUpperCase();
    await first.getByRole('button', { name: /^Ajouter/ }).click();
    await dialog.getByText(`Ajouté au brouillon avec le code ${code}.`).waitFor();
    await page.keyboard.press('Escape');
    await page.getByText(code, { exact: true }).first().waitFor();
  });
});
