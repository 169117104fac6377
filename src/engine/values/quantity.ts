import type { Comparator } from './types';
import {
  APPROXIMATE_SUFFIX,
  APPROXIMATE_WORDS,
  CLAUSE_WORDS,
  CONNECTIVES,
  DATE_UNITS,
  LEADING_COMPARATOR_WORDS,
  PREFIX_BAD_ENDINGS,
  TEXT_STOP_CHARS,
  TRAILING_COMPARATOR_WORDS,
  UNIT_STOP_CHARS,
} from './words';

/** A quantitative value taken apart: `[prefix][sign][约]number[-upper][unit][左右]`. */
export interface Quantity {
  /** label before the comparison (`车`, `活动满意度`), connectives dropped when a sign is written */
  readonly prefix: string;
  readonly comparator: Comparator | null;
  /** `约` / `大约` / `约为` as written, or '' */
  readonly approximateWord: string;
  /** `左右` written after the unit */
  readonly approximateSuffix: boolean;
  /** exact decimal text without thousands separators */
  readonly number: string;
  readonly upper: string | null;
  /** '' when none */
  readonly unit: string;
}

/** The place of the unit in the text, found before the unit is validated (for doubled units). */
export interface UnitSpan {
  readonly start: number;
  readonly end: number;
}

const SIGNS: ReadonlySet<string> = new Set(['≥', '≤', '=', '>', '<']);
const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');
const RANGE_RE = new RegExp(String.raw`^(\D*?)(?:[-~～〜—–]|至|到)(${NUMBER_SOURCE})`);
const FIRST_DIGIT = /\d/;
const MAX_PREFIX = 24;
const MAX_UNIT = 10;

function endsWithAny(s: string, words: ReadonlyArray<string>): string | null {
  for (const w of words) if (s.endsWith(w)) return w;
  return null;
}

/** Digits only as in `m2`, `km3`; anything else with a digit is not a unit. */
function unitHasDigits(unit: string): boolean {
  return /\d/.test(unit.replace(/([A-Za-z])[23](?![0-9])/g, '$1'));
}

export function validUnit(unit: string): boolean {
  if (unit === '') return true;
  if (unit.startsWith('%') || unit.startsWith('‰')) return unit.length === 1;
  if (unit.length > MAX_UNIT) return false;
  if (unit.startsWith('（') || unit.startsWith('(')) return false;
  // `2023年工作计划`: a date followed by text, not a unit (`年`, `月` alone are dates, see DATE_UNITS)
  if (/^[年月日号]/.test(unit) && !DATE_UNITS.has(unit)) return false;
  if (TEXT_STOP_CHARS.test(unit) || UNIT_STOP_CHARS.test(unit)) return false;
  return !unitHasDigits(unit);
}

function validPrefix(prefix: string): boolean {
  if (prefix === '') return true;
  if (prefix.length > MAX_PREFIX) return false;
  if (TEXT_STOP_CHARS.test(prefix)) return false;
  if (/[A-Za-z]$/.test(prefix)) return false; // a code: `GB3838`, `PM2.5`
  if (endsWithAny(prefix, PREFIX_BAD_ENDINGS) !== null) return false;
  return !CLAUSE_WORDS.some((w) => prefix.includes(w));
}

function stripNumber(n: string): string {
  return n.replace(/,/g, '');
}

interface Scan {
  readonly quantity: Quantity | null;
  readonly unitSpan: UnitSpan | null;
}

/** Takes a clean text apart as a quantity; `quantity` is null when it reads as text. */
export function scanQuantity(s: string): Scan {
  const none: Scan = { quantity: null, unitSpan: null };
  const first = FIRST_DIGIT.exec(s);
  if (first === null) return none;
  const at = first.index;
  NUMBER_AT.lastIndex = at;
  const numberMatch = NUMBER_AT.exec(s);
  if (numberMatch === null) return none;
  let head = s.slice(0, at);
  let number = stripNumber(numberMatch[0]);
  if (head.endsWith('-') && (head.length === 1 || SIGNS.has(head.charAt(head.length - 2)))) {
    number = '-' + number;
    head = head.slice(0, -1);
  }

  // After the number: an optional range, the unit, an optional trailing word.
  let tailStart = at + numberMatch[0].length;
  let upper: string | null = null;
  let rangeUnit: string | null = null;
  const range = RANGE_RE.exec(s.slice(tailStart));
  if (range !== null) {
    rangeUnit = range[1]!;
    upper = stripNumber(range[2]!);
    tailStart += range[0].length;
  }
  let tailEnd = s.length;
  let trailing: Comparator | null = null;
  let approximateSuffix = false;
  const tail = s.slice(tailStart);
  if (tail.endsWith(APPROXIMATE_SUFFIX)) {
    approximateSuffix = true;
    tailEnd -= APPROXIMATE_SUFFIX.length;
  } else {
    for (const [word, cmp] of TRAILING_COMPARATOR_WORDS) {
      // a lone `内` after the number is not `以内`
      if (tail.endsWith(word) && (word !== '内' || tail.length > 1)) {
        trailing = cmp;
        tailEnd -= word.length;
        break;
      }
    }
  }
  const unit = s.slice(tailStart, tailEnd);
  const unitSpan: UnitSpan = { start: tailStart, end: tailEnd };
  const fail: Scan = { quantity: null, unitSpan };

  if (rangeUnit !== null && rangeUnit !== '' && rangeUnit !== unit) return fail;
  if (!validUnit(unit)) return fail;

  // Before the number: [prefix][comparison][约].
  const approximateWord = endsWithAny(head, APPROXIMATE_WORDS) ?? '';
  head = head.slice(0, head.length - approximateWord.length);
  let leading: Comparator | null = null;
  const last = head.charAt(head.length - 1);
  if (SIGNS.has(last)) {
    leading = last as Comparator;
    head = head.slice(0, -1);
  } else {
    for (const [word, cmp] of LEADING_COMPARATOR_WORDS) {
      if (head.endsWith(word)) {
        leading = cmp;
        head = head.slice(0, head.length - word.length);
        break;
      }
    }
  }
  if (!validPrefix(head)) return fail;
  if (leading !== null && trailing !== null && leading !== trailing) return fail;
  const comparator = leading ?? trailing;
  if (comparator !== null && upper !== null) return fail;
  if (comparator === null && DATE_UNITS.has(unit)) return fail;

  let prefix = head;
  if (comparator !== null) {
    for (
      let w = endsWithAny(prefix, CONNECTIVES);
      w !== null;
      w = endsWithAny(prefix, CONNECTIVES)
    ) {
      prefix = prefix.slice(0, prefix.length - w.length);
    }
    // `的是=0`: what is left must still be a label, or the normalised text would read as text
    if (!validPrefix(prefix)) prefix = head;
  }
  return {
    quantity: { prefix, comparator, approximateWord, approximateSuffix, number, upper, unit },
    unitSpan,
  };
}

/** The standard spelling of a quantity: `≥580家` for `不少于580家`, `70-80个` for `70～80个`. */
export function formatQuantity(q: Quantity): string {
  return (
    q.prefix +
    (q.comparator ?? '') +
    q.approximateWord +
    q.number +
    (q.upper !== null ? '-' + q.upper : '') +
    q.unit +
    (q.approximateSuffix ? APPROXIMATE_SUFFIX : '')
  );
}
