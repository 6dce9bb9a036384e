import { Html, html } from './html.ts';

export type Lang = 'fr' | 'en';

export interface PageQuestion {
  id: string;
  type: 'single' | 'multiple' | 'scale' | 'number' | 'text';
  labelFr: string;
  labelEn: string;
  helpFr: string;
  required: boolean;
  options: { value: string; labelFr: string; labelEn: string }[];
  min: number | null;
  max: number | null;
}

export interface FormState {
  clientId: string;
  /** What the person sent, to put back in the form. */
  values: Record<string, string[]>;
  errors: Record<string, string>;
}

const t = {
  fr: {
    required: 'obligatoire',
    optional: 'facultatif',
    submit: 'Envoyer mes réponses',
    anonymous: 'Vos réponses sont anonymes : votre nom n’est pas demandé.',
    errorsTitle: 'Quelques réponses sont à corriger :',
    thanksTitle: 'Merci !',
    thanks: 'Vos réponses ont bien été enregistrées.',
    closed: 'Cette collecte est terminée. Merci de votre intérêt.',
    notFound: 'Ce questionnaire n’existe pas ou n’est plus en ligne.',
    other: 'English',
    scaleLow: 'pas du tout',
    scaleHigh: 'tout à fait',
    again: 'Répondre à nouveau (pour une autre personne)',
  },
  en: {
    required: 'required',
    optional: 'optional',
    submit: 'Send my answers',
    anonymous: 'Your answers are anonymous: your name is not asked.',
    errorsTitle: 'Some answers need fixing:',
    thanksTitle: 'Thank you!',
    thanks: 'Your answers have been saved.',
    closed: 'This collection has ended. Thank you for your interest.',
    notFound: 'This questionnaire does not exist or is no longer online.',
    other: 'Français',
    scaleLow: 'not at all',
    scaleHigh: 'completely',
    again: 'Answer again (for another person)',
  },
} as const;

// Small, high-contrast, mobile first; system fonts only: nothing is fetched from elsewhere.
const css = `*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f6f8}
main{max-width:40rem;margin:0 auto;padding:1rem}header{background:#0f4c5c;color:#fff;padding:1rem}header p{margin:.25rem 0 0;opacity:.9}
h1{font-size:1.35rem;margin:0}a{color:#0b5cad}header a{color:#fff}.lang{float:right;font-size:.95rem}
form{margin:0}fieldset,.q{border:0;margin:0 0 1rem;padding:1rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 2px #0002}
legend,label.t{font-weight:600;display:block;margin-bottom:.5rem;padding:0}fieldset legend{float:left;width:100%}fieldset legend+*{clear:both}
.opt{display:flex;align-items:center;gap:.6rem;padding:.55rem .25rem;min-height:2.75rem}.opt input{width:1.4rem;height:1.4rem;margin:0;flex:none}
.scale{display:flex;gap:.25rem;flex-wrap:wrap}.scale .opt{flex:1 0 3rem;flex-direction:column;gap:.2rem;border:1px solid #c9d1d9;border-radius:.4rem;justify-content:center}
.ends{display:flex;justify-content:space-between;font-size:.9rem;color:#4a5560}
input[type=text],input[type=number],input[inputmode],textarea{width:100%;font:inherit;padding:.6rem;border:2px solid #6b7785;border-radius:.4rem;background:#fff}
textarea{min-height:6rem}input:focus,textarea:focus,button:focus,a:focus{outline:3px solid #f2b705;outline-offset:2px}
.hint{color:#4a5560;font-size:.95rem;margin:-.25rem 0 .5rem}.tag{font-weight:400;color:#4a5560;font-size:.9rem}
.err{color:#a4161a;font-weight:600;margin:.25rem 0 .5rem}.has-err{border-left:.35rem solid #a4161a}
.summary{background:#fff4f4;border:2px solid #a4161a;padding:1rem;border-radius:.5rem;margin-bottom:1rem}.summary ul{margin:.5rem 0 0;padding-left:1.25rem}
button{font:inherit;font-weight:600;width:100%;padding:.9rem;border:0;border-radius:.5rem;background:#0f4c5c;color:#fff;cursor:pointer}
.note{color:#4a5560;font-size:.95rem}.done{background:#fff;padding:1.5rem;border-radius:.5rem;text-align:center}`;
const styles = new Html(css);

function layout(lang: Lang, title: string, headerTitle: string, subtitle: string | null, switchHref: string | null, body: Html): string {
  const other = lang === 'fr' ? 'en' : 'fr';
  return '<!doctype html>' + html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><meta name="robots" content="noindex"><style>${styles}</style></head><body><header>${switchHref ? html`<a class="lang" href="${switchHref}" lang="${other}" hreflang="${other}">${t[lang].other}</a>` : ''}<h1>${headerTitle}</h1>${subtitle ? html`<p>${subtitle}</p>` : ''}</header><main>${body}</main></body></html>`.value;
}

function label(lang: Lang, fr: string, en: string) {
  return lang === 'en' && en ? en : fr;
}

function questionBlock(q: PageQuestion, lang: Lang, state: FormState): Html {
  const name = `q_${q.id}`;
  const err = state.errors[q.id];
  const values = state.values[q.id] ?? [];
  const errId = `e_${q.id}`;
  const hintId = `h_${q.id}`;
  const describedBy = [q.helpFr ? hintId : '', err ? errId : ''].filter(Boolean).join(' ') || null;
  const req = html` <span class="tag">(${q.required ? t[lang].required : t[lang].optional})</span>`;
  const hint = q.helpFr ? html`<p class="hint" id="${hintId}">${q.helpFr}</p>` : '';
  const error = err ? html`<p class="err" id="${errId}">${err}</p>` : '';
  const cls = err ? 'has-err' : '';
  const title = label(lang, q.labelFr, q.labelEn);
  const aria = (extra: Html | string = '') => html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${err ? html` aria-invalid="true"` : ''}${extra}`;

  switch (q.type) {
    case 'single':
    case 'multiple': {
      const type = q.type === 'single' ? 'radio' : 'checkbox';
      return html`<fieldset id="${name}" class="${cls}"${aria()}><legend>${title}${req}</legend>${hint}${error}${q.options.map(
        (o, i) =>
          html`<div class="opt"><input type="${type}" name="${name}" id="${name}_${i}" value="${o.value}"${values.includes(o.value) ? html` checked` : ''}${q.required && type === 'radio' ? html` required` : ''}><label for="${name}_${i}">${label(lang, o.labelFr, o.labelEn)}</label></div>`,
      )}</fieldset>`;
    }
    case 'scale': {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      const points = Array.from({ length: Math.max(0, Math.min(11, max - min + 1)) }, (_, i) => min + i);
      return html`<fieldset id="${name}" class="${cls}"${aria()}><legend>${title}${req}</legend>${hint}${error}<div class="scale">${points.map(
        (p) =>
          html`<div class="opt"><input type="radio" name="${name}" id="${name}_${p}" value="${p}"${values.includes(String(p)) ? html` checked` : ''}${q.required ? html` required` : ''}><label for="${name}_${p}">${p}</label></div>`,
      )}</div><div class="ends" aria-hidden="true"><span>${min} = ${t[lang].scaleLow}</span><span>${max} = ${t[lang].scaleHigh}</span></div></fieldset>`;
    }
    case 'number':
      return html`<div class="q ${cls}"><label class="t" for="${name}">${title}${req}</label>${hint}${error}<input type="text" inputmode="decimal" id="${name}" name="${name}" value="${values[0] ?? ''}" autocomplete="off"${aria(q.required ? html` required` : html``)}></div>`;
    case 'text':
      return html`<div class="q ${cls}"><label class="t" for="${name}">${title}${req}</label>${hint}${error}<textarea id="${name}" name="${name}" maxlength="5000"${aria()}>${values[0] ?? ''}</textarea></div>`;
  }
}

export function formPage(args: {
  lang: Lang;
  slug: string;
  title: string;
  organisationName: string;
  intro: string;
  questions: PageQuestion[];
  state: FormState;
  /** Fields put at the top of the form (invitation token, before/after code). */
  extra?: Html;
}): string {
  const { lang, slug, state } = args;
  const errorIds = args.questions.filter((q) => state.errors[q.id]);
  const summary =
    errorIds.length > 0
      ? html`<div class="summary" role="alert" tabindex="-1" id="errors"><strong>${t[lang].errorsTitle}</strong><ul>${errorIds.map(
          (q) => html`<li><a href="#q_${q.id}">${label(lang, q.labelFr, q.labelEn)}</a> : ${state.errors[q.id]}</li>`,
        )}</ul></div>`
      : '';
  const body = html`${summary}${args.intro ? html`<p>${args.intro}</p>` : ''}<p class="note">${t[lang].anonymous}</p><form method="post" action="/r/${slug}${lang === 'en' ? '?lang=en' : ''}" novalidate><input type="hidden" name="client_id" value="${state.clientId}">${args.extra}${args.questions.map((q) => questionBlock(q, lang, state))}<button type="submit">${t[lang].submit}</button></form>`;
  const other = lang === 'fr' ? `/r/${slug}?lang=en` : `/r/${slug}`;
  return layout(lang, `${errorIds.length ? '⚠ ' : ''}${args.title}`, args.title, args.organisationName, other, body);
}

export function thanksPage(lang: Lang, slug: string, title: string, extra?: Html): string {
  return layout(
    lang,
    `${t[lang].thanksTitle} — ${title}`,
    title,
    null,
    null,
    html`<div class="done" role="status"><h2>${t[lang].thanksTitle}</h2><p>${t[lang].thanks}</p>${extra}<p><a href="/r/${slug}${lang === 'en' ? '?lang=en' : ''}">${t[lang].again}</a></p></div>`,
  );
}

export function messagePage(lang: Lang, kind: 'closed' | 'notFound', title = 'Socle'): string {
  return noticePage(lang, t[lang][kind], title);
}

/** A page with one sentence (a link refused, say). */
export function noticePage(lang: Lang, text: string, title = 'Socle'): string {
  return layout(lang, title, title, null, null, html`<div class="done" role="status"><p>${text}</p></div>`);
}
