import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import {
  browserAvailable,
  launchBrowser,
  serve,
  signIn,
  signUpAndCreateOrganisation,
  type Served,
} from './support.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/field-${name}.png`, fullPage: true });

/**
 * A field worker collects answers without network: the app and the questionnaire open offline
 * once visited, answers wait on the device, leave when the network comes back, and a re-send
 * of an answer already stored never makes a second response.
 */
describe.runIf(browserAvailable)('offline field collection', () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgId = '';
  let campaignId = '';
  let fieldUrl = '';
  let keptOutbox = '';

  /** The campaign's counts, read through the API with the browser's own session. */
  async function counts() {
    const res = await page.request.get(`${served.url}/api/organisations/${orgId}/campaigns`);
    const rows = (await res.json()) as {
      id: string;
      responseCount: number;
      assistedCount: number;
    }[];
    const row = rows.find((r) => r.id === campaignId)!;
    return { responses: row.responseCount, assisted: row.assistedCount };
  }

  const pending = () => page.getByTestId('field-pending').textContent();

  async function fillAnswer(choice: 'Oui' | 'Non', mood: string, visits: number) {
    await page.getByRole('radio', { name: choice, exact: true }).check();
    await page.getByRole('radio', { name: mood, exact: true }).check();
    await page.getByRole('checkbox', { name: 'CAF' }).check();
    await page.getByLabel(/Nombre de rendez-vous/).fill(String(visits));
    await page.getByLabel(/Un mot libre/).fill(`Entretien ${visits}`);
    await page.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await page.getByTestId('field-saved').waitFor();
  }

  /** Serious or critical WCAG 2 A/AA problems axe-core finds on the page as it is now. */
  async function accessibilityProblems(): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: unknown,
            ) => Promise<{
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  beforeAll(async () => {
    served = await serve();
    const { api, org } = await signUpAndCreateOrganisation(
      served.url,
      { email: 'terrain@journey.test', name: 'Awa Terrain' },
      { name: 'Accueil de jour', kind: 'association' },
    );
    orgId = org.id;
    const q = await api.call<{ id: string }>('POST', `/api/organisations/${orgId}/questionnaires`, {
      title: 'Entretien d’accueil',
      questions: [
        {
          type: 'single',
          labelFr: 'Vous sentez-vous écouté·e ?',
          required: true,
          options: [
            { value: 'oui', labelFr: 'Oui' },
            { value: 'non', labelFr: 'Non' },
          ],
        },
        { type: 'scale', labelFr: 'Votre moral aujourd’hui', min: 1, max: 5, required: true },
        {
          type: 'multiple',
          labelFr: 'Vos démarches',
          options: [
            { value: 'caf', labelFr: 'CAF' },
            { value: 'cpam', labelFr: 'CPAM' },
          ],
        },
        { type: 'number', labelFr: 'Nombre de rendez-vous', min: 0, max: 100 },
        { type: 'text', labelFr: 'Un mot libre' },
      ],
    });
    const campaign = await api.call<{ id: string }>(
      'POST',
      `/api/organisations/${orgId}/campaigns`,
      {
        name: 'Accueil 2026',
        questionnaireId: q.id,
        period: '2026',
        populationServed: 50,
      },
    );
    campaignId = campaign.id;
    fieldUrl = `${served.url}/o/${orgId}/terrain/${campaignId}`;
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 420, height: 900 },
      serviceWorkers: 'allow',
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await served?.close();
  });

  it('serves the service worker and the manifest from the site root with the right headers', async () => {
    const sw = await fetch(`${served.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('service-worker-allowed')).toBe('/');
    expect(sw.headers.get('content-type')).toContain('javascript');
    const manifest = await fetch(`${served.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const body = (await manifest.json()) as {
      lang: string;
      display: string;
      start_url: string;
      icons: { src: string }[];
    };
    expect(body).toMatchObject({ lang: 'fr', display: 'standalone', start_url: '/' });
    for (const icon of body.icons)
      expect((await fetch(`${served.url}${icon.src}`)).status).toBe(200);
  });

  it('signs in, opens the field page from the campaigns and keeps it for offline use', async () => {
    await signIn(page, served.url, 'terrain@journey.test');
    await page.goto(`${served.url}/campaigns`);
    await page.getByRole('link', { name: 'Collecte terrain' }).click();
    await page.getByRole('heading', { name: 'Collecte terrain', level: 1 }).waitFor();
    expect(page.url()).toBe(fieldUrl);
    await page.getByText('Vous sentez-vous écouté·e ?').waitFor();
    // The service worker controls the page and has kept this questionnaire.
    await page.getByTestId('field-kept').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    expect(await pending()).toBe('Aucune réponse en attente d’envoi');
  });

  it('has no serious accessibility problem (axe-core, WCAG 2 A/AA)', async () => {
    expect(await accessibilityProblems()).toEqual([]);
  });

  it('keeps two answers on the device while offline', async () => {
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('field-network').textContent()).toBe('Hors connexion');
    // A required question left empty is pointed out, nothing is kept.
    await page.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await page.getByText('2 réponses sont à compléter ou à corriger avant d’enregistrer.').waitFor();
    await page.getByText('Cette question est obligatoire.').first().waitFor();
    expect(await pending()).toBe('Aucune réponse en attente d’envoi');
    await fillAnswer('Oui', '4', 3);
    await fillAnswer('Non', '2', 1);
    expect(await pending()).toBe('2 réponses en attente d’envoi');
    await shot(page, '1-offline-two-waiting');
    keptOutbox = await page.evaluate(() => localStorage.getItem('socle.field.outbox.v1') ?? '');
    const entries = JSON.parse(keptOutbox) as {
      clientId: string;
      mode: string;
      answers: Record<string, unknown>;
    }[];
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e) => e.clientId)).size).toBe(2);
    expect(entries[0]!.mode).toBe('paper');
  });

  it('opens again offline after a reload, with the form and the two answers still waiting', async () => {
    // Offline for real, for the page and for its service worker alike.
    const tryHealth = () =>
      fetch('/api/health').then(
        () => 'reached',
        () => 'failed',
      );
    expect(await page.evaluate(tryHealth)).toBe('failed');
    const [worker] = context.serviceWorkers();
    expect(worker).toBeDefined();
    expect(await worker!.evaluate(tryHealth)).toBe('failed');
    // A third form, started but not finished, survives the reload as a draft.
    await page.getByRole('radio', { name: 'Avec la personne' }).check();
    await page.getByRole('radio', { name: 'Non', exact: true }).check();
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'Collecte terrain', level: 1 }).waitFor();
    await page.getByText('Vous sentez-vous écouté·e ?').waitFor();
    expect(await page.getByRole('radio', { name: 'Non', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Avec la personne' }).isChecked()).toBe(true);
    expect(await pending()).toBe('2 réponses en attente d’envoi');
    expect(await page.getByTestId('field-network').textContent()).toBe('Hors connexion');
    // Sending now without network keeps them and says why.
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await page.getByText('Pas de réseau : elle partira dès que la connexion revient.').waitFor();
    await page.getByTestId('field-last-attempt').waitFor();
    expect(await pending()).toBe('2 réponses en attente d’envoi');
    await shot(page, '2-offline-reloaded');
    expect(await accessibilityProblems()).toEqual([]);
    // Nothing is asked of the server here: Chromium's offline emulation can let the first request
    // of a reloaded page through. The device keeps both answers until the server acknowledges
    // them, and the next step checks that exactly two responses end up stored.
  });

  it('sends them when the network comes back, and the server stores exactly two', async () => {
    await context.setOffline(false);
    await expect.poll(pending, { timeout: 20_000 }).toBe('Aucune réponse en attente d’envoi');
    await shot(page, '3-online-sent');
    expect(await counts()).toEqual({ responses: 2, assisted: 2 });
  });

  it('never stores a second response when an entry already sent is sent again', async () => {
    await page.evaluate(
      (value) => localStorage.setItem('socle.field.outbox.v1', value),
      keptOutbox,
    );
    await page.reload();
    // Sent again at start (and acknowledged as already stored), then gone from the device.
    await expect.poll(pending, { timeout: 20_000 }).toBe('Aucune réponse en attente d’envoi');
    await page.evaluate(
      (value) => localStorage.setItem('socle.field.outbox.v1', value),
      keptOutbox,
    );
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect.poll(pending, { timeout: 20_000 }).toBe('Aucune réponse en attente d’envoi');
    expect(await counts()).toEqual({ responses: 2, assisted: 2 });
  });

  it('keeps, and explains, an entry the server refuses', async () => {
    const entries = JSON.parse(keptOutbox) as {
      clientId: string;
      answers: Record<string, unknown>;
    }[];
    const refused = {
      ...entries[0]!,
      clientId: crypto.randomUUID(),
      answers: { ...entries[0]!.answers, [Object.keys(entries[0]!.answers)[0]!]: 'peut-etre' },
    };
    await page.evaluate(
      (value) => localStorage.setItem('socle.field.outbox.v1', value),
      JSON.stringify([refused]),
    );
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await page.getByText(/Refusée par le serveur : Certaines réponses sont à corriger\./).waitFor();
    expect(await pending()).toBe('1 réponse en attente d’envoi');
    await page.getByText(/1\. Vous sentez-vous écouté·e \? :/).waitFor();
    await shot(page, '4-refused');
    expect(await accessibilityProblems()).toEqual([]);
    expect(await counts()).toEqual({ responses: 2, assisted: 2 });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Retirer cette réponse' }).click();
    await expect.poll(pending).toBe('Aucune réponse en attente d’envoi');
  });

  it('says so, and keeps the form filled, when the device cannot keep an answer', async () => {
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.getByRole('radio', { name: 'Oui', exact: true }).check();
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await page.getByText(/Cet appareil n’a pas pu garder la réponse/).waitFor();
    expect(await page.getByRole('radio', { name: 'Oui', exact: true }).isChecked()).toBe(true);
    expect(await pending()).toBe('Aucune réponse en attente d’envoi');
  });

  it('shows on the campaign how many answers were assisted', async () => {
    await page.goto(`${served.url}/campaigns`);
    await expect.poll(() => page.getByText('dont 2 saisies assistées').count()).toBe(1);
  });
});
