import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

const HEAD = 'tete@breakdowns.test';
const MEMBER = 'membre@breakdowns.test';

/**
 * A coordinator breaks the dashboard down by sex, sees the collective's small cell marked as
 * hidden (fewer than 5 answers) next to its own figures in full, then opens a cross-tab of
 * satisfaction by sex and age.
 */
describe.runIf(browserAvailable)('breakdowns journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const head = await signUpAndCreateOrganisation(served.url, { email: HEAD, name: 'Hélène Tête' }, { name: 'Réseau Ventilé', kind: 'network_head' });
    const member = await signUpAndCreateOrganisation(served.url, { email: MEMBER, name: 'Malik Membre' }, { name: 'Association Membre', kind: 'association' });
    const collective = await head.api.call<{ id: string; commonFrameworkId: string }>('POST', '/api/collectives', { name: 'Collectif Ventilé', coordinatorOrganisationId: head.org.id });
    await head.api.call('POST', `/api/collectives/${collective.id}/members`, { organisationSlug: member.org.slug, copil: false });
    await member.api.call('POST', `/api/organisations/${member.org.id}/collective-invitations/${collective.id}/accept`);
    const fw = collective.commonFrameworkId;
    const indicator = (code: string, labelFr: string, computation: unknown) =>
      head.api.call('POST', `/api/frameworks/${fw}/indicators`, { code, labelFr, kind: 'outcome', stakeholderGroup: 'people_supported', computation });
    await indicator('SEXE', 'Part de femmes', { type: 'share', options: ['f'] });
    await indicator('AGE', 'Part de 60 ans et plus', { type: 'share', options: ['senior'] });
    await indicator('SATIS', 'Personnes satisfaites', { type: 'share', options: ['oui'] });
    await head.api.call('POST', `/api/frameworks/${fw}/adopt`, {});
    const option = (value: string, labelFr: string) => ({ value, labelFr });
    const questions = [
      { type: 'single', labelFr: 'Vous êtes', options: [option('f', 'Femme'), option('h', 'Homme'), option('x', 'Autre')], indicator: { frameworkId: fw, code: 'SEXE' } },
      { type: 'single', labelFr: 'Votre âge', options: [option('jeune', 'Moins de 30 ans'), option('adulte', '30 à 59 ans'), option('senior', '60 ans et plus')], indicator: { frameworkId: fw, code: 'AGE' } },
      { type: 'single', labelFr: 'Êtes-vous satisfait·e ?', options: [option('oui', 'Oui'), option('non', 'Non')], indicator: { frameworkId: fw, code: 'SATIS' } },
    ];
    const anonymous = apiClient(served.url);
    for (const [who, people] of [
      [head, 28],
      [member, 22],
    ] as const) {
      const q = await who.api.call<{ id: string; questions: { id: string }[] }>('POST', `/api/organisations/${who.org.id}/questionnaires`, { title: 'Enquête annuelle', questions });
      const campaign = await who.api.call<{ slug: string }>('POST', `/api/organisations/${who.org.id}/campaigns`, { name: 'Enquête 2026', questionnaireId: q.id, period: '2026' });
      const [sexe, age, satis] = q.questions.map((x) => x.id);
      for (let i = 0; i < people; i++) {
        // Two people answer "autre" in each organisation: 4 in the collective, under its k of 5.
        const answers = { [sexe!]: i < 2 ? 'x' : i % 2 ? 'f' : 'h', [age!]: ['jeune', 'adulte', 'adulte', 'senior'][i % 4], [satis!]: i % 3 ? 'oui' : 'non' };
        await anonymous.call('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers });
      }
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('breaks the dashboard down, marks a hidden cell, and opens a cross-tab', async () => {
    await signIn(page, served.url, HEAD);
    const card = page.getByTestId('indicator-SATIS');
    await card.waitFor();

    await page.getByLabel('Ventiler par').selectOption({ label: 'Part de femmes' });
    const own = page.getByTestId('breakdown-org-SATIS');
    const shared = page.getByTestId('breakdown-collective-SATIS');
    await shared.waitFor();
    // The organisation's own cells are all shown, its 2 "autre" included.
    const ownOther = own.locator('tr[data-option="x"]');
    expect(await ownOther.textContent()).toMatch(/Autre.*2/);
    expect(await own.getByTestId('cell-hidden').count()).toBe(0);
    // In the collective, 4 "autre": hidden, and said why; the cell keeps its n.
    const sharedOther = shared.locator('tr[data-option="x"]');
    expect(await sharedOther.textContent()).toContain('masqué (moins de 5 réponses)');
    expect(await sharedOther.locator('td').last().textContent()).toBe('4');
    // Another cell is hidden with it, so that the total does not give the 4 away.
    expect(await shared.getByTestId('cell-hidden').count()).toBeGreaterThanOrEqual(2);
    await shared.getByText('masqué (protège une autre case)').first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/breakdown.png', fullPage: false });

    await page.getByRole('button', { name: 'Tableau croisé' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tableau croisé' });
    await dialog.waitFor();
    await dialog.getByLabel('Indicateur').selectOption({ label: 'Personnes satisfaites' });
    await dialog.getByLabel('En lignes').selectOption({ label: 'Part de femmes' });
    await dialog.getByLabel('En colonnes').selectOption({ label: 'Part de 60 ans et plus' });
    const table = dialog.getByTestId('crosstab-table');
    await table.waitFor();
    // Rows: Femme, Homme, Autre, Non renseigné and the totals; columns likewise.
    expect(await table.locator('thead th').allTextContents()).toEqual(['Part de femmes \\ Part de 60 ans et plus', 'Moins de 30 ans', '30 à 59 ans', '60 ans et plus', 'Non renseigné', 'Total']);
    expect(await table.getByTestId('crosstab-total').textContent()).toContain('n = 50');
    expect(await table.locator('[data-hidden="true"]').count()).toBeGreaterThan(0);
    await table.getByText('masqué (moins de 5 réponses)').first().waitFor();
    await page.screenshot({ path: '/tmp/crosstab.png', fullPage: false });

    // The organisation's own cross-tab hides nothing.
    await dialog.locator('label', { hasText: 'Réseau Ventilé' }).click();
    await expect.poll(async () => dialog.getByTestId('crosstab-total').textContent()).toContain('n = 28');
    expect(await dialog.locator('[data-hidden="true"]').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('lets the coordinator set the public threshold, never below the inside one', async () => {
    await page.getByRole('link', { name: 'Collectif' }).first().click();
    const inside = page.getByLabel('Seuil dans le collectif');
    const outside = page.getByLabel('Seuil des sorties publiques');
    await outside.waitFor();
    expect(await inside.inputValue()).toBe('5');
    expect(await outside.inputValue()).toBe('10');
    const copil = page.getByRole('region', { name: 'Décisions du COPIL' });
    await outside.fill('4');
    await copil.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le seuil des sorties publiques (4) ne peut pas être plus bas que celui du collectif (5).').first().waitFor();
    await outside.fill('12');
    await copil.getByRole('button', { name: 'Enregistrer' }).click();
    await copil.getByText('Enregistré.').waitFor();
  });
});
