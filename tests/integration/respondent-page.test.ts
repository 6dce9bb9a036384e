import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCampaign, createOrganisation, createQuestionnaire, type CampaignInfo, type QuestionnaireInfo } from '../support/factories.ts';

let t: TestApp;
let bob: Persona;
let q: QuestionnaireInfo;
let campaign: CampaignInfo;
let orgId: string;

const form = (fields: [string, string][]) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

async function post(slug: string, fields: [string, string][], lang = '') {
  return t.app.inject({
    method: 'POST',
    url: `/r/${slug}${lang}`,
    payload: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
  });
}

function clientIdOf(html: string): string {
  const m = /name="client_id" value="([0-9a-f-]{36})"/.exec(html);
  if (!m?.[1]) throw new Error('no client_id in the form');
  return m[1];
}

async function responseCount() {
  return json<{ responseCount: number }[]>(await bob.get(`/api/organisations/${orgId}/campaigns`))[0]!.responseCount;
}

beforeAll(async () => {
  t = await createTestApp();
  bob = await signUp(t.app, 'Bob');
  orgId = (await createOrganisation(bob, 'Association <Test> & Cie')).id;
  q = await createQuestionnaire(bob, orgId, [
    { type: 'single', labelFr: 'Vous sentez-vous écouté·e ?', labelEn: 'Do you feel listened to?', required: true, options: [{ value: 'oui', labelFr: 'Oui', labelEn: 'Yes' }, { value: 'non', labelFr: 'Non', labelEn: 'No' }] },
    { type: 'scale', labelFr: 'Votre moral', required: true },
    { type: 'multiple', labelFr: 'Vos démarches', options: [{ value: 'caf', labelFr: 'CAF' }, { value: 'cpam', labelFr: 'CPAM' }] },
    { type: 'number', labelFr: 'Nombre de rendez-vous', min: 0, max: 100 },
    { type: 'text', labelFr: 'Un mot libre', helpFr: 'Sans nom ni adresse.' },
  ]);
  campaign = await createCampaign(bob, orgId, q.id);
});
afterAll(async () => {
  await t?.close();
});

describe('respondent page', () => {
  it('renders a plain, accessible form with no script and nothing from another site', async () => {
    const res = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    // The organisation's name is escaped.
    expect(html).toContain('Association &lt;Test&gt; &amp; Cie');
    // Every input has a label tied to it.
    const ids = [...html.matchAll(/<(?:input|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html).toContain('<legend><span class="n">1.</span> Vous sentez-vous écouté·e ?');
    expect(html).toContain('aria-describedby="h_');
  });

  it('switches to English', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?lang=en` });
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain('Do you feel listened to?');
    expect(res.body).toContain('Send my answers');
  });

  it('stores a valid submission once, even when it is sent twice, and says thank you', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    const clientId = clientIdOf(page.body);
    const [s, sc, m, n, tx] = q.questions.map((x) => `q_${x.id}`);
    const fields: [string, string][] = [['client_id', clientId], [s!, 'oui'], [sc!, '4'], [m!, 'caf'], [m!, 'cpam'], [n!, '3'], [tx!, 'Merci à l’équipe']];
    const before = await responseCount();
    const first = await post(campaign.slug, fields);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/r/${campaign.slug}/merci`);
    const again = await post(campaign.slug, fields);
    expect(again.statusCode).toBe(303);
    expect(await responseCount()).toBe(before + 1);
    const thanks = await t.app.inject({ method: 'GET', url: first.headers.location as string });
    expect(thanks.body).toContain('Merci');
  });

  it('re-renders a wrong or missing answer beside its question, keeps what was typed, stores nothing', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    const clientId = clientIdOf(page.body);
    const [s, sc, , n, tx] = q.questions.map((x) => `q_${x.id}`);
    const before = await responseCount();
    const res = await post(campaign.slug, [['client_id', clientId], [s!, 'oui'], [n!, 'beaucoup'], [tx!, 'Texte <gardé>']]);
    expect(res.statusCode).toBe(422);
    const html = res.body;
    expect(html).toContain('role="alert"');
    // Required scale missing; number wrong.
    expect(html).toMatch(new RegExp(`id="e_${q.questions[1]!.id}">Cette question est obligatoire`));
    expect(html).toMatch(new RegExp(`id="e_${q.questions[3]!.id}">Indiquez un nombre`));
    expect(html).toContain(`aria-invalid="true"`);
    // What was typed is kept (escaped), the choice stays checked, and the same one-time id is reused.
    expect(html).toContain('value="beaucoup"');
    expect(html).toContain('Texte &lt;gardé&gt;</textarea>');
    expect(html).toMatch(new RegExp(`name="${s}" id="${s}_0" value="oui" checked`));
    expect(clientIdOf(html)).toBe(clientId);
    expect(await responseCount()).toBe(before);
    expect(sc).toBeDefined();
  });

  it('accepts a French decimal comma', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    const [s, sc, , n] = q.questions.map((x) => `q_${x.id}`);
    const res = await post(campaign.slug, [['client_id', clientIdOf(page.body)], [s!, 'non'], [sc!, '2'], [n!, '2,5']]);
    expect(res.statusCode).toBe(303);
  });

  it('answers a friendly 404 page for an unknown link and 410 for a closed campaign', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/r/inconnu-xyz' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('n’existe pas');
    const closed = await createCampaign(bob, orgId, q.id, '2025');
    await bob.patch(`/api/organisations/${orgId}/campaigns/${closed.id}`, { status: 'closed' });
    const res = await t.app.inject({ method: 'GET', url: closed.publicPath });
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('terminée');
  });
});

describe('respondent page edges', () => {
  it('answers a long or odd link with a 404 page, never a 500', async () => {
    for (const url of [`/r/${'x'.repeat(300)}`, '/r/%00', '/r/ABC', `/r/${'x'.repeat(61)}/merci`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const post = await t.app.inject({ method: 'POST', url: `/r/${'y'.repeat(300)}`, payload: 'client_id=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(post.statusCode).toBe(404);
  });
});
