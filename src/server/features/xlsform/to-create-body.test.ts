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
  it.each<[string, Partial<XlsFormQuestion>, object | null]>([
    ['text', { type: 'text' }, { type: 'text', options: [], required: true }],
    ['single keeps its options', { type: 'single', options: yesNo }, { type: 'single', options: yesNo }],
    ['number keeps its bounds', { type: 'number', min: 0, max: 120 }, { type: 'number', min: 0, max: 120 }],
    ['scale keeps its bounds', { type: 'scale', min: 1, max: 5 }, { type: 'scale', min: 1, max: 5 }],
    ['date becomes text', { type: 'date' }, { type: 'text', options: [] }],
    ['ranking becomes multiple', { type: 'ranking', options: yesNo }, { type: 'multiple', options: yesNo }],
    ['faces becomes a scale', { type: 'faces', min: 1, max: 5 }, { type: 'scale', min: 1, max: 5 }],
    ['grid is left out', { type: 'grid', options: yesNo, items: yesNo }, null],
    ['a conditional required question becomes optional', { showIf: { question: 'a', op: 'answered' } }, { required: false }],
  ])('%s', (_name, over, expected) => {
    const body = toCreateBody(form([question(over)]));
    if (expected === null) expect(body.questions).toEqual([]);
    else expect(body.questions[0]).toMatchObject(expected);
  });
  it('keeps title, introduction, labels and French help, and nothing of the new fields', () => {
    const body = toCreateBody(form([question({})]));
    expect(body).toEqual({
      title: 'Titre',
      introFr: 'Bonjour',
      questions: [{ type: 'text', labelFr: 'Question ?', labelEn: 'Question?', helpFr: 'Aide', required: true, options: [], indicator: null }],
    });
  });
});
