import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type ApiClient, type Served } from './support.ts';

/**
 * Importing paper questionnaires typed into a spreadsheet: the first file has mistakes, the
 * report names each line, nothing is loaded; the fixed file loads whole and the campaign's
 * response count rises by its number of lines.
 */
const EMAIL = 'import@journey.test';

const HEADER = 'Êtes-vous satisfait ?;Heures;Date d’entrée\r\n';
const BAD = HEADER + 'Oui;3,5;x\r\npeut-être;2;x\r\nNon;beaucoup;x\r\n';
const GOOD = HEADER + 'Oui;3,5;x\r\nOui;2;x\r\nNon;1 200;x\r\n';

describe.runIf(browserAvailable)('importing responses from a file', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let orgId = '';
  let campaignId = '';
  const dir = mkdtempSync(join(tmpdir(), 'socle-import-e2e-'));

  async function count(): Promise<number> {
    const list = await api.call<{ id: string; responseCount: number }[]>('GET', `/api/organisations/${orgId}/campaigns`);
    return list.find((c) => c.id === campaignId)!.responseCount;
  }

  beforeAll(async () => {
    served = await serve();
    const created = await signUpAndCreateOrganisation(served.url, { email: EMAIL, name: 'Inès Import' }, { name: 'Association Import', kind: 'association' });
    api = created.api;
    orgId = created.org.id;
    const q = await api.call<{ id: string }>('POST', `/api/organisations/${orgId}/questionnaires`, {
      title: 'Suivi',
      questions: [
        { type: 'single', labelFr: 'Êtes-vous satisfait ?', required: true, options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }] },
        { type: 'number', labelFr: 'Heures', min: 0, max: 5000 },
      ],
    });
    const campaign = await api.call<{ id: string }>('POST', `/api/organisations/${orgId}/campaigns`, { name: 'Suivi 2026', questionnaireId: q.id, period: '2026', populationServed: null });
    campaignId = campaign.id;
    writeFileSync(join(dir, 'saisie.csv'), BAD);
    writeFileSync(join(dir, 'saisie-corrigee.csv'), GOOD);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('signs in and opens the import page from the campaigns', async () => {
    await signIn(page, served.url, EMAIL);
    await page.goto(served.url + '/campaigns');
    await page.getByRole('link', { name: 'Importer' }).click();
    await page.getByRole('heading', { name: 'Importer un fichier' }).waitFor();
  });

  async function send(file: string) {
    await page.goto(served.url + '/imports?kind=responses');
    await page.getByTestId('import-campaign').click();
    await page.getByRole('option', { name: /Suivi 2026/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-file').click();
    await (await chooser).setFiles(join(dir, file));
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Colonnes du fichier' }).waitFor();
  }

  it('reads a file with mistakes and lists each line to fix, loading nothing', async () => {
    await send('saisie.csv');
    // The two questions are recognised; the third column is left out.
    await expect.poll(() => page.getByTestId('import-map-0').inputValue()).toBe('Êtes-vous satisfait ? (obligatoire)');
    await expect.poll(() => page.getByTestId('import-map-2').inputValue()).toBe('Ignorer cette colonne');
    await page.getByTestId('import-validate').click();
    const report = page.getByTestId('import-errors');
    await report.waitFor();
    await expect.poll(() => report.getByRole('heading').textContent()).toContain('2 lignes à corriger');
    const rows = report.getByTestId('import-error-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('3');
    expect(await rows.nth(0).textContent()).toContain('Cette réponse ne fait pas partie des choix.');
    expect(await rows.nth(1).textContent()).toContain('Indiquez un nombre.');
    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Télécharger la liste (CSV)' }).click();
    expect((await download).suggestedFilename()).toBe('erreurs-import.csv');
    expect(await count()).toBe(0);
    await page.goto(served.url + '/campaigns');
    await page.getByText('0 réponse').first().waitFor();
  });

  it('loads the fixed file whole, and the response count rises', async () => {
    await send('saisie-corrigee.csv');
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-valid').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-loaded').waitFor();
    expect(await page.getByTestId('import-loaded').textContent()).toContain('3 lignes chargées');
    expect(await count()).toBe(3);
    await page.getByRole('link', { name: 'Voir les campagnes' }).click();
    await page.getByRole('heading', { name: 'Campagnes' }).first().waitFor();
    await page.getByText('3 réponses').first().waitFor();
  });
});
