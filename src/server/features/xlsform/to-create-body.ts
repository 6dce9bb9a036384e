import type { QuestionnaireInput } from '../../../contracts/collection.ts';
import type { XlsFormQuestionnaire } from '../../../domain/xlsform/index.ts';

/**
 * An imported questionnaire as the body `createQuestionnaire` takes: everything the conversion
 * kept (sections, languages, translations, keys, conditions, every question type) goes through;
 * imported questions are tied to no indicator yet.
 */
export function toCreateBody(x: XlsFormQuestionnaire): QuestionnaireInput {
  return {
    title: x.title,
    introFr: x.introFr,
    languages: x.languages,
    translations: x.translations,
    sections: x.sections,
    questions: x.questions.map((q) => ({
      key: q.key,
      section: q.section,
      type: q.type,
      labelFr: q.labelFr,
      labelEn: q.labelEn,
      helpFr: q.helpFr,
      helpEn: q.helpEn,
      easyFr: q.easyFr,
      translations: q.translations,
      required: q.required,
      options: q.options.map((o) => ({ value: o.value, labelFr: o.labelFr, labelEn: o.labelEn })),
      items: q.items.map((o) => ({ value: o.value, labelFr: o.labelFr, labelEn: o.labelEn })),
      showIf: q.showIf,
      ...(q.min !== undefined ? { min: q.min } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
      indicator: null,
    })),
  };
}
