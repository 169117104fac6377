/**
 * Values completed by the columns beside them. Some forms (the central departments' layout, and
 * system exports modelled on it) split a value over three columns: 指标方向 `≥` | 指标值 `95` |
 * 计量单位 `%`. Read alone, `95` has no unit and no comparison, and the value rules would ask for
 * both. The value the clerk wrote is the three together, `≥95%`; a fix still writes the value
 * cell only, so a suggestion is taken back to what that cell must hold.
 */
import { parseValue } from './parse';

/** The 指标方向 / 计量单位 texts beside an indicator's values (absent without those columns). */
export interface BesideColumns {
  readonly unit?: { readonly text: string };
  readonly direction?: { readonly text: string };
}

/** What was added to a value cell's text to read it, so that a fix can be taken back. */
export interface CompletedValue {
  /** the text the value rules read */
  readonly text: string;
  /** the comparison put before the cell's text ('' when none) */
  readonly prefix: string;
  /** the unit put after it ('' when none) */
  readonly suffix: string;
  /** the comparison the 指标方向 cell names, put before or not ('' when none) */
  readonly direction: string;
}

/** 指标方向 texts read so far: a form repeats the same few (`≥`, `≤`, `正向`) on every row. */
const DIRECTION_CACHE_LIMIT = 256;
const directions = new Map<string, string>();

/**
 * The comparison a 指标方向 cell names, read by the value parser itself (its signs, full-width
 * forms and words such as `大于等于`, `不低于`, `不超过`): `≥`, `≤`, `>` or `<`; '' for `=` (a value
 * without a comparison is exact), for a mistyped mark and for anything else (`正向指标`, `定量`).
 */
function directionOf(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (t === '' || t.length > 8) return '';
  let d = directions.get(t);
  if (d === undefined) {
    const p = parseValue(`${t}1`);
    const typo = p.problems.some((x) => x.type === 'operator-typo');
    const c = p.comparator;
    d = !typo && p.prefix === undefined && c !== null && c !== '=' ? c : '';
    if (directions.size >= DIRECTION_CACHE_LIMIT) directions.clear();
    directions.set(t, d);
  }
  return d;
}

/** A value that starts with a number (and so has no comparison of its own). */
const STARTS_WITH_NUMBER = /^[0-9０-９.．]/;
/** A value that ends with a number (and so has no unit of its own). */
const ENDS_WITH_NUMBER = /[0-9０-９]$/;

/**
 * The value cell's text completed by its 指标方向 and 计量单位 cells: the comparison goes before a
 * value that starts with a number, the unit after one that ends with a number. Anything else (a
 * blank value, a value with its own comparison, mark or unit, a 指标方向 such as `正向指标` or
 * `定量`) is left as it is.
 */
export function completeValue(text: string, beside: BesideColumns): CompletedValue {
  const t = text.trim();
  if (t === '' || (!beside.unit && !beside.direction))
    return { text, prefix: '', suffix: '', direction: '' };
  const direction = directionOf(beside.direction?.text ?? '');
  const prefix = direction !== '' && STARTS_WITH_NUMBER.test(t) ? direction : '';
  const unit = (beside.unit?.text ?? '').trim();
  const suffix = unit !== '' && unit.length <= 10 && ENDS_WITH_NUMBER.test(t) ? unit : '';
  if (prefix === '' && suffix === '') return { text, prefix: '', suffix: '', direction };
  return { text: `${prefix}${t}${suffix}`, prefix, suffix, direction };
}

const COMPARISON = /^[≥≤><]/;

/**
 * A suggestion for the completed value taken back to the value cell: without the comparison and
 * unit that live in their own columns. Null when the suggestion changes them (a different
 * comparison or unit belongs in those cells, which a value fix does not write). A value whose own
 * mark is a typo (`《30` beside `≤`) is fixed to the number alone when the fix agrees with 指标方向.
 */
export function valueCellSuggestion(suggestion: string, completed: CompletedValue): string | null {
  let s = suggestion;
  // a fix that drops the comparison put before the value would need the 指标方向 cell changed
  if (completed.prefix !== '' && !COMPARISON.test(s)) return null;
  if (completed.direction !== '' && COMPARISON.test(s)) {
    if (!s.startsWith(completed.direction)) return null;
    s = s.slice(completed.direction.length);
  }
  if (completed.suffix !== '') {
    if (!s.endsWith(completed.suffix)) return null;
    s = s.slice(0, s.length - completed.suffix.length);
  }
  return s.trim() === '' ? null : s;
}
