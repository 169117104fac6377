/**
 * How a suggestion reads on its button: the change, not the cell. A packed list cell holds many
 * indicators; its suggestions differ in one character (`《330` → `≤330` or `<330`), so the button
 * shows the changed fragment before → after, widened to the whole value it sits in (`《330 → ≤330`),
 * or what is removed (`删除“<p>”`). The whole new value goes in a tooltip.
 */

/** Characters of a written value: digits, Latin letters, signs and comparison marks. */
const VALUE_CHAR = /[0-9A-Za-z.%％+\-−~～/<>=≤≥《》〈〉＞＜＝０-９．]/u;
/** Characters that end a fragment: spaces and punctuation between the parts of a cell. */
const SEPARATOR = /[\s，。；：、,;:！？!?（）()【】[\]“”"'‘’]/u;
/** Units after a number (`万元`, `人次`) are shown with it, up to this many characters. */
const UNIT_CHARS = 3;
/** A cell shorter than this is shown whole on both sides. */
const WHOLE = 12;
/** Each side of the fragment is cut to this many characters. */
const MAX_FRAGMENT = 16;

export interface FixLabel {
  /** `改为` for a change, `删除` for a removal */
  readonly verb: '改为' | '删除';
  /** the changed fragment as the cell has it now ('' when unknown or nothing is removed) */
  readonly before: string;
  /** the fragment after the fix ('' for a removal) */
  readonly after: string;
  /** what the button shows: `《330 → ≤330`, `删除“<p>”`, `改为“≥90%”` */
  readonly text: string;
  /** a short accessible name: `将“《330”改为“≤330”` */
  readonly name: string;
}

function cut(s: ReadonlyArray<string>): string {
  return s.length > MAX_FRAGMENT ? `${s.slice(0, MAX_FRAGMENT - 1).join('')}…` : s.join('');
}

function quoted(chars: ReadonlyArray<string>): string {
  const s = cut(chars);
  return s.trim() === '' ? '空格' : `“${s}”`;
}

function change(before: ReadonlyArray<string>, after: ReadonlyArray<string>): FixLabel {
  const b = cut(before);
  const a = cut(after);
  return {
    verb: '改为',
    before: b,
    after: a,
    text: b === '' ? `改为“${a}”` : `${b} → ${a}`,
    name: b === '' ? `改为“${a}”` : `将“${b}”改为“${a}”`,
  };
}

/** A removal that needs no context: markup, spaces, or text set off by punctuation. */
function plainRemoval(removed: ReadonlyArray<string>, a: ReadonlyArray<string>, p: number) {
  const text = removed.join('');
  if (/^\s+$/.test(text) || /<\/?[A-Za-z][^>]*>|&[A-Za-z]+;|&#\d+;/.test(text)) return true;
  const left = p === 0 || SEPARATOR.test(a[p - 1]) || SEPARATOR.test(removed[0]);
  const end = p + removed.length;
  const right =
    end === a.length || SEPARATOR.test(a[end]) || SEPARATOR.test(removed[removed.length - 1]);
  return left && right && !VALUE_CHAR.test(removed[0]);
}

/**
 * The label of a suggestion `after` for a cell that holds `before` (undefined when the pane has not
 * read the cell yet: the new value is shown, cut short).
 */
export function fixLabel(before: string | undefined, after: string): FixLabel {
  const b = [...after];
  if (before === undefined) return change([], b);
  const a = [...before];
  if (a.length <= WHOLE && b.length <= WHOLE) return change(a, b);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const removed = a.slice(p, a.length - s);
  const added = b.slice(p, b.length - s);
  if (added.length === 0 && removed.length > 0 && plainRemoval(removed, a, p)) {
    const what = quoted(removed);
    return {
      verb: '删除',
      before: cut(removed),
      after: '',
      text: `删除${what}`,
      name: `删除${what}`,
    };
  }
  // widen to the whole value: back over value characters, forward over them and a short unit
  while (p > 0 && VALUE_CHAR.test(a[p - 1])) p--;
  let unit = 0;
  while (s > 0) {
    const ch = a[a.length - s];
    if (SEPARATOR.test(ch)) break;
    if (!VALUE_CHAR.test(ch)) {
      if (unit >= UNIT_CHARS) break;
      unit++;
    } else if (unit > 0) break;
    s--;
  }
  return change(a.slice(p, a.length - s), b.slice(p, b.length - s));
}

/** What the pane says instead of a fix for a formula cell (a fix would replace the formula). */
export const FORMULA_ADVICE = '公式单元格：请检查公式中的各项';

/**
 * The suggestions of a finding as one short text (the 审核意见 sheet's 建议 column): each change as
 * its label, or the advice for a formula cell; null when there is none.
 */
export function suggestionSummary(
  suggestions: ReadonlyArray<{ readonly text: string; readonly replacesFormula: boolean }>,
  before: string | undefined,
): string | null {
  if (suggestions.length === 0) return null;
  if (suggestions.some((s) => s.replacesFormula)) return FORMULA_ADVICE;
  return suggestions.map((s) => fixLabel(before, s.text).text).join('；');
}
