import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import type { AppContext } from '../../context.ts';
import { RateLimited } from '../../plugins/rate-limit.ts';
import { AnswersRejected, getPublicCampaign } from '../collection/service.ts';
import { accessFields, codeNotice, formAccess, pairingCodeFrom, refusal, tokenFrom } from '../participation/respondent-fields.ts';
import { PairingCodeRejected, submitPublicResponse } from '../participation/service.ts';
import type { Html } from './html.ts';
import { checkAnswers, type AnswerError } from '../../../domain/answers.ts';
import { movePage, pageContent, rawAnswers, sectionsToShow, type FieldValue } from '../../../domain/form-flow.ts';
import { hasEasyWording, titleAndIntro } from '../../../domain/questionnaire-text.ts';
import { formPage, messagePage, noticePage, thanksPage, type FormState, type PageQuestion } from './page.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CSP)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

const slugOf = (params: unknown): string => {
  const slug = (params as { slug?: unknown }).slug;
  return typeof slug === 'string' ? slug : '';
};
const query = z.object({ lang: z.string().optional(), facile: z.string().optional() });
const asLang = (v: unknown): string => (typeof v === 'string' && /^[a-z]{2,3}$/.test(v) ? v : 'fr');
const langOf = (q: unknown): string => asLang(query.safeParse(q).data?.lang);
const validSlug = (slug: string) => /^[a-z0-9-]{4,40}$/.test(slug);

/**
 * Form fields arrive as `q_<questionId>` (one string, or several for a multiple choice), or
 * `q_<questionId>__<part>` for a ranking's ranks and a grid's rows.
 */
function formValues(body: Record<string, unknown>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(body)) {
    const m = /^q_([0-9a-f-]{36})(?:__([a-z0-9_]{1,60}))?$/.exec(key);
    if (!m) continue;
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    const [, id, part] = m as unknown as [string, string, string | undefined];
    if (part === undefined) {
      out[id] = list;
    } else {
      const current = out[id];
      const record = current && !Array.isArray(current) ? current : {};
      record[part] = list[0] ?? '';
      out[id] = record;
    }
  }
  return out;
}

type Loaded = Awaited<ReturnType<typeof getPublicCampaign>>;

/** The questions as the page and the flow read them. */
function pageQuestions(loaded: Loaded): PageQuestion[] {
  return loaded.questions.map((q) => ({ ...q, showIf: q.showIf ?? null }));
}

/** The languages a questionnaire is offered in, French first; any other asked for is French. */
function offered(loaded: Loaded, asked: string): { lang: string; languages: string[] } {
  const languages = ['fr', ...loaded.found.questionnaire.languages.filter((l) => l !== 'fr')];
  return { lang: languages.includes(asked) ? asked : 'fr', languages };
}

function view(loaded: Loaded, args: { lang: string; easy: boolean; slug: string; section: number; state: FormState; extra?: Html; notice?: string }): string {
  const questions = pageQuestions(loaded);
  const qn = loaded.found.questionnaire;
  const { lang, languages } = offered(loaded, args.lang);
  const sectionCount = qn.sections.length;
  const pages = sectionsToShow(questions, sectionCount, args.state.values);
  const index = Math.max(0, pages.indexOf(args.section));
  const content = pageContent(questions, args.section, args.state.values);
  const text = titleAndIntro({ titleFr: qn.title, introFr: qn.introFr, translations: qn.translations }, lang);
  return formPage({
    lang,
    easy: args.easy,
    slug: args.slug,
    title: text.title,
    organisationName: loaded.found.organisationName,
    intro: text.intro,
    languages,
    offerEasy: hasEasyWording(questions, lang),
    sections: qn.sections,
    questions,
    page: { section: args.section, number: index + 1, count: Math.max(1, pages.length), first: index === 0, last: index >= pages.length - 1 },
    shown: content.shown,
    conditional: content.conditional,
    state: args.state,
    notice: args.notice,
    extra: args.extra,
  });
}

async function load(db: AppContext['db'], slug: string): Promise<Loaded | null> {
  try {
    return await getPublicCampaign(db, slug);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}

/**
 * The respondent's page: plain HTML rendered here, working without JavaScript, one page per
 * section. Answers of other pages travel in hidden fields, so that nothing is kept on the server
 * until the whole form is sent. The form carries a one-time id, so that a double tap or a retry
 * stores one response; after a successful post the browser is sent to the thank-you page
 * (post/redirect/get).
 */
export function respondentRoutes(app: FastifyInstance, { db, publicLimits }: AppContext) {
  app.get('/r/:slug', { schema: { hide: true } }, async (request, reply) => {
    const asked = langOf(request.query);
    const slug = slugOf(request.params);
    if (!validSlug(slug)) return sendHtml(reply, 404, messagePage(asked, 'notFound'));
    const loaded = await load(db, slug);
    if (!loaded) return sendHtml(reply, 404, messagePage(asked, 'notFound'));
    const lang = offered(loaded, asked).lang;
    if (loaded.found.campaign.status !== 'open') return sendHtml(reply, 410, messagePage(lang, 'closed', loaded.found.questionnaire.title));
    const token = tokenFrom(request.query);
    const access = await formAccess(db, loaded.found.campaign, token, lang);
    if (access.refused) return sendHtml(reply, access.refused.status, noticePage(lang, access.refused.text, loaded.found.questionnaire.title));
    const extra = accessFields(loaded.found.campaign, lang, { token, code: null, codeError: null, visible: true });
    const state: FormState = { clientId: randomUUID(), values: {}, errors: {} };
    const first = sectionsToShow(pageQuestions(loaded), loaded.found.questionnaire.sections.length, {})[0] ?? 0;
    const easy = query.safeParse(request.query).data?.facile === '1';
    return sendHtml(reply, 200, view(loaded, { lang, easy, slug, section: first, state, extra }));
  });

  app.get('/r/:slug/merci', { schema: { hide: true } }, async (request, reply) => {
    const asked = langOf(request.query);
    const slug = slugOf(request.params);
    if (!validSlug(slug)) return sendHtml(reply, 404, messagePage(asked, 'notFound'));
    const loaded = await load(db, slug);
    if (!loaded) return sendHtml(reply, 404, messagePage(asked, 'notFound'));
    return sendHtml(reply, 200, thanksPage(offered(loaded, asked).lang, slug, loaded.found.questionnaire.title));
  });

  app.post('/r/:slug', { schema: { hide: true }, bodyLimit: 256 * 1024 }, async (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const slug = slugOf(request.params);
    const asked = typeof body.lang === 'string' ? asLang(body.lang) : langOf(request.query);
    if (!validSlug(slug)) return sendHtml(reply, 404, messagePage(asked, 'notFound'));
    const loaded = await load(db, slug);
    if (!loaded) return sendHtml(reply, 404, messagePage(asked, 'notFound'));
    let lang = offered(loaded, asked).lang;
    let easy = body.easy === '1';
    const values = formValues(body);
    const sentId = typeof body.client_id === 'string' && z.uuid().safeParse(body.client_id).success ? body.client_id : null;
    const questions = pageQuestions(loaded);
    const sectionCount = loaded.found.questionnaire.sections.length;
    const pages = sectionsToShow(questions, sectionCount, values);
    const sentPage = typeof body.page === 'string' && /^\d{1,2}$/.test(body.page) ? Number(body.page) : (pages[0] ?? 0);
    const nav = typeof body.nav === 'string' ? body.nav : 'next';
    const access = { invitationToken: tokenFrom(body), pairingCode: pairingCodeFrom(body) };
    // The code field is on the first page; other pages carry it hidden.
    const show = (section: number, errors: Record<string, string>, status: number, codeError: string | null = null, notice?: string) =>
      sendHtml(
        reply,
        status,
        view(loaded, {
          lang,
          easy,
          slug,
          section,
          state: { clientId: sentId ?? randomUUID(), values, errors },
          notice,
          extra: accessFields(loaded.found.campaign, lang, { token: access.invitationToken, code: access.pairingCode, codeError, visible: section === (pages[0] ?? 0) }),
        }),
      );
    if (!sentId) return show(pages[0] ?? 0, {}, 400);

    // Switching language or easy-read keeps the page and everything typed.
    if (nav.startsWith('lang:')) {
      lang = offered(loaded, asLang(nav.slice(5))).lang;
      return show(sentPage, {}, 200);
    }
    if (nav === 'easy:on' || nav === 'easy:off') {
      easy = nav === 'easy:on';
      return show(sentPage, {}, 200);
    }
    if (nav === 'back') return show(movePage(questions, sectionCount, sentPage, values, -1) ?? sentPage, {}, 200);

    const errorsOf = (list: AnswerError[]) => Object.fromEntries(list.map((e) => [e.questionId, lang === 'fr' ? e.fr : e.en]));
    const sectionOf = new Map(questions.map((q) => [q.id, q.section]));
    // Check what was answered so far: the first page with a mistake is shown again.
    const upTo = questions.filter((q) => q.section <= sentPage);
    const checked = checkAnswers(upTo, rawAnswers(upTo, values));
    if (!checked.ok) {
      const errors = checked.errors.filter((e) => sectionOf.has(e.questionId));
      if (errors.length > 0) return show(Math.min(...errors.map((e) => sectionOf.get(e.questionId)!)), errorsOf(errors), 422);
    }
    const next = movePage(questions, sectionCount, sentPage, values, 1);
    if (next !== null) return show(next, {}, 200);

    // The answer counts against the campaign's limit for this address only now that it is
    // stored; when over, the last page comes back with everything typed, to send again later.
    try {
      publicLimits.submission(slug, request.ip);
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      void reply.header('retry-after', String(error.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      const notice =
        lang === 'fr'
          ? `Beaucoup de réponses sont arrivées de ce réseau en peu de temps. Vos réponses sont gardées sur cette page : renvoyez-les dans ${minutes} minute${minutes > 1 ? 's' : ''}.`
          : `Many answers came from this network in a short time. Your answers are kept on this page: send them again in ${minutes} minute${minutes > 1 ? 's' : ''}.`;
      return show(sentPage, {}, 429, null, notice);
    }
    let given: string | null | undefined;
    try {
      given = (await submitPublicResponse(db, slug, { clientId: sentId, answers: rawAnswers(questions, values), ...access }, 'web')).pairingCode;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'campaign_closed') return sendHtml(reply, 410, messagePage(lang, 'closed', loaded.found.questionnaire.title));
      if (error instanceof DomainError && error.code.startsWith('invitation_')) {
        const refused = refusal(error, lang);
        return sendHtml(reply, refused.status, noticePage(lang, refused.text, loaded.found.questionnaire.title));
      }
      if (error instanceof PairingCodeRejected) return show(pages[0] ?? 0, {}, 422, lang === 'fr' ? error.messageFr : error.messageEn);
      if (error instanceof AnswersRejected) {
        const known = error.answerErrors.filter((e) => sectionOf.has(e.questionId));
        const section = known.length > 0 ? Math.min(...known.map((e) => sectionOf.get(e.questionId)!)) : sentPage;
        return show(section, errorsOf(known), 422);
      }
      throw error;
    }
    // A handed-out code is shown at once rather than put in a URL (a shared tablet's history).
    if (given) return sendHtml(reply, 200, thanksPage(lang, slug, loaded.found.questionnaire.title, codeNotice(lang, given)));
    return reply.redirect(`/r/${slug}/merci${lang === 'fr' ? '' : `?lang=${lang}`}`, 303);
  });
}
