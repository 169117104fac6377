/**
 * Shared formulas: Excel stores `B2+C2` once on the first cell of a range and only a reference on
 * the others, which mean the same formula moved by their offset (`B3+C3` one row down). This moves
 * the relative references of a formula text; absolute parts (`$B$2`) stay.
 */

const MAX_COL = 16384;
const MAX_ROW = 1048576;

/**
 * Moves the relative references in `formula` by `rows` and `cols`. References inside string
 * literals and quoted sheet names are left alone, and so are names and function calls that look
 * like references (`LOG10(`). A reference moved off the sheet becomes `#REF!`, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[') {
      // structured references (Table[Column]) and external book indices: copy as is
      const end = formula.indexOf(']', i);
      const stop = end < 0 ? n : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (isNameChar(c) && (i === 0 || !isNameChar(formula[i - 1]))) {
      const m = REF.exec(formula.slice(i));
      const token = m?.[0] ?? /^[\w.$]+/.exec(formula.slice(i))?.[0] ?? c;
      const next = formula[i + token.length];
      if (m && next !== '(' && !(next !== undefined && isNameChar(next)) && next !== '!') {
        out += moveRef(m, rows, cols);
      } else out += token;
      i += token.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** A cell reference, column-only or row-only parts included: `$A$1`, `B2`, `A:A`'s `A` is not one. */
const REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;

function moveRef(m: RegExpExecArray, rows: number, cols: number): string {
  const [, colAbs, letters, rowAbs, digits] = m;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  let row = Number(digits);
  if (col > MAX_COL || row > MAX_ROW) return m[0];
  if (!colAbs) col += cols;
  if (!rowAbs) row += rows;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
  return `${colAbs}${columnLetters(col)}${rowAbs}${row}`;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

function isNameChar(c: string): boolean {
  return /[\w.$\u00c0-\uffff]/.test(c);
}

/** Index just past the quote that closes the one at `start` (a doubled quote is an escaped one). */
export function closingQuote(s: string, start: number): number {
  const q = s[start];
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === q) {
      if (s[i + 1] === q) i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}
