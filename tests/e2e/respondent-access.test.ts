import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { twentyQuestions } from '../fixtures/twenty-questions.ts';
import { browserAvailable, launchBrowser, serve, signUpAndCreateOrganisation, type Served } from './support.ts';

/**
 * The respondent's page as people meet it: on a 320-pixel phone, with JavaScript off, with the
 * keyboard alone, in French, Arabic and easy-read. Every page passes axe-core's WCAG 2.1 A and
 * AA rules with no violation.
 */
const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function audit(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

async function expectAccessible(page: Page, where: string) {
  const violations = await audit(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  // Nothing wider than the screen: no sideways scrolling at 320 px.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where} is ${width}px wide`).toBeLessThanOrEqual(320);
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(`${selector}:focus`).count()) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.runIf(browserAvailable)('respondent page: accessible, light, keyboard and script-free', () => {
  let served: Served;
  let browser: Browser;
  let link = '';
  let countResponses: () => Promise<number>;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    served = await serve();
    const base = served.url;
    const { api, org } = await signUpAndCreateOrganisation(base, { email: 'acces@respondent.test', name: 'Accès' }, { name: 'Association Accès', kind: 'association' });
    const q = await api.call<{ id: string; questions: { key: string; id: string }[] }>('POST', `/api/organisations/${org.id}/questionnaires`, twentyQuestions(3));
    ids = Object.fromEntries(q.questions.map((x) => [x.key, x.id]));
    const campaign = await api.call<{ publicPath: string }>('POST', `/api/organisations/${org.id}/campaigns`, { name: 'Accès 2026', questionnaireId: q.id, period: '2026' });
    link = base + campaign.publicPath;
    countResponses = async () => (await api.call<{ responseCount: number }[]>('GET', `/api/organisations/${org.id}/campaigns`))[0]!.responseCount;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  describe('audited on a 320-pixel screen', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      // The page has no script of its own; the audit's script is let in past the page's CSP.
      context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('the audit itself catches a missing label and a low contrast', async () => {
      await page.setContent('<html lang="fr"><head><title>t</title></head><body><main><input type="text"><p style="color:#bbb;background:#fff">pâle</p></main></body></html>');
      expect((await audit(page)).map((v) => v.id).sort()).toEqual(['color-contrast', 'label']);
    });

    it('first page, and the same page with its mistakes shown', async () => {
      await page.goto(link);
      await expectAccessible(page, 'page 1');
      await page.getByRole('button', { name: 'Suivant' }).click();
      await page.getByText('Quelques réponses sont à corriger').waitFor();
      await expectAccessible(page, 'page 1 with errors');
    });

    it('the pages with faces, a grid and a ranking, then the thank-you page', async () => {
      await page.getByLabel(/Quel âge avez-vous/).fill('34');
      await page.getByRole('radio', { name: 'Oui' }).check();
      await page.getByRole('button', { name: 'Suivant' }).click();
      await page.getByRole('heading', { name: 'Comment vous allez', exact: true }).waitFor();
      await expectAccessible(page, 'page 2 (faces, scale, grid)');
      await page.getByRole('radio', { name: 'Bien', exact: true }).first().check();
      await page.getByRole('button', { name: 'Suivant' }).click();
      await page.getByRole('heading', { name: 'L’accompagnement', exact: true }).waitFor();
      await expectAccessible(page, 'page 3 (ranking, date, text)');
      await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await page.getByRole('heading', { name: 'Merci !' }).waitFor();
      await expectAccessible(page, 'thank-you page');
    });

    it('in Arabic, right to left, and in easy-read', async () => {
      await page.goto(`${link}?lang=ar`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expectAccessible(page, 'Arabic page');
      await page.goto(link);
      await page.getByRole('button', { name: 'Facile à lire' }).click();
      await page.getByText('Votre âge ?').waitFor();
      await expectAccessible(page, 'easy-read page');
    });
  });

  it('is answered from start to end with the keyboard alone, JavaScript off, at 320 pixels', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const before = await countResponses();
    await page.goto(link);

    // Page 1: type the age, choose "Yes" for children with the arrow keys, give their number,
    // then Enter in a text field goes to the next page (never to a language switch).
    await tabTo(page, `#q_${ids.age}`);
    await page.keyboard.type('41');
    await tabTo(page, `input[name="q_${ids.enfants}"]`);
    await page.keyboard.press('Space');
    expect(await page.locator(`#q_${ids.enfants}_0`).isChecked()).toBe(true);
    await tabTo(page, `#q_${ids.nb_enfants}`);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Comment vous allez', exact: true }).waitFor();

    // Page 2: the faces, by arrows: Space picks the first, → moves to the second.
    await tabTo(page, `input[name="q_${ids.humeur}"]`);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator(`input[name="q_${ids.humeur}"][value="2"]`).isChecked()).toBe(true);
    await tabTo(page, 'button[value="next"]:not([hidden])');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'L’accompagnement', exact: true }).waitFor();

    // Page 3: rank a choice from its select, write a word, send.
    await tabTo(page, `select[name="q_${ids.priorites}__logement"]`);
    await page.keyboard.press('1');
    await tabTo(page, `#q_${ids.mot}`);
    await page.keyboard.type('Merci pour tout');
    await tabTo(page, 'button[value="next"]:not([hidden])');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Merci !' }).waitFor();
    expect(await countResponses()).toBe(before + 1);
    await context.close();
  });
});
