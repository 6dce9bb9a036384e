import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, browserAvailable, launchBrowser, serve, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * Following a campaign in a browser: the campaigns page shows the QR code and a live counter;
 * an answer arrives and the counter moves without reloading; the QR code downloads as a PNG.
 */
describe.runIf(browserAvailable)('campaign follow-up', () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let slug = '';
  let questionId = '';

  beforeAll(async () => {
    served = await serve();
    const base = served.url;
    const { api, org } = await signUpAndCreateOrganisation(base, { email: 'suivi@followup.test', name: 'Sam Suivi' }, { name: 'Association Suivi', kind: 'association' });
    const q = await api.call<{ id: string; questions: { id: string }[] }>('POST', `/api/organisations/${org.id}/questionnaires`, {
      title: 'Votre avis',
      questions: [{ type: 'single', labelFr: 'Êtes-vous satisfait·e ?', options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }] }],
    });
    questionId = q.questions[0]!.id;
    const campaign = await api.call<{ slug: string }>('POST', `/api/organisations/${org.id}/campaigns`, {
      name: 'Avis 2026',
      questionnaireId: q.id,
      period: '2026',
      populationServed: 50,
    });
    slug = campaign.slug;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const [name, value] = api.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: base }]);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the QR code and a counter with no answer yet', async () => {
    await page.goto(served.url + '/campaigns');
    await page.getByTestId(`campaign-counter-${slug}`).waitFor();
    expect(await page.getByTestId(`campaign-margin-${slug}`).textContent()).toContain('Pas encore de réponse');
    // ±5 points among 50 people: 50 × 384.15 / (384.15 + 49) → 45 answers.
    expect(await page.getByTestId(`campaign-remaining-${slug}`).textContent()).toMatch(/Encore 45 réponses pour ±\s5 points/);
    const qr = page.getByTestId(`campaign-qr-${slug}`);
    await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('moves when an answer arrives, without reloading', async () => {
    await apiClient(served.url).call('POST', `/api/public/campaigns/${slug}/responses`, { clientId: crypto.randomUUID(), answers: { [questionId]: 'oui' } });
    // One answer among 50: 0.98 × √(49 / 49) → ± 98 points; 45 − 1 = 44 still needed.
    await expect.poll(() => page.getByTestId(`campaign-margin-${slug}`).textContent(), { timeout: 15_000 }).toMatch(/±\s98 points, 95 fois sur 100/);
    expect(await page.getByTestId(`campaign-remaining-${slug}`).textContent()).toMatch(/Encore 44 réponses pour ±\s5 points/);
    await expect.poll(() => page.getByTestId(`campaign-responses-${slug}`).textContent(), { timeout: 10_000 }).toMatch(/^1 réponse/);
    await page.getByTestId(`campaign-counter-${slug}`).locator('label', { hasText: '± 10' }).click();
    // ±10 points among 50: 50 × 96.04 / (96.04 + 49) = 33.1 → 34, minus 1.
    await expect.poll(() => page.getByTestId(`campaign-remaining-${slug}`).textContent()).toMatch(/Encore 33 réponses pour ±\s10 points/);
  });

  it('downloads the QR code as a PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'QR code PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('avis-2026-qr.png');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('downloads the paper version as a PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Version papier (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('avis-2026-papier.pdf');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says the campaign is not representative yet, and why', async () => {
    const badge = page.getByTestId(`campaign-not-representative-${slug}`);
    await badge.waitFor();
    expect(await badge.textContent()).toBe('Non représentatif');
  });

  it('lets the admin delete a response, and the counts follow at once', async () => {
    await page.getByTestId(`campaign-review-${slug}`).click();
    const rows = page.getByTestId('campaign-response-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Application ou API');
    await rows.first().getByRole('button', { name: /Supprimer la réponse reçue le/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer', exact: true }).last().click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId(`campaign-responses-${slug}`).textContent(), { timeout: 10_000 }).toMatch(/^0 réponse/);
  });
});
