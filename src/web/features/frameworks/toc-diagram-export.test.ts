import { describe, expect, it } from 'vitest';
import { exportFileName, fileSlug } from './toc-diagram-export.ts';

describe('fileSlug', () => {
  it.each([
    { text: 'Référentiel commun', slug: 'referentiel-commun' },
    { text: 'Collectif Solidarités (démo)', slug: 'collectif-solidarites-demo' },
    { text: '  Œuvre d’entraide — 2026 ! ', slug: 'oeuvre-d-entraide-2026' },
    { text: 'Æsop & co', slug: 'aesop-co' },
    { text: '***', slug: '' },
    { text: 'a'.repeat(59) + ' b', slug: 'a'.repeat(59) },
  ])('$text → $slug', ({ text, slug }) => {
    expect(fileSlug(text)).toBe(slug);
  });
});

describe('exportFileName', () => {
  it.each([
    {
      name: 'Référentiel spécifique',
      ext: 'svg',
      file: 'referentiel-specifique-theorie-du-changement.svg',
    },
    { name: 'Réseau Banque', ext: 'png', file: 'reseau-banque-theorie-du-changement.png' },
    { name: '???', ext: 'svg', file: 'theorie-du-changement.svg' },
  ] as const)('$name ($ext) → $file', ({ name, ext, file }) => {
    expect(exportFileName(name, 'theorie-du-changement', ext)).toBe(file);
  });
});
