import type { Period } from '../../model/forms';
import type { MoneyUnit } from '../../money/amount';
import { readLabel } from '../common/labels';
import { columnRole as tableColumnRole } from '../common/columns';

/**
 * The Chinese labels of the project list (docs/domain.md §1.2), in one place: header columns, title,
 * preamble lines, special rows.
 */

/** What a header column holds. `seq`, `code` and `unitName` are read past (never content). */
export type ColumnRole =
  | 'name'
  | 'total'
  | 'fiscal'
  | 'special'
  | 'other'
  | 'target'
  | 'indicators'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'description'
  | 'valueAnnual'
  | 'valuePeriod'
  | 'value'
  | 'basis'
  | 'seq'
  | 'code'
  | 'unitName';

/** Labels are short; longer texts are never header labels. */
const MAX_HEADER_LABEL = 24;

const EXACT: ReadonlyArray<[ColumnRole, ReadonlyArray<string>]> = [
  ['total', ['总计', '合计', '金额合计', '资金总额', '预算数', '预算金额', '总额']],
  ['fiscal', ['财政拨款', '财政拨款资金', '一般公共预算', '一般公共预算拨款', '财政资金']],
  ['special', ['财政专户拨款', '财政专户', '财政专户管理资金', '财政专户资金']],
  ['other', ['其他资金', '其他', '其他收入', '单位资金']],
  ['code', ['项目编码', '项目代码', '项目编号']],
  ['unitName', ['单位名称', '资金使用单位', '预算单位', '单位']],
];
const EXACT_MAP = new Map<string, ColumnRole>();
for (const [role, labels] of EXACT) for (const l of labels) EXACT_MAP.set(l, role);

const NAME_LABEL = /^(?:项目名称|项目|[^，。、]{0,8}项目名称)(?:[（(][^（()）]*[)）])?$/;
const TARGET_LABEL = /^(?:年度|项目|年度项目)?绩效目标(?:[（(][^（()）]*[)）])?$/;
const INDICATORS_LABEL = /^(?:年度|项目)?绩效指标(?:[（(][^（()）]*[)）])?$/;

/** The role a header cell announces, and the money unit of a `（万元）` suffix. */
export function columnRole(text: string): { role: ColumnRole; unit: MoneyUnit | null } | null {
  if (text === '' || text.length > MAX_HEADER_LABEL + 10) return null;
  const { norm, unit } = readLabel(stripTags(text));
  if (norm === '' || norm.length > MAX_HEADER_LABEL) return null;
  const exact = EXACT_MAP.get(norm);
  if (exact) return { role: exact, unit };
  if (NAME_LABEL.test(norm)) return { role: 'name', unit };
  if (TARGET_LABEL.test(norm)) return { role: 'target', unit };
  if (INDICATORS_LABEL.test(norm)) return { role: 'indicators', unit };
  if (norm.startsWith('财政拨款')) return { role: 'fiscal', unit };
  if (norm.startsWith('财政专户')) return { role: 'special', unit };
  if (norm.startsWith('其他资金')) return { role: 'other', unit };
  // the one-indicator-per-row columns: the indicator table's own synonym table
  const indicator = indicatorColumnRole(text);
  return indicator ? { role: indicator, unit } : null;
}

/** A list column's role from the indicator-table labels (forms/common/columns). */
function indicatorColumnRole(text: string): ColumnRole | null {
  const m = tableColumnRole(text);
  if (!m) return null;
  switch (m.role) {
    case 'level1':
    case 'level2':
    case 'description':
    case 'basis':
    case 'seq':
      return m.role;
    case 'name':
      // `绩效指标` is the packed column of a list, handled above; `指标` alone says too little
      return m.strength === 'strong' || m.fallback ? 'level3' : null;
    case 'value':
      return m.period === 'annual'
        ? 'valueAnnual'
        : m.period === 'period'
          ? 'valuePeriod'
          : 'value';
    default:
      return null;
  }
}

/** Whether a text may be the 项目名称 header label (a cheap test before `columnRole`). */
export function mayBeNameLabel(text: string): boolean {
  if (text.length > MAX_HEADER_LABEL + 10) return false;
  return text.indexOf('项目名称') >= 0 || NAME_START.test(text);
}
const NAME_START =
  /^[\s\u3000*＊]*项[\s\u3000]*目(?:[\s\u3000]*名[\s\u3000]*称|[（(]|[\s\u3000]*$)/;

export const PERIOD_OF: Partial<Record<ColumnRole, Period>> = {
  valueAnnual: 'annual',
  valuePeriod: 'period',
  // a plain 指标值 on a list is this year's value
  value: 'annual',
};

export const MONEY_ROLES = ['total', 'fiscal', 'special', 'other'] as const;
export type MoneyRole = (typeof MONEY_ROLES)[number];

export const ROW_INDICATOR_ROLES: ReadonlyArray<ColumnRole> = [
  'level1',
  'level2',
  'level3',
  'description',
  'valueAnnual',
  'valuePeriod',
  'value',
  'basis',
];

/** `项目支出绩效目标表（含转移支付项目）`, `项目支出绩效目标汇总表`, `2024年…绩效目标表`. */
export function isListTitle(text: string): boolean {
  if (text.length < 5 || text.length > 100 || text.indexOf('绩效目标') < 0) return false;
  const t = text.replace(/[\s\u3000]+/g, '');
  return (
    t.indexOf('绩效目标') >= 0 &&
    (/(?:表|汇总表)(?:[（(][^（()）]*[)）])?[：:。]?$/.test(t) || t.indexOf('含转移支付') >= 0)
  );
}

const DEPARTMENT =
  /^(?:部门名称|部门|单位名称|预算单位|主管部门|编制单位|填报单位)(?:（盖章）|\(盖章\))?\s*[:：]\s*/;

/**
 * `部门名称：广州市环境技术中心 单位：万元` → `广州市环境技术中心`; '' when the label stands alone
 * (the name is in the next cell); null when the text is no department line.
 */
export function departmentOf(text: string): string | null {
  const m = DEPARTMENT.exec(text);
  if (!m) return null;
  return text
    .slice(m[0].length)
    .replace(/[\s\u3000]*[（(]?(?:金额)?单位\s*[:：][\s\S]*$/, '')
    .trim();
}

const UNIT_DECLARATION = /单位\s*[:：]\s*(亿元|万元|元)/;

/** `单位：万元`, `金额单位：元`, `（单位：万元）` anywhere in a text; null for any other text. */
export function unitOf(text: string): MoneyUnit | null {
  if (text.indexOf('单位') < 0) return null;
  const m = UNIT_DECLARATION.exec(text);
  return m ? (m[1] as MoneyUnit) : null;
}

/** `合计`, `总 计`, `<p>合计</p>`. */
export function isTotalName(name: string): boolean {
  if (name.length > 8) return false;
  const t = name.replace(/[\s\u3000]+/g, '');
  return t === '合计' || t === '总计' || t === '合计数';
}

/** `小计` rows repeat a sum and are read past. */
export function isSubtotalName(name: string): boolean {
  return name.length <= 8 && name.replace(/[\s\u3000]+/g, '') === '小计';
}

/** Lines that end a list: notes, signatures, another form's title or header, a table rule. */
const STOP =
  /^(?:注\s*[:：1１]|注$|备注|说明[:：]|填表说明|填报说明|填报人|填表人|联系人|联系电话|审核人|单位负责人|财务负责人|项目名称\s*[:：]|部门名称|一级指标|-{3,}|—{3,})/;

export function endsList(text: string): boolean {
  if (STOP.test(text)) return true;
  return text.indexOf('绩效目标') >= 0 && (isListTitle(text) || isFormTitle(text));
}

function isFormTitle(text: string): boolean {
  return /绩效目标(?:申报|审核|批复)?表/.test(text) && text.length <= 100 && !/[，。；]/.test(text);
}

/** A 资金使用单位 name (`…中心（…站）`, `…分局`) rather than a project's (`…经费`, `…项目`). */
export function looksLikeUnitName(name: string): boolean {
  const core = name.replace(/[（(][^（()）]*[)）]$/, '');
  return /(?:局|中心|站|院|所|委员会|委|办公室|办|处|队|会|馆|学校|学院|大学|医院|厅|室|部|科|公司|街道|镇|政府|分局)$/.test(
    core,
  );
}

export function looksLikeProjectName(name: string): boolean {
  const core = name.replace(/[（(][^（()）]*[)）]$/, '');
  return /(?:经费|项目|费|资金|工程|补助|补贴|专项|建设|改造|购置|运维|应用)$/.test(core);
}

const TAGS = /<\/?(?:p|br|span|div|font|b|strong)(?:\s[^<>]*)?\/?>|&nbsp;/gi;

/** `<p>监督执法与应急、信访专项经费</p>` → the name. */
export function stripTags(text: string): string {
  return text.indexOf('<') < 0 && text.indexOf('&') < 0 ? text : text.replace(TAGS, '').trim();
}
