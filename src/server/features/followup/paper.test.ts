import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { conditionText, printable, renderPaper, type PaperQuestion } from './paper.ts';
import { publicBase } from '../../public-base.ts';

const yesNo = [
  { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' },
  { value: 'non', labelFr: 'Non', labelEn: 'No' },
];
const questions: PaperQuestion[] = [
  { type: 'single', labelFr: 'Venu·e avant ?', key: 'venu', options: yesNo },
  { type: 'scale', labelFr: 'Moral', min: 0, max: 10 },
  {
    type: 'multiple',
    labelFr: 'Ateliers',
    key: 'ateliers',
    options: [{ value: 'cuisine', labelFr: 'Cuisine' }],
  },
];

describe('conditionText', () => {
  it.each([
    [
      { question: 'venu', op: 'equals', value: 'oui' },
      'fr',
      'Répondez seulement si vous avez répondu « Oui » à la question 1.',
    ],
    [
      { question: 'venu', op: 'equals', value: 'oui' },
      'en',
      'Answer only if you answered “Yes” to question 1.',
    ],
    [
      { question: 'venu', op: 'notEquals', value: 'non' },
      'fr',
      'Répondez seulement si vous n’avez pas répondu « Non » à la question 1.',
    ],
    // Without a key, a question is q<position + 1>.
    [
      { question: 'q2', op: 'gte', value: 7 },
      'fr',
      'Répondez seulement si votre réponse à la question 2 est 7 ou plus.',
    ],
    [
      { question: 'q2', op: 'lt', value: 3 },
      'en',
      'Answer only if your answer to question 2 is less than 3.',
    ],
    [
      { question: 'ateliers', op: 'includes', value: 'cuisine' },
      'fr',
      'Répondez seulement si vous avez coché « Cuisine » à la question 3.',
    ],
    [
      { question: 'q2', op: 'lte', value: '2026-01-15' },
      'fr',
      'Répondez seulement si votre réponse à la question 2 est 15/01/2026 ou moins.',
    ],
    [
      { question: 'venu', op: 'answered' },
      'fr',
      'Répondez seulement si vous avez répondu à la question 1.',
    ],
    [
      {
        all: [
          { question: 'venu', op: 'equals', value: 'oui' },
          {
            any: [
              { question: 'q2', op: 'lte', value: 2 },
              { question: 'ateliers', op: 'notAnswered' },
            ],
          },
        ],
      },
      'fr',
      'Répondez seulement si vous avez répondu « Oui » à la question 1 et (votre réponse à la question 2 est 2 ou moins ou vous n’avez pas répondu à la question 3).',
    ],
    [
      { not: { question: 'venu', op: 'answered' } },
      'en',
      'Answer only if it is not true that you answered question 1.',
    ],
  ] as const)('%j (%s)', (condition, lang, text) => {
    expect(conditionText(condition, questions, lang)).toBe(text);
  });

  it.each([undefined, null, 'venu', {}, { question: 'venu' }, { not: 'x' }])(
    'gives nothing for %j',
    (condition) => {
      expect(conditionText(condition, questions, 'fr')).toBeNull();
    },
  );
});

describe('printable', () => {
  it.each([
    ['L’œil « vif » — Œuvre…', 'L’œil « vif » — Œuvre…'],
    ['12\u202f%', '12\u00a0%'],
    ['émoji 😀 et 中文', 'émoji ? et ??'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(printable(input)).toBe(out);
  });
});

describe('renderPaper', () => {
  it('draws every question type, the ones to come included, and numbers the pages', async () => {
    const options = [
      { value: 'a', labelFr: 'Pas d’accord' },
      { value: 'b', labelFr: 'D’accord' },
    ];
    const pdf = await renderPaper({
      lang: 'fr',
      title: 'Essai',
      organisationName: 'Asso',
      campaignName: 'Campagne',
      introFr: '',
      sections: [{ titleFr: 'Première partie' }, { titleFr: 'Seconde partie' }],
      link: 'https://socle.example.org/r/abcd2345',
      compress: false,
      questions: [
        ...questions.map((q) => ({ ...q, section: 0 })),
        { type: 'date', labelFr: 'Date', section: 1 },
        { type: 'ranking', labelFr: 'Classement', options, section: 1 },
        {
          type: 'grid',
          labelFr: 'Grille',
          options,
          items: [{ value: 'x', labelFr: 'Ligne X' }],
          section: 1,
        },
        {
          type: 'faces',
          labelFr: 'Visages',
          max: 3,
          section: 1,
          showIf: { question: 'venu', op: 'equals', value: 'oui' },
        },
        ...Array.from({ length: 12 }, (_, i) => ({
          type: 'text',
          labelFr: `Libre ${i + 1}`,
          section: 1,
        })),
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(raw)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(raw).not.toContain('FlateDecode');
    // Text is drawn as hex strings in TJ arrays, split where letters are kerned.
    const lines = [...raw.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
      [...m[1]!.matchAll(/<([0-9a-f]*)>/g)]
        .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
        .join(''),
    );
    expect(lines).toContain('Seconde partie');
    expect(lines).toContain('Classement');
    expect(lines).toContain('Ligne X');
    expect(lines).toContain('Répondez seulement si vous avez répondu « Oui » à la question 1.');
    expect(lines).toContain(`Essai — page ${pages} sur ${pages}`.replace('—', '\x97'));
  });
});

describe('publicBase', () => {
  const request = (host: string) =>
    ({ host, protocol: 'http' }) as Parameters<typeof publicBase>[1];
  it('uses SOCLE_PUBLIC_URL when it is set', () => {
    expect(
      publicBase(
        loadConfig({ SOCLE_PUBLIC_URL: 'https://socle.example.org/' }),
        request('10.0.0.2:3000'),
      ),
    ).toBe('https://socle.example.org');
  });
  it('otherwise follows the address used, unless it looks wrong', () => {
    const config = loadConfig({ PORT: '3000' });
    expect(publicBase(config, request('192.168.1.20:3000'))).toBe('http://192.168.1.20:3000');
    expect(publicBase(config, request('evil.example/"><x'))).toBe('http://localhost:3000');
  });
});
