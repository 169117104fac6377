/**
 * Light or dark: Office's theme when the pane runs in Office (its body background colour, which the
 * setup layer passes in), else the browser's `prefers-color-scheme`.
 */
export type ThemeName = 'light' | 'dark';

/** `#1F1F1F` → dark; null when the colour cannot be read. */
export function themeFromBackground(color: string | null | undefined): ThemeName | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.5 ? 'dark' : 'light';
}

export function pickTheme(
  officeBackground: string | null | undefined,
  prefersDark: boolean,
): ThemeName {
  return themeFromBackground(officeBackground) ?? (prefersDark ? 'dark' : 'light');
}
