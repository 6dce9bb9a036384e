import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * A coordinator exports the common framework, imports a JSON document into its draft, adds an
 * entry to the collective's own bank and picks it from the bank.
 */
describe.runIf(browserAvailable)('framework export and collective bank journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const { api, org } = await signUpAndCreateOrganisation(served.url, { email: 'export@journey.test', name: 'Camille Export' }, { name: 'Réseau Export', kind: 'network_head' });
    const collective = await api.call<{ commonFrameworkId: string }>('POST', '/api/collectives', { name: 'Collectif Export', coordinatorOrganisationId: org.id });
    await api.call('POST', `/api/frameworks/${collective.commonFrameworkId}/indicators`, { code: 'PREMIER', labelFr: 'Premier indicateur du réseau', kind: 'output', stakeholderGroup: 'people_supported', computation: { type: 'count' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('exports the framework in three formats and imports a JSON document into the draft', async () => {
    await signIn(page, served.url, 'export@journey.test');
    await page.goto(served.url + '/framework');
    await page.getByRole('tab', { name: 'Référentiel commun' }).click();
    await page.getByText('PREMIER', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Exporter' }).first().click();
    const word = page.getByTestId('export-docx');
    await word.waitFor();
    for (const [testId, type] of [
      ['export-docx', 'wordprocessingml'],
      ['export-xlsx', 'spreadsheetml'],
      ['export-json', 'application/json'],
    ] as const) {
      const href = (await page.getByTestId(testId).getAttribute('href'))!;
      expect(href).toContain('lang=fr');
      const res = await page.request.get(served.url + href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }
    await page.keyboard.press('Escape');

    const doc = {
      format: 'socle-framework',
      formatVersion: 1,
      name: 'Un autre réseau',
      scope: 'common',
      version: null,
      nodes: [{ key: 'n1', kind: 'impact', labelFr: 'Finalité importée', labelEn: '', stakeholderGroup: null, parentKey: null }],
      indicators: [{ code: 'IMPORTE-1', labelFr: 'Indicateur importé', labelEn: '', kind: 'outcome', stakeholderGroup: 'staff', unit: '', polarity: 'neutral', computation: { type: 'mean' }, nodeKey: 'n1' }],
    };
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer un JSON' }).first().click();
    await (await chooser).setFiles({ name: 'referentiel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('1 indicateur(s) et 1 élément(s)', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Remplacer le brouillon' }).click();
    await page.getByText('IMPORTE-1', { exact: true }).first().waitFor();
    await page.getByText('Finalité importée').first().waitFor();
    expect(await page.getByText('PREMIER', { exact: true }).count()).toBe(0);
  });

  it('adds an entry to the collective’s bank and picks it from the bank', async () => {
    await page.getByRole('button', { name: 'Ajouter depuis la banque d’indicateurs' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Ajouter à la banque du collectif' }).click();
    await dialog.getByLabel('Intitulé en français').fill('Nombre de jardins partagés ouverts');
    await dialog.getByLabel('Intitulé en anglais').fill('Shared gardens opened');
    await dialog.getByLabel('Code suggéré').fill('JARDINS');
    await dialog.getByLabel('Calcul').selectOption('sum');
    await dialog.getByRole('button', { name: 'Ajouter à la banque', exact: true }).click();
    await dialog.getByText('Ajouté à la banque du collectif.').waitFor();

    await dialog.getByLabel('Rechercher').fill('jardins partages');
    const card = dialog.locator('[data-testid^="bank-entry-"]').first();
    await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 10_000 }).toContain('Nombre de jardins partagés ouverts');
    await card.getByTestId('collective-bank-badge').waitFor();
    await card.getByRole('button', { name: /^Ajouter/ }).click();
    await dialog.getByText('Ajouté au brouillon avec le code JARDINS.').waitFor();
  });
});
