/**
 * What the respondent page adds for invitations and before/after codes, kept apart from the
 * page itself: the hidden invitation token, the code field, and the code on the thank-you page.
 */
import type { Db } from '../../../db/connect.ts';
import { DomainError } from '../../../domain/errors.ts';
import { Html, html } from '../respondent/html.ts';
import { checkAccess } from './service.ts';

type Campaign = { invitationOnly: boolean; pairing: 'before' | 'after' | null; pairingCodeOptional: boolean; id: string };

/** The invitation token from the link (?t=…) or from the form (t=…). */
export function tokenFrom(source: unknown): string | null {
  const t = (source as { t?: unknown } | null)?.t;
  return typeof t === 'string' && t.length > 0 && t.length <= 200 ? t : null;
}

export function pairingCodeFrom(body: Record<string, unknown>): string | null {
  const c = body.pairing_code;
  return typeof c === 'string' ? c.slice(0, 40) : null;
}

const words = {
  fr: {
    beforeLabel: 'Vous avez déjà un code de suivi ?',
    beforeHint: 'Facultatif. Sinon, un code vous sera donné à la fin : il servira à relier cette réponse à la prochaine, sans votre nom.',
    afterLabel: 'Votre code de suivi',
    afterHint: 'Le code de 6 caractères reçu à la fin de votre première réponse. Il relie vos deux réponses sans votre nom.',
    afterOptionalHint: 'Le code de 6 caractères reçu à la fin de votre première réponse, si vous l’avez. Il relie vos deux réponses sans votre nom.',
    required: 'obligatoire',
    optional: 'facultatif',
    codeTitle: 'Votre code de suivi',
    codeText: 'Notez-le ou prenez-le en photo : il vous sera demandé la prochaine fois. Il ne dit pas qui vous êtes.',
  },
  en: {
    beforeLabel: 'Do you already have a follow-up code?',
    beforeHint: 'Optional. Otherwise you will get a code at the end: it links this answer to the next one, without your name.',
    afterLabel: 'Your follow-up code',
    afterHint: 'The 6-character code you got at the end of your first answer. It links your two answers without your name.',
    afterOptionalHint: 'The 6-character code you got at the end of your first answer, if you have it. It links your two answers without your name.',
    required: 'required',
    optional: 'optional',
    codeTitle: 'Your follow-up code',
    codeText: 'Write it down or take a picture: you will be asked for it next time. It does not say who you are.',
  },
} as const;

/** French for French, English for every other language. */
const wordsFor = (lang: string) => words[lang === 'fr' ? 'fr' : 'en'];

/** Hidden token and code field, placed at the top of the form; `visible: false` carries the code hidden. */
export function accessFields(campaign: Campaign, lang: string, state: { token: string | null; code: string | null; codeError: string | null; visible: boolean }): Html {
  const w = wordsFor(lang);
  const token = state.token ? html`<input type="hidden" name="t" value="${state.token}">` : '';
  if (!campaign.pairing) return html`${token}`;
  if (!state.visible && !state.codeError) return html`${token}${state.code ? html`<input type="hidden" name="pairing_code" value="${state.code}">` : ''}`;
  const required = campaign.pairing === 'after' && !campaign.pairingCodeOptional;
  const hint = campaign.pairing === 'before' ? w.beforeHint : campaign.pairingCodeOptional ? w.afterOptionalHint : w.afterHint;
  const err = state.codeError;
  return html`${token}<div class="q${err ? ' has-err' : ''}"><label class="t" for="pairing_code">${campaign.pairing === 'before' ? w.beforeLabel : w.afterLabel} <span class="tag">(${required ? w.required : w.optional})</span></label><p class="hint" id="h_pairing_code">${hint}</p>${err ? html`<p class="err" id="e_pairing_code">${err}</p>` : ''}<input type="text" id="pairing_code" name="pairing_code" value="${state.code ?? ''}" maxlength="12" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="h_pairing_code${err ? ' e_pairing_code' : ''}"${err ? html` aria-invalid="true"` : ''}${required ? html` required` : ''}></div>`;
}

/** The code handed out, on the thank-you page. */
export function codeNotice(lang: string, code: string): Html {
  const w = wordsFor(lang);
  return html`<div class="q" style="text-align:center"><h3>${w.codeTitle}</h3><p id="pairing-code" style="font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.3rem;margin:.5rem 0">${code}</p><p>${w.codeText}</p></div>`;
}

/** Whether this link may show the form; when not, the status and the sentence to show. */
export async function formAccess(db: Db, campaign: Campaign & Parameters<typeof checkAccess>[1], token: string | null, lang: string): Promise<{ refused: null } | { refused: { status: number; text: string } }> {
  try {
    await checkAccess(db, campaign, token);
    return { refused: null };
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith('invitation_')) return { refused: refusal(error, lang) };
    throw error;
  }
}

export function refusal(error: DomainError, lang: string) {
  return { status: error.kind === 'conflict' ? 409 : 403, text: lang === 'fr' ? error.messageFr : error.messageEn };
}
