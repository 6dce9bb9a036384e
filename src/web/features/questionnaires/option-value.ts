/**
 * Turns a choice's label into the value stored with answers: lowercase ASCII letters, digits
 * and underscores ("Très satisfait·e" → "tres_satisfait_e"), as the contract requires.
 */
export function optionValueOf(label: string): string {
  const value = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/g, '');
  return value;
}

/** Makes values unique in order: a repeated value gets "_2", "_3"… */
export function uniqueValues(values: string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((value) => {
    const base = value || 'choix';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base.slice(0, 57)}_${count}`;
  });
}

/** "tres_satisfait" → "Tres satisfait": a starting label for a value coming from an indicator. */
export function labelFromValue(value: string): string {
  const text = value.replace(/_+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
