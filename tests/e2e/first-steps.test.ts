import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUp, type Served } from './support.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/first-steps-${name}.png`, fullPage: true });

/** Opens a tool's printable sheet (the print dialog itself is stubbed) and checks it shows only in print. */
async function printSheet(page: Page, button: RegExp, tool: string, expected: string) {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: button }).first().click();
  const sheet = page.getByTestId(`print-${tool}`);
  await sheet.waitFor({ state: 'attached' });
  expect(await sheet.isVisible()).toBe(false);
  await page.emulateMedia({ media: 'print' });
  expect(await sheet.isVisible()).toBe(true);
  expect(await sheet.textContent()).toContain(expected);
  await page.screenshot({ path: `/tmp/first-steps-print-${tool}.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await sheet.waitFor({ state: 'detached' });
}

/**
 * A new organisation walks the "premiers pas" path: it clarifies its mission, maps its
 * stakeholders, comes back later to the step it left, and adds a suggested indicator.
 */
describe.runIf(browserAvailable)('first steps journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let organisationId = '';
  const orgId = () => organisationId;

  beforeAll(async () => {
    served = await serve();
    await signUp(served.url, { email: 'premiers@journey.test', name: 'Inès Premiers' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('creates an organisation and lands on the first step', async () => {
    // With no organisation yet, the home page offers to create one.
    await signIn(page, served.url, 'premiers@journey.test', undefined, (p) => p.getByText('Nouveau ou nouvelle dans la mesure d’impact').waitFor());
    await page.getByLabel('Nom de l’organisation').fill('Les Voisins Connectés');
    await page.getByRole('button', { name: 'Créer mon organisation' }).click();
    await page.getByRole('heading', { name: 'Premiers pas', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/o/les-voisins-connectes/premiers-pas');
    const me = (await (await page.request.get(`${served.url}/api/me`)).json()) as { organisations: { id: string }[] };
    organisationId = me.organisations[0]!.id;
    await expect.poll(() => page.getByTestId('step-title').textContent()).toBe('Clarifier la mission');
  });

  it('fills the mission grid and moves to step 2', async () => {
    await page.getByLabel('Le problème social auquel vous répondez').fill('Isolement et exclusion numérique des personnes âgées du quartier');
    await page.getByLabel('Les personnes concernées (votre public)').fill('Personnes de plus de 65 ans vivant seules');
    await page.getByLabel('Le territoire').fill('Lyon 8e');
    await page.getByLabel('Votre mission en une phrase').fill('Les personnes âgées vivent chez elles en lien avec les autres');
    await page.getByRole('button', { name: 'Ajouter une activité' }).click();
    await page.getByLabel('Activité 1', { exact: true }).fill('Ateliers numériques collectifs');
    await page.getByLabel('Ce que cela produit').fill('Un atelier par semaine');
    await page.getByRole('button', { name: 'Ajouter un changement' }).click();
    await page.getByLabel('Changement recherché 1', { exact: true }).fill('Moins d’isolement');
    await page.getByTestId('step-complete').waitFor();
    await shot(page, '1-mission');
    await printSheet(page, /Imprimer la grille de clarification/, 'mission', 'Moins d’isolement');
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await expect.poll(() => page.getByTestId('step-title').textContent()).toBe('Parties prenantes et effets');
    await expect.poll(() => page.getByTestId('step-state-1').textContent()).toContain('Complète');
  });

  it('maps stakeholders and effects, saves, and resumes at step 2 after a reload', async () => {
    await page.getByRole('button', { name: 'Ajouter une partie prenante' }).click();
    const people = page.getByTestId('map-group-people_supported');
    await people.getByLabel('Qui sont-elles ?').fill('Les habitant·es de plus de 65 ans qui viennent aux ateliers');
    await people.getByLabel('Personnes accompagnées — Effet 1').fill('Gagnent en autonomie numérique');
    await people.getByRole('button', { name: 'Ajouter un effet' }).click();
    await people.getByLabel('Personnes accompagnées — Effet 2').fill('Se sentent moins seules');
    await people.getByRole('button', { name: 'Ajouter un effet' }).click();
    await people.getByLabel('Personnes accompagnées — Effet 3').fill('Fatigue des écrans');
    await people.getByText('− Négatif').nth(2).click();
    await people.getByRole('checkbox', { name: 'Recherché' }).nth(2).uncheck();

    await page.getByLabel('Partie prenante à ajouter').selectOption('volunteers');
    await page.getByRole('button', { name: 'Ajouter une partie prenante' }).click();
    await page.getByTestId('map-group-volunteers').getByLabel('Bénévoles — Effet 1').fill('Se sentent utiles');
    await page.getByTestId('step-complete').waitFor();
    await shot(page, '2-map');

    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Enregistré à');

    await page.reload();
    await expect.poll(() => page.getByTestId('step-title').textContent(), { timeout: 10_000 }).toBe('Parties prenantes et effets');
    await expect.poll(() => page.getByTestId('map-group-people_supported').getByLabel('Personnes accompagnées — Effet 2').inputValue()).toBe('Se sentent moins seules');
    expect(await page.getByTestId('map-group-volunteers').getByLabel('Bénévoles — Effet 1').inputValue()).toBe('Se sentent utiles');
    // The negative, unintended effect kept its sign.
    await expect.poll(() => page.getByTestId('map-group-people_supported').getByLabel('Négatif, Non recherché').count()).toBe(1);
  });

  it('prints the map as a sheet', async () => {
    await printSheet(page, /Imprimer la cartographie/, 'map', 'Se sentent moins seules');
  });

  it('adds a suggested indicator in step 3 and copies the template', async () => {
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await expect.poll(() => page.getByTestId('step-title').textContent()).toBe('Choisir les indicateurs');
    const first = page.locator('[data-testid^="suggestion-"]').first();
    await first.waitFor();
    await first.getByRole('button', { name: /Ajouter à mes indicateurs spécifiques/ }).click();
    await first.getByText('Ajouté').waitFor();
    await expect.poll(() => page.getByTestId('indicator-count').textContent()).toBe('Vous suivez 1 indicateur.');
    await expect.poll(() => page.getByTestId('step-state-3').textContent()).toContain('Complète');
    await page.getByRole('button', { name: 'Reporter la trame dans mon référentiel' }).click();
    await page.getByText(/élément\(s\) ajouté\(s\) à votre référentiel/).waitFor();
    await shot(page, '3-indicators');
    await printSheet(page, /Imprimer la trame de référentiel/, 'template', 'Les personnes âgées vivent chez elles en lien avec les autres');
  });

  it('plans the collection with the answers needed', async () => {
    await page.getByRole('button', { name: 'Étape suivante' }).click();
    await expect.poll(() => page.getByTestId('step-title').textContent()).toBe('Préparer la collecte');
    await page.getByRole('button', { name: 'Une ligne par partie prenante' }).click();
    await page.getByLabel('Ligne 1 — Personnes concernées').fill('200');
    await expect.poll(() => page.getByTestId('answers-needed-0').textContent()).toBe('66');
    await page.getByLabel('Ligne 1 — Qui répond').fill('Les participant·es aux ateliers');
    await page.getByLabel('Ligne 1 — Quand').fill('Juin 2026');
    await page.getByRole('group', { name: 'Ligne 1 — Comment' }).getByText('Papier').click();
    await page.getByLabel('Ligne 1 — Réponses visées').fill('50');
    await page.getByText('En dessous des 66 réponses nécessaires').waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Enregistré à');
    await shot(page, '4-plan');
  });

  it('says so when someone saved in between, and reloads their version instead of overwriting it', async () => {
    const current = (await (await page.request.get(`${served.url}/api/organisations/${orgId()}/first-steps`)).json()) as { revision: number; mission: Record<string, unknown> };
    const other = await page.request.put(`${served.url}/api/organisations/${orgId()}/first-steps`, {
      headers: { origin: served.url },
      data: { revision: current.revision, mission: { ...current.mission, territory: 'Lyon 7e et 8e' } },
    });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: 'Étape 1 sur 4', exact: false }).first().click();
    await page.getByTestId('step-title').getByText('Clarifier la mission').waitFor();
    await page.getByText('Quelqu’un a enregistré entre-temps').waitFor();
    expect(await page.getByLabel('Le territoire').inputValue()).toBe('Lyon 8e');
    await page.getByRole('button', { name: 'Recharger la dernière version' }).click();
    await expect.poll(() => page.getByLabel('Le territoire').inputValue()).toBe('Lyon 7e et 8e');
    await page.getByLabel('Le territoire').fill('Lyon 7e, 8e et Vénissieux');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Enregistré à');
    expect(await page.getByText('Quelqu’un a enregistré entre-temps').count()).toBe(0);
  });

  it('fits a phone screen at each step', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [n, title] of [
      [1, 'Clarifier la mission'],
      [2, 'Parties prenantes et effets'],
      [3, 'Choisir les indicateurs'],
      [4, 'Préparer la collecte'],
    ] as const) {
      await page.getByRole('button', { name: `Étape ${n} sur 4`, exact: false }).first().click();
      await expect.poll(() => page.getByTestId('step-title').textContent()).toBe(title);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `step ${n} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await shot(page, `phone-${n}`);
    }
  });
});
