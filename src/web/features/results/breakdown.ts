/**
 * Shapes breakdowns and cross-tabs for the dashboard: which breakdowns can be chosen, why a cell
 * is hidden, how long its bar is. Pure functions, no React.
 */
import type { BreakdownDimension, CellFigure, Computation } from '../../api/types.ts';

/** One breakdown as the dashboard offers it, with what to send for each side. */
export type BreakdownChoice = {
  /** `frameworkId:code`, the same for both sides. */
  key: string;
  labelFr: string;
  labelEn: string;
  /** `by` for the organisation's breakdown, null when the organisation has no such question. */
  orgBy: string | null;
  /** `by` for the collective's, null when the breakdown is not a common indicator of it. */
  collectiveBy: string | null;
};

/** The organisation's breakdowns, then the collective's it does not have; each once. */
export function breakdownChoices(
  org: readonly BreakdownDimension[] | undefined,
  collective: readonly BreakdownDimension[] | undefined,
): BreakdownChoice[] {
  const out = new Map<string, BreakdownChoice>();
  for (const d of org ?? []) {
    out.set(`${d.frameworkId}:${d.code}`, {
      key: `${d.frameworkId}:${d.code}`,
      labelFr: d.labelFr,
      labelEn: d.labelEn,
      orgBy: d.by,
      collectiveBy: null,
    });
  }
  for (const d of collective ?? []) {
    const key = `${d.frameworkId}:${d.code}`;
    const known = out.get(key);
    out.set(
      key,
      known
        ? { ...known, collectiveBy: d.by }
        : { key, labelFr: d.labelFr, labelEn: d.labelEn, orgBy: null, collectiveBy: d.by },
    );
  }
  return [...out.values()];
}

/**
 * Why a cell is hidden: it rests on fewer than k answers, or it is hidden so that another one
 * cannot be worked out from it and the totals (its n is then k or more).
 */
export function hiddenReason(
  cell: Pick<CellFigure, 'n' | 'suppressed'>,
  k: number | null,
): 'small' | 'protects' | null {
  if (!cell.suppressed) return null;
  return k !== null && cell.n < k ? 'small' : 'protects';
}

/**
 * A cell's bar, from 0 to 1: a share is its own length; a mean or a count is measured against
 * the largest shown in the same list (hidden cells draw nothing).
 */
export function barLength(
  cell: Pick<CellFigure, 'value' | 'suppressed'>,
  type: Computation['type'],
  cells: readonly Pick<CellFigure, 'value' | 'suppressed'>[],
): number {
  if (cell.suppressed || cell.value === null) return 0;
  if (type === 'share') return Math.min(1, Math.max(0, cell.value));
  const max = Math.max(
    0,
    ...cells.filter((c) => !c.suppressed && c.value !== null).map((c) => c.value!),
  );
  return max > 0 ? Math.max(0, cell.value) / max : 0;
}
