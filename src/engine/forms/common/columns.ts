import type { Period, TableColumnRole } from '../../model/forms';

/**
 * The one place where the column labels of an indicator table are recognised (docs/domain.md §1.1,
 * §1.3): one synonym table per role, one normalisation for every label. Real forms word the same
 * header in many ways (`三级指标`, `指标名称`, `指标内容`, `三级指标名称`; `指标值`, `年度目标值`,
 * `指标值（年度）`, `三级指标目标值`); a label that is not in the table and matches no fallback
 * pattern stays unassigned rather than guessed (`评（计）分标准` is no value column).
 */

/** What an indicator-table column holds (the model's `TableColumnRole`, documented there). */
export type ColumnRole = TableColumnRole;

/** The roles a header cell can be given, with the Chinese name used in messages and in inspect. */
export const ROLE_LABEL: Readonly<Record<ColumnRole, string>> = {
  seq: '序号',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  basis: '指标值确定依据',
  unit: '计量单位',
  direction: '指标方向',
  ignored: '不读取的列',
};

/** How sure a label is of its role: a `strong` label wins over a `weak` one for the same role. */
export type Strength = 'strong' | 'weak';

export interface ColumnMatch {
  readonly role: ColumnRole;
  /** for value columns: 年度 or 实施周期; null for a plain `指标值` */
  readonly period: Period | null;
  readonly strength: Strength;
  /**
   * a weak `name` label that becomes the description when the table has a strong 三级 column
   * (`指标内容` beside `三级指标`)
   */
  readonly fallback?: ColumnRole;
}

/** Header labels are short; longer texts are never compared. */
export const MAX_HEADER_LENGTH = 40;

const SPACES = /[\s\u3000\u00a0]+/g;
const TAGS = /<\/?[a-z][^>]*>|&nbsp;/gi;
const MARKS = /^[*＊★※]+|[*＊★※]+$/g;
const COLONS = /[：:]+$/;
/** bracketed notes that say nothing about the role: `（必填）`, `（万元）`, `（单位：%）` */
const NOTE_BRACKETS = /[（(](?:必填|选填|可选|可不填|单位[：:]?)?(?:万元|元|亿元|%|％)?[)）]/g;
const REQUIRED_NOTE = /[（(](?:必填|选填|可选|可不填)[)）]/g;
const BRACKETS = /[（）()【】[\]〔〕「」]/g;

/**
 * The one normalisation of a column label: no spaces of any kind (ASCII, full-width, no-break,
 * line breaks), no `<p>` markup, no `*`/`★` marks, no trailing colon, no `（必填）` or unit note, and
 * no bracket characters (`指标值（年度）` → `指标值年度`, `评（计）分标准` → `评计分标准`).
 */
export function headerKey(text: string): string {
  let s = text;
  if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) s = s.replace(TAGS, '');
  s = s.replace(SPACES, '').replace(MARKS, '').replace(COLONS, '');
  if (s.indexOf('(') >= 0 || s.indexOf('（') >= 0) {
    s = s.replace(REQUIRED_NOTE, '').replace(NOTE_BRACKETS, '').replace(BRACKETS, '');
  }
  return s.replace(COLONS, '').replace(MARKS, '');
}

type Entry = readonly [ColumnRole, Period | null, Strength, ReadonlyArray<string>, ColumnRole?];

/**
 * The synonym table: every spelling seen on real forms (seeds, docs/domain.md, clerks' variants), in the
 * normalised form `headerKey` gives. One row per role, period and strength.
 */
const SYNONYMS: ReadonlyArray<Entry> = [
  [
    'seq',
    null,
    'strong',
    ['序号', '序', '编号', '行次', '栏次', '行号', '指标序号', 'No', 'NO', 'No.'],
  ],
  [
    'level1',
    null,
    'strong',
    ['一级指标', '一级', '一级指标名称', '一级绩效指标', '一级指标类别', '指标一级'],
  ],
  [
    'level2',
    null,
    'strong',
    ['二级指标', '二级', '二级指标名称', '二级绩效指标', '二级指标类别', '指标二级'],
  ],
  [
    'name',
    null,
    'strong',
    [
      '三级指标',
      '三级',
      '三级指标名称',
      '三级绩效指标',
      '三级指标内容',
      '指标名称',
      '绩效指标名称',
      '具体指标',
      '具体指标名称',
      '指标三级',
    ],
  ],
  ['name', null, 'weak', ['指标内容', '绩效指标内容', '考核内容'], 'description'],
  ['name', null, 'weak', ['绩效指标', '指标', '指标项', '考核指标']],
  [
    'description',
    null,
    'strong',
    [
      '绩效指标描述',
      '指标描述',
      '三级指标描述',
      '指标解释',
      '指标说明',
      '指标定义',
      '指标内涵',
      '指标释义',
      '描述',
      '指标值说明',
    ],
  ],
  [
    'value',
    null,
    'strong',
    [
      '指标值',
      '目标值',
      '绩效指标值',
      '指标目标值',
      '绩效目标值',
      '三级指标值',
      '三级指标目标值',
      '期望值',
      '预期值',
      '预期目标值',
      '目标值设定',
      '指标值设定',
    ],
  ],
  [
    'value',
    'annual',
    'strong',
    [
      '年度指标值',
      '年度目标值',
      '本年度指标值',
      '本年指标值',
      '当年指标值',
      '年度绩效指标值',
      '年度指标目标值',
      '年度值',
      '指标值年度',
      '目标值年度',
      '年度目标',
      '年度',
      '本年度',
    ],
  ],
  [
    'value',
    'period',
    'strong',
    [
      '实施周期指标值',
      '实施期指标值',
      '实施周期目标值',
      '实施期目标值',
      '中长期指标值',
      '中期指标值',
      '全周期指标值',
      '周期指标值',
      '项目周期指标值',
      '指标值实施周期',
      '指标值实施期',
      '目标值实施周期',
      '实施周期',
      '实施期',
      '实施期目标',
      '整体目标值',
    ],
  ],
  [
    'basis',
    null,
    'strong',
    [
      '指标值确定依据',
      '确定依据',
      '指标值设定依据',
      '设定依据',
      '取值依据',
      '指标值依据',
      '目标值确定依据',
      '指标值确定依据及说明',
      '指标来源',
      '依据',
    ],
  ],
  [
    'unit',
    null,
    'strong',
    ['计量单位', '度量单位', '单位', '指标单位', '指标值单位', '计量单位名称'],
  ],
  ['direction', null, 'strong', ['指标方向', '指标方向性', '指标性质', '方向', '比较符', '运算符']],
  [
    'ignored',
    null,
    'strong',
    [
      '评计分标准',
      '评分标准',
      '计分标准',
      '评分规则',
      '分值',
      '权重',
      '权重分',
      '指标权重',
      '备注',
      '考核方式',
      '评价标准',
      '数据来源',
      '完成时限',
    ],
  ],
];

const TABLE = new Map<string, ColumnMatch>();
for (const [role, period, strength, labels, fallback] of SYNONYMS) {
  const match: ColumnMatch = fallback
    ? { role, period, strength, fallback }
    : { role, period, strength };
  for (const l of labels) TABLE.set(headerKey(l), match);
}

const PERIOD_WORDS = /实施|周期|中期|长期|全期/;
const ANNUAL_WORDS = /年度|本年|当年/;

/** Labels only the sub-row of a two-row value header uses: `年度` and `实施周期` under `指标值`. */
const SUB_ONLY = new Set(['年度', '本年度', '年度目标', '实施周期', '实施期', '实施期目标']);

/**
 * The role of a header cell, or null when the label says nothing the table reads. Exact synonyms
 * first; then a few patterns for spellings the table does not list (`…确定依据…`, `…指标值（…）`),
 * in an order that keeps `指标值确定依据` a basis and `评分` columns unread.
 */
export function columnRole(text: string): ColumnMatch | null {
  if (text === '' || text.length > MAX_HEADER_LENGTH) return null;
  const hit = roleCache.get(text);
  if (hit !== undefined) return hit;
  if (roleCache.size >= ROLE_CACHE_LIMIT) roleCache.clear();
  const match = roleOfText(text);
  roleCache.set(text, match);
  return match;
}

/** Sheets repeat the same texts (`100%`, `产出指标`) in every form: roles are memoised by text. */
const ROLE_CACHE_LIMIT = 20_000;
const roleCache = new Map<string, ColumnMatch | null>();

function roleOfText(text: string): ColumnMatch | null {
  const key = headerKey(text);
  if (key === '') return null;
  const exact = TABLE.get(key);
  if (exact) return SUB_ONLY.has(key) ? null : exact;
  if (key.length > 16) return null;
  if (key.indexOf('依据') >= 0) return { role: 'basis', period: null, strength: 'weak' };
  if (/评分|计分|分值|权重|得分/.test(key))
    return { role: 'ignored', period: null, strength: 'weak' };
  if (key.indexOf('指标值') >= 0 || key.indexOf('目标值') >= 0) {
    const period = PERIOD_WORDS.test(key) ? 'period' : ANNUAL_WORDS.test(key) ? 'annual' : null;
    return { role: 'value', period, strength: 'weak' };
  }
  if (/描述|解释|说明|释义/.test(key))
    return { role: 'description', period: null, strength: 'weak' };
  if (key.startsWith('一级指标')) return { role: 'level1', period: null, strength: 'weak' };
  if (key.startsWith('二级指标')) return { role: 'level2', period: null, strength: 'weak' };
  if (key.startsWith('三级指标')) return { role: 'name', period: null, strength: 'weak' };
  return null;
}

/**
 * The period a label names in the second row of a two-row value header (`实施周期指标值 | 年度指标值`,
 * or just `实施周期 | 年度`); null for anything else.
 */
export function subHeaderPeriod(text: string): Period | null {
  if (text === '' || text.length > MAX_HEADER_LENGTH) return null;
  const key = headerKey(text);
  const exact = TABLE.get(key);
  if (exact) return exact.role === 'value' ? exact.period : null;
  if (key.length > 16) return null;
  if (PERIOD_WORDS.test(key)) return 'period';
  if (ANNUAL_WORDS.test(key)) return 'annual';
  return null;
}
