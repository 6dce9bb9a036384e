/** A small set of line icons (24×24, drawn with the current text colour). Decorative by default. */
import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function icon(paths: string[], circles: Array<[number, number, number]> = []) {
  return function Icon({ size = 20, ...rest }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
        {circles.map(([cx, cy, r]) => (
          <circle key={`${cx}-${cy}-${r}`} cx={cx} cy={cy} r={r} />
        ))}
      </svg>
    );
  };
}

export const IconChart = icon(['M4 20h16', 'M7 17v-6', 'M12 17V6', 'M17 17v-9']);
/** A box of the members' middle half, its median, and whiskers: comparing with the sector. */
export const IconCompare = icon(['M3 12h4', 'M17 12h4', 'M7 7h10v10H7z', 'M12 7v10']);
export const IconFramework = icon(
  ['M12 3v5', 'M12 8l-6 5', 'M12 8l6 5', 'M6 13v4', 'M18 13v4'],
  [
    [12, 4, 1.5],
    [6, 19, 2],
    [18, 19, 2],
  ],
);
export const IconQuestionnaire = icon([
  'M9 6h11',
  'M9 12h11',
  'M9 18h11',
  'M4 6l1 1 2-2',
  'M4 12l1 1 2-2',
  'M4 18l1 1 2-2',
]);
export const IconCampaign = icon(['M21 3 10 14', 'M21 3l-7 18-4-7-7-4z']);
export const IconActivity = icon(['M3 12h4l3-8 4 16 3-8h4']);
export const IconCollective = icon(
  ['M3 20v-1a5 5 0 0 1 5-5h2a5 5 0 0 1 5 5v1', 'M16 14h1a4 4 0 0 1 4 4v2'],
  [
    [9, 7, 3],
    [17, 8, 2.5],
  ],
);
export const IconOrganisation = icon([
  'M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16',
  'M16 9h2a2 2 0 0 1 2 2v10',
  'M3 21h18',
  'M8 7h4',
  'M8 11h4',
  'M8 15h4',
]);
export const IconKey = icon(['M11 12l9-9', 'M17 6l3 3', 'M15 8l2 2'], [[8, 15, 4]]);
export const IconLogout = icon([
  'M10 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h4',
  'M15 16l4-4-4-4',
  'M19 12H9',
]);
export const IconCopy = icon([
  'M10 8h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z',
  'M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2',
]);
export const IconCheck = icon(['M5 12l5 5L20 7']);
export const IconPlus = icon(['M12 5v14', 'M5 12h14']);
export const IconTrash = icon([
  'M4 7h16',
  'M10 11v6',
  'M14 11v6',
  'M6 7l1 13h10l1-13',
  'M9 7V4h6v3',
]);
export const IconPencil = icon(['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4']);
export const IconArrowUp = icon(['M12 19V5', 'M6 11l6-6 6 6']);
export const IconArrowDown = icon(['M12 5v14', 'M6 13l6 6 6-6']);
export const IconAlert = icon(['M12 8v5', 'M12 16h.01'], [[12, 12, 9]]);
export const IconInfo = icon(['M12 11v5', 'M12 8h.01'], [[12, 12, 9]]);
export const IconEmpty = icon(['M4 13h4l2 3h4l2-3h4', 'M4 13l2-8h12l2 8v6H4z']);
export const IconLink = icon([
  'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1',
  'M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
]);
export const IconTarget = icon(
  [],
  [
    [12, 12, 9],
    [12, 12, 5],
    [12, 12, 1],
  ],
);

/** The Socle mark: three stacked blocks, a foundation. */
export function SocleMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-socle-7)" />
      <rect x="7" y="19" width="18" height="5" rx="1.5" fill="#fff" />
      <rect x="10" y="12" width="12" height="5" rx="1.5" fill="var(--mantine-color-socle-2)" />
      <rect x="13" y="5" width="6" height="5" rx="1.5" fill="#fff" />
    </svg>
  );
}
