import { describe, expect, it } from 'vitest';
import type { XlsFormQuestion, XlsFormQuestionnaire } from '../../../domain/xlsform/index.ts';
import { toCreateBody } from './to-create-body.ts';

const yesNo = [
  { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' },
  { value: 'non', labelFr: 'Non', labelEn: 'No' },
];

function question(over: Partial<XlsFormQuestion>): XlsFormQuestion {
  return { key: 'q', section: 0, type: 'text', labelFr: 'Question ?', labelEn: 'Question?', helpFr: 'Aide', helpEn: 'Help', easyFr: '', translations: { ar: { label: 'سؤال' } }, required: true, options: [], items: [], showIf: null, ...over };
}
const form = (questions: XlsFormQuestion[]): XlsFormQuestionnaire => ({ title: 'Titre', introFr: 'Bonjour', languages: ['en', 'ar'], translations: { en: { intro: 'Hello' } }, sections: [{ titleFr: 'Page', titleEn: '', introFr: '', translations: {} }], questions });

describe('toCreateBody', () => {
  it.each<[string, Partial<XlsFormQuestion>, object]>([
    ['text', { type: 'text' }, { type: 'text', options: [], required: true }],
    ['single keeps its options', { type: 'single', options: yesNo }, { type: 'single', options: yesNo }],
    ['number keeps its bounds', { type: 'number', min: 0, max: 120 }, { type: 'number', min: 0, max: 120 }],
    ['date stays a date', { type: 'date' }, { type: 'date', options: [] }],
    ['ranking stays a ranking', { type: 'ranking', options: yesNo }, { type: 'ranking', options: yesNo }],
    ['faces keep their range', { type: 'faces', min: 1, max: 3 }, { type: 'faces', min: 1, max: 3 }],
    ['a grid keeps its rows', { type: 'grid', options: yesNo, items: yesNo }, { type: 'grid', items: yesNo }],
    ['a conditional required question stays required (only when shown)', { required: true, showIf: { question: 'a', op: 'answered' } }, { required: true, showIf: { question: 'a', op: 'answered' } }],
  ])('%s', (_name, over, expected) => {
    expect(toCreateBody(form([question(over)])).questions[0]).toMatchObject(expected);
  });
  it('carries sections, languages, translations, keys and easy-read wording as they are', () => {
    const body = toCreateBody(form([question({ key: 'humeur', section: 0, easyFr: 'Ça va ?' })]));
    expect(body).toMatchObject({
      title: 'Titre',
      introFr: 'Bonjour',
      languages: ['en', 'ar'],
      translations: { en: { intro: 'Hello' } },
      sections: [{ titleFr: 'Page' }],
      questions: [{ key: 'humeur', section: 0, labelEn: 'Question?', helpEn: 'Help', easyFr: 'Ça va ?', translations: { ar: { label: 'سؤال' } }, indicator: null }],
    });
    expect(body.questions[0]).not.toHaveProperty('min');
  });
});
