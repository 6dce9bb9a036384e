import type { QuestionType } from '../../../domain/answers.ts';
import { describeCondition, type Condition } from '../../../domain/conditions.ts';
import type { FieldValue } from '../../../domain/form-flow.ts';
import { choiceLabel, questionWording, titleAndIntro, type Labelled, type Worded } from '../../../domain/questionnaire-text.ts';
import { chromeFor, directionOf, languageName } from './chrome.ts';
import { Html, html } from './html.ts';

export interface PageQuestion extends Worded {
  id: string;
  key: string;
  section: number;
  type: QuestionType;
  required: boolean;
  options: Labelled[];
  items: Labelled[];
  min: number | null;
  max: number | null;
  showIf: Condition | null;
}

export interface PageSection {
  titleFr: string;
  titleEn: string;
  introFr: string;
  translations: Record<string, { title?: string; intro?: string }>;
}

export interface FormState {
  clientId: string;
  /** What the person sent, to put back in the form (this page) or carry (other pages). */
  values: Record<string, FieldValue>;
  errors: Record<string, string>;
}

/** Everything a page of the form shows. */
export interface FormView {
  lang: string;
  easy: boolean;
  slug: string;
  title: string;
  organisationName: string;
  intro: string;
  /** Languages offered, French first. */
  languages: string[];
  /** Offer the easy-read switch (some question has an easy wording in this language). */
  offerEasy: boolean;
  sections: PageSection[];
  /** Every question of the questionnaire (to carry the answers of other pages). */
  questions: PageQuestion[];
  /** The section shown, and its place among the pages to show. */
  page: { section: number; number: number; count: number; first: boolean; last: boolean };
  shown: PageQuestion[];
  /** Ids of shown questions whose condition is stated beside them. */
  conditional: Set<string>;
  state: FormState;
  /** Fields put at the top of the form (invitation token, before/after code). */
  extra?: Html;
  /** A message about the whole form, shown first (answers kept, to send again later). */
  notice?: string | undefined;
}

// Small, high-contrast, mobile first; system fonts only: nothing is fetched from elsewhere.
const css = `*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f6f8}
main{max-width:40rem;margin:0 auto;padding:1rem}header{background:#0f4c5c;color:#fff;padding:1rem}header p{margin:.25rem 0 0;opacity:.9}
h1{font-size:1.35rem;margin:0}h2{font-size:1.2rem;margin:0 0 .5rem}a{color:#0b5cad}
form{margin:0}fieldset,.q{border:0;margin:0 0 1rem;padding:1rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 2px #0002}
fieldset fieldset{box-shadow:none;padding:.5rem 0;margin:0;border-top:1px solid #d8dee4;border-radius:0}
legend,label.t{font-weight:600;display:block;margin-bottom:.5rem;padding:0}fieldset legend{float:left;width:100%}fieldset legend+*{clear:both}
.opt{display:flex;align-items:center;gap:.6rem;padding:.55rem .25rem;min-height:2.75rem}.opt input{width:1.4rem;height:1.4rem;margin:0;flex:none}
.scale{display:flex;gap:.25rem;flex-wrap:wrap}.scale .opt{flex:1 0 3rem;flex-direction:column;gap:.2rem;border:1px solid #c9d1d9;border-radius:.4rem;justify-content:center;text-align:center}
.face svg{width:2.6rem;height:2.6rem}.face label{font-size:.85rem;display:flex;flex-direction:column;align-items:center}
.ends{display:flex;justify-content:space-between;font-size:.9rem;color:#4a5560}.rk{display:flex;align-items:center;gap:.6rem;justify-content:space-between;padding:.35rem 0}
input[type=text],input[type=date],input[inputmode],textarea,select{width:100%;font:inherit;padding:.6rem;border:2px solid #6b7785;border-radius:.4rem;background:#fff;color:inherit}select{width:auto;min-width:4.5rem}
textarea{min-height:6rem}input:focus,textarea:focus,select:focus,button:focus,a:focus{outline:3px solid #f2b705;outline-offset:2px}
.hint{color:#4a5560;font-size:.95rem;margin:-.25rem 0 .5rem}.tag{font-weight:400;color:#4a5560;font-size:.9rem}.if{font-style:italic;color:#4a5560;margin:0 0 .5rem}
.err{color:#a4161a;font-weight:600;margin:.25rem 0 .5rem}.has-err{border-left:.35rem solid #a4161a}
.summary{background:#fff4f4;border:2px solid #a4161a;padding:1rem;border-radius:.5rem;margin-bottom:1rem}.summary ul{margin:.5rem 0 0;padding-left:1.25rem}
button{font:inherit;font-weight:600;width:100%;padding:.9rem;border:0;border-radius:.5rem;background:#0f4c5c;color:#fff;cursor:pointer}
.nav{display:flex;flex-direction:column;gap:.5rem}button.sec{background:#fff;color:#0f4c5c;border:2px solid #0f4c5c}
.bar{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}.bar button{width:auto;padding:.45rem .8rem;font-size:.95rem;background:#fff;color:#0f4c5c;border:2px solid #0f4c5c}
[dir=rtl] :is(legend,label,p,h1,h2,li){unicode-bidi:plaintext}.note{color:#4a5560;font-size:.95rem}.done{background:#fff;padding:1.5rem;border-radius:.5rem;text-align:center}`;
const styles = new Html(css);

// Five faces drawn once per page and reused: a round head, two eyes, a mouth from sad to glad.
const MOUTHS = ['M8 18q4-5 8 0', 'M8 17.5q4-2.5 8 0', 'M8 16h8', 'M8 15.5q4 2.5 8 0', 'M8 15q4 5 8 0'];
const faceSymbols = new Html(
  `<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">${MOUTHS.map(
    (d, i) => `<symbol id="f${i + 1}" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10.5" fill="#fff7d6" stroke="currentColor" stroke-width="1.5"/><circle cx="8.5" cy="9.5" r="1.3" fill="currentColor"/><circle cx="15.5" cy="9.5" r="1.3" fill="currentColor"/><path d="${d}" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></symbol>`,
  ).join('')}</svg>`,
);

function layout(lang: string, title: string, headerTitle: string, subtitle: string | null, body: Html): string {
  return '<!doctype html>' + html`<html lang="${lang}" dir="${directionOf(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><meta name="robots" content="noindex"><style>${styles}</style></head><body><header><h1>${headerTitle}</h1>${subtitle ? html`<p>${subtitle}</p>` : ''}</header><main>${body}</main></body></html>`.value;
}

const firstValue = (v: FieldValue | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : '');
const listValue = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : []);
const partValue = (v: FieldValue | undefined, part: string): string => (v && !Array.isArray(v) ? (v[part] ?? '') : '');

/** Hidden fields carrying the answers given on other pages, under the names the form uses. */
function carried(q: PageQuestion, value: FieldValue | undefined): Html[] {
  if (!value) return [];
  const name = `q_${q.id}`;
  if (Array.isArray(value)) return value.map((v) => html`<input type="hidden" name="${name}" value="${v}">`);
  return Object.entries(value).map(([part, v]) => html`<input type="hidden" name="${name}__${part}" value="${v}">`);
}

function radioRow(name: string, idBase: string, points: { value: string; label: Html | string }[], checked: string, required: boolean, cls: string) {
  return html`<div class="scale${cls}">${points.map(
    (p, i) =>
      html`<div class="opt"><input type="radio" name="${name}" id="${idBase}_${i}" value="${p.value}"${checked === p.value ? html` checked` : ''}${required ? html` required` : ''}><label for="${idBase}_${i}">${p.label}</label></div>`,
  )}</div>`;
}

function questionBlock(q: PageQuestion, view: FormView, number: number): Html {
  const { lang, easy, state } = view;
  const c = chromeFor(lang);
  const name = `q_${q.id}`;
  const err = state.errors[q.id];
  const value = state.values[q.id];
  const errId = `e_${q.id}`;
  const hintId = `h_${q.id}`;
  const ifId = `c_${q.id}`;
  const wording = questionWording(q, lang, easy);
  const onlyIf = view.conditional.has(q.id) && q.showIf ? conditionText(q.showIf, view) : '';
  const describedBy = [onlyIf ? ifId : '', wording.help ? hintId : '', err ? errId : ''].filter(Boolean).join(' ') || null;
  const req = html` <span class="tag">(${q.required ? c.required : c.optional})</span>`;
  const pre = html`${onlyIf ? html`<p class="if" id="${ifId}">${c.onlyIf} ${onlyIf}.</p>` : ''}${wording.help ? html`<p class="hint" id="${hintId}">${wording.help}</p>` : ''}${err ? html`<p class="err" id="${errId}">${err}</p>` : ''}`;
  const cls = err ? 'has-err' : '';
  const title = html`<span class="n">${number}.</span> ${wording.label}`;
  const aria = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${err ? html` aria-invalid="true"` : ''}`;
  const options = (list: Labelled[], tr: 'options' | 'items') => list.map((o) => ({ value: o.value, label: choiceLabel(o, lang, q.translations[lang]?.[tr]) }));
  const fieldset = (inner: Html) => html`<fieldset id="${name}" class="${cls}"${aria}><legend>${title}${req}</legend>${pre}${inner}</fieldset>`;

  switch (q.type) {
    case 'single':
    case 'multiple': {
      const type = q.type === 'single' ? 'radio' : 'checkbox';
      const values = listValue(value);
      return fieldset(
        html`${options(q.options, 'options').map(
          (o, i) =>
            html`<div class="opt"><input type="${type}" name="${name}" id="${name}_${i}" value="${o.value}"${values.includes(o.value) ? html` checked` : ''}${q.required && type === 'radio' ? html` required` : ''}><label for="${name}_${i}">${o.label}</label></div>`,
        )}`,
      );
    }
    case 'scale': {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      const points = Array.from({ length: Math.max(0, Math.min(11, max - min + 1)) }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
      return fieldset(
        html`${radioRow(name, name, points, firstValue(value), q.required, '')}<div class="ends" aria-hidden="true"><span>${min} = ${c.scaleLow}</span><span>${max} = ${c.scaleHigh}</span></div>`,
      );
    }
    case 'faces': {
      const labels = (q.max ?? 5) - (q.min ?? 1) + 1 === 3 ? c.faces3 : c.faces5;
      const symbols = labels.length === 3 ? [1, 3, 5] : [1, 2, 3, 4, 5];
      const points = labels.map((label, i) => ({ value: String(i + 1), label: html`<svg aria-hidden="true" focusable="false"><use href="#f${symbols[i]}"/></svg>${label}` }));
      return fieldset(radioRow(name, name, points, firstValue(value), q.required, ' face'));
    }
    case 'grid': {
      const rows = options(q.items, 'items');
      const points = options(q.options, 'options');
      return fieldset(
        html`${rows.map(
          (row, r) =>
            html`<fieldset><legend>${row.label}</legend>${radioRow(`${name}__${row.value}`, `${name}_${r}`, points, partValue(value, row.value), q.required, '')}</fieldset>`,
        )}`,
      );
    }
    case 'ranking': {
      const list = options(q.options, 'options');
      const ranks = Array.from({ length: list.length }, (_, i) => String(i + 1));
      return fieldset(
        html`<p class="hint">${c.rankHint(list.length)}</p>${list.map((o, i) => {
          const current = partValue(value, o.value);
          return html`<div class="rk"><label for="${name}_${i}">${o.label}</label><select id="${name}_${i}" name="${name}__${o.value}"><option value="">${c.rank} —</option>${ranks.map((r) => html`<option value="${r}"${current === r ? html` selected` : ''}>${r}</option>`)}</select></div>`;
        })}`,
      );
    }
    case 'number':
      return html`<div class="q ${cls}"><label class="t" for="${name}">${title}${req}</label>${pre}<input type="text" inputmode="decimal" id="${name}" name="${name}" value="${firstValue(value)}" autocomplete="off"${aria}${q.required ? html` required` : ''}></div>`;
    case 'date':
      return html`<div class="q ${cls}"><label class="t" for="${name}">${title}${req}</label>${pre}<p class="hint">${c.dateHint}</p><input type="date" id="${name}" name="${name}" value="${firstValue(value)}" min="1900-01-01" max="2100-12-31"${aria}${q.required ? html` required` : ''}></div>`;
    case 'text':
      return html`<div class="q ${cls}"><label class="t" for="${name}">${title}${req}</label>${pre}<textarea id="${name}" name="${name}" maxlength="5000"${aria}>${firstValue(value)}</textarea></div>`;
  }
}

/** `1. “Do you have children?” is “Yes”`, in the page's language. */
function conditionText(condition: Condition, view: FormView): string {
  const byKey = new Map(view.questions.map((q) => [q.key, q]));
  const numberOf = new Map(view.shown.map((q, i) => [q.id, i + 1]));
  const nameOf = (key: string) => {
    const q = byKey.get(key);
    if (!q) return key;
    const n = numberOf.get(q.id);
    const label = questionWording(q, view.lang, view.easy).label;
    return `${n ? `${n}. ` : ''}${view.lang === 'fr' ? `« ${label} »` : `“${label}”`}`;
  };
  const valueOf = (key: string, v: string | number) => {
    const q = byKey.get(key);
    const o = q?.options.find((x) => x.value === String(v));
    return o && q ? choiceLabel(o, view.lang, q.translations[view.lang]?.options) : String(v);
  };
  return describeCondition(condition, view.lang === 'fr' ? 'fr' : 'en', nameOf, valueOf);
}

export function formPage(view: FormView): string {
  const { lang, slug, state } = view;
  const c = chromeFor(lang);
  const errored = view.shown.filter((q) => state.errors[q.id]);
  const numberOf = new Map(view.shown.map((q, i) => [q.id, i + 1]));
  const summary =
    errored.length > 0
      ? html`<div class="summary" role="alert" tabindex="-1" id="errors"><strong>${c.errorsTitle}</strong><ul>${errored.map(
          (q) => html`<li><a href="#q_${q.id}">${numberOf.get(q.id)}. ${questionWording(q, lang, view.easy).label}</a> : ${state.errors[q.id]}</li>`,
        )}</ul></div>`
      : '';
  const section = view.sections[view.page.section];
  const sectionText = section ? titleAndIntro(section, lang) : null;
  const onPage = new Set(view.shown.map((q) => q.id));
  const hidden = view.questions.filter((q) => !onPage.has(q.id)).flatMap((q) => carried(q, state.values[q.id]));
  const switches = [
    ...view.languages.filter((l) => l !== lang).map((l) => html`<button type="submit" name="nav" value="lang:${l}" lang="${l}" dir="${directionOf(l)}">${languageName(l)}</button>`),
    view.offerEasy ? html`<button type="submit" name="nav" value="easy:${view.easy ? 'off' : 'on'}" aria-pressed="${view.easy ? 'true' : 'false'}">${view.easy ? c.easyOff : c.easyOn}</button>` : '',
  ];
  const primary = view.page.last ? c.submit : c.next;
  const usesFaces = view.shown.some((q) => q.type === 'faces');
  const notice = view.notice ? html`<div class="summary" role="alert">${view.notice}</div>` : '';
  const body = html`${notice}${summary}${usesFaces ? faceSymbols : ''}<form method="post" action="/r/${slug}" novalidate id="f">${
    // The first submit button is what Enter presses: "next", never a language switch.
    html`<button type="submit" name="nav" value="next" hidden>${primary}</button>`
  }<input type="hidden" name="client_id" value="${state.clientId}"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="easy" value="${view.easy ? '1' : ''}"><input type="hidden" name="page" value="${view.page.section}">${hidden}${view.extra}${
    switches.some(Boolean) ? html`<div class="bar" role="group" aria-label="${c.language}">${switches}</div>` : ''
  }${view.page.first && view.intro ? html`<p>${view.intro}</p>` : ''}${view.page.first ? html`<p class="note">${c.anonymous}</p>` : ''}${
    view.page.count > 1 ? html`<p class="note">${c.page(view.page.number, view.page.count)}</p>` : ''
  }${sectionText?.title ? html`<h2>${sectionText.title}</h2>` : ''}${sectionText?.intro ? html`<p>${sectionText.intro}</p>` : ''}${view.shown.map((q, i) => questionBlock(q, view, i + 1))}<div class="nav"><button type="submit" name="nav" value="next">${primary}</button>${
    view.page.first ? '' : html`<button type="submit" name="nav" value="back" class="sec">${c.back}</button>`
  }</div></form>`;
  return layout(lang, `${errored.length ? '⚠ ' : ''}${view.title}`, view.title, view.organisationName, body);
}

const langQuery = (lang: string) => (lang === 'fr' ? '' : `?lang=${lang}`);

export function thanksPage(lang: string, slug: string, title: string, extra?: Html): string {
  const c = chromeFor(lang);
  return layout(lang, `${c.thanksTitle} — ${title}`, title, null, html`<div class="done" role="status"><h2>${c.thanksTitle}</h2><p>${c.thanks}</p>${extra}<p><a href="/r/${slug}${langQuery(lang)}">${c.again}</a></p></div>`);
}

export function messagePage(lang: string, kind: 'closed' | 'notFound', title = 'Socle'): string {
  return layout(lang, title, title, null, html`<div class="done" role="status"><p>${chromeFor(lang)[kind]}</p></div>`);
}

/** A page with one sentence (a link refused, say). */
export function noticePage(lang: string, text: string, title = 'Socle'): string {
  return layout(lang, title, title, null, html`<div class="done" role="status"><p>${text}</p></div>`);
}
