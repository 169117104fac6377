import { scanQuantity } from './quantity';

/**
 * Book-title marks typed for comparisons (docs/domain.md §3): systems that sanitise input turn `>` into
 * `》` and `<` into `《`, so `》90%` means `≥90%` or `>90%` and only the writer knows which.
 * `》=` / `《=` (and `=》` / `=《`) are unambiguous.
 */

export interface TypoReadings {
  /** every mark read as the inclusive sign (`≥` / `≤`) */
  readonly inclusive: string;
  /** ambiguous marks read as the strict sign (`>` / `<`); equal to `inclusive` when none is ambiguous */
  readonly strict: string;
}

const OPENERS: Readonly<Record<string, string>> = { '《': '》', '〈': '〉' };
const CLOSERS: Readonly<Record<string, string>> = { '》': '《', '〉': '〈' };

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly inclusive: string;
  readonly strict: string;
}

/** Book-title marks with no partner, by position. Real titles (`《审计法》`) pair up. */
function unpairedMarks(s: string): number[] {
  const stacks: Record<string, number[]> = { '《': [], '〈': [] };
  const unpaired: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (OPENERS[ch] !== undefined) {
      stacks[ch]!.push(i);
    } else {
      const opener = CLOSERS[ch];
      if (opener === undefined) continue;
      if (stacks[opener]!.length > 0) stacks[opener]!.pop();
      else unpaired.push(i);
    }
  }
  for (const list of Object.values(stacks)) unpaired.push(...list);
  return unpaired.sort((a, b) => a - b);
}

/**
 * Finds book-title marks used as comparisons: an unpaired mark directly before a number, or before
 * `=` and a number, or after `=` and before a number. An unpaired `《` / `〈` may also open a title
 * whose end is missing (`详见《2023年工作计划`), so it counts only at the start of the value or when
 * reading it as a sign gives a quantity (`评审会成本《330`). Returns null when there are none.
 */
export function readTypos(s: string): TypoReadings | null {
  if (!/[《》〈〉]/.test(s)) return null;
  const edits: Edit[] = [];
  for (const i of unpairedMarks(s)) {
    const ch = s.charAt(i);
    const greater = ch === '》' || ch === '〉';
    const inclusive = greater ? '≥' : '≤';
    const strict = greater ? '>' : '<';
    const next = s.charAt(i + 1);
    const prev = i > 0 ? s.charAt(i - 1) : '';
    let edit: Edit | null = null;
    if (next === '=' && isDigit(s.charAt(i + 2))) {
      edit = { start: i, end: i + 2, inclusive, strict: inclusive };
    } else if (prev === '=' && isDigit(next)) {
      edit = { start: i - 1, end: i + 1, inclusive, strict: inclusive };
    } else if (isDigit(next)) {
      edit = { start: i, end: i + 1, inclusive, strict };
    }
    if (edit === null) continue;
    if (!greater && edit.start > 0) {
      const reading = s.slice(0, edit.start) + inclusive + s.slice(edit.end);
      if (scanQuantity(reading).quantity === null) continue;
    }
    edits.push(edit);
  }
  if (edits.length === 0) return null;
  let inclusiveText = '';
  let strictText = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue; // overlapping edits (`=《=5`): keep the first
    inclusiveText += s.slice(at, e.start) + e.inclusive;
    strictText += s.slice(at, e.start) + e.strict;
    at = e.end;
  }
  inclusiveText += s.slice(at);
  strictText += s.slice(at);
  return { inclusive: inclusiveText, strict: strictText };
}
