import type { QuestionInput } from '../../../contracts/collection.ts';
import type { XlsFormQuestionnaire } from '../../../domain/xlsform/index.ts';

/**
 * The one place where an imported questionnaire becomes the body `createQuestionnaire` takes.
 * It keeps what that body knows today: title, introduction, and per question its type, French
 * and English label, French help, required flag, options and bounds. Keys, sections, languages,
 * translations (of questions, sections and introduction), English help, easy-read wording, grid
 * items and conditions are left out, and
 * the types the body does not know yet are brought back to the nearest known one (date → text,
 * ranking → multiple, grid → dropped, faces → scale). Without its condition, a required question
 * shown only under a condition is saved as optional, so that nobody is forced to answer it.
 */
export function toCreateBody(x: XlsFormQuestionnaire): { title: string; introFr: string; questions: QuestionInput[] } {
  const questions: QuestionInput[] = [];
  for (const q of x.questions) {
    let type: QuestionInput['type'];
    switch (q.type) {
      case 'single':
      case 'multiple':
      case 'scale':
      case 'number':
      case 'text':
        type = q.type;
        break;
      case 'date':
        type = 'text';
        break;
      case 'ranking':
        type = 'multiple';
        break;
      case 'faces':
        type = 'scale';
        break;
      case 'grid':
        continue;
    }
    const choice = type === 'single' || type === 'multiple';
    questions.push({
      type,
      labelFr: q.labelFr,
      labelEn: q.labelEn,
      helpFr: q.helpFr,
      required: q.required && q.showIf === null,
      options: choice ? q.options.map((o) => ({ value: o.value, labelFr: o.labelFr, labelEn: o.labelEn })) : [],
      ...(q.min !== undefined && type !== 'text' ? { min: q.min } : {}),
      ...(q.max !== undefined && type !== 'text' ? { max: q.max } : {}),
      indicator: null,
    });
  }
  return { title: x.title, introFr: x.introFr, questions };
}
