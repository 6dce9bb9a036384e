import { describe, expect, it } from 'vitest';
import { choiceLabel, hasEasyWording, questionWording, titleAndIntro, type Worded } from './questionnaire-text.ts';

const q: Worded = {
  labelFr: 'Comment vous sentez-vous en ce moment ?',
  labelEn: 'How do you feel at the moment?',
  helpFr: 'Une seule réponse.',
  helpEn: '',
  easyFr: 'Ça va ?',
  translations: { ar: { label: 'كيف حالك؟', easy: 'هل أنت بخير؟' }, es: { help: 'Una sola respuesta.' }, en: { easy: 'Are you OK?' } },
};

describe('questionWording', () => {
  it.each([
    ['fr', false, 'Comment vous sentez-vous en ce moment ?', 'Une seule réponse.', false],
    ['fr', true, 'Ça va ?', 'Une seule réponse.', true],
    ['en', false, 'How do you feel at the moment?', 'Une seule réponse.', false],
    ['en', true, 'Are you OK?', 'Une seule réponse.', true],
    ['ar', false, 'كيف حالك؟', 'Une seule réponse.', false],
    ['ar', true, 'هل أنت بخير؟', 'Une seule réponse.', true],
    // Missing in Spanish: the label falls back to French, the help is Spanish; no easy wording.
    ['es', true, 'Comment vous sentez-vous en ce moment ?', 'Una sola respuesta.', false],
    ['de', false, 'Comment vous sentez-vous en ce moment ?', 'Une seule réponse.', false],
  ] as const)('%s easy=%s', (lang, easy, label, help, isEasy) => {
    expect(questionWording(q, lang, easy)).toEqual({ label, help, isEasy });
  });
  it('ignores a blank translation', () => {
    expect(questionWording({ ...q, labelEn: '  ' }, 'en').label).toBe(q.labelFr);
  });
});

describe('choiceLabel, hasEasyWording, titleAndIntro', () => {
  const o = { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' };
  it.each([
    ['fr', undefined, 'Oui'],
    ['en', undefined, 'Yes'],
    ['ar', { oui: 'نعم' }, 'نعم'],
    ['es', {}, 'Oui'],
  ] as const)('%s', (lang, tr, expected) => {
    expect(choiceLabel(o, lang, tr)).toBe(expected);
  });
  it('offers the easy switch only where an easy wording exists', () => {
    expect(hasEasyWording([q], 'fr')).toBe(true);
    expect(hasEasyWording([q], 'es')).toBe(false);
    expect(hasEasyWording([], 'fr')).toBe(false);
  });
  it('translates titles and intros', () => {
    const s = { titleFr: 'Vous', titleEn: 'You', introFr: 'Quelques questions.', translations: { ar: { title: 'أنت' } } };
    expect(titleAndIntro(s, 'en')).toEqual({ title: 'You', intro: 'Quelques questions.' });
    expect(titleAndIntro(s, 'ar')).toEqual({ title: 'أنت', intro: 'Quelques questions.' });
    expect(titleAndIntro(s, 'fr')).toEqual({ title: 'Vous', intro: 'Quelques questions.' });
  });
});
