import type { Comparator } from './types';

/**
 * Chinese words for comparisons written before the number (`不少于580家`), longest first so that
 * `不低于` wins over `低于` and `大于等于` over `等于`.
 */
export const LEADING_COMPARATOR_WORDS: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['至少', '≥'],
    ['最少', '≥'],
    ['最低', '≥'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['不超过', '≤'],
    ['不高于', '≤'],
    ['不多于', '≤'],
    ['不大于', '≤'],
    ['至多', '≤'],
    ['最多', '≤'],
    ['最高', '≤'],
    ['大于', '>'],
    ['高于', '>'],
    ['超过', '>'],
    ['多于', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['等于', '='],
  ] as Array<[string, Comparator]>
).sort((a, b) => b[0].length - a[0].length);

/** Words after the number and unit: `90%以上` (≥), `100万元以内` (≤), `24小时内` (≤). */
export const TRAILING_COMPARATOR_WORDS: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', '≥'],
  ['或以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['或以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
];

/** Approximation words before the number (kept as written in the normalised text). */
export const APPROXIMATE_WORDS: ReadonlyArray<string> = ['大约', '约为', '约合', '约'];

/** Approximation written after the unit: `90家左右`. */
export const APPROXIMATE_SUFFIX = '左右';

/** Verbs between a label and a comparison, dropped when a sign takes their place (`达90%以上`). */
export const CONNECTIVES: ReadonlyArray<string> = [
  '控制在',
  '保持在',
  '维持在',
  '达到',
  '达',
  '为',
  '在',
  '是',
];

/** A label cannot end with these right before the number: `的70%` is relative, `第2` ordinal. */
export const PREFIX_BAD_ENDINGS: ReadonlyArray<string> = ['的', '第', '前', '后', '近'];

/** Words that turn text before or after a number into a clause rather than a label or a unit. */
export const CLAUSE_WORDS: ReadonlyArray<string> = [
  ...LEADING_COMPARATOR_WORDS.map(([w]) => w),
  '以上',
  '以下',
  '以内',
];

/** Characters a unit cannot contain: `小时内完成核查` is a clause, not a unit. */
export const UNIT_STOP_CHARS = /[内前后以的及和或与并且达到每不于之为是在将对从向至完确]/;

/** Characters that end a label or a unit: sentence punctuation, signs, quotes, brackets of titles. */
export const TEXT_STOP_CHARS = /[，。；、,;:：！？!?“”"'‘’《》〈〉<>=≥≤+~～…—–\-|.\s]/;

/** Units that name a calendar point or span: `12月`, `4月-12月`, `2季度` are dates, not quantities. */
export const DATE_UNITS: ReadonlySet<string> = new Set([
  '年',
  '月',
  '日',
  '号',
  '月份',
  '年度',
  '季度',
  '月底',
  '月末',
  '年底',
  '年末',
  '月中',
  '旬',
]);
