import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  launchBrowser,
  serve,
  signIn,
  signUpAndCreateOrganisation,
  type ApiClient,
  type Served,
} from './support.ts';

/**
 * Versions in a real browser: an organisation whose common indicator changed definition (a
 * series break) edits a questionnaire that already has answers, which makes a version 2; it
 * sees the break on the dashboard and in the indicator's evolution, then chooses which
 * version of the common framework it measures with.
 */
const EMAIL = 'versions@journey.test';
const SHOTS = process.env.SOCLE_SCREENSHOTS ?? '/tmp';

describe.runIf(browserAvailable)('versions journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let orgId: string;
  let questionnaireId: string;

  beforeAll(async () => {
    served = await serve();
    const created = await signUpAndCreateOrganisation(
      served.url,
      { email: EMAIL, name: 'Vera Versions' },
      { name: 'Réseau Versions', kind: 'network_head' },
    );
    api = created.api;
    const { org } = created;
    orgId = org.id;
    const collective = await api.call<{ commonFrameworkId: string }>('POST', '/api/collectives', {
      name: 'Collectif Versions',
      coordinatorOrganisationId: org.id,
    });
    const fw = collective.commonFrameworkId;
    await api.call('POST', `/api/frameworks/${fw}/indicators`, {
      code: 'SAT',
      labelFr: 'Part des personnes satisfaites',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      computation: { type: 'share', options: ['4', '5'] },
    });
    await api.call('POST', `/api/frameworks/${fw}/adopt`, {});
    // One indicator of its own, shown apart from the common ones.
    await api.call('POST', `/api/frameworks/${org.specificFrameworkId}/indicators`, {
      code: 'ATEL',
      labelFr: 'Ateliers menés',
      kind: 'output',
      stakeholderGroup: 'people_supported',
      computation: { type: 'sum' },
    });
    await api.call('POST', `/api/frameworks/${org.specificFrameworkId}/adopt`, {});
    const scale = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, labelFr: v }));
    const questionnaire = await api.call<{ id: string; questions: { id: string }[] }>(
      'POST',
      `/api/organisations/${org.id}/questionnaires`,
      {
        title: 'Enquête satisfaction',
        questions: [
          {
            type: 'single',
            labelFr: 'Êtes-vous satisfait·e ?',
            options: scale,
            indicator: { frameworkId: fw, code: 'SAT' },
          },
        ],
      },
    );
    questionnaireId = questionnaire.id;
    const campaign = await api.call<{ slug: string }>(
      'POST',
      `/api/organisations/${org.id}/campaigns`,
      { name: 'Enquête 2025', questionnaireId: questionnaire.id, period: '2025' },
    );
    for (const v of ['5', '5', '4', '3', '2', '1']) {
      await api.call('POST', `/api/public/campaigns/${campaign.slug}/responses`, {
        clientId: crypto.randomUUID(),
        answers: { [questionnaire.questions[0]!.id]: v },
      });
    }
    // The collective narrows the indicator to "5" only: a new definition, adopted as version 2.
    const framework = await api.call<{ adopted: { indicators: { id: string }[] } }>(
      'GET',
      `/api/frameworks/${fw}`,
    );
    await api.call(
      'PATCH',
      `/api/frameworks/${fw}/indicators/${framework.adopted.indicators[0]!.id}`,
      {
        computation: { type: 'share', options: ['5'] },
      },
    );
    await api.call('POST', `/api/frameworks/${fw}/adopt`, {});

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the version in use and the answers a series break leaves out', async () => {
    await signIn(page, served.url, EMAIL);

    const common = page.getByRole('region', { name: /Indicateurs communs — Collectif Versions/ });
    await common.waitFor();
    expect(await common.getByRole('heading', { level: 2 }).textContent()).toContain('version 2');
    expect(await page.getByTestId('results-not-chosen').textContent()).toContain(
      'la dernière adoptée par le collectif (v2) s’applique',
    );
    // Under version 2 none of the six answers of 2025 count: they were collected for "4 or 5".
    await expect
      .poll(async () => (await page.getByTestId('n-SAT').textContent()) ?? '')
      .toContain('n = 0');
    expect(await page.getByTestId('n-SAT-other-definition').textContent()).toBe(
      '6 réponses recueillies avec une définition antérieure ne sont pas mélangées à ce chiffre (rupture de série)',
    );
    const specific = page.getByRole('region', { name: /Indicateurs propres à Réseau Versions/ });
    await specific.getByTestId('indicator-ATEL').waitFor();
    expect(await common.getByTestId('indicator-ATEL').count()).toBe(0);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${SHOTS}/webcycle-dashboard.png`, fullPage: true });
  });

  it('edits a questionnaire that has answers: says a new version will be made, then shows v2', async () => {
    await page.getByRole('link', { name: 'Questionnaires' }).first().click();
    await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    expect(
      await page
        .getByTestId('questionnaire-row-1')
        .getByTestId('questionnaire-version')
        .textContent(),
    ).toBe('v1');
    await page.getByRole('link', { name: 'Modifier « Enquête satisfaction »' }).click();

    await page.getByRole('heading', { name: 'Modifier « Enquête satisfaction »' }).waitFor();
    expect(await page.getByLabel('Titre du questionnaire').inputValue()).toBe(
      'Enquête satisfaction',
    );
    expect(await page.getByTestId('question-1').getByLabel('Question posée').inputValue()).toBe(
      'Êtes-vous satisfait·e ?',
    );
    expect(await page.getByTestId('questionnaire-answered').textContent()).toContain(
      'Les 6 réponses déjà reçues gardent leur sens',
    );
    await page.getByLabel('Titre du questionnaire').fill('Enquête satisfaction (révisée)');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();

    const dialog = page.getByRole('dialog', { name: 'Créer la version 2 ?' });
    await dialog.waitFor();
    const warning = (await dialog.textContent()) ?? '';
    expect(warning).toContain('Ce questionnaire a déjà 6 réponses');
    expect(warning).toContain('rattachées à la version 1');
    expect(warning).toContain('Les campagnes ouvertes passent à la nouvelle version');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/webcycle-new-version.png` });
    await dialog.getByRole('button', { name: 'Créer la version 2' }).click();

    await page.getByRole('heading', { name: 'Enquête satisfaction (révisée)', level: 1 }).waitFor();
    const notice = (await page.getByTestId('questionnaire-revision').textContent()) ?? '';
    expect(notice).toContain('Version 2 créée');
    expect(notice).toContain('1 campagne ouverte utilise maintenant cette version');
    expect(await page.getByTestId('questionnaire-version').first().textContent()).toBe('v2');
    expect(page.url()).not.toContain(questionnaireId);
    await page.screenshot({ path: `${SHOTS}/webcycle-questionnaire-v2.png` });

    // In the list the first version is marked as replaced and can no longer be edited.
    await page.getByRole('link', { name: 'Questionnaires' }).first().click();
    const old = page.getByTestId('questionnaire-row-1');
    await old.waitFor();
    expect(await old.getByTestId('questionnaire-superseded').textContent()).toBe(
      'remplacé par une version plus récente',
    );
    expect(await old.getByRole('link', { name: /Modifier/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/webcycle-questionnaires.png` });
    expect(
      await page
        .getByTestId('questionnaire-row-2')
        .getByRole('link', { name: /Modifier/ })
        .count(),
    ).toBe(1);
  });

  it('draws the evolution with a line per definition and marks the series break', async () => {
    // 2026 answers to the new version of the questionnaire, under the new definition.
    const list = await api.call<{ id: string; version: number; questions: { id: string }[] }[]>(
      'GET',
      `/api/organisations/${orgId}/questionnaires`,
    );
    const v2 = list.find((q) => q.version === 2)!;
    const campaign = await api.call<{ slug: string }>(
      'POST',
      `/api/organisations/${orgId}/campaigns`,
      {
        name: 'Enquête 2026',
        questionnaireId: v2.id,
        period: '2026',
      },
    );
    for (const v of ['5', '5', '5', '4', '1']) {
      await api.call('POST', `/api/public/campaigns/${campaign.slug}/responses`, {
        clientId: crypto.randomUUID(),
        answers: { [v2.questions[0]!.id]: v },
      });
    }

    await page.goto(served.url + '/');
    const card = page.getByTestId('indicator-SAT');
    await card.waitFor();
    await expect
      .poll(async () => (await page.getByTestId('n-SAT').textContent()) ?? '')
      .toContain('n = 5');
    await card.getByRole('button', { name: /^Évolution/ }).click();

    const dialog = page.getByRole('dialog', { name: 'Évolution : Part des personnes satisfaites' });
    await dialog.waitFor();
    const chart = dialog.getByTestId('trend-chart');
    await chart.locator('svg').waitFor();
    // The break is drawn on the chart at 2026, and said in words beside it.
    await chart.locator('svg text', { hasText: 'Rupture de série' }).first().waitFor();
    expect(await dialog.getByTestId('trend-break').textContent()).toContain(
      'À partir de 2026, l’indicateur est calculé avec la définition de la version 2.',
    );
    const rows = (
      await dialog.getByTestId('trend-table').locator('tbody tr').allTextContents()
    ).map((r) => r.replace(/[\u00a0\u202f]/g, ' '));
    expect(rows).toEqual([
      '2025Série 1 (depuis la v1)50 %6',
      '2026Série 2 (depuis la v2)Rupture de série60 %5',
    ]);
    // Hovering 2026 gives the figure with its n.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.78, box.y + box.height * 0.6);
    await chart.getByText(/60\s%.*n = 5 réponses/).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/webcycle-trend.png` });

    // The same indicator for the whole collective (here: the one member).
    await dialog.getByText('Collectif Versions', { exact: true }).click();
    await expect
      .poll(async () => (await dialog.getByTestId('trend-table').locator('tbody tr').count()) ?? 0)
      .toBe(2);
    await dialog.getByTestId('trend-break').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/webcycle-trend-collective.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('adopts a version of the common framework on the organisation page', async () => {
    await page.getByRole('link', { name: 'Organisation' }).first().click();
    const section = page.getByTestId('adoption-section');
    await section.waitFor();
    await expect
      .poll(async () => (await section.getByTestId('adoption-in-use').textContent()) ?? '')
      .toBe('Aucune version choisie — la dernière adoptée (v2) s’applique.');
    await section.getByRole('combobox', { name: 'Version à utiliser' }).click();
    await page.getByRole('option', { name: /^Version 1 — adoptée le/ }).click();
    await section.getByRole('button', { name: 'Adopter cette version' }).click();
    await expect
      .poll(async () => (await section.getByTestId('adoption-in-use').textContent()) ?? '')
      .toMatch(/^Version utilisée : v1, choisie le/);
    expect(await section.getByTestId('adoption-newer').textContent()).toContain(
      'Le collectif a adopté une version plus récente (v2).',
    );
    await section.getByRole('link', { name: 'Voir ce qui change' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/webcycle-adoption.png`, fullPage: true });

    // The dashboard now measures with version 1: the 2025 answers count again.
    await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
    const common = page.getByRole('region', { name: /Indicateurs communs — Collectif Versions/ });
    await expect
      .poll(async () => (await common.getByRole('heading', { level: 2 }).textContent()) ?? '')
      .toContain('version 1');
    expect(await page.getByTestId('results-not-chosen').count()).toBe(0);
    await page.getByLabel('Période').selectOption('2025');
    await expect
      .poll(async () => (await page.getByTestId('n-SAT').textContent()) ?? '')
      .toContain('n = 6');
    expect(await page.getByTestId('n-SAT-other-definition').count()).toBe(0);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${SHOTS}/webcycle-dashboard-v1.png`, fullPage: true });
  });
});
