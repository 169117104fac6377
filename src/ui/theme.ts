/** Fluent themes for the pane: Office's web themes with a font stack that renders Chinese well. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../app/theme';

/** Segoe UI for Latin text (as in Office), then the platform's Chinese UI fonts. */
export const FONT_FAMILY =
  '"Segoe UI", "Segoe UI Web (West European)", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

const withFont = (t: Theme): Theme => ({ ...t, fontFamilyBase: FONT_FAMILY });

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: withFont(webLightTheme),
  dark: withFont(webDarkTheme),
};
