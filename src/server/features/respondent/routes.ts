import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import type { AppContext } from '../../context.ts';
import { AnswersRejected, getPublicCampaign } from '../collection/service.ts';
import { accessFields, codeNotice, formAccess, pairingCodeFrom, refusal, tokenFrom } from '../participation/respondent-fields.ts';
import { PairingCodeRejected, submitPublicResponse } from '../participation/service.ts';
import { formPage, messagePage, noticePage, thanksPage, type FormState, type Lang } from './page.ts';

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
const query = z.object({ lang: z.string().optional() });
const langOf = (q: unknown): Lang => (query.safeParse(q).data?.lang === 'en' ? 'en' : 'fr');
const validSlug = (slug: string) => /^[a-z0-9-]{4,40}$/.test(slug);

/** Form fields arrive as `q_<questionId>`: one string, or several for a multiple choice. */
function formValues(body: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith('q_')) continue;
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    out[key.slice(2)] = list;
  }
  return out;
}

/**
 * The respondent's page: plain HTML rendered here, working without JavaScript. The form carries
 * a one-time id, so that a double tap or a retry stores one response; after a successful post
 * the browser is sent to the thank-you page (post/redirect/get).
 */
export function respondentRoutes(app: FastifyInstance, { db }: AppContext) {
  app.get('/r/:slug', { schema: { hide: true } }, async (request, reply) => {
    const lang = langOf(request.query);
    const slug = slugOf(request.params);
    if (!validSlug(slug)) return sendHtml(reply, 404, messagePage(lang, 'notFound'));
    try {
      const { found, questions } = await getPublicCampaign(db, slug);
      if (found.campaign.status !== 'open') return sendHtml(reply, 410, messagePage(lang, 'closed', found.questionnaire.title));
      const token = tokenFrom(request.query);
      const access = await formAccess(db, found.campaign, token, lang);
      if (access.refused) return sendHtml(reply, access.refused.status, noticePage(lang, access.refused.text, found.questionnaire.title));
      const extra = accessFields(found.campaign, lang, { token, code: null, codeError: null });
      const state: FormState = { clientId: randomUUID(), values: {}, errors: {} };
      return sendHtml(reply, 200, formPage({ lang, slug, title: found.questionnaire.title, organisationName: found.organisationName, intro: found.questionnaire.introFr, questions, state, extra }));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return sendHtml(reply, 404, messagePage(lang, 'notFound'));
      throw error;
    }
  });

  app.get('/r/:slug/merci', { schema: { hide: true } }, async (request, reply) => {
    const lang = langOf(request.query);
    const slug = slugOf(request.params);
    if (!validSlug(slug)) return sendHtml(reply, 404, messagePage(lang, 'notFound'));
    try {
      const { found } = await getPublicCampaign(db, slug);
      return sendHtml(reply, 200, thanksPage(lang, slug, found.questionnaire.title));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return sendHtml(reply, 404, messagePage(lang, 'notFound'));
      throw error;
    }
  });

  app.post('/r/:slug', { schema: { hide: true }, bodyLimit: 256 * 1024 }, async (request, reply) => {
    const lang = langOf(request.query);
    const slug = slugOf(request.params);
    if (!validSlug(slug)) return sendHtml(reply, 404, messagePage(lang, 'notFound'));
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const values = formValues(body);
    const sentId = typeof body.client_id === 'string' && z.uuid().safeParse(body.client_id).success ? body.client_id : null;
    let loaded;
    try {
      loaded = await getPublicCampaign(db, slug);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return sendHtml(reply, 404, messagePage(lang, 'notFound'));
      throw error;
    }
    const { found, questions } = loaded;
    const access = { invitationToken: tokenFrom(body), pairingCode: pairingCodeFrom(body) };
    const rerender = (errors: Record<string, string>, status: number, codeError: string | null = null) =>
      sendHtml(
        reply,
        status,
        formPage({
          lang,
          slug,
          title: found.questionnaire.title,
          organisationName: found.organisationName,
          intro: found.questionnaire.introFr,
          questions,
          state: { clientId: sentId ?? randomUUID(), values, errors },
          extra: accessFields(found.campaign, lang, { token: access.invitationToken, code: access.pairingCode, codeError }),
        }),
      );
    if (!sentId) return rerender({}, 400);
    // Only the questionnaire's own questions count; anything else in the form is ignored.
    const known = new Set(questions.map((q) => q.id));
    const answers: Record<string, unknown> = {};
    for (const [qid, list] of Object.entries(values)) {
      if (!known.has(qid)) continue;
      const q = questions.find((x) => x.id === qid)!;
      answers[qid] = q.type === 'multiple' ? list : list[0];
    }
    let given: string | null | undefined;
    try {
      given = (await submitPublicResponse(db, slug, { clientId: sentId, answers, ...access }, 'web')).pairingCode;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'campaign_closed') return sendHtml(reply, 410, messagePage(lang, 'closed', found.questionnaire.title));
      if (error instanceof DomainError && error.code.startsWith('invitation_')) {
        const refused = refusal(error, lang);
        return sendHtml(reply, refused.status, noticePage(lang, refused.text, found.questionnaire.title));
      }
      if (error instanceof PairingCodeRejected) return rerender({}, 422, lang === 'en' ? error.messageEn : error.messageFr);
      if (error instanceof AnswersRejected) {
        return rerender(Object.fromEntries(error.answerErrors.map((e) => [e.questionId, lang === 'en' ? e.en : e.fr])), 422);
      }
      throw error;
    }
    // A handed-out code is shown at once rather than put in a URL (a shared tablet's history).
    if (given) return sendHtml(reply, 200, thanksPage(lang, slug, found.questionnaire.title, codeNotice(lang, given)));
    return reply.redirect(`/r/${slug}/merci${lang === 'en' ? '?lang=en' : ''}`, 303);
  });
}
