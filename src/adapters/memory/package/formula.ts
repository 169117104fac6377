/**
 * References in formulas when rows are inserted or deleted, as Excel moves them: a reference to a
 * row at or below the insertion moves down, a range across it grows; a reference to a deleted row
 * becomes `#REF!`, a range across deleted rows shrinks. Absolute and relative references move
 * alike (A1 formulas name their targets). String literals, structured references and other
 * workbooks are left alone.
 */
import { closingQuote } from '../../xlsx/reader/formula';

/** Rows inserted (`count` > 0, before zero-based row `at`) or deleted (`count` < 0, from `at`). */
export interface RowShift {
  readonly at: number;
  readonly count: number;
}

const MAX_ROW = 1048576;

/** Where zero-based row `row` goes; null when it was deleted. */
export function shiftRow(row: number, s: RowShift): number | null {
  if (s.count >= 0) return row >= s.at ? row + s.count : row;
  const last = s.at - s.count - 1;
  if (row < s.at) return row;
  if (row > last) return row + s.count;
  return null;
}

/** A row span after the shift (zero-based, inclusive); null when all of it was deleted. */
export function shiftSpan(
  top: number,
  bottom: number,
  s: RowShift,
): { top: number; bottom: number } | null {
  if (s.count >= 0) {
    return {
      top: top >= s.at ? top + s.count : top,
      bottom: bottom >= s.at ? bottom + s.count : bottom,
    };
  }
  const last = s.at - s.count - 1;
  if (top >= s.at && bottom <= last) return null;
  const t = top < s.at ? top : top > last ? top + s.count : s.at;
  const b = bottom < s.at ? bottom : bottom > last ? bottom + s.count : s.at - 1;
  return b < t ? null : { top: t, bottom: b };
}

const isNameChar = (c: string | undefined): boolean =>
  c !== undefined && /[\w.$\u00c0-\uffff]/.test(c);

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]{0,6})/;
const ROW = /^(\$?)([1-9][0-9]{0,6})/;

/**
 * `formula` with its references to rows of one sheet moved. `refersToSheet(name)` says whether a
 * reference qualified with sheet `name` (or, for null, an unqualified one) points at that sheet.
 */
export function shiftFormulaRows(
  formula: string,
  shift: RowShift,
  refersToSheet: (name: string | null) => boolean,
): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  let qualifier: string | null = null;
  let external = false;
  while (i < n) {
    const c = formula[i];
    if (c === '"') {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
      qualifier = null;
      continue;
    }
    if (c === "'") {
      const end = closingQuote(formula, i);
      if (formula[end] === '!') {
        qualifier = formula.slice(i + 1, end - 1).replace(/''/g, "'");
        out += formula.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[') {
      const end = formula.indexOf(']', i);
      const stop = end < 0 ? n : end + 1;
      // `[1]Sheet!A1` names another workbook; `Table[Col]` is a structured reference
      if (i === 0 || !isNameChar(formula[i - 1])) external = true;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (isNameChar(c) && !isNameChar(formula[i - 1])) {
      const word = /^[\w.$\u00c0-\uffff]+/.exec(formula.slice(i))?.[0] ?? c;
      if (formula[i + word.length] === '!') {
        qualifier = word;
        out += `${word}!`;
        i += word.length + 1;
        continue;
      }
      const applies = !external && refersToSheet(qualifier);
      const moved = applies ? moveReference(formula, i, shift) : null;
      qualifier = null;
      external = false;
      if (moved) {
        out += moved.text;
        i = moved.end;
        continue;
      }
      out += word;
      i += word.length;
      continue;
    }
    qualifier = null;
    external = false;
    out += c;
    i++;
  }
  return out;
}

/** The reference starting at `i` after the shift, and where it ends; null when none starts there. */
function moveReference(
  f: string,
  i: number,
  shift: RowShift,
): { text: string; end: number } | null {
  const rest = f.slice(i);
  const a = CELL.exec(rest);
  if (a) {
    let end = i + a[0].length;
    let b: RegExpExecArray | null = null;
    if (f[end] === ':') {
      b = CELL.exec(f.slice(end + 1));
      if (b) end += 1 + b[0].length;
    }
    if (isNameChar(f[end]) || f[end] === '(') return null;
    const top = Number(a[4]) - 1;
    const bottom = b ? Number(b[4]) - 1 : top;
    if (top >= MAX_ROW || bottom >= MAX_ROW) return null;
    const span = b ? shiftSpan(Math.min(top, bottom), Math.max(top, bottom), shift) : null;
    if (!b) {
      const r = shiftRow(top, shift);
      return { text: r === null ? '#REF!' : `${a[1]}${a[2]}${a[3]}${r + 1}`, end };
    }
    if (!span) return { text: '#REF!', end };
    const [first, last] = top <= bottom ? [span.top, span.bottom] : [span.bottom, span.top];
    return { text: `${a[1]}${a[2]}${a[3]}${first + 1}:${b[1]}${b[2]}${b[3]}${last + 1}`, end };
  }
  const r1 = ROW.exec(rest);
  if (r1 && f[i + r1[0].length] === ':') {
    const r2 = ROW.exec(f.slice(i + r1[0].length + 1));
    if (!r2) return null;
    const end = i + r1[0].length + 1 + r2[0].length;
    if (isNameChar(f[end])) return null;
    const span = shiftSpan(Number(r1[2]) - 1, Number(r2[2]) - 1, shift);
    if (!span) return { text: '#REF!', end };
    return { text: `${r1[1]}${span.top + 1}:${r2[1]}${span.bottom + 1}`, end };
  }
  return null;
}

/** A sheet name as formulas write it: quoted when it is not a plain name. */
export function sheetQualifier(name: string): string {
  return /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/.test(name) && !CELL.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
