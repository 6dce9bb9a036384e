import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * Importing a Kobo form in a real browser: the person chooses the .xlsx, reads the preview and
 * the list of what could not be carried over, then creates the questionnaire.
 */
const EMAIL = 'xlsform@journey.test';
const SHOTS = process.env.SOCLE_SCREENSHOTS ?? '/tmp';
const SAMPLE = fileURLToPath(new URL('../fixtures/xlsform/suivi-accompagnement.xlsx', import.meta.url));

describe.runIf(browserAvailable)('XLSForm import journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    await signUpAndCreateOrganisation(served.url, { email: EMAIL, name: 'Kim Kobo' }, { name: 'Association Kobo', kind: 'association' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('previews a Kobo form, lists what is lost and creates the questionnaire', async () => {
    await signIn(page, served.url, EMAIL);
    await page.getByRole('link', { name: 'Questionnaires' }).first().click();
    await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Importer un XLSForm (Kobo, ODK)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer un formulaire Kobo ou ODK' });
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles(SAMPLE);
    const preview = dialog.getByTestId('xlsform-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Suivi de l’accompagnement 2025');
    expect(await preview.textContent()).toContain('Votre accompagnement');
    expect(await preview.textContent()).toContain('arabe');
    const report = (await dialog.getByTestId('xlsform-report').textContent()) ?? '';
    expect(report).toContain('« score » demande un calcul');
    expect(report).toContain('« position » demande une position GPS');
    await page.screenshot({ path: `${SHOTS}/xlsform-preview.png`, fullPage: true });

    await dialog.getByRole('button', { name: 'Créer le questionnaire' }).click();
    await page.getByRole('heading', { name: 'Suivi de l’accompagnement 2025', level: 1 }).waitFor();
    expect(page.url()).toContain('/questionnaires/');
  });
});
