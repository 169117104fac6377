/**
 * The pane's shared Chinese labels (feature-specific text stays with its component). Domain labels
 * (severities, form kinds, periods, rule names) are the engine's: src/engine/labels.ts.
 */

export const TAB_LABEL = {
  templates: '模板',
  check: '检查',
  review: '审核',
  export: '导出',
} as const;
export type TabId = keyof typeof TAB_LABEL;
