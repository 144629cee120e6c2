import {
  createTheme,
  Drawer,
  Modal,
  Notification,
  Tooltip,
  DEFAULT_THEME,
  localStorageColorSchemeManager,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { ensureContrast, shift } from './lib/contrast';

// Contrast (WCAG AA, 4.5:1 for text) in both schemes, checked by axe in e2e/a11y.spec.ts:
// - filled surfaces use shade 8; where white text on it would fall short, shades 8 and 9 are darkened
//   (yellow keeps its light shade and gets black text through autoContrast);
// - coloured text, light-variant text, outlines, links and dimmed text are nudged darker (light scheme) or
//   lighter (dark scheme) until they reach 4.6:1 on every background they appear on.
const WHITE = '#ffffff';
const KEEP_LIGHT = new Set(['yellow', 'lime']);

function tunedColors(): Record<string, MantineColorsTuple> {
  const out: Record<string, MantineColorsTuple> = {};
  for (const [name, tuple] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark' || name === 'gray' || KEEP_LIGHT.has(name)) continue;
    const shades = [...tuple];
    const filled = ensureContrast(shades[8]!, [WHITE]);
    if (filled !== shades[8]) {
      shades[8] = filled;
      shades[9] = shift(filled, 0.15);
    }
    out[name] = shades as unknown as MantineColorsTuple;
  }
  return out;
}

const colors = { ...DEFAULT_THEME.colors, ...tunedColors() };
const PRIMARY = 'indigo';

export const theme = createTheme({
  primaryColor: PRIMARY,
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  colors,
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Mantine's close buttons are icons without a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } }),
    // Tooltips show for keyboard focus too, not only on hover.
    Tooltip: Tooltip.extend({ defaultProps: { events: { hover: true, focus: true, touch: false } } }),
  },
});

const gray = colors.gray;
const dark = colors.dark;
// Backgrounds text sits on: the body, cards, striped and hovered rows, selected rows (primary light).
const LIGHT_BGS = [WHITE, gray[0], gray[1], colors[PRIMARY][1]];
const DARK_BGS = [dark[7], dark[6], dark[5]];

export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': ensureContrast(gray[6], LIGHT_BGS),
    '--mantine-color-anchor': ensureContrast(colors[PRIMARY][8], LIGHT_BGS),
  };
  const darkVars: Record<string, string> = {
    '--mantine-color-dimmed': ensureContrast(dark[2], DARK_BGS, 4.6, 'lighter'),
    '--mantine-color-anchor': ensureContrast(colors[PRIMARY][4], DARK_BGS, 4.6, 'lighter'),
  };
  for (const [name, c] of Object.entries(colors)) {
    if (name === 'dark') continue;
    const lightBgs = [...LIGHT_BGS, c[1]];
    light[`--mantine-color-${name}-text`] = ensureContrast(KEEP_LIGHT.has(name) ? c[9] : c[8], lightBgs);
    light[`--mantine-color-${name}-light-color`] = ensureContrast(c[9], lightBgs);
    light[`--mantine-color-${name}-outline`] = ensureContrast(c[8], lightBgs);
    darkVars[`--mantine-color-${name}-text`] = ensureContrast(c[4], DARK_BGS, 4.6, 'lighter');
    darkVars[`--mantine-color-${name}-outline`] = ensureContrast(c[4], DARK_BGS, 4.6, 'lighter');
  }
  // Warning banners (light variant) in the dark scheme: a faint tint instead of a heavy yellow/orange slab;
  // the alert's title and icon keep the colour, so the warning still reads as one.
  for (const name of ['yellow', 'orange'] as const) {
    darkVars[`--mantine-color-${name}-light`] = tint(colors[name][6], 0.08);
    darkVars[`--mantine-color-${name}-light-hover`] = tint(colors[name][6], 0.12);
  }
  return { variables: {}, light, dark: darkVars };
};

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'flowbridge-color-scheme' });

function tint(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
