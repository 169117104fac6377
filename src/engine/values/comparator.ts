import type { Comparator, ParsedValue } from './types';

const NAMES: Readonly<Record<Comparator, string>> = {
  '≥': '大于等于',
  '≤': '小于等于',
  '=': '等于',
  '>': '大于',
  '<': '小于',
};

/** The comparison in words for messages: `≥` → `大于等于`; none written → `等于（未写比较符）`. */
export function describeComparator(c: Comparator | null): string {
  return c === null ? '等于（未写比较符）' : NAMES[c];
}

/**
 * The comparison a quantity means: the one written, or `=` when none is written (docs/domain.md §3:
 * `2台`, `100%`). Null for a range (`70-80个`) and for text.
 */
export function effectiveComparator(v: ParsedValue): Comparator | null {
  if (v.kind !== 'quantitative' || v.upper !== null) return null;
  return v.comparator ?? '=';
}

/** Whether a comparison puts a floor under the value (`≥`, `>`), a cap (`≤`, `<`) or neither. */
export function comparatorDirection(c: Comparator | null): 'floor' | 'cap' | 'exact' {
  if (c === '≥' || c === '>') return 'floor';
  if (c === '≤' || c === '<') return 'cap';
  return 'exact';
}
