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

/**
 * Book-title marks with no partner: 1 at their positions, 0 elsewhere. Real titles (`《审计法》`)
 * pair up. Flags rather than a sorted list keep a run of 125,000 marks linear and flat.
 */
function unpairedMarks(s: string): Uint8Array {
  const unpaired = new Uint8Array(s.length);
  const stacks: Record<string, number[]> = { '《': [], '〈': [] };
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (OPENERS[ch] !== undefined) {
      stacks[ch]!.push(i);
    } else {
      const opener = CLOSERS[ch];
      if (opener === undefined) continue;
      if (stacks[opener]!.length > 0) stacks[opener]!.pop();
      else unpaired[i] = 1;
    }
  }
  for (const list of Object.values(stacks)) for (const i of list) unpaired[i] = 1;
  return unpaired;
}

/**
 * Finds book-title marks used as comparisons: an unpaired mark directly before a number, with `=`
 * signs before or after it (`》=90%`, `=》90%`, `《==15万元`). Doubled signs are collapsed first: a
 * run of the same unpaired mark (`《《15`) and any number of `=` read as one comparison, so the
 * suggestion is a clean `≤15万元` and never itself a typo. An unpaired `《` / `〈` may also open a
 * title whose end is missing (`详见《2023年工作计划`), so it counts only at the start of the value or
 * when reading it as a sign gives a quantity (`评审会成本《330`). Linear in the length of the text;
 * returns null when there are none.
 */
export function readTypos(s: string): TypoReadings | null {
  if (!/[《》〈〉]/.test(s)) return null;
  const unpaired = unpairedMarks(s);
  const edits: Edit[] = [];
  for (let i = 0; i < s.length; i++) {
    if (unpaired[i] === 0) continue;
    const ch = s.charAt(i);
    let end = i + 1;
    while (s.charAt(end) === '=') end++;
    if (!isDigit(s.charAt(end))) continue;
    let start = i;
    while (start > 0 && s.charAt(start - 1) === ch && unpaired[start - 1] === 1) start--;
    const marksStart = start;
    while (start > 0 && s.charAt(start - 1) === '=') start--;
    const equals = end - (i + 1) + (marksStart - start) > 0;
    const greater = ch === '》' || ch === '〉';
    const inclusive = greater ? '≥' : '≤';
    const strict = equals ? inclusive : greater ? '>' : '<';
    if (!greater && start > 0) {
      const reading = s.slice(0, start) + inclusive + s.slice(end);
      if (scanQuantity(reading).quantity === null) continue;
    }
    edits.push({ start, end, inclusive, strict });
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
