import { createRequire } from 'node:module';
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
 * A member compares itself with its sector in a real browser: six members answered the same
 * common questionnaire; it opens "Comparer au secteur", reads its rank and the members' box for
 * each indicator, sees an indicator whose distribution is hidden (too few members with enough
 * answers), then the evolution of its line against the sector's, broken where the definition
 * of the indicator changed.
 */
const SHOTS = process.env.SOCLE_SCREENSHOTS ?? '/tmp';
const VIEWER = 'membre3@comparison.test';

type Row = { sat: string; delai: number; auto?: string };
/** n answers: `yes` of them "oui" for SAT, waits of `days` on average, `auto` answers to AUTO. */
const rows = (n: number, yes: number, days: number, auto: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    sat: i < yes ? 'oui' : 'non',
    delai: n % 2 === 1 && i === n - 1 ? days : days + (i % 2 === 0 ? -1 : 1),
    ...(i < auto ? { auto: i % 2 === 0 ? 'oui' : 'non' } : {}),
  }));

// The same six members as tests/integration/comparison.test.ts in 2026 (hand-computed there:
// SAT quartiles 42.5 % – 50 % – 68.75 %, the viewer 3rd of 6, tied; DELAI 3rd of 6).
const MEMBERS = [
  {
    email: 'tete@comparison.test',
    name: 'Tête de réseau',
    y2025: rows(5, 3, 4, 0),
    y2026: rows(8, 6, 3, 8),
  },
  {
    email: 'membre2@comparison.test',
    name: 'Association Deux',
    y2025: rows(5, 2, 9, 0),
    y2026: rows(5, 2, 10, 5),
  },
  { email: VIEWER, name: 'Association Trois', y2025: rows(5, 2, 6, 0), y2026: rows(10, 5, 5, 6) },
  {
    email: 'membre4@comparison.test',
    name: 'Association Quatre',
    y2025: rows(5, 3, 8, 0),
    y2026: rows(6, 3, 7, 5),
  },
  {
    email: 'membre5@comparison.test',
    name: 'Association Cinq',
    y2025: rows(5, 4, 3, 0),
    y2026: rows(5, 5, 2, 3),
  },
  {
    email: 'membre6@comparison.test',
    name: 'Association Six',
    y2025: rows(5, 1, 11, 0),
    y2026: rows(5, 1, 12, 0),
  },
];
const options = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'plutot', labelFr: 'Plutôt' },
  { value: 'non', labelFr: 'Non' },
];
const questions = (fw: string) => [
  {
    type: 'single',
    labelFr: 'Êtes-vous satisfait·e ?',
    options,
    indicator: { frameworkId: fw, code: 'SAT' },
  },
  {
    type: 'number',
    labelFr: 'Combien de jours d’attente ?',
    indicator: { frameworkId: fw, code: 'DELAI' },
  },
  {
    type: 'single',
    labelFr: 'Vous sentez-vous plus autonome ?',
    options,
    indicator: { frameworkId: fw, code: 'AUTO' },
  },
];

async function collect(
  api: ApiClient,
  orgId: string,
  questionnaireId: string,
  questionIds: string[],
  period: string,
  answers: Row[],
) {
  const campaign = await api.call<{ slug: string }>(
    'POST',
    `/api/organisations/${orgId}/campaigns`,
    { name: `Enquête ${period}`, questionnaireId, period },
  );
  const [sat, delai, auto] = questionIds;
  for (const a of answers) {
    await api.call('POST', `/api/public/campaigns/${campaign.slug}/responses`, {
      clientId: crypto.randomUUID(),
      answers: { [sat!]: a.sat, [delai!]: a.delai, ...(a.auto ? { [auto!]: a.auto } : {}) },
    });
  }
}

describe.runIf(browserAvailable)('organisation against the sector', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve();
    const members: { api: ApiClient; org: { id: string; slug: string } }[] = [];
    for (const m of MEMBERS) {
      members.push(
        await signUpAndCreateOrganisation(
          served.url,
          { email: m.email, name: m.name },
          { name: m.name, kind: m === MEMBERS[0] ? 'network_head' : 'association' },
        ),
      );
    }
    const head = members[0]!;
    const collective = await head.api.call<{ id: string; commonFrameworkId: string }>(
      'POST',
      '/api/collectives',
      { name: 'Collectif Accueil', coordinatorOrganisationId: head.org.id },
    );
    for (const m of members.slice(1)) {
      await head.api.call('POST', `/api/collectives/${collective.id}/members`, {
        organisationSlug: m.org.slug,
        copil: false,
      });
      await m.api.call(
        'POST',
        `/api/organisations/${m.org.id}/collective-invitations/${collective.id}/accept`,
      );
    }
    const fw = collective.commonFrameworkId;
    const indicator = (body: Record<string, unknown>) =>
      head.api.call<{ id: string }>('POST', `/api/frameworks/${fw}/indicators`, {
        kind: 'outcome',
        stakeholderGroup: 'people_supported',
        ...body,
      });
    const sat = await indicator({
      code: 'SAT',
      labelFr: 'Part des personnes satisfaites',
      unit: '%',
      computation: { type: 'share', options: ['oui', 'plutot'] },
    });
    await indicator({
      code: 'DELAI',
      labelFr: 'Délai d’attente moyen',
      unit: 'jours',
      polarity: 'lower_is_better',
      computation: { type: 'mean' },
    });
    await indicator({
      code: 'AUTO',
      labelFr: 'Part des personnes plus autonomes',
      unit: '%',
      computation: { type: 'share', options: ['oui'] },
    });
    await head.api.call('POST', `/api/frameworks/${fw}/adopt`, {});

    // 2024: the viewer alone collects, while SAT counts "oui" and "plutôt".
    const viewer = members[2]!;
    const first = await viewer.api.call<{ id: string; questions: { id: string }[] }>(
      'POST',
      `/api/organisations/${viewer.org.id}/questionnaires`,
      { title: 'Enquête 2024', questions: questions(fw) },
    );
    await collect(
      viewer.api,
      viewer.org.id,
      first.id,
      first.questions.map((q) => q.id),
      '2024',
      [...rows(4, 3, 7, 0), { sat: 'plutot', delai: 7 }, { sat: 'non', delai: 7 }],
    );

    // Then the collective narrows SAT to "oui" alone: version 2, a series break.
    const adopted = await head.api.call<{
      adopted: { indicators: { id: string; code: string }[] };
    }>('GET', `/api/frameworks/${fw}`);
    const satId = adopted.adopted.indicators.find((i) => i.code === 'SAT')?.id ?? sat.id;
    await head.api.call('PATCH', `/api/frameworks/${fw}/indicators/${satId}`, {
      computation: { type: 'share', options: ['oui'] },
    });
    await head.api.call('POST', `/api/frameworks/${fw}/adopt`, {});

    for (const [i, m] of MEMBERS.entries()) {
      const { api, org } = members[i]!;
      const q = await api.call<{ id: string; questions: { id: string }[] }>(
        'POST',
        `/api/organisations/${org.id}/questionnaires`,
        { title: 'Enquête d’accueil', questions: questions(fw) },
      );
      const ids = q.questions.map((x) => x.id);
      await collect(api, org.id, q.id, ids, '2025', m.y2025);
      await collect(api, org.id, q.id, ids, '2026', m.y2026);
    }

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the member its rank and where it stands in the members’ box', async () => {
    await signIn(page, served.url, VIEWER);
    await page.getByRole('link', { name: 'Comparer au secteur' }).first().click();
    await page.getByRole('heading', { name: 'Comparer au secteur', level: 1 }).waitFor();
    expect(await page.getByLabel('Collectif', { exact: true }).last().inputValue()).toBeTruthy();
    expect(await page.getByLabel('Période', { exact: true }).inputValue()).toBe('2026');

    const sat = page.getByRole('article', { name: 'Part des personnes satisfaites' });
    await sat.getByTestId('rank-SAT').waitFor();
    expect(await sat.getByTestId('rank-SAT').textContent()).toBe('3e sur 6 membres');
    expect(await sat.textContent()).toContain('ex æquo');
    expect(await sat.getByTestId('you-SAT').textContent()).toBe('50\u202F%');
    // 22 "oui" of 39 answers.
    expect(await sat.getByTestId('sector-SAT').textContent()).toBe('56\u202F%');
    // 42.5 % and 68.75 %, shown as whole percentages.
    expect(await sat.getByTestId('distribution-SAT').textContent()).toMatch(
      /^La moitié des 6 membres comparés se situe entre 4[23]\u202F% et 69\u202F% ; la médiane est de 50\u202F%\.$/,
    );
    expect(await sat.getByTestId('box-iqr-SAT').isVisible()).toBe(true);
    expect(await sat.getByTestId('box-you-SAT').isVisible()).toBe(true);

    const delai = page.getByRole('article', { name: 'Délai d’attente moyen' });
    expect(await delai.getByTestId('rank-DELAI').textContent()).toBe('3e sur 6 membres');
    expect(await delai.textContent()).toContain('Plus la valeur est basse, mieux c’est.');
    expect(await delai.getByTestId('distribution-DELAI').textContent()).toContain(
      'entre 3,5 jours et 9,3 jours ; la médiane est de 6,0 jours',
    );

    const auto = page.getByRole('article', { name: 'Part des personnes plus autonomes' });
    expect(await auto.getByTestId('rank-AUTO').count()).toBe(0);
    expect(await auto.getByTestId('box-iqr-AUTO').count()).toBe(0);
    expect(await auto.getByTestId('distribution-AUTO').textContent()).toBe(
      'Répartition non montrée : il faut au moins 5 membres ayant chacun au moins 5 réponses ; 4 en ont assez pour cet indicateur.',
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
  });

  it('draws its line and the sector’s over the periods, broken where the definition changed', async () => {
    const section = page.getByTestId('comparison-trend');
    await section.getByTestId('comparison-trend-table').waitFor();
    await section.getByTestId('comparison-trend-chart').locator('svg').waitFor();
    expect(await section.getByTestId('comparison-trend-break').textContent()).toContain(
      'À partir de 2025, l’indicateur est calculé avec la définition de la version 2.',
    );
    const table = section.getByTestId('comparison-trend-table');
    const cells = async () =>
      (await table.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim());
    // Narrow spaces read as plain ones once whitespace is folded.
    expect(await cells()).toEqual([
      '2024Série 1 (depuis la v1)67 % (n = 6)67 % (n = 6)',
      '2025Série 2 (depuis la v2)Rupture de série40 % (n = 5)50 % (n = 30)',
      '2026Série 2 (depuis la v2)50 % (n = 10)56 % (n = 39)',
    ]);
    // The legend names both sides in both series.
    const legend = (await section.getByTestId('comparison-trend-chart').textContent()) ?? '';
    expect(legend).toContain('Vous · Série 1 (depuis la v1)');
    expect(legend).toContain('Secteur · Série 2 (depuis la v2)');
    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${SHOTS}/compare-trend.png`, fullPage: false });

    // Another indicator, from its card.
    await page.getByRole('button', { name: 'Voir l’évolution : Délai d’attente moyen' }).click();
    await expect
      .poll(async () => (await cells())[1] ?? '')
      .toBe('2025Série 1 (depuis la v1)6,0 jours (n = 5)6,8 jours (n = 30)');
    expect((await cells())[0]).toBe('2024Série 1 (depuis la v1)7,0 jours (n = 6)7,0 jours (n = 6)');
    expect(await section.getByTestId('comparison-trend-break').count()).toBe(0);
  });

  it('has no serious accessibility problem', async () => {
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    type AxeResult = {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResult> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
    });
    expect(violations).toEqual([]);
  });
});
