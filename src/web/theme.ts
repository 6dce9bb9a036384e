import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Deep teal: calm, serious, readable (shade 7 on white passes WCAG AA for text). */
const socle: MantineColorsTuple = [
  '#e8f6f4',
  '#cdeae6',
  '#9dd5cd',
  '#69bfb3',
  '#3fa99b',
  '#24968a',
  '#15877b',
  '#0c665d',
  '#0a5650',
  '#063b37',
];

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'socle',
  primaryShade: 7,
  colors: { socle },
  fontFamily: systemFonts,
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontFamily: systemFonts, fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { shadow: 'xs' } },
    Button: { defaultProps: { radius: 'md' } },
    Modal: {
      defaultProps: {
        radius: 'lg',
        centered: true,
        overlayProps: { backgroundOpacity: 0.45, blur: 2 },
      },
    },
  },
});
