import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, ORIGIN, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, addMember, adopt, createOrganisation, createQuestionnaire, meanIndicator, shareIndicator, submit, type OrgInfo, type QuestionnaireInfo } from '../support/factories.ts';
import { makePairingCode } from '../../src/domain/pairing-code.ts';

interface Campaign {
  id: string;
  slug: string;
  publicPath: string;
  audience: string;
  invitationOnly: boolean;
  pairing: string | null;
  pairedWithCampaignId: string | null;
  pairingCodeOptional: boolean;
  responseCount: number;
}
interface Invitation {
  id: string;
  email: string;
  link: string | null;
  sentAt: string | null;
  remindedAt: string | null;
  answered: boolean;
  answeredOn: string | null;
  revoked: boolean;
}

let t: TestApp;
let bob: Persona;
let vera: Persona;
let chelsea: Persona;
let anonymous: Persona;
let org: OrgInfo;
let outsider: OrgInfo;
let q: QuestionnaireInfo;

const yesNo = [
  { value: 'oui', labelFr: 'Oui' },
  { value: 'non', labelFr: 'Non' },
];

async function newCampaign(body: Record<string, unknown>) {
  const res = await bob.post(`/api/organisations/${org.id}/campaigns`, { name: 'Campagne', questionnaireId: q.id, period: '2026', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json<Campaign>(res);
}

const form = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const postForm = (path: string, fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: path, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } });
const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;

/** A complete valid answer set: confidence (share) and well-being (scale). */
const answersFor = (conf: 'oui' | 'non', wellBeing: number) => ({ [q.questions[0]!.id]: conf, [q.questions[1]!.id]: wellBeing });

beforeAll(async () => {
  t = await createTestApp();
  bob = await signUp(t.app, 'Bob');
  vera = await signUp(t.app, 'Vera');
  chelsea = await signUp(t.app, 'Chelsea');
  anonymous = await signUp(t.app, 'Anonyme');
  anonymous.cookie = null;
  org = await createOrganisation(bob, 'Association');
  outsider = await createOrganisation(chelsea, 'Dehors');
  await addMember(bob, org.id, vera, 'viewer');
  await addIndicator(bob, org.specificFrameworkId, shareIndicator('CONF', ['oui']));
  await addIndicator(bob, org.specificFrameworkId, meanIndicator('BIEN'));
  await adopt(bob, org.specificFrameworkId);
  q = await createQuestionnaire(bob, org.id, [
    { type: 'single', labelFr: 'Avez-vous confiance en vous ?', options: yesNo, indicator: { frameworkId: org.specificFrameworkId, code: 'CONF' } },
    { type: 'scale', labelFr: 'Votre bien-être', indicator: { frameworkId: org.specificFrameworkId, code: 'BIEN' } },
    { type: 'text', labelFr: 'Un mot ?' },
  ]);
});
afterAll(async () => {
  await t?.close();
});

describe('audience', () => {
  it('defaults to the people supported and keeps the group chosen at creation', async () => {
    expect((await newCampaign({})).audience).toBe('beneficiaries');
    const staff = await newCampaign({ audience: 'staff' });
    expect(staff.audience).toBe('staff');
    const list = json<Campaign[]>(await bob.get(`/api/organisations/${org.id}/campaigns`));
    expect(list.find((c) => c.id === staff.id)?.audience).toBe('staff');
    expect((await bob.post(`/api/organisations/${org.id}/campaigns`, { name: 'X', questionnaireId: q.id, period: '2026', audience: 'donors' })).statusCode).toBe(400);
  });
});

describe('invitations', () => {
  let campaign: Campaign;
  let invitations: Invitation[];

  beforeAll(async () => {
    campaign = await newCampaign({ audience: 'volunteers', invitationOnly: true });
  });

  it('turns a pasted list into one link per address, shown for copying when no e-mail is configured', async () => {
    const res = await bob.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`, {
      addresses: 'anne@exemple.org, Bruno <bruno@exemple.org>;\nCLAIRE@exemple.org\nclaire@exemple.org pas-une-adresse@ david@exemple.org',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = json<{ delivery: string; created: Invitation[]; invalid: string[]; alreadyInvited: string[] }>(res);
    expect(body.delivery).toBe('copy');
    expect(body.created.map((i) => i.email).sort()).toEqual(['anne@exemple.org', 'bruno@exemple.org', 'claire@exemple.org', 'david@exemple.org']);
    expect(body.invalid).toEqual(['pas-une-adresse@']);
    const tokens = body.created.map((i) => tokenOf(i.link!));
    expect(new Set(tokens).size).toBe(4);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const i of body.created) {
      // Without SOCLE_PUBLIC_URL, links start with the address the server was reached at.
      expect(i.link).toBe(`http://localhost:80/r/${campaign.slug}?t=${tokenOf(i.link!)}`);
      expect(i.sentAt).toBeNull();
    }
    const again = json<{ created: Invitation[]; alreadyInvited: string[] }>(await bob.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`, { addresses: 'anne@exemple.org' }));
    expect(again.created).toEqual([]);
    expect(again.alreadyInvited).toEqual(['anne@exemple.org']);
    invitations = json<Invitation[]>(await bob.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`));
    expect(invitations).toHaveLength(4);
  });

  it('keeps the links from viewers and outsiders', async () => {
    expect((await vera.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`)).statusCode).toBe(403);
    expect((await chelsea.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`)).statusCode).toBe(404);
    expect((await chelsea.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`, { addresses: 'x@y.fr' })).statusCode).toBe(404);
    expect((await anonymous.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`)).statusCode).toBe(401);
    expect((await chelsea.get(`/api/organisations/${outsider.id}/campaigns/${campaign.id}/invitations`)).statusCode).toBe(404);
  });

  it('refuses an invitation-only campaign without a link, on the page and through the API', async () => {
    const page = await t.app.inject({ method: 'GET', url: campaign.publicPath });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('sur invitation');
    const api = await submit(anonymous, campaign.slug, answersFor('oui', 3));
    expect(api.statusCode).toBe(403);
    expect(api.json<{ code: string }>().code).toBe('invitation_required');
    const forged = await anonymous.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 3), invitationToken: 'x'.repeat(43) });
    expect(forged.json<{ code: string }>().code).toBe('invitation_unknown');
  });

  it('accepts one answer per link, even from another client id, and says so clearly', async () => {
    const anne = invitations.find((i) => i.email === 'anne@exemple.org')!;
    const token = tokenOf(anne.link!);
    const page = await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?t=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`name="t" value="${token}"`);
    const clientId = /name="client_id" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const first = await postForm(campaign.publicPath, { client_id: clientId, t: token, [`q_${q.questions[0]!.id}`]: 'oui', [`q_${q.questions[1]!.id}`]: '4' });
    expect(first.statusCode).toBe(303);
    // The same form sent again (a double tap) is acknowledged, not stored twice.
    expect((await postForm(campaign.publicPath, { client_id: clientId, t: token, [`q_${q.questions[0]!.id}`]: 'oui' })).statusCode).toBe(303);
    // Another client id with the same link: refused.
    const second = await postForm(campaign.publicPath, { client_id: crypto.randomUUID(), t: token, [`q_${q.questions[0]!.id}`]: 'non' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('déjà été envoyée avec ce lien');
    const api = await anonymous.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('non', 1), invitationToken: token });
    expect(api.statusCode).toBe(409);
    expect(api.json<{ code: string }>().code).toBe('invitation_used');
    expect((await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?t=${token}` })).statusCode).toBe(409);
    const list = json<Campaign[]>(await bob.get(`/api/organisations/${org.id}/campaigns`));
    expect(list.find((c) => c.id === campaign.id)?.responseCount).toBe(1);
  });

  it('stores one response when the same link is sent twice at the same moment', async () => {
    const bruno = invitations.find((i) => i.email === 'bruno@exemple.org')!;
    const token = tokenOf(bruno.link!);
    const results = await Promise.all(
      [1, 2, 3].map(() => anonymous.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 5), invitationToken: token })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const list = json<Campaign[]>(await bob.get(`/api/organisations/${org.id}/campaigns`));
    expect(list.find((c) => c.id === campaign.id)?.responseCount).toBe(2);
  });

  it('records only the day a link was used, never which response', async () => {
    const rows = json<Invitation[]>(await bob.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`));
    const anne = rows.find((i) => i.email === 'anne@exemple.org')!;
    expect(anne.answered).toBe(true);
    expect(anne.answeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(anne.link).toBeNull();
    const columns = await t.database.db.execute<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'campaign_invitations'`);
    const names = ((columns as { rows?: { column_name: string }[] }).rows ?? (columns as { column_name: string }[])).map((c) => c.column_name);
    expect(names).toContain('answered_on');
    expect(names.some((n) => n.includes('response'))).toBe(false);
  });

  it('revokes a link, which then stops working; an answered one cannot be revoked', async () => {
    const rows = json<Invitation[]>(await bob.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`));
    const claire = rows.find((i) => i.email === 'claire@exemple.org')!;
    const anne = rows.find((i) => i.email === 'anne@exemple.org')!;
    expect((await vera.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations/${claire.id}/revoke`)).statusCode).toBe(403);
    const revoked = await bob.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations/${claire.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(json<Invitation>(revoked).revoked).toBe(true);
    expect((await bob.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations/${anne.id}/revoke`)).statusCode).toBe(409);
    const token = tokenOf(claire.link!);
    const page = await t.app.inject({ method: 'GET', url: `${campaign.publicPath}?t=${token}` });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('retiré');
    const api = await anonymous.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 2), invitationToken: token });
    expect(api.statusCode).toBe(403);
    expect(api.json<{ code: string }>().code).toBe('invitation_revoked');
  });

  it('reminds only those who have not answered and whose link still works, and records when', async () => {
    const res = await bob.post(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations/remind`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ delivery: string; reminded: Invitation[] }>(res);
    expect(body.delivery).toBe('copy');
    expect(body.reminded.map((i) => i.email)).toEqual(['david@exemple.org']);
    expect(body.reminded[0]!.link).toContain('?t=');
    const rows = json<Invitation[]>(await bob.get(`/api/organisations/${org.id}/campaigns/${campaign.id}/invitations`));
    expect(rows.find((i) => i.email === 'david@exemple.org')!.remindedAt).not.toBeNull();
    for (const email of ['anne@exemple.org', 'bruno@exemple.org', 'claire@exemple.org']) expect(rows.find((i) => i.email === email)!.remindedAt).toBeNull();
  });

  it('enforces a link on an open campaign too, which still takes answers without one', async () => {
    const open = await newCampaign({ audience: 'partners' });
    const created = json<{ created: Invitation[] }>(await bob.post(`/api/organisations/${org.id}/campaigns/${open.id}/invitations`, { addresses: 'p@partenaire.fr' }));
    const token = tokenOf(created.created[0]!.link!);
    expect((await submit(anonymous, open.slug, answersFor('oui', 3))).statusCode).toBe(201);
    const send = () => anonymous.request('POST', `/api/public/campaigns/${open.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 3), invitationToken: token });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(409);
  });
});

describe('before and after', () => {
  let before: Campaign;
  let after: Campaign;

  beforeAll(async () => {
    before = await newCampaign({ pairing: 'before' });
    after = await newCampaign({ pairing: 'after', pairedWithCampaignId: before.id });
  });

  it('pairs an "after" campaign only with a "before" campaign of the same organisation', async () => {
    expect(after.pairedWithCampaignId).toBe(before.id);
    const plain = await newCampaign({});
    const bad = await bob.post(`/api/organisations/${org.id}/campaigns`, { name: 'Après', questionnaireId: q.id, period: '2026', pairing: 'after', pairedWithCampaignId: plain.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('pairing_not_before');
    expect((await bob.post(`/api/organisations/${org.id}/campaigns`, { name: 'Après', questionnaireId: q.id, period: '2026', pairing: 'after' })).json<{ code: string }>().code).toBe('pairing_missing');
    const theirQ = await createQuestionnaire(chelsea, outsider.id, [{ type: 'scale', labelFr: 'Moral' }]);
    const theirs = json<Campaign>(await chelsea.post(`/api/organisations/${outsider.id}/campaigns`, { name: 'Avant', questionnaireId: theirQ.id, period: '2026', pairing: 'before' }));
    expect((await bob.post(`/api/organisations/${org.id}/campaigns`, { name: 'Après', questionnaireId: q.id, period: '2026', pairing: 'after', pairedWithCampaignId: theirs.id })).json<{ code: string }>().code).toBe('pairing_not_before');
  });

  it('hands out a code on the thank-you page of the "before" campaign', async () => {
    const page = await t.app.inject({ method: 'GET', url: before.publicPath });
    expect(page.body).toContain('name="pairing_code"');
    const clientId = /name="client_id" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const res = await postForm(before.publicPath, { client_id: clientId, [`q_${q.questions[0]!.id}`]: 'non', [`q_${q.questions[1]!.id}`]: '2' });
    expect(res.statusCode).toBe(200);
    const code = /id="pairing-code"[^>]*>([A-Z0-9]{6})</.exec(res.body)?.[1];
    expect(code).toBeDefined();
    // A retry of the same form shows the same code again, and stores nothing new.
    const retry = await postForm(before.publicPath, { client_id: clientId, [`q_${q.questions[0]!.id}`]: 'non' });
    expect(retry.body).toContain(`>${code}<`);
    // The "after" form asks for it; an unknown code is refused with a clear message.
    const afterPage = await t.app.inject({ method: 'GET', url: after.publicPath });
    expect(afterPage.body).toContain('Votre code de suivi');
    const unknown = makePairingCode([9, 9, 9, 9, 9]) === code ? makePairingCode([8, 8, 8, 8, 8]) : makePairingCode([9, 9, 9, 9, 9]);
    const refused = await postForm(after.publicPath, { client_id: crypto.randomUUID(), pairing_code: unknown, [`q_${q.questions[1]!.id}`]: '4' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Ce code est inconnu');
    const typo = await postForm(after.publicPath, { client_id: crypto.randomUUID(), pairing_code: code!.slice(0, 5) + (code!.endsWith('A') ? 'B' : 'A'), [`q_${q.questions[1]!.id}`]: '4' });
    expect(typo.statusCode).toBe(422);
    expect(typo.body).toContain('faute de frappe');
    const none = await postForm(after.publicPath, { client_id: crypto.randomUUID(), [`q_${q.questions[1]!.id}`]: '4' });
    expect(none.statusCode).toBe(422);
    // Typed in lower case with a space: still the same code.
    const linked = await postForm(after.publicPath, { client_id: crypto.randomUUID(), pairing_code: `${code!.slice(0, 3).toLowerCase()} ${code!.slice(3)}`, [`q_${q.questions[0]!.id}`]: 'oui', [`q_${q.questions[1]!.id}`]: '4' });
    expect(linked.statusCode).toBe(303);
    const twice = await postForm(after.publicPath, { client_id: crypto.randomUUID(), pairing_code: code!, [`q_${q.questions[1]!.id}`]: '5' });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('déjà servi');
  });

  it('takes a code the person already has on the "before" form, and refuses one already used there', async () => {
    const own = makePairingCode([1, 2, 3, 4, 5]);
    const res = await anonymous.request('POST', `/api/public/campaigns/${before.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 3), pairingCode: own });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ pairingCode: string }>().pairingCode).toBe(own);
    const again = await anonymous.request('POST', `/api/public/campaigns/${before.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 3), pairingCode: own });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ code: string }>().code).toBe('pairing_code_used');
  });

  it('measures change over linked pairs only', async () => {
    // Pairs through the API: (before conf, before well-being) → (after conf, after well-being).
    const people: [[('oui' | 'non'), number], [('oui' | 'non'), number | null]][] = [
      [['non', 2], ['oui', 4]],
      [['oui', 3], ['oui', 3]],
      [['oui', 5], ['non', null]],
    ];
    const first = json<{ pairingCode: string }>(await anonymous.request('POST', `/api/public/campaigns/${before.slug}/responses`, { clientId: crypto.randomUUID(), answers: {} }));
    expect(first.pairingCode).toMatch(/^[A-Z0-9]{6}$/);
    for (const [b, a] of people) {
      const given = json<{ pairingCode: string }>(await anonymous.request('POST', `/api/public/campaigns/${before.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor(...b) }));
      const answers: Record<string, unknown> = { [q.questions[0]!.id]: a[0] };
      if (a[1] !== null) answers[q.questions[1]!.id] = a[1];
      expect((await anonymous.request('POST', `/api/public/campaigns/${after.slug}/responses`, { clientId: crypto.randomUUID(), answers, pairingCode: given.pairingCode })).statusCode).toBe(201);
    }
    // An "after" answer without a code is refused (the code is required here).
    expect((await anonymous.request('POST', `/api/public/campaigns/${after.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 5) })).json<{ code: string }>().code).toBe('pairing_code_required');

    const res = await vera.get(`/api/organisations/${org.id}/campaigns/${after.id}/paired-change`);
    expect(res.statusCode, res.body).toBe(200);
    const change = json<{ pairs: number; questions: { indicator: { code: string; kind: string }; pairs: number; meanBefore: number; meanAfter: number; meanChange: number; improved: number; same: number; worsened: number }[] }>(res);
    // Linked: the form pair of the previous test (non,2 → oui,4) and the three above.
    expect(change.pairs).toBe(4);
    const conf = change.questions.find((x) => x.indicator.code === 'CONF')!;
    expect(conf.indicator.kind).toBe('share');
    expect(conf.pairs).toBe(4);
    expect(conf.meanBefore).toBeCloseTo(2 / 4, 10);
    expect(conf.meanAfter).toBeCloseTo(3 / 4, 10);
    expect(conf.improved).toBeCloseTo(2 / 4, 10);
    expect(conf.same).toBeCloseTo(1 / 4, 10);
    expect(conf.worsened).toBeCloseTo(1 / 4, 10);
    const bien = change.questions.find((x) => x.indicator.code === 'BIEN')!;
    // The third person skipped it afterwards: 3 pairs (2→4, 2→4, 3→3).
    expect(bien.pairs).toBe(3);
    expect(bien.meanBefore).toBeCloseTo(7 / 3, 10);
    expect(bien.meanAfter).toBeCloseTo(11 / 3, 10);
    expect(bien.meanChange).toBeCloseTo(4 / 3, 10);
    expect(bien.improved).toBeCloseTo(2 / 3, 10);
    // The same figures from the "before" side; nothing for an outsider or a plain campaign.
    expect(json<{ pairs: number }>(await bob.get(`/api/organisations/${org.id}/campaigns/${before.id}/paired-change`)).pairs).toBe(4);
    expect((await chelsea.get(`/api/organisations/${org.id}/campaigns/${after.id}/paired-change`)).statusCode).toBe(404);
    const plain = await newCampaign({});
    expect((await bob.get(`/api/organisations/${org.id}/campaigns/${plain.id}/paired-change`)).statusCode).toBe(400);
  });

  it('lets people answer without a code when the organisation chose so, but still checks a typed one', async () => {
    const optional = await newCampaign({ pairing: 'after', pairedWithCampaignId: before.id, pairingCodeOptional: true });
    const page = await t.app.inject({ method: 'GET', url: optional.publicPath });
    expect(page.body).toContain('(facultatif)');
    expect((await anonymous.request('POST', `/api/public/campaigns/${optional.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 5) })).statusCode).toBe(201);
    const bad = await anonymous.request('POST', `/api/public/campaigns/${optional.slug}/responses`, { clientId: crypto.randomUUID(), answers: answersFor('oui', 5), pairingCode: makePairingCode([30, 29, 28, 27, 26]) });
    expect(bad.json<{ code: string }>().code).toBe('pairing_code_unknown');
  });
});

describe('across the pages of a sectioned form', () => {
  const hiddenFields = (html: string): Record<string, string> =>
    Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));

  it('carries the invitation token and the code through every page and a language switch', async () => {
    const put = await bob.post(`/api/organisations/${org.id}/questionnaires`, {
      title: 'En deux pages',
      languages: ['en'],
      sections: [{ titleFr: 'Vous' }, { titleFr: 'Un mot' }],
      questions: [
        { type: 'scale', labelFr: 'Votre bien-être', labelEn: 'Your well-being', section: 0, indicator: { frameworkId: org.specificFrameworkId, code: 'BIEN' } },
        { type: 'text', labelFr: 'Un mot ?', labelEn: 'A word?', section: 1 },
      ],
    });
    expect(put.statusCode, put.body).toBe(201);
    const sectioned = json<{ id: string }>(put);
    const qs = json<{ questions: { id: string }[] }>(put).questions;
    const before = json<Campaign>(await bob.post(`/api/organisations/${org.id}/campaigns`, { name: 'Avant', questionnaireId: sectioned.id, period: '2026', pairing: 'before', invitationOnly: true }));
    const created = json<{ created: Invitation[] }>(await bob.post(`/api/organisations/${org.id}/campaigns/${before.id}/invitations`, { addresses: 'page@exemple.org' }));
    const token = tokenOf(created.created[0]!.link!);
    const own = makePairingCode([4, 4, 4, 4, 4]);

    const first = await t.app.inject({ method: 'GET', url: `${before.publicPath}?t=${token}` });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('id="pairing_code"');
    // Switch to English on page 1: the token stays.
    const english = await postForm(before.publicPath, { ...hiddenFields(first.body), pairing_code: own, nav: 'lang:en' });
    expect(english.statusCode).toBe(200);
    expect(english.body).toContain('Your well-being');
    expect(hiddenFields(english.body).t).toBe(token);
    // Page 2: the code is carried hidden, the field is not shown again.
    const second = await postForm(before.publicPath, { ...hiddenFields(english.body), pairing_code: own, [`q_${qs[0]!.id}`]: '3', nav: 'next' });
    expect(second.statusCode).toBe(200);
    expect(second.body).not.toContain('id="pairing_code"');
    expect(hiddenFields(second.body)).toMatchObject({ t: token, pairing_code: own });
    const done = await postForm(before.publicPath, { ...hiddenFields(second.body), [`q_${qs[1]!.id}`]: 'merci', nav: 'next' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`>${own}<`);
    const rows = json<Invitation[]>(await bob.get(`/api/organisations/${org.id}/campaigns/${before.id}/invitations`));
    expect(rows[0]!.answered).toBe(true);
  });
});

describe('before and after, entered by a field worker', () => {
  it('keeps the pairing rules for assisted answers: a code given on the device links them', async () => {
    const before = await newCampaign({ pairing: 'before' });
    const after = await newCampaign({ pairing: 'after', pairedWithCampaignId: before.id });
    const assisted = (c: Campaign, body: Record<string, unknown>) => bob.post(`/api/organisations/${org.id}/campaigns/${c.id}/responses`, { clientId: crypto.randomUUID(), mode: 'paper', ...body });
    // The device makes the code and hands it over, offline too; the server keeps it.
    const code = makePairingCode([4, 8, 15, 16, 23]);
    const first = await assisted(before, { answers: answersFor('non', 2), pairingCode: code });
    expect(first.statusCode, first.body).toBe(201);
    expect(json<{ pairingCode: string }>(first).pairingCode).toBe(code);
    // Without a code, an "after" campaign refuses an assisted answer as it refuses any other.
    const none = await assisted(after, { answers: answersFor('oui', 4) });
    expect(none.statusCode).toBe(400);
    expect(json<{ code: string }>(none).code).toBe('pairing_code_required');
    expect((await assisted(after, { answers: answersFor('oui', 4), pairingCode: code })).statusCode).toBe(201);
    const change = json<{ pairs: number }>(await bob.get(`/api/organisations/${org.id}/campaigns/${after.id}/paired-change`));
    expect(change.pairs).toBe(1);
  });
});
