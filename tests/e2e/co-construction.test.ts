import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, browserAvailable, launchBrowser, serve, signIn as signInOn, signUp, type Served } from './support.ts';

/**
 * The co-construction journey: a member proposes an indicator from the bank, the coordinator
 * brings it into the draft and puts it to the COPIL, two COPIL members vote, the version is
 * adopted, a member adopts it, and a member who measures its own way (through a crosswalk)
 * counts in the collective figure.
 */
describe.runIf(browserAvailable)('co-construction journey', () => {
  let served: Served;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let frameworkId = '';

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    contexts.push(context);
    const page = await context.newPage();
    await signInOn(page, served.url, email);
    return page;
  }

  async function openCommonFramework(page: Page) {
    await page.getByRole('link', { name: 'Référentiel' }).first().click();
    await page.getByRole('tab', { name: 'Référentiel commun' }).click();
    await page.getByRole('heading', { name: 'Co-construction' }).waitFor();
  }

  beforeAll(async () => {
    served = await serve();
    const alice = await signUp(served.url, { email: 'alice@co.journey.test', name: 'Alice Coordination' });
    const bob = await signUp(served.url, { email: 'bob@co.journey.test', name: 'Bob Ambassadeur' });
    const carla = await signUp(served.url, { email: 'carla@co.journey.test', name: 'Carla Ambassadrice' });
    const dora = await signUp(served.url, { email: 'dora@co.journey.test', name: 'Dora Passerelle' });
    const anonymous = apiClient(served.url);
    const head = await alice.call<{ id: string }>('POST', '/api/organisations', {
      name: 'Réseau Co',
      kind: 'network_head',
    });
    const a = await bob.call<{ id: string; slug: string }>('POST', '/api/organisations', {
      name: 'Association Bob',
      kind: 'association',
    });
    const b = await carla.call<{ id: string; slug: string }>('POST', '/api/organisations', {
      name: 'Association Carla',
      kind: 'association',
    });
    const c = await dora.call<{ id: string; slug: string }>('POST', '/api/organisations', {
      name: 'Association Dora',
      kind: 'association',
    });
    const collective = await alice.call<{ id: string; commonFrameworkId: string }>('POST', '/api/collectives', {
      name: 'Collectif Co',
      coordinatorOrganisationId: head.id,
      suppressionThreshold: 2,
    });
    frameworkId = collective.commonFrameworkId;
    // Version 1, adopted while the coordinator is the whole COPIL.
    await alice.call('POST', `/api/frameworks/${frameworkId}/indicators`, {
      code: 'SAT',
      labelFr: 'Satisfaction moyenne (1 à 5)',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      unit: '/5',
      computation: { type: 'mean' },
    });
    await alice.call('POST', `/api/frameworks/${frameworkId}/nodes`, { kind: 'impact', labelFr: 'Pouvoir d’agir' });
    await alice.call('POST', `/api/frameworks/${frameworkId}/adopt`);
    for (const [member, org, copil] of [
      [bob, a, true],
      [carla, b, true],
      [dora, c, false],
    ] as const) {
      await alice.call('POST', `/api/collectives/${collective.id}/members`, {
        organisationSlug: org.slug,
        copil,
      });
      await member.call('POST', `/api/organisations/${org.id}/collective-invitations/${collective.id}/accept`);
    }
    // Bob's association answers the common question.
    const scale = (labelFr: string, min: number, max: number, indicator?: unknown) => ({
      type: 'scale',
      labelFr,
      min,
      max,
      ...(indicator ? { indicator } : {}),
    });
    const qa = await bob.call<{ id: string; questions: { id: string }[] }>('POST', `/api/organisations/${a.id}/questionnaires`, {
      title: 'Enquête commune',
      questions: [scale('Votre satisfaction', 1, 5, { frameworkId, code: 'SAT' })],
    });
    const ca = await bob.call<{ slug: string }>('POST', `/api/organisations/${a.id}/campaigns`, {
      name: 'Enquête 2026',
      questionnaireId: qa.id,
      period: '2026',
    });
    for (const v of [4, 5, 3])
      await anonymous.call('POST', `/api/public/campaigns/${ca.slug}/responses`, {
        clientId: crypto.randomUUID(),
        answers: { [qa.questions[0]!.id]: v },
      });
    // Dora's association measures on its own 0–10 scale, mapped onto the common 1–5 one.
    const qc = await dora.call<{ id: string; questions: { id: string }[] }>('POST', `/api/organisations/${c.id}/questionnaires`, {
      title: 'Notre enquête',
      questions: [scale('Votre note de 0 à 10', 0, 10)],
    });
    const cc = await dora.call<{ slug: string }>('POST', `/api/organisations/${c.id}/campaigns`, {
      name: 'Notre enquête 2026',
      questionnaireId: qc.id,
      period: '2026',
    });
    for (const v of [10, 8, 2])
      await anonymous.call('POST', `/api/public/campaigns/${cc.slug}/responses`, {
        clientId: crypto.randomUUID(),
        answers: { [qc.questions[0]!.id]: v },
      });
    await dora.call('POST', `/api/organisations/${c.id}/crosswalks`, {
      questionId: qc.questions[0]!.id,
      frameworkId,
      indicatorCode: 'SAT',
      rule: { type: 'cut_points', cuts: [2, 4, 6, 8], targetMin: 1 },
    });
    browser = await launchBrowser();
  });

  // A failed step leaves a picture of each open page, to see what the person saw.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let i = 0;
    for (const c of contexts)
      for (const p of c.pages())
        await p
          .screenshot({
            path: `/tmp/co-construction-failure-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}-${i++}.png`,
            fullPage: true,
          })
          .catch(() => undefined);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await served?.close();
  });

  let bobPage: Page;
  let alicePage: Page;
  let proposedCode = '';

  it('a member proposes an indicator from the bank', async () => {
    bobPage = await signIn('bob@co.journey.test');
    await openCommonFramework(bobPage);
    await bobPage.getByRole('button', { name: 'Proposer depuis la banque' }).click();
    const dialog = bobPage.getByRole('dialog');
    await dialog.getByLabel('Rechercher').fill('logement');
    const first = dialog.locator('[data-testid^="bank-entry-"]').first();
    await expect
      .poll(async () => (await first.textContent())?.toLowerCase() ?? '', { timeout: 10_000 })
      .toContain('logement');
    proposedCode = (await first.getAttribute('data-testid'))!
      .replace('bank-entry-', '')
      .toUpperCase();
    await first.getByRole('button', { name: /^Proposer/ }).click();
    await dialog.getByText('Proposition envoyée au collectif.').waitFor();
    await bobPage.keyboard.press('Escape');
    await bobPage.getByText(`${proposedCode} — `).first().waitFor();
    // A member does not edit the common framework itself.
    expect(await bobPage.getByRole('button', { name: 'Soumettre au vote du COPIL' }).count()).toBe(
      0,
    );
  });

  it('a member proposes a change to an element of the theory of change', async () => {
    await bobPage.getByText('Vue liste', { exact: true }).click();
    await bobPage.getByRole('button', { name: 'Proposer une modification de « Pouvoir d’agir »' }).click();
    const dialog = bobPage.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Intitulé/ }).first().fill('Pouvoir d’agir retrouvé');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = bobPage.locator('[data-testid^="proposal-"]').filter({ hasText: 'Modification de la théorie du changement' });
    await card.getByText('Pouvoir d’agir retrouvé').waitFor();
  });

  it('the coordinator brings it into the draft and puts the version to the COPIL', async () => {
    alicePage = await signIn('alice@co.journey.test');
    await openCommonFramework(alicePage);
    const card = alicePage.locator('[data-testid^="proposal-"]').filter({ hasText: proposedCode });
    await card.getByRole('button', { name: 'Intégrer au brouillon' }).click();
    await expect
      .poll(async () => (await card.getByTestId('proposal-status').textContent()) ?? '')
      .toBe('Intégrée');
    await alicePage.getByTestId(`framework-indicator-${proposedCode}`).waitFor();
    await alicePage.getByRole('button', { name: 'Soumettre au vote du COPIL' }).click();
    await alicePage.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await alicePage.getByTestId('frozen-notice').waitFor();
    expect(await alicePage.getByTestId('framework-status').first().textContent()).toBe(
      'Soumis au vote',
    );
  });

  it('two COPIL members vote for it', async () => {
    await bobPage.reload();
    await openCommonFramework(bobPage);
    await bobPage.getByRole('tab', { name: /Vote du COPIL/ }).click();
    await bobPage.getByRole('radio', { name: 'Pour' }).check();
    await bobPage.getByRole('button', { name: 'Voter' }).click();
    await expect
      .poll(async () => (await bobPage.getByTestId('vote-tally').textContent()) ?? '')
      .toContain('1 pour');

    const carlaPage = await signIn('carla@co.journey.test');
    await openCommonFramework(carlaPage);
    await carlaPage.getByRole('tab', { name: /Vote du COPIL/ }).click();
    await carlaPage.getByRole('radio', { name: 'Pour' }).check();
    await carlaPage.getByRole('button', { name: 'Voter' }).click();
    await expect
      .poll(async () => (await carlaPage.getByTestId('vote-tally').textContent()) ?? '')
      .toContain('2 pour');
    expect(await carlaPage.getByTestId('vote-projection').textContent()).toContain(
      'la version serait adoptée',
    );
  });

  it('the coordinator closes the vote: version 2 is adopted', async () => {
    await alicePage.reload();
    await openCommonFramework(alicePage);
    await alicePage.getByRole('tab', { name: /Vote du COPIL/ }).click();
    await alicePage.getByRole('button', { name: 'Clore le vote' }).click();
    await alicePage
      .locator('.mantine-Popover-dropdown')
      .getByRole('button', { name: 'Clore le vote' })
      .click();
    await expect
      .poll(async () => (await alicePage.getByTestId('vote-outcome').textContent()) ?? '')
      .toBe('Adoptée');
    await expect
      .poll(
        async () => (await alicePage.getByTestId('framework-status').first().textContent()) ?? '',
      )
      .toBe('Adopté');
    await alicePage.getByText('Version 2', { exact: true }).first().waitFor();
    await alicePage.getByRole('tab', { name: 'Historique' }).click();
    await alicePage
      .getByTestId('audit-trail')
      .getByText('a clos le vote sur la version 2 : Adoptée')
      .waitFor();
  });

  it('a member adopts the new version for its organisation', async () => {
    await bobPage.getByRole('link', { name: 'Organisation' }).first().click();
    const section = bobPage.getByTestId('adoption-section');
    await section.waitFor();
    await section.getByRole('combobox', { name: 'Version à utiliser' }).click();
    await bobPage.getByRole('option', { name: /^Version 2/ }).click();
    await section.getByRole('button', { name: 'Adopter cette version' }).click();
    await expect
      .poll(async () => (await section.getByTestId('adoption-in-use').textContent()) ?? '')
      .toMatch(/^Version utilisée : v2/);
  });

  it('the crosswalked member’s answers count in the collective figure', async () => {
    await alicePage.getByRole('link', { name: 'Tableau de bord' }).first().click();
    // 4, 5, 3 answered directly; 10, 8, 2 on 0–10 become 5, 4, 1.
    await expect
      .poll(async () => (await alicePage.getByTestId('collective-n-SAT').textContent()) ?? '', {
        timeout: 10_000,
      })
      .toContain('n = 6');
    expect(await alicePage.getByTestId('collective-n-SAT-crosswalk').textContent()).toContain(
      '1 membre',
    );
    await alicePage.getByTestId('indicator-SAT').getByText('3,7').first().waitFor();
  });
});
