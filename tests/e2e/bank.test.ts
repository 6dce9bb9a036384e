import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type ApiClient, type Served } from './support.ts';

/** A coordinator picks an indicator from the bank and finds it in the framework's draft. */
describe.runIf(browserAvailable)('indicator bank journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let collectiveId: string;

  beforeAll(async () => {
    served = await serve();
    const created = await signUpAndCreateOrganisation(served.url, { email: 'banque@journey.test', name: 'Camille Banque' }, { name: 'Réseau Banque', kind: 'network_head' });
    api = created.api;
    collectiveId = (await api.call<{ id: string }>('POST', '/api/collectives', { name: 'Collectif Banque', coordinatorOrganisationId: created.org.id })).id;
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

  it('changes an entry of the collective’s bank, and says so instead of overwriting when someone changed it meanwhile', async () => {
    const entryUrl = (id: string) => `/api/collectives/${collectiveId}/bank-entries/${id}`;
    const entry = await api.call<{ id: string }>('POST', `/api/collectives/${collectiveId}/bank-entries`, {
      labelFr: 'Nombre de paniers solidaires',
      labelEn: 'Number of solidarity baskets',
      kind: 'output',
      stakeholderGroup: 'people_supported',
      computation: { type: 'count' },
      unit: 'paniers',
    });
    await page.goto(served.url + '/framework');
    await page.getByRole('button', { name: 'Ajouter depuis la banque d’indicateurs' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Rechercher').fill('paniers solidaires');
    const card = dialog.getByTestId(`bank-entry-${entry.id}`);
    await card.getByRole('button', { name: 'Modifier « Nombre de paniers solidaires » dans la banque du collectif' }).click();
    const form = card.getByRole('form', { name: 'Modifier l’indicateur de la banque du collectif' });
    await form.getByLabel('Intitulé en français').fill('Nombre de paniers solidaires remis');

    // Someone else changes the entry while the form is open.
    await api.call('PATCH', entryUrl(entry.id), { unit: 'colis' });
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await form.getByRole('alert').getByText(/Quelqu’un a modifié cet indicateur de la banque pendant que vous le modifiiez/).waitFor();
    const stored = await api.call<{ entries: { id: string; labelFr: string; unit: string }[] }>('GET', `/api/collectives/${collectiveId}/bank-entries`);
    expect(stored.entries.find((e) => e.id === entry.id)).toMatchObject({ labelFr: 'Nombre de paniers solidaires', unit: 'colis' });

    // Reloaded, the form shows the other person's change; the person makes theirs again.
    await form.getByRole('button', { name: 'Recharger l’indicateur tel qu’il est maintenant' }).click();
    await expect.poll(() => form.getByLabel('Unité', { exact: true }).inputValue()).toBe('colis');
    expect(await form.getByLabel('Intitulé en français').inputValue()).toBe('Nombre de paniers solidaires');
    await form.getByLabel('Intitulé en français').fill('Nombre de paniers solidaires remis');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await card.getByText('Modifications enregistrées.').waitFor();
    await card.getByText('Nombre de paniers solidaires remis').waitFor();
    const after = await api.call<{ entries: { id: string; labelFr: string; unit: string; revision: number }[] }>('GET', `/api/collectives/${collectiveId}/bank-entries`);
    expect(after.entries.find((e) => e.id === entry.id)).toMatchObject({ labelFr: 'Nombre de paniers solidaires remis', unit: 'colis', revision: 2 });
    await page.keyboard.press('Escape');
  });

  it('filters child-protection indicators by dimension, and shows units in English in English', async () => {
    await page.goto(served.url + '/framework');
    await page.getByRole('button', { name: 'Ajouter depuis la banque d’indicateurs' }).first().click();
    const dialog = page.getByRole('dialog');
    const cards = dialog.locator('[data-testid^="bank-entry-"]');
    // The dimension filter appears with the child-protection sector only.
    expect(await dialog.getByLabel('Dimension', { exact: true }).count()).toBe(0);
    await dialog.getByLabel('Secteur', { exact: true }).selectOption('child_protection');
    await dialog.getByLabel('Dimension', { exact: true }).selectOption('autonomy');
    await expect
      .poll(async () => {
        const n = await cards.count();
        const badges = await dialog.getByTestId('bank-dimension').allTextContents();
        return n > 1 && badges.length === n && badges.every((b) => b === 'Autonomie');
      }, { timeout: 10_000 })
      .toBe(true);
    await page.keyboard.press('Escape');

    await page.evaluate(() => localStorage.setItem('socle.locale', 'en'));
    await page.reload();
    await page.getByRole('button', { name: 'Add from the indicator bank' }).first().click();
    const en = page.getByRole('dialog');
    await en.getByLabel('Search').fill('collective meetings held');
    const meetings = en.getByTestId('bank-entry-co-001');
    await expect.poll(async () => (await meetings.textContent()) ?? '', { timeout: 10_000 }).toContain('(meetings)');
    expect(await meetings.textContent()).not.toContain('réunions');
    await page.evaluate(() => localStorage.removeItem('socle.locale'));
  });
});
