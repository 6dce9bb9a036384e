import { randomBytes } from 'node:crypto';
import { Conflict } from '../domain/errors.ts';

/** "Association Émergence & Co" → "association-emergence-co" */
export function slugify(text: string, maxLength = 48): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return s.length >= 3 ? s : `${s || 'x'}-${randomBytes(2).toString('hex')}`;
}

export function withSuffix(slug: string): string {
  return `${slug}-${randomBytes(3).toString('hex')}`;
}

/** Public campaign links: short, unguessable, no ambiguous letters. */
export function randomSlug(length = 10): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/**
 * The identifier to use: the one asked for (refused when taken), or one made from the name
 * (made unique with a suffix when taken).
 */
export async function chooseSlug(requested: string | undefined, name: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  const slug = requested ?? slugify(name);
  if (!(await taken(slug))) return slug;
  if (requested) {
    throw new Conflict('slug_taken', 'Cet identifiant est déjà pris.', 'This identifier is already taken.', [{ field: 'body.slug', message: 'already taken' }]);
  }
  return withSuffix(slug);
}
