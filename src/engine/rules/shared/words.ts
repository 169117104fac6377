/**
 * Word lists the rules match indicator names and values against. Data, not logic: extend them
 * when real forms show new wordings.
 */

/** Names of rates where a low value is good: a cap (`≤2%`) is the right direction for these. */
export const LOWER_IS_BETTER: ReadonlyArray<string> = [
  '故障',
  '投诉',
  '差错',
  '错误',
  '误差',
  '偏差',
  '事故',
  '超标',
  '违法',
  '违规',
  '失误',
  '失败',
  '返工',
  '返修',
  '流失',
  '死亡',
  '发病',
  '感染',
  '空置',
  '闲置',
  '损失',
  '损耗',
  '不合格',
  '不达标',
  '误报',
  '漏报',
  '漏检',
  '退回',
  '延误',
  '逾期',
  '拖欠',
  '缺陷',
  '下降',
  '降低',
  '减少',
  '排放',
  '能耗',
  '成本',
  '费用',
  '负债',
  '风险',
  '重复',
  '中断',
  '停机',
  '积压',
  '败诉',
  '复发',
  '淘汰',
  '辍学',
];

/** Rates that may lawfully exceed 100% (`增长率 120%`). */
export const MAY_EXCEED_HUNDRED: ReadonlyArray<string> = [
  '增长',
  '增幅',
  '增速',
  '增加',
  '提高',
  '提升',
  '同比',
  '环比',
  '倍',
  '超额',
];

/** A 三级 name that says the indicator does not apply (`此项目无经济效益`): no value needed. */
export const NOT_APPLICABLE: ReadonlyArray<RegExp> = [
  /^(此|本|该)?(项目)?(无|不涉及|不适用|暂无)/,
  /不涉及|不适用|无此项/,
];

/** A cost item that restates the whole budget (`项目总投资 ≤300万元`) rather than one part of it. */
export const COST_TOTAL_WORDS: ReadonlyArray<string> = [
  '总投资',
  '总成本',
  '总费用',
  '总经费',
  '总预算',
  '总额',
  '合计',
  '总计',
  '项目总',
  '预算数',
  '全部',
];

/** Vague wordings that give no number (`按合同要求`, `视具体情况确定数量`). Any text without a count also counts. */
export const COUNT_IN_WORDS =
  /[一二两三四五六七八九十百千万]+(个|次|份|家|人|台|套|场|项|条|批|辆|本|期|轮|篇|部|座|处|间|名|户|所|册|块|趟|航次)/;

/** 三级 names whose unit is obvious, to suggest it for a bare number (`物业巡查次数 ≥730` → `≥730次`). */
export const UNIT_FROM_NAME: ReadonlyArray<readonly [RegExp, string]> = [
  [/次数$/, '次'],
  [/人数$/, '人'],
  [/个数$/, '个'],
  [/家数$/, '家'],
  [/天数$/, '天'],
  [/份数$/, '份'],
  [/台数$/, '台'],
  [/场次$/, '场'],
  [/(率|比例|占比|满意度|覆盖面)$/, '%'],
];

/** Words that make an indicator a cost when its 二级 does not say (packed style 1: `产出指标：评审会成本`). */
export const COST_NAME = /成本|费用|经费|支出|单价|价格|投资额/;

/** Words that make an indicator a satisfaction measure (`群众对编外人员工作满意程度` under 效益指标). */
export const SATISFACTION_NAME = /满意/;

/** Words that make an indicator a count when its 二级 does not say. */
export const QUANTITY_NAME = /(数量|次数|个数|人数|份数|台数|家数|户数)$/;
