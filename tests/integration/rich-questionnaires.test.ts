import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { gzipSync } from 'node:zlib';
import { twentyQuestions } from '../fixtures/twenty-questions.ts';
import { createCampaign, createOrganisation, submit, type CampaignInfo } from '../support/factories.ts';

interface Q {
  id: string;
  key: string;
  section: number;
  type: string;
  showIf: unknown;
  items: { value: string }[];
  translations: Record<string, unknown>;
  easyFr: string;
}
interface Questionnaire {
  id: string;
  languages: string[];
  sections: { titleFr: string }[];
  translations: Record<string, { title?: string }>;
  questions: Q[];
}

let t: TestApp;
let bob: Persona;
let anonymous: Persona;
let orgId: string;
let rich: Questionnaire;
let campaign: CampaignInfo;

const yesNo = [
  { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' },
  { value: 'non', labelFr: 'Non', labelEn: 'No' },
];
const agree = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, labelFr: v }));

/** Three pages: about you (with a same-page condition), about the children (only if any), your feelings. */
const body = {
  title: 'Questionnaire complet',
  introFr: 'Merci de prendre ce temps.',
  languages: ['en', 'ar'],
  translations: { ar: { title: 'استبيان كامل' } },
  sections: [
    { titleFr: 'Vous', titleEn: 'You', translations: { ar: { title: 'أنت' } } },
    { titleFr: 'Vos enfants', titleEn: 'Your children' },
    { titleFr: 'Votre ressenti', titleEn: 'How you feel' },
  ],
  questions: [
    {
      key: 'children',
      type: 'single',
      labelFr: 'Avez-vous des enfants ?',
      labelEn: 'Do you have children?',
      easyFr: 'Vous avez des enfants ?',
      translations: { ar: { label: 'هل لديك أطفال؟', options: { oui: 'نعم', non: 'لا' } } },
      required: true,
      options: yesNo,
    },
    { key: 'how_many', type: 'number', labelFr: 'Combien ?', min: 1, max: 20, required: true, showIf: { question: 'children', op: 'equals', value: 'oui' } },
    { key: 'arrived', type: 'date', labelFr: 'Date d’arrivée dans le service' },
    { key: 'school', section: 1, type: 'single', labelFr: 'Vont-ils à l’école ?', options: yesNo, required: true, showIf: { question: 'children', op: 'equals', value: 'oui' } },
    {
      key: 'priorities',
      section: 1,
      type: 'ranking',
      labelFr: 'Classez vos priorités',
      options: [
        { value: 'logement', labelFr: 'Logement' },
        { value: 'emploi', labelFr: 'Emploi' },
        { value: 'sante', labelFr: 'Santé' },
      ],
      showIf: { all: [{ question: 'children', op: 'equals', value: 'oui' }, { question: 'how_many', op: 'gte', value: 1 }] },
    },
    { key: 'mood', section: 2, type: 'faces', labelFr: 'Comment vous sentez-vous ?', easyFr: 'Ça va ?', min: 1, max: 5, required: true },
    {
      key: 'life',
      section: 2,
      type: 'grid',
      labelFr: 'Êtes-vous d’accord ?',
      options: agree,
      items: [
        { value: 'ecoute', labelFr: 'Je me sens écouté·e' },
        { value: 'aide', labelFr: 'Je sais où demander de l’aide' },
      ],
    },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  bob = await signUp(t.app, 'Bob');
  anonymous = await signUp(t.app, 'Anonyme');
  orgId = (await createOrganisation(bob, 'Association complète')).id;
  const res = await bob.post(`/api/organisations/${orgId}/questionnaires`, body);
  expect(res.statusCode, res.body).toBe(201);
  rich = json<Questionnaire>(res);
  campaign = await createCampaign(bob, orgId, rich.id);
});
afterAll(async () => {
  await t?.close();
});

const idOf = (key: string) => rich.questions.find((q) => q.key === key)!.id;

describe('richer questionnaires through the API', () => {
  it('keeps sections, languages, translations, keys and conditions', () => {
    expect(rich.languages).toEqual(['en', 'ar']);
    expect(rich.sections.map((s) => s.titleFr)).toEqual(['Vous', 'Vos enfants', 'Votre ressenti']);
    expect(rich.translations.ar?.title).toBe('استبيان كامل');
    expect(rich.questions.map((q) => [q.key, q.section, q.type])).toEqual([
      ['children', 0, 'single'],
      ['how_many', 0, 'number'],
      ['arrived', 0, 'date'],
      ['school', 1, 'single'],
      ['priorities', 1, 'ranking'],
      ['mood', 2, 'faces'],
      ['life', 2, 'grid'],
    ]);
    expect(rich.questions[1]!.showIf).toEqual({ question: 'children', op: 'equals', value: 'oui' });
    expect(rich.questions[6]!.items.map((i) => i.value)).toEqual(['ecoute', 'aide']);
    expect(rich.questions[0]!.easyFr).toBe('Vous avez des enfants ?');
  });

  it('names questions q1, q2… when no key is given, skipping keys already taken', async () => {
    const res = await bob.post(`/api/organisations/${orgId}/questionnaires`, {
      title: 'Sans noms',
      questions: [
        { type: 'text', labelFr: 'Première' },
        { type: 'text', labelFr: 'Deuxième', key: 'q1' },
        { type: 'text', labelFr: 'Troisième' },
      ],
    });
    expect(json<Questionnaire>(res).questions.map((q) => q.key)).toEqual(['q2', 'q1', 'q3']);
  });

  it.each([
    ['a condition on a later question', [{ type: 'text', labelFr: 'Un', showIf: { question: 'deux', op: 'answered' } }, { key: 'deux', type: 'text', labelFr: 'Deux' }], 'condition_later_question'],
    ['a condition on itself', [{ key: 'un', type: 'text', labelFr: 'Un', showIf: { question: 'un', op: 'answered' } }], 'condition_later_question'],
    ['a condition on an unknown choice', [{ key: 'un', type: 'single', labelFr: 'Un', options: yesNo }, { type: 'text', labelFr: 'Deux', showIf: { question: 'un', op: 'equals', value: 'peut_etre' } }], 'condition_unknown_option'],
    ['two questions with one key', [{ key: 'un', type: 'text', labelFr: 'Un' }, { key: 'un', type: 'text', labelFr: 'Deux' }], 'duplicate_key'],
    ['a section that does not exist', [{ type: 'text', labelFr: 'Un', section: 2 }], 'unknown_section'],
    ['faces with four points', [{ type: 'faces', labelFr: 'Un', min: 1, max: 4 }], 'bad_faces'],
    ['faces that do not start at 1', [{ type: 'faces', labelFr: 'Un', min: 0, max: 4 }], 'bad_faces'],
    ['a grid without rows', [{ type: 'grid', labelFr: 'Un', options: agree }], 'too_few_items'],
    ['rows on a question that is not a grid', [{ type: 'single', labelFr: 'Un', options: yesNo, items: [{ value: 'a', labelFr: 'A' }] }], 'unexpected_items'],
    ['a ranking with one choice', [{ type: 'ranking', labelFr: 'Un', options: [yesNo[0]] }], 'too_few_options'],
    ['a date with choices', [{ type: 'date', labelFr: 'Un', options: yesNo }], 'unexpected_options'],
  ])('refuses %s with a clear field error', async (_name, questions, code) => {
    const res = await bob.post(`/api/organisations/${orgId}/questionnaires`, { title: 'Invalide', sections: [{ titleFr: 'A' }, { titleFr: 'B' }], questions });
    expect(res.statusCode, res.body).toBe(400);
    expect(json<{ errors: { code?: string }[] }>(res).errors.map((e) => e.code)).toContain(code);
  });

  it('refuses sections out of order and French as an extra language', async () => {
    const res = await bob.post(`/api/organisations/${orgId}/questionnaires`, {
      title: 'Désordre',
      sections: [{ titleFr: 'A' }, { titleFr: 'B' }],
      questions: [
        { type: 'text', labelFr: 'Un', section: 1 },
        { type: 'text', labelFr: 'Deux', section: 0 },
      ],
    });
    expect(json<{ errors: { code?: string }[] }>(res).errors.map((e) => e.code)).toContain('section_order');
    const fr = await bob.post(`/api/organisations/${orgId}/questionnaires`, { title: 'Langue', languages: ['fr'], questions: [{ type: 'text', labelFr: 'Un' }] });
    expect(fr.statusCode).toBe(400);
  });

  it('takes JSON answers of every new kind and stores them normalised', async () => {
    const res = await submit(anonymous, campaign.slug, {
      [idOf('children')]: 'oui',
      [idOf('how_many')]: 2,
      [idOf('arrived')]: '05/01/2026',
      [idOf('school')]: 'oui',
      [idOf('priorities')]: ['emploi', 'logement', 'sante'],
      [idOf('mood')]: 4,
      [idOf('life')]: { ecoute: '5', aide: '2' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('requires a shown question and ignores a hidden one', async () => {
    const missing = await submit(anonymous, campaign.slug, { [idOf('children')]: 'oui', [idOf('mood')]: 3 });
    expect(missing.statusCode).toBe(400);
    expect(json<{ errors: { field: string; code?: string }[] }>(missing).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: `answers.${idOf('how_many')}`, code: 'required' }), expect.objectContaining({ field: `answers.${idOf('school')}`, code: 'required' })]),
    );
    // "No children": how many, school and priorities are hidden; what was sent for them is dropped.
    const hidden = await submit(anonymous, campaign.slug, { [idOf('children')]: 'non', [idOf('how_many')]: 99, [idOf('mood')]: 3 });
    expect(hidden.statusCode, hidden.body).toBe(201);
  });

  it.each([
    ['an impossible date', 'arrived', '31/02/2026', 'not_a_date'],
    ['a grid sent as a list', 'life', ['5', '2'], 'wrong_type'],
    ['a grid row that does not exist', 'life', { inconnu: '5' }, 'unknown_option'],
    ['a ranking with a choice twice', 'priorities', ['emploi', 'emploi'], 'duplicate_rank'],
    ['faces beyond five', 'mood', 6, 'out_of_range'],
  ])('refuses %s', async (_name, key, value, code) => {
    const answers: Record<string, unknown> = { [idOf('children')]: 'oui', [idOf('how_many')]: 1, [idOf('school')]: 'non', [idOf('mood')]: 3, [idOf(key)]: value };
    const res = await submit(anonymous, campaign.slug, answers);
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { code?: string }[] }>(res).errors.map((e) => e.code)).toContain(code);
  });

  it('documents the new fields in the OpenAPI description', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('showIf');
    expect(doc.body).toContain('"faces"');
  });
});

const form = (fields: [string, string][]) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const post = (fields: [string, string][]) =>
  t.app.inject({ method: 'POST', url: campaign.publicPath, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' } });
/** The hidden fields of a page, to send them back as a browser would. */
const hiddenFields = (html: string): [string, string][] =>
  [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')]);
const count = async () => json<{ responseCount: number }[]>(await bob.get(`/api/organisations/${orgId}/campaigns`)).find((c) => c.responseCount !== undefined)!.responseCount;

describe('the respondent page, section by section, without script', () => {
  it('shows the first section only, numbered, with the same-page condition written out', async () => {
    const res = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h2>Vous</h2>');
    expect(html).toContain('Page 1 sur 2'); // The children page shows only once there are children.
    expect(html).toContain('Avez-vous des enfants ?');
    expect(html).not.toContain('Vont-ils à l’école ?');
    expect(html).not.toContain('Comment vous sentez-vous ?');
    expect(html).toContain('Répondez seulement si 1. « Avez-vous des enfants ? » est « Oui ».');
    expect(html).toContain('type="date"');
    // Enter presses "next": the first submit button of the form.
    expect(/<form[^>]*>\s*<button type="submit" name="nav" value="next" hidden>/.test(html)).toBe(true);
    expect(html).not.toMatch(/<script/i);
  });

  it('goes to the children page when there are children, skips it otherwise, and carries earlier answers', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    const base = hiddenFields(page.body);
    const yes = await post([...base, [`q_${idOf('children')}`, 'oui'], [`q_${idOf('how_many')}`, '2'], ['nav', 'next']]);
    expect(yes.statusCode).toBe(200);
    expect(yes.body).toContain('<h2>Vos enfants</h2>');
    expect(yes.body).toContain('Page 2 sur 3');
    expect(yes.body).toContain('<select');
    // What was answered on page 1 travels in hidden fields.
    expect(yes.body).toContain(`<input type="hidden" name="q_${idOf('children')}" value="oui">`);

    const no = await post([...base, [`q_${idOf('children')}`, 'non'], ['nav', 'next']]);
    expect(no.body).toContain('<h2>Votre ressenti</h2>');
    expect(no.body).toContain('Page 2 sur 2');
    expect(no.body).toContain('<use href="#f1"/>');
    expect(no.body).toContain('Très bien');
    // Back goes to page 1 with the answer still chosen.
    const back = await post([...hiddenFields(no.body), ['nav', 'back']]);
    expect(back.body).toContain('<h2>Vous</h2>');
    expect(back.body).toMatch(new RegExp(`name="q_${idOf('children')}" id="q_${idOf('children')}_1" value="non" checked`));
  });

  it('keeps the person on the page with a mistake, and stores the whole response once at the end', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    const p1 = hiddenFields(page.body);
    const missing = await post([...p1, [`q_${idOf('children')}`, 'oui'], ['nav', 'next']]);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('<h2>Vous</h2>');
    expect(missing.body).toContain('Cette question est obligatoire');

    const p2 = await post([...p1, [`q_${idOf('children')}`, 'oui'], [`q_${idOf('how_many')}`, '3'], [`q_${idOf('arrived')}`, '2026-01-05']]);
    const sameRank = await post([...hiddenFields(p2.body), [`q_${idOf('school')}`, 'oui'], [`q_${idOf('priorities')}__logement`, '1'], [`q_${idOf('priorities')}__emploi`, '1']]);
    expect(sameRank.statusCode).toBe(422);
    expect(sameRank.body).toContain('même rang');
    expect(sameRank.body).toContain('<option value="1" selected>');

    const p3 = await post([...hiddenFields(p2.body), [`q_${idOf('school')}`, 'oui'], [`q_${idOf('priorities')}__logement`, '2'], [`q_${idOf('priorities')}__emploi`, '1'], [`q_${idOf('priorities')}__sante`, '3']]);
    expect(p3.body).toContain('<h2>Votre ressenti</h2>');
    expect(p3.body).toContain('Envoyer mes réponses');
    const before = await count();
    const last = [...hiddenFields(p3.body), [`q_${idOf('mood')}`, '4'], [`q_${idOf('life')}__ecoute`, '5'], [`q_${idOf('life')}__aide`, '3']] as [string, string][];
    const done = await post(last);
    expect(done.statusCode, done.body).toBe(303);
    expect(done.headers.location).toBe(`${campaign.publicPath}/merci`);
    // A second tap stores nothing more.
    expect((await post(last)).statusCode).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it('switches to Arabic, right to left, and to easy-read, keeping what was typed', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    expect(page.body).toContain('value="easy:on"');
    expect(page.body).toContain('value="lang:ar"');
    const ar = await post([...hiddenFields(page.body), [`q_${idOf('children')}`, 'oui'], ['nav', 'lang:ar']]);
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('هل لديك أطفال؟');
    expect(ar.body).toContain('<h2>أنت</h2>');
    expect(ar.body).toContain('نعم');
    expect(ar.body).toMatch(new RegExp(`value="oui" checked`));
    const easy = await post([...hiddenFields(page.body), ['nav', 'easy:on']]);
    expect(easy.body).toContain('Vous avez des enfants ?');
    expect(easy.body).toContain('aria-pressed="true"');
    expect(easy.body).toContain('name="easy" value="1"');
    // An easy-read page goes on in easy-read.
    const next = await post([...hiddenFields(easy.body), [`q_${idOf('children')}`, 'non']]);
    expect(next.body).toContain('Ça va ?');
  });

  it('opens in a language asked for by link, and in French for one the questionnaire does not offer', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?lang=ar` })).body).toContain('dir="rtl"');
    expect((await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?lang=de` })).body).toContain('<html lang="fr"');
    expect((await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?facile=1` })).body).toContain('Vous avez des enfants ?');
  });
});

describe('the respondent page budget', () => {
  it('weighs under 30 KB compressed with twenty questions of every kind on one page, and travels compressed', async () => {
    const res = await bob.post(`/api/organisations/${orgId}/questionnaires`, twentyQuestions(1));
    expect(res.statusCode, res.body).toBe(201);
    const heavy = await createCampaign(bob, orgId, json<{ id: string }>(res).id);
    const page = await t.app.inject({ method: 'GET', url: heavy.publicPath });
    expect((page.body.match(/<span class="n">/g) ?? []).length).toBe(20);
    expect(gzipSync(Buffer.from(page.body)).length).toBeLessThanOrEqual(30 * 1024);
    const served = await t.app.inject({ method: 'GET', url: heavy.publicPath, headers: { 'accept-encoding': 'gzip' } });
    expect(served.headers['content-encoding']).toBe('gzip');
    expect(served.rawPayload.length).toBeLessThanOrEqual(30 * 1024);
  });
});
