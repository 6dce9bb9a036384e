import { Conflict, Invalid } from '../domain/errors.ts';

/**
 * Optimistic concurrency for edits: a row carries a `revision` bumped by every change; a client
 * sends the one it read in `If-Match`, and a stale one answers 409 instead of overwriting.
 */

/** `If-Match: "3"` (or `W/"3"`, or `3`) → 3. Absent → undefined. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) {
    throw new Invalid('invalid_if_match', 'En-tête If-Match invalide : donnez la révision, par exemple "3".', 'Invalid If-Match header: give the revision, for example "3".', [
      { field: 'headers.if-match', message: 'expected a revision number' },
    ]);
  }
  return Number(m[1]);
}

/** What was edited, as the conflict message names it ("cet indicateur", "this indicator"). */
export interface Edited {
  fr: string;
  en: string;
}

/** Throws 409 `edit_conflict` when the caller read another revision than the current one. */
export function checkRevision(expected: number | undefined, actual: number, what: Edited) {
  if (expected === undefined || expected === actual) return;
  throw new Conflict(
    'edit_conflict',
    `Quelqu’un a modifié ${what.fr} pendant que vous le modifiiez (vous aviez la révision ${expected}, elle en est à ${actual}). Rechargez pour voir ses changements, puis refaites les vôtres.`,
    `Someone changed ${what.en} while you were editing it (you had revision ${expected}, it is now at ${actual}). Reload to see their changes, then make yours again.`,
    [{ field: 'headers.if-match', message: `current revision is ${actual}` }],
  );
}
