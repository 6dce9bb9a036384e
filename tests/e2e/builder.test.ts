import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, type Served } from './support.ts';

/**
 * The questionnaire builder in a real browser: an organisation builds, without the API, a
 * questionnaire with two sections, faces, a grid, a date, a ranking, a condition, an Arabic
 * translation and an easy-read wording; saving it again unchanged changes nothing; a campaign
 * on it opens a public page that starts with the first section, offers the easy-read version
 * and shows Arabic right to left.
 */
const EMAIL = 'builder@journey.test';
const PASSWORD = 'correct horse battery';
const SHOTS = process.env.SOCLE_SCREENSHOTS ?? '/tmp';

type Stored = {
  id: string;
  revision: number;
  languages: string[];
  sections: unknown[];
  questions: Record<string, unknown>[];
  translations: unknown;
};

describe.runIf(browserAvailable)('questionnaire builder journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let call: <T>(method: string, path: string) => Promise<T>;
  let orgId = '';
  let questionnaireId = '';
  let link = '';

  beforeAll(async () => {
    served = await serve();
    const base = served.url;
    const headers = { 'content-type': 'application/json', origin: base };
    const signUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, name: 'Bea Builder' }),
    });
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...headers, cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const res = await fetch(`${base}/api/organisations`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ name: 'Accueil Solidaire', kind: 'association' }),
    });
    orgId = ((await res.json()) as { id: string }).id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** Picks an option in a Mantine select. */
  async function choose(scope: Locator | Page, label: string | RegExp, option: string | RegExp) {
    await scope
      .getByLabel(label, { exact: typeof label === 'string' })
      .first()
      .click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  }

  it('signs in', async () => {
    await page.goto(served.url + '/');
    await page.getByLabel('Adresse e-mail').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
  });

  it('builds a questionnaire with sections, new question types, a condition, Arabic and easy-read wording', async () => {
    await page.goto(served.url + '/questionnaires/new');
    await page.getByLabel('Titre du questionnaire').fill('Votre accueil');

    // Languages: English is offered by default; Arabic is added from the list.
    await page.getByTestId('language-en').waitFor();
    await choose(page, 'Ajouter une langue', 'arabe (ar)');
    await page.getByTestId('language-ar').waitFor();
    await page.getByLabel('Titre (arabe)').fill('استقبالكم');
    // Arabic is typed right to left.
    expect(
      await page.getByLabel('Titre (arabe)').evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');

    // Question 1: a choice, with its easy-read wording and its Arabic label.
    const q1 = page.getByTestId('question-1');
    await q1.getByLabel(/^Question posée\s*\*?$/).fill('Avez-vous un emploi ?');
    await q1.getByLabel('Choix 1', { exact: true }).fill('Oui');
    await q1.getByLabel('Choix 2', { exact: true }).fill('Non');
    await q1.getByLabel('Version facile à lire (FALC)').fill('Vous avez un travail ?');
    await q1.getByRole('button', { name: /Traductions/ }).click();
    await q1.getByLabel('Texte de la question (arabe)').fill('هل لديك عمل؟');
    await q1.getByLabel('Choix « Oui » (arabe)').fill('نعم');
    await q1.getByLabel('Choix « Oui » (anglais)').fill('Yes');

    // Question 2: a date.
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    const q2 = page.getByTestId('question-2');
    await choose(q2, 'Type de question', 'Date');
    await q2.getByLabel(/^Question posée\s*\*?$/).fill('Quand êtes-vous arrivé·e ?');

    // Two sections.
    await page.getByRole('button', { name: 'Ajouter une section' }).click();
    await page.getByLabel('Titre de la section 1').fill('Vous');
    await page.getByLabel('Titre de la section 2').fill('Votre avis');

    // Section 2: faces, a grid shown only to people with a job, a ranking.
    await page.getByRole('button', { name: 'Ajouter une question à la section 2' }).click();
    const q3 = page.getByTestId('question-3');
    await choose(q3, 'Type de question', 'Visages (pour qui lit peu)');
    await q3.getByLabel(/^Question posée\s*\*?$/).fill('Comment vous sentez-vous ici ?');
    await q3.getByText('3 visages').click();
    expect(await q3.getByTestId('faces-preview').getAttribute('aria-label')).toBe(
      'Visages montrés : Pas bien, Moyen, Bien',
    );

    await page.getByRole('button', { name: 'Ajouter une question à la section 2' }).click();
    const q4 = page.getByTestId('question-4');
    await choose(q4, 'Type de question', 'Tableau (plusieurs lignes, une même échelle)');
    await q4.getByLabel(/^Question posée\s*\*?$/).fill('Êtes-vous d’accord ?');
    await q4.getByLabel('Ligne 1', { exact: true }).fill('L’accueil est chaleureux');
    await q4.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await q4.getByLabel('Ligne 2', { exact: true }).fill('Les horaires me conviennent');
    await q4.getByRole('button', { name: 'Échelle d’accord 1–5' }).click();
    expect(await q4.getByLabel('Choix 5', { exact: true }).inputValue()).toBe(
      'Tout à fait d’accord',
    );
    await q4.getByRole('button', { name: 'Ajouter une condition' }).click();
    await choose(q4, 'Question lue (condition 1)', '1. Avez-vous un emploi ?');
    expect(await q4.getByTestId('condition-words-4').textContent()).toBe(
      'Affichée seulement si la question 1 « Avez-vous un emploi ? » est « Oui ».',
    );

    await page.getByRole('button', { name: 'Ajouter une question à la section 2' }).click();
    const q5 = page.getByTestId('question-5');
    await choose(q5, 'Type de question', 'Classement');
    await q5.getByLabel(/^Question posée\s*\*?$/).fill('Qu’est-ce qui compte le plus ?');
    await q5.getByLabel('Choix 1', { exact: true }).fill('Le logement');
    await q5.getByLabel('Choix 2', { exact: true }).fill('Le travail');
    await q5.getByRole('button', { name: 'Ajouter un choix' }).click();
    await q5.getByLabel('Choix 3', { exact: true }).fill('La santé');
    // A second condition, on the faces: shown to people with a job OR who feel bad.
    await q5.getByRole('button', { name: 'Ajouter une condition' }).click();
    await q5.getByRole('button', { name: 'Ajouter une autre condition' }).click();
    await choose(q5, 'Question lue (condition 1)', '1. Avez-vous un emploi ?');
    await choose(q5, 'Question lue (condition 2)', '3. Comment vous sentez-vous ici ?');
    await choose(q5, 'Comparaison (condition 2)', 'est au plus');
    await q5.getByLabel('Valeur (condition 2)').fill('2');
    await q5.getByText('au moins une').click();
    expect(await q5.getByTestId('condition-words-5').textContent()).toBe(
      'Affichée seulement si la question 1 « Avez-vous un emploi ? » est « Oui » ou la question 3 « Comment vous sentez-vous ici ? » est au plus « 2 ».',
    );

    // Moving the question read below the grid that reads it is pointed out at once.
    const click = (name: string) => page.getByRole('button', { name, exact: true }).click();
    await click('Descendre la question 1');
    await click('Descendre la question 2'); // into section 2
    await click('Descendre la question 2');
    await click('Descendre la question 3');
    await page
      .getByTestId('question-3')
      .getByText('La question lue vient maintenant après celle-ci', { exact: false })
      .waitFor();
    await click('Monter la question 4');
    await click('Monter la question 3');
    await click('Monter la question 2'); // back into section 1
    await click('Monter la question 2');
    expect(
      await page
        .getByTestId('question-1')
        .getByLabel(/^Question posée\s*\*?$/)
        .inputValue(),
    ).toBe('Avez-vous un emploi ?');
    expect(
      await page.getByText('La question lue vient maintenant après', { exact: false }).count(),
    ).toBe(0);

    // A short name taken twice holds saving back, beside the question.
    await q2.getByRole('button', { name: /Avancé/ }).click();
    await q2.getByLabel('Nom court').fill('q1');
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.getByTestId('builder-blocked').waitFor();
    await q2.getByText('Une autre question porte déjà ce nom.').waitFor();
    expect(page.url()).toMatch(/\/questionnaires\/new$/);
    await q2.getByLabel('Nom court').fill('arrivee');

    // The preview shows both pages and the conditions in words.
    await page.getByRole('button', { name: 'Aperçu' }).first().click();
    const preview = page.getByRole('dialog', { name: 'Aperçu du questionnaire' });
    await preview.getByText('Page 2 sur 2').waitFor();
    expect(await preview.getByTestId('preview-condition').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/builder-preview.png` });
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    // No serious accessibility problem in the builder, every part open.
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    type AxeResult = {
      passes: unknown[];
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    const audit = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResult> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return {
        passes: result.passes.length,
        violations: result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          ),
      };
    });
    expect(audit.passes).toBeGreaterThan(10);
    expect(audit.violations).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/builder-form.png`, fullPage: true });
    await q5.screenshot({ path: `${SHOTS}/builder-condition.png` });
    await q1.screenshot({ path: `${SHOTS}/builder-translations.png` });
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.waitForURL(/\/questionnaires\/[0-9a-f-]{36}$/);
    questionnaireId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Section 2 — Votre avis' }).waitFor();
    expect(await page.getByTestId('question-condition').count()).toBe(2);

    const stored = await call<Stored>(
      'GET',
      `/api/organisations/${orgId}/questionnaires/${questionnaireId}`,
    );
    expect(stored.languages).toEqual(['en', 'ar']);
    expect(stored.sections).toHaveLength(2);
    expect(stored.questions.map((q) => [q.key, q.type, q.section])).toEqual([
      ['q1', 'single', 0],
      ['arrivee', 'date', 0],
      ['q3', 'faces', 1],
      ['q4', 'grid', 1],
      ['q5', 'ranking', 1],
    ]);
    expect(stored.questions[0]).toMatchObject({
      easyFr: 'Vous avez un travail ?',
      translations: { ar: { label: 'هل لديك عمل؟', options: { oui: 'نعم' } } },
    });
    expect(stored.questions[2]).toMatchObject({ min: 1, max: 3 });
    expect(stored.questions[3]).toMatchObject({
      showIf: { question: 'q1', op: 'equals', value: 'oui' },
      items: [{ value: 'l_accueil_est_chaleureux' }, { value: 'les_horaires_me_conviennent' }],
    });
    expect(stored.questions[4]!.showIf).toEqual({
      any: [
        { question: 'q1', op: 'equals', value: 'oui' },
        { question: 'q3', op: 'lte', value: 2 },
      ],
    });
  });

  it('saves an unchanged questionnaire as it was', async () => {
    const before = await call<Stored>(
      'GET',
      `/api/organisations/${orgId}/questionnaires/${questionnaireId}`,
    );
    await page.goto(`${served.url}/questionnaires/${questionnaireId}/edit`);
    await page.getByRole('heading', { name: 'Modifier « Votre accueil »' }).waitFor();
    expect(await page.getByTestId('condition-words-4').textContent()).toContain('est « Oui »');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByTestId('questionnaire-revision').waitFor();
    const after = await call<Stored>(
      'GET',
      `/api/organisations/${orgId}/questionnaires/${questionnaireId}`,
    );
    expect(after.revision).toBe(before.revision + 1);
    const strip = (s: Stored) => ({
      ...s,
      revision: 0,
      questions: s.questions.map((q) => ({ ...q, id: '' })),
    });
    expect(strip(after)).toEqual(strip(before));
  });

  it('opens a campaign on it', async () => {
    await page.goto(served.url + '/campaigns');
    await page.getByRole('button', { name: 'Nouvelle campagne' }).first().click();
    await page
      .getByRole('dialog')
      .getByLabel(/^Nom de la campagne/)
      .fill('Accueil 2026');
    await page
      .getByRole('dialog')
      .getByLabel(/^Questionnaire/)
      .click();
    await page.getByRole('option', { name: 'Votre accueil' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/^Période/)
      .fill('2026');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    const anchor = page.getByTestId('campaign-link').first();
    await anchor.waitFor();
    link = (await anchor.getAttribute('href')) ?? '';
    expect(link).toMatch(new RegExp(`^${served.url}/r/[a-z0-9-]+$`));
    // The questionnaire's page now points at the public page.
    await page.goto(`${served.url}/questionnaires/${questionnaireId}`);
    expect(await page.getByTestId('questionnaire-public-page').getAttribute('href')).toBe(
      new URL(link).pathname,
    );
  });

  it('shows the first section, the easy-read switch and Arabic right to left on the public page', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const phone = await context.newPage();
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Vous', level: 2 }).waitFor();
    await phone.getByText('Avez-vous un emploi ?').waitFor();
    expect(await phone.getByText('Comment vous sentez-vous ici ?').count()).toBe(0);
    await phone.getByRole('button', { name: 'Facile à lire' }).waitFor();
    await phone.getByRole('button', { name: 'العربية' }).click();
    await phone.getByText('هل لديك عمل؟').waitFor();
    expect(await phone.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await phone.locator('html').getAttribute('lang')).toBe('ar');
    await phone.screenshot({ path: `${SHOTS}/builder-public-ar.png`, fullPage: true });
    await context.close();
  });
});
