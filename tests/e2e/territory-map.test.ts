import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Organisation } from '../../src/contracts/organisations.ts';
import { apiClient, browserAvailable, launchBrowser, serve, signIn, signUp, signUpAndCreateOrganisation, type ApiClient, type Served } from './support.ts';

/**
 * A coordinator reads the collective's map: figures by département with a small one hidden,
 * then by région, then where the members act. Answers: the network head in Paris (9, all "oui"),
 * an association in Lyon (12) and at its site in Grenoble (3: hidden, and Lyon with it so that
 * the région cannot give Grenoble away).
 */
const EMAIL = 'coordination@territoires.test';
const MEMBER = 'rhone@territoires.test';

describe.runIf(browserAvailable)('the collective map', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const base = served.url;
    const { api, org } = await signUpAndCreateOrganisation(base, { email: EMAIL, name: 'Camille Coordination' }, { name: 'Réseau Territoires', kind: 'network_head' });
    await api.call('POST', `/api/organisations/${org.id}/sites`, { name: 'Siège parisien', communeCode: '75056' });
    const collective = await api.call<{ id: string; commonFrameworkId: string }>('POST', '/api/collectives', { name: 'Collectif Territoires', coordinatorOrganisationId: org.id });
    const fw = collective.commonFrameworkId;
    await api.call('POST', `/api/frameworks/${fw}/indicators`, {
      code: 'CONF',
      labelFr: 'Part des personnes qui ont davantage confiance en elles',
      labelEn: 'Share of people more confident',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      unit: '%',
      polarity: 'higher_is_better',
      computation: { type: 'share', options: ['oui'] },
    });
    await api.call('POST', `/api/frameworks/${fw}/adopt`);

    const member = await signUp(base, { email: MEMBER, name: 'Dominique Rhône' });
    const rhone = await member.call<Organisation>('POST', '/api/organisations', { name: 'Accueil Rhône', kind: 'association', communeCode: '69123' });
    await api.call('POST', `/api/collectives/${collective.id}/members`, { organisationSlug: rhone.slug });
    await member.call('POST', `/api/organisations/${rhone.id}/collective-invitations/${collective.id}/accept`);
    const grenoble = await member.call<{ id: string }>('POST', `/api/organisations/${rhone.id}/sites`, { name: 'Antenne de Grenoble', communeCode: '38185' });

    const anonymous = apiClient(base);
    const collect = async (client: ApiClient, orgId: string, siteId: string | null, yes: number, no: number) => {
      const q = await client.call<{ id: string; questions: { id: string }[] }>('POST', `/api/organisations/${orgId}/questionnaires`, {
        title: 'Votre parcours',
        questions: [{ type: 'single', labelFr: 'Avez-vous davantage confiance en vous ?', options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }], indicator: { frameworkId: fw, code: 'CONF' } }],
      });
      const campaign = await client.call<{ slug: string }>('POST', `/api/organisations/${orgId}/campaigns`, { name: 'Parcours 2026', questionnaireId: q.id, period: '2026', siteId });
      for (let i = 0; i < yes + no; i++) {
        await anonymous.call('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: { [q.questions[0]!.id]: i < yes ? 'oui' : 'non' } });
      }
    };
    const sites = await api.call<{ id: string }[]>('GET', `/api/organisations/${org.id}/sites`);
    await collect(api, org.id, sites[0]!.id, 9, 0);
    await collect(member, rhone.id, null, 8, 4);
    await collect(member, rhone.id, grenoble.id, 2, 1);

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the map with a figure for Paris and Grenoble’s Isère hidden', async () => {
    await signIn(page, served.url, EMAIL);
    await page.goto(served.url + '/collective');
    const section = page.getByTestId('territories-section');
    await section.getByRole('heading', { name: 'Territoires' }).waitFor();
    // The outlines are drawn: one path per département at least.
    const map = page.getByTestId('territory-map-departement');
    await expect.poll(async () => map.locator('path').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    await expect.poll(async () => page.getByTestId('map-value-75').textContent()).toMatch(/100\s*%/);
    expect(await page.getByTestId('map-value-38').textContent()).toBe('Masqué');
    expect(await page.getByTestId('map-value-69').textContent()).toBe('Masqué');
    expect(await page.getByTestId('map-row-38').textContent()).toContain('Isère');
    expect(await page.getByTestId('map-legend').textContent()).toContain('Masqué : moins de 5 réponses');
    expect(await page.getByTestId('map-credit').first().textContent()).toBe('Contours : IGN, INSEE — Licence Ouverte');
    // The Isère is drawn hatched: an SVG pattern fills it.
    await expect.poll(async () => map.locator('path[fill^="url("]').count()).toBeGreaterThanOrEqual(2);
    await section.screenshot({ path: '/tmp/map.png' });
  });

  it('reads every indicator for Paris from the table’s choices', async () => {
    await page.getByLabel('Lire tous les indicateurs d’un territoire').selectOption({ label: 'Paris' });
    await expect.poll(async () => page.getByTestId('area-results').textContent()).toContain('n = 9');
  });

  it('switches to régions', async () => {
    await page.getByText('Régions', { exact: true }).click();
    const map = page.getByTestId('territory-map-region');
    await expect.poll(async () => map.locator('path').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(18);
    // Auvergne-Rhône-Alpes holds 15 answers, 10 "oui": shown as a whole.
    await expect.poll(async () => page.getByTestId('map-value-84').textContent()).toMatch(/67\s*%/);
    expect(await page.getByTestId('map-value-11').textContent()).toMatch(/100\s*%/);
    await page.getByTestId('territories-section').screenshot({ path: '/tmp/map-regions.png' });
  });

  it('opens the coverage: where members act and where none does', async () => {
    await page.getByRole('tab', { name: 'Couverture' }).click();
    const summary = page.getByTestId('coverage-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('Des membres agissent dans 3 départements sur 101 ; aucun dans 98.');
    const acting = await page.getByTestId('coverage-acting').textContent();
    expect(acting).toContain('Isère');
    expect(acting).toContain('Antenne de Grenoble');
    expect(await page.getByTestId('coverage-uncovered').textContent()).toContain('Cantal (15)');
    await expect.poll(async () => page.getByTestId('territory-map-departement').locator('path').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    await page.getByTestId('territories-section').screenshot({ path: '/tmp/coverage.png' });
  });

  it('makes the collective territorial: its map keeps to Auvergne-Rhône-Alpes', async () => {
    await page.goto(served.url + '/collective');
    const settings = page.getByRole('region', { name: 'Territoire du collectif' });
    await settings.getByText('Une région', { exact: true }).click();
    await settings.getByRole('combobox', { name: /^Territoire/ }).click();
    await page.getByRole('option', { name: 'Auvergne-Rhône-Alpes' }).click();
    await settings.getByRole('button', { name: 'Appliquer ce territoire' }).click();
    await expect.poll(async () => settings.getByTestId('collective-territory').textContent()).toBe('Collectif territorial : Auvergne-Rhône-Alpes.');
    await page.getByText('Collectif territorial : seules les réponses recueillies en Auvergne-Rhône-Alpes comptent.').waitFor();
    await expect.poll(async () => page.getByTestId('map-row-total').textContent()).toContain('Auvergne-Rhône-Alpes');
    expect(await page.getByTestId('map-row-75').count()).toBe(0);
    expect(await page.getByTestId('map-value-38').textContent()).toBe('Masqué');
  });

  it('adds a site by picking its commune by name', async () => {
    await page.goto(served.url + '/organisation');
    await page.getByRole('heading', { name: 'Lieux d’intervention' }).waitFor();
    await page.getByLabel('Nom du lieu').fill('Antenne lilloise');
    await page.getByRole('combobox', { name: /^Commune/ }).fill('lille');
    await page.getByRole('option', { name: /^Lille \(59350\)/ }).click();
    await page.getByRole('button', { name: 'Ajouter le lieu' }).click();
    const row = page.getByTestId('site-59350');
    await row.waitFor();
    expect(await row.textContent()).toContain('Antenne lilloise');
    expect(await row.textContent()).toContain('Nord');
  });
});
