import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, serve, signIn, signUpAndCreateOrganisation, type Served } from './support.ts';

type Group = 'people_supported' | 'volunteers' | 'partners' | null;
interface Spec {
  key: string;
  kind: 'impact' | 'outcome' | 'output' | 'activity';
  labelFr: string;
  parent: string | null;
  group?: Group;
  codes?: string[];
}

/** A theory of change like the demo's, with stakeholder groups, indicators and one orphan. */
const THEORY: Spec[] = [
  { key: 'impact', kind: 'impact', labelFr: 'Les personnes accompagnées retrouvent une place et un pouvoir d’agir dans la société', parent: null, codes: ['I01'] },
  { key: 'confiance', kind: 'outcome', labelFr: 'Les personnes reprennent confiance en elles', parent: 'impact', group: 'people_supported', codes: ['C01', 'C02'] },
  { key: 'droits', kind: 'outcome', labelFr: 'Les personnes accèdent à leurs droits et à un logement stable', parent: 'impact', group: 'people_supported', codes: ['C03', 'C04', 'C05'] },
  { key: 'liens', kind: 'outcome', labelFr: 'Les personnes sont moins isolées et tissent des liens', parent: 'impact', group: 'people_supported', codes: ['C06'] },
  { key: 'benevoles', kind: 'outcome', labelFr: 'Les bénévoles développent leurs compétences et restent engagés', parent: 'impact', group: 'volunteers', codes: ['B01'] },
  { key: 'partenaires', kind: 'outcome', labelFr: 'Les partenaires orientent mieux les personnes vers l’association', parent: 'impact', group: 'partners' },
  { key: 'accompagnement', kind: 'output', labelFr: 'Des personnes sont accompagnées individuellement (accueil, entretiens, orientation)', parent: 'droits', codes: ['R01'] },
  { key: 'ateliers', kind: 'output', labelFr: 'Des ateliers collectifs sont proposés (numérique, budget, santé, convivialité)', parent: 'liens', codes: ['R02', 'R03'] },
  { key: 'formations', kind: 'output', labelFr: 'Des formations sont proposées aux bénévoles', parent: 'benevoles' },
  { key: 'permanences', kind: 'activity', labelFr: 'Permanences d’accueil et d’écoute', parent: 'accompagnement' },
  { key: 'animation', kind: 'activity', labelFr: 'Animation d’ateliers collectifs', parent: 'ateliers' },
  { key: 'lettre', kind: 'output', labelFr: 'Une lettre d’information trimestrielle', parent: null },
];

/** An editor reads the theory of change as a diagram, moves in it with the keyboard, edits and exports it. */
describe.runIf(browserAvailable)('theory of change diagram journey', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const labelOf = (key: string) => THEORY.find((s) => s.key === key)!.labelFr;

  beforeAll(async () => {
    served = await serve();
    const { api, org } = await signUpAndCreateOrganisation(served.url, { email: 'diagramme@journey.test', name: 'Dominique Diagramme' }, { name: 'Association Diagramme', kind: 'association' });
    const fw = `/api/frameworks/${org.specificFrameworkId}`;
    const ids = new Map<string, string>();
    for (const spec of THEORY) {
      const created = await api.call<{ id: string }>('POST', `${fw}/nodes`, {
        kind: spec.kind,
        labelFr: spec.labelFr,
        stakeholderGroup: spec.group ?? null,
        parentId: spec.parent ? ids.get(spec.parent) : null,
      });
      ids.set(spec.key, created.id);
      for (const code of spec.codes ?? []) {
        await api.call('POST', `${fw}/indicators`, {
          code,
          labelFr: `Indicateur ${code}`,
          kind: spec.kind === 'impact' ? 'impact' : spec.kind === 'outcome' ? 'outcome' : 'output',
          stakeholderGroup: spec.group ?? 'people_supported',
          computation: { type: 'count' },
          nodeId: created.id,
        });
      }
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** The accessible name of the focused element, when it is a node of the diagram. */
  const focusedNode = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('data-testid') === 'diagram-node' ? (el.getAttribute('aria-label') ?? '') : null;
    });

  it('shows the nodes as a diagram, by default', async () => {
    await signIn(page, served.url, 'diagramme@journey.test');
    await page.goto(served.url + '/framework');
    const diagram = page.getByTestId('toc-diagram');
    await diagram.waitFor();
    expect(await diagram.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    await expect.poll(() => diagram.getByTestId('diagram-node').count()).toBe(THEORY.length);
    const text = (await diagram.textContent()) ?? '';
    expect(text).toContain('EFFETS ATTENDUS');
    expect(text).toContain('Personnes accompagnées'); // a stakeholder group band
    expect(text).toContain('C05'); // an indicator chip
    // Each node is named by its kind, label and number of indicators.
    await diagram.getByRole('button', { name: `Effet attendu (Personnes accompagnées) : ${labelOf('droits')}. 3 indicateurs : C03, C04, C05` }).waitFor();
    await diagram.getByRole('button', { name: `Réalisation : ${labelOf('lettre')}, non rattaché. aucun indicateur` }).waitFor();
    if (process.env.DIAGRAM_SCREENSHOT) await diagram.screenshot({ path: process.env.DIAGRAM_SCREENSHOT });
  });

  it('is one tab stop, and the arrow keys move between nodes', async () => {
    // Tab from the last control before the diagram lands on the impact goal.
    await page.getByRole('button', { name: /^Supprimer «/ }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedNode()).toContain(`Finalité : ${labelOf('impact')}`);
    // Tab again leaves the diagram at once.
    await page.keyboard.press('Tab');
    expect(await focusedNode()).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedNode()).toContain(labelOf('impact'));

    // The API lists nodes by label: within the group, "accèdent" comes before "reprennent".
    await page.keyboard.press('ArrowLeft'); // towards what contributes to the impact
    expect(await focusedNode()).toContain(labelOf('droits'));
    await page.keyboard.press('ArrowDown');
    expect(await focusedNode()).toContain(labelOf('confiance'));
    await page.keyboard.press('ArrowUp');
    expect(await focusedNode()).toContain(labelOf('droits'));
    await page.keyboard.press('ArrowLeft');
    expect(await focusedNode()).toContain(labelOf('accompagnement'));
    await page.keyboard.press('ArrowLeft');
    expect(await focusedNode()).toContain(labelOf('permanences'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedNode()).toContain(labelOf('droits'));
    await page.keyboard.press('End');
    expect(await focusedNode()).toContain(labelOf('partenaires'));
    await page.keyboard.press('ArrowUp');
    expect(await focusedNode()).toContain(labelOf('benevoles'));
    // The selected node's actions follow the focus.
    await page.getByRole('button', { name: `Ajouter un élément sous « ${labelOf('benevoles')} »` }).waitFor();
  });

  it('opens the edit form with Enter and saves the change', async () => {
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Modifier l’élément de la théorie du changement' });
    await dialog.waitFor();
    const field = dialog.getByRole('textbox', { name: 'Intitulé', exact: true });
    expect(await field.inputValue()).toBe(labelOf('benevoles'));
    await field.fill('Les bénévoles gagnent en compétences');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('toc-diagram').getByRole('button', { name: /Les bénévoles gagnent en compétences/ }).waitFor();
  });

  it('adds below with "n" and asks before removing with Delete', async () => {
    const node = page.getByTestId('toc-diagram').getByRole('button', { name: new RegExp(labelOf('liens')) });
    await node.click();
    expect(await focusedNode()).toContain(labelOf('liens'));
    await page.keyboard.press('n');
    const add = page.getByRole('dialog', { name: 'Nouvel élément de la théorie du changement' });
    await add.waitFor();
    expect(await add.getByLabel('Placé sous', { exact: true }).first().inputValue()).toContain(labelOf('liens'));
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'hidden' });

    await node.focus();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Supprimer un élément' });
    await confirm.getByText(`Supprimer « ${labelOf('liens')} » du brouillon ?`, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('diagram-node').count()).toBe(THEORY.length);

    // Confirmed, the element goes and the focus moves to its parent.
    await page.getByTestId('toc-diagram').getByRole('button', { name: new RegExp(labelOf('permanences')) }).focus();
    await page.keyboard.press('Delete');
    await confirm.getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => page.getByTestId('diagram-node').count()).toBe(THEORY.length - 1);
    await expect.poll(focusedNode).toContain(labelOf('accompagnement'));

    // Escape leaves the diagram.
    await node.focus();
    await page.keyboard.press('Escape');
    expect(await focusedNode()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Exporter en SVG');
  });

  it('exports a standalone SVG and a PNG named after the framework', async () => {
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/^[a-z0-9-]+-theorie-du-changement\.svg$/);
    const svg = await readFile((await svgDownload.path()), 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(labelOf('confiance'));
    expect(svg).toContain('font-family=');
    expect(svg).not.toContain('tabindex');

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/-theorie-du-changement\.png$/);
    if (process.env.DIAGRAM_SCREENSHOT) await pngDownload.saveAs(process.env.DIAGRAM_SCREENSHOT.replace(/\.png$/, '-export.png'));
    const png = await readFile((await pngDownload.path()));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Drawn at twice the size of the diagram.
    const width = png.readUInt32BE(16);
    const drawn = await page.getByTestId('toc-diagram').evaluate((el) => Number(el.getAttribute('width')));
    expect(width).toBe(drawn * 2);
  });

  it('keeps the list view as an alternative', async () => {
    await page.getByText('Vue liste').click();
    await page.getByRole('list', { name: 'Théorie du changement' }).waitFor();
    expect(await page.getByTestId('toc-diagram').count()).toBe(0);
    // Elements can be edited from the list too.
    await page.getByRole('button', { name: `Modifier « ${labelOf('partenaires')} »` }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier l’élément de la théorie du changement' });
    expect(await dialog.getByRole('textbox', { name: 'Intitulé', exact: true }).inputValue()).toBe(labelOf('partenaires'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Vue diagramme').click();
    await page.getByTestId('toc-diagram').waitFor();
  });
});
