/**
 * An indicator's definition is what gives its figures their meaning: how the value is
 * computed, which options count, and how it is broken down. Two answers can be pooled only
 * when they were collected under the same definition; a change of definition between two
 * versions is a series break (docs/decisions/005).
 */

export interface Definition {
  computation: { type: string; options?: readonly string[] };
  disaggregations?: readonly string[];
}

function sorted(values: readonly string[] | undefined): string[] {
  // Plain code-unit order, the same as PostgreSQL's "C" collation used by the migration.
  return [...(values ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A short stable key: equal keys mean compatible definitions. Option and disaggregation
 * order do not matter. The format is also written in SQL by a migration: keep both in step.
 */
export function definitionKey(def: Definition): string {
  const options = def.computation.type === 'share' ? sorted(def.computation.options) : [];
  return `${def.computation.type}:${options.join(',')}|${sorted(def.disaggregations).join(',')}`;
}

export type DefinitionChange = 'computation' | 'options' | 'disaggregations';

/** What changed between two definitions; empty when they are compatible. */
export function definitionChanges(before: Definition, after: Definition): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  if (before.computation.type !== after.computation.type) out.push('computation');
  else if (before.computation.type === 'share' && sorted(before.computation.options).join(',') !== sorted(after.computation.options).join(',')) out.push('options');
  if (sorted(before.disaggregations).join(',') !== sorted(after.disaggregations).join(',')) out.push('disaggregations');
  return out;
}

/** Reads a key back: its computation type, share options and disaggregations. */
export function parseDefinitionKey(key: string): { type: string; options: string[]; disaggregations: string[] } {
  const [head = '', disaggregations = ''] = key.split('|');
  const [type = '', options = ''] = head.split(':');
  const list = (s: string) => (s === '' ? [] : s.split(','));
  return { type, options: list(options), disaggregations: list(disaggregations) };
}

/**
 * Numbers the series of an indicator: one per distinct definition, in the order the versions
 * adopted them (series 1 is the first definition). Keys met only outside that history (a draft,
 * say) come after.
 */
export function numberSeries(adoptedKeysInOrder: readonly string[], otherKeys: readonly string[] = []): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of [...adoptedKeysInOrder, ...otherKeys]) if (!out.has(key)) out.set(key, out.size + 1);
  return out;
}
