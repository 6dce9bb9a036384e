import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * Invitations without an e-mail server: a volunteers' campaign by invitation only, a pasted list
 * of addresses, one link each to copy; a link works once (JavaScript turned off on the phone).
 */
const EMAIL = 'benevoles@invitations.test';

describe.runIf(browserAvailable)('invitations with links to copy', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const { api, org } = await signUpAndCreateOrganisation(served.url, { email: EMAIL, name: 'Inès Invitations' }, { name: 'Banque alimentaire', kind: 'association' });
    await api.call('POST', `/api/organisations/${org.id}/questionnaires`, {
      title: 'Baromètre bénévoles',
      questions: [{ type: 'scale', labelFr: 'Votre satisfaction', required: true }],
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  let links: string[] = [];

  it('creates a volunteers campaign by invitation only', async () => {
    await signIn(page, served.url, EMAIL);
    await page.goto(served.url + '/campaigns');
    await page.getByRole('button', { name: 'Nouvelle campagne' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nom de la campagne/).fill('Bénévoles 2026');
    await dialog.getByLabel(/^Questionnaire/).click();
    await page.getByRole('option', { name: 'Baromètre bénévoles' }).click();
    await dialog.getByLabel(/^Qui répond/).click();
    await page.getByRole('option', { name: 'Bénévoles' }).click();
    // Choosing volunteers ticks "by invitation only".
    expect(await dialog.getByLabel('Sur invitation seulement').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.getByText('Sur invitation', { exact: true }).waitFor();
    await page.getByText('Bénévoles', { exact: true }).first().waitFor();
  });

  it('pastes addresses and gets one link each, to copy one by one or all at once', async () => {
    await page.getByRole('button', { name: 'Invitations' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresses e-mail').fill('alix@exemple.org\nbasile@exemple.org; pas-une-adresse@');
    await dialog.getByRole('button', { name: 'Créer les liens' }).click();
    await dialog.getByText('2 liens créés', { exact: false }).waitFor();
    await dialog.getByText('Adresses non reconnues : pas-une-adresse@').waitFor();
    const table = dialog.getByTestId('invitations-table');
    await table.getByText('alix@exemple.org').waitFor();
    expect(await table.getByRole('button', { name: 'Copier le lien' }).count()).toBe(2);
    await dialog.getByRole('button', { name: 'Copier tous les liens' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split('\n');
    expect(lines).toHaveLength(2);
    links = lines.map((l) => l.split('\t')[1]!);
    for (const link of links) expect(link).toMatch(new RegExp(`^${served.url}/r/[a-z0-9]+\\?t=[A-Za-z0-9_-]{43}$`));
  });

  it('lets each link answer once, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    await phone.goto(links[0]!);
    await phone.getByLabel('5', { exact: true }).check();
    await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await phone.getByRole('heading', { name: 'Merci !' }).waitFor();
    const again = await phone.goto(links[0]!);
    expect(again?.status()).toBe(409);
    await phone.getByText('il ne sert qu’une fois').waitFor();
    const bare = await phone.goto(links[0]!.split('?')[0]!);
    expect(bare?.status()).toBe(403);
    await context.close();
  });

  it('shows who answered and reminds only the others', async () => {
    // Opened again later, the list shows the answer that came in meanwhile.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Invitations' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('1 réponse(s) sur 2 invitation(s)').waitFor();
    await dialog.getByRole('button', { name: 'Relancer' }).click();
    await page.getByText('Relancer les 1 personne(s)', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Relancer' }).last().click();
    await dialog.getByText('Relance notée pour 1 personne', { exact: false }).waitFor();
    const table = dialog.getByTestId('invitations-table');
    const alix = table.getByRole('row').filter({ hasText: 'alix@exemple.org' });
    await alix.getByText('Oui', { exact: true }).waitFor();
    const basile = table.getByRole('row').filter({ hasText: 'basile@exemple.org' });
    await basile.getByText('Non', { exact: true }).waitFor();
    expect(await alix.getByRole('button', { name: 'Copier le lien' }).count()).toBe(0);
  });
});
