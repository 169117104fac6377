import type { FormKind } from '../../model/forms';
import type { MoneyUnit } from '../../money/amount';

/**
 * Label matching for the key–value cells of all three forms. A label is compared after
 * `normalizeLabel`: no spaces (ASCII, full-width, line breaks), no trailing colons, no unit suffix
 * such as `（万元）` or `（%）`, no leading `其中：` and no required-field mark (`*`).
 */

/** Labels are short; longer texts are never compared against label tables (keeps scans cheap). */
export const MAX_LABEL_LENGTH = 30;

const SPACES = /[\s\u3000]+/g;
const LEADING_MARKS = /^[*＊★]+/;
const TRAILING_COLONS = /[：:]+$/;
const LEADING_QIZHONG = /^其中[：:，,]?/;
const UNIT_SUFFIX = /[（(](?:单位[：:])?(万元|元|亿元|%|％)[)）]$/;

/** What a label cell says once the noise is gone, plus the money unit of a `（万元）` suffix. */
export interface LabelInfo {
  readonly norm: string;
  /** `预算数（元）` → 元; null when the label carries no money unit */
  readonly unit: MoneyUnit | null;
}

/** `其中：财政    资金` → `财政资金`; `预算数（万元）：` → `预算数`; `资金支出计划（%）` → `资金支出计划`. */
export function normalizeLabel(text: string): string {
  return readLabel(text).norm;
}

/** Characters that make a label need more than a plain comparison. */
const NEEDS_WORK = /[\s\u3000：:（()）*＊★]/;

/** `normalizeLabel` that also reports the unit written in the suffix. */
export function readLabel(text: string): LabelInfo {
  if (!NEEDS_WORK.test(text) && !text.startsWith('其中')) return { norm: text, unit: null };
  let s = text.replace(SPACES, '').replace(LEADING_MARKS, '').replace(TRAILING_COLONS, '');
  let unit: MoneyUnit | null = null;
  const m = UNIT_SUFFIX.exec(s);
  if (m) {
    if (m[1] === '万元' || m[1] === '元' || m[1] === '亿元') unit = m[1];
    s = s.slice(0, m.index).replace(TRAILING_COLONS, '');
  }
  s = s.replace(LEADING_QIZHONG, '');
  return { norm: s, unit };
}

/**
 * A fixed set of labels, each with its synonyms, looked up in one map access after normalisation.
 * Build it once at module level: `new LabelTable({ budget: ['预算数', '年度资金总额'] })`.
 */
export class LabelTable<K extends string> {
  private readonly map = new Map<string, K>();

  constructor(entries: Readonly<Record<K, ReadonlyArray<string>>>) {
    for (const key of Object.keys(entries) as K[]) {
      for (const label of entries[key]) this.map.set(normalizeLabel(label), key);
    }
  }

  /** The key of a cell text, or null (texts longer than MAX_LABEL_LENGTH never match). */
  match(text: string): K | null {
    if (text === '' || text.length > MAX_LABEL_LENGTH) return null;
    return this.matchNorm(normalizeLabel(text));
  }

  /** The labels of one key, normalised. */
  labelsOf(key: K): string[] {
    const out: string[] = [];
    for (const [label, k] of this.map) if (k === key) out.push(label);
    return out;
  }

  /** The key of an already normalised label. */
  matchNorm(norm: string): K | null {
    return this.map.get(norm) ?? null;
  }
}

/**
 * `项目名称：某某项目` → { label: '项目名称', value: '某某项目' }: a label and its value typed into
 * one cell. Null when there is no colon or nothing after it.
 */
export function splitInlineLabel(text: string): { label: string; value: string } | null {
  let i = text.indexOf('：');
  const j = text.indexOf(':');
  if (i < 0 || (j >= 0 && j < i)) i = j;
  if (i <= 0 || i > MAX_LABEL_LENGTH) return null;
  const value = text.slice(i + 1).trim();
  if (value === '') return null;
  return { label: text.slice(0, i).trim(), value };
}

const UNIT_TEXT = /单位\s*[：:]\s*(万元|亿元|元)/;

/**
 * The money unit a cell declares: `单位：万元`, `金额单位：元`, `（单位：万元）`, `单位:亿元`.
 * Null for any other text (a plain `万元` is not a declaration).
 */
export function unitFromText(text: string): MoneyUnit | null {
  if (text.length > 40 || text.indexOf('单位') < 0) return null;
  const m = UNIT_TEXT.exec(text);
  if (!m) return null;
  return m[1] as MoneyUnit;
}

const TITLE_ENDINGS = ['绩效目标表', '绩效目标申报表', '绩效目标审核表', '绩效目标批复表'];
const TRAILING_TITLE_NOISE = /[\s\u3000]*(?:[（(][^（()）]*[)）])?[\s\u3000：:。]*$/;

/**
 * Which form a title row announces: `…部门整体支出绩效目标表` → department-form,
 * `…绩效目标表（含转移支付项目）` → project-list, any other `…绩效目标表` / `…绩效目标申报表` →
 * project-form. Null when the text is not a form title. Call it on the first text cell of a row.
 */
export function titleKind(text: string): FormKind | null {
  if (text.length < 5 || text.length > 200) return null;
  // `绩` first: a one-character search is cheap, and most cells never mention it
  if (text.indexOf('绩') < 0 || text.indexOf('绩效目标') < 0) return null;
  if (text.indexOf('含转移支付') >= 0) return 'project-list';
  // `…绩效目标表（2023年）` and `…绩效目标表：` still end the title.
  const core = text.replace(TRAILING_TITLE_NOISE, '');
  if (!TITLE_ENDINGS.some((e) => core.endsWith(e))) return null;
  if (core.indexOf('部门整体') >= 0 || core.indexOf('整体支出') >= 0) return 'department-form';
  return 'project-form';
}

const NOTE_PREFIXES = [
  '注：',
  '注:',
  '注1',
  '注 ',
  '备注',
  '说明：',
  '说明:',
  '填表说明',
  '填报说明',
  '填报人',
  '填表人',
  '联系人',
  '联系电话',
  '审核人',
  '单位负责人',
  '财务负责人',
  '财政部门审核意见',
];

const NOTE_STARTS = new Set(NOTE_PREFIXES.map((p) => p[0]));

/** A note, signature or instructions line under a table (`注：…`, `填报人：`, `填表说明`). */
export function isNoteText(text: string): boolean {
  if (!NOTE_STARTS.has(text[0])) return false;
  if (text === '注') return true;
  for (const p of NOTE_PREFIXES) if (text.startsWith(p)) return true;
  return false;
}

const LEVEL_NOISE = /[:：\n<&]/;

/** A 一级/二级 cell written with an explanation (`产出指标：统一行使…`) gives its name only. */
export function levelName(text: string): string {
  if (!LEVEL_NOISE.test(text)) return text.trim();
  const t = text.replace(/<\/?p>|&nbsp;/gi, '').trim();
  const colon = /^([^:：\n]{1,20}?)\s*[:：]\s*\S/.exec(t);
  if (colon) return colon[1].trim();
  const lines = t.split(/\r?\n/);
  if (lines.length > 1 && lines[0].trim().length <= 20) return lines[0].trim();
  return t;
}
