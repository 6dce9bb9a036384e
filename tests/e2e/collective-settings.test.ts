import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type ApiClient, type Served } from './support.ts';

/** Two coordinators change the COPIL's rule at once: the second is told, nothing is overwritten. */
describe.runIf(browserAvailable)('collective settings', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let collectiveId: string;

  beforeAll(async () => {
    served = await serve();
    const created = await signUpAndCreateOrganisation(served.url, { email: 'reglages@journey.test', name: 'Camille Réglages' }, { name: 'Réseau Réglages', kind: 'network_head' });
    api = created.api;
    collectiveId = (await api.call<{ id: string }>('POST', '/api/collectives', { name: 'Collectif Réglages', coordinatorOrganisationId: created.org.id })).id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('reports a change made meanwhile instead of overwriting it, and reloads the settings as they are', async () => {
    await signIn(page, served.url, 'reglages@journey.test');
    await page.goto(served.url + '/collective');
    const settings = page.getByRole('region', { name: 'Décisions du COPIL' });
    const quorum = settings.getByLabel('Quorum');
    await quorum.fill('60');
    // Someone else changes the quorum while the page is open.
    await api.call('PATCH', `/api/collectives/${collectiveId}`, { quorumPercent: 70 });
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await settings.getByRole('alert').getByText(/Quelqu’un a modifié ce collectif pendant que vous le modifiiez/).waitFor();
    expect((await api.call<{ quorumPercent: number }>('GET', `/api/collectives/${collectiveId}`)).quorumPercent).toBe(70);

    await settings.getByRole('button', { name: 'Recharger les réglages tels qu’ils sont maintenant' }).click();
    await expect.poll(() => quorum.inputValue()).toBe('70 %');
    await quorum.fill('60');
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await settings.getByText('Enregistré.').waitFor();
    expect((await api.call<{ quorumPercent: number }>('GET', `/api/collectives/${collectiveId}`)).quorumPercent).toBe(60);
  });
});
