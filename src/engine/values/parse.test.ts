import { describe, expect, it } from '@jest/globals';
import { parseValue } from './index';
import type { Comparator, ParsedValue, ValueProblem } from './types';

interface Expected {
  readonly kind: ParsedValue['kind'];
  readonly normalised: string;
  readonly comparator: Comparator | null;
  readonly number: string | null;
  readonly upper: string | null;
  readonly unit: string | null;
  readonly problems: ReadonlyArray<ValueProblem>;
  readonly prefix?: string;
  readonly approximate?: true;
  readonly deadline?: true;
}

type Extra = Partial<Pick<Expected, 'upper' | 'problems' | 'prefix' | 'approximate'>>;

/** A quantity: comparator, number and unit as parsed. */
function q(
  normalised: string,
  comparator: Comparator | null,
  number: string,
  unit: string | null,
  extra: Extra = {},
): Expected {
  return {
    kind: 'quantitative',
    normalised,
    comparator,
    number,
    upper: null,
    unit,
    problems: [],
    ...extra,
  };
}

/** Text. */
function t(
  normalised: string,
  extra: Partial<Pick<Expected, 'problems' | 'deadline'>> = {},
): Expected {
  return {
    kind: 'qualitative',
    normalised,
    comparator: null,
    number: null,
    upper: null,
    unit: null,
    problems: [],
    ...extra,
  };
}

const EMPTY: Expected = t('');
Object.assign(EMPTY, { kind: 'empty' });

const typo = (...suggestions: string[]): ValueProblem => ({ type: 'operator-typo', suggestions });
const dup = (suggestion: string): ValueProblem => ({ type: 'duplicated', suggestion });
const markup = (suggestion: string): ValueProblem => ({ type: 'markup', suggestion });
const fix = (suggestion: string): ValueProblem => ({ type: 'not-normalised', suggestion });

function check(raw: string, e: Expected): void {
  const v = parseValue(raw);
  expect(v.raw).toBe(raw);
  expect({
    kind: v.kind,
    normalised: v.normalised,
    comparator: v.comparator,
    number: v.number,
    upper: v.upper,
    unit: v.unit,
    problems: v.problems,
    prefix: v.prefix,
    approximate: v.approximate,
    deadline: v.deadline,
  }).toEqual({ prefix: undefined, approximate: undefined, deadline: undefined, ...e });
}

/** docs/domain.md §3 and the examples of the brief. */
const SPEC: ReadonlyArray<readonly [string, Expected]> = [
  // comparisons and their spellings
  ['≥90%', q('≥90%', '≥', '90', '%')],
  ['≤104万元', q('≤104万元', '≤', '104', '万元')],
  ['=100%', q('=100%', '=', '100', '%')],
  ['>1000家', q('>1000家', '>', '1000', '家')],
  ['<6', q('<6', '<', '6', null)],
  ['>=90%', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['=>90%', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['<=15万元', q('≤15万元', '≤', '15', '万元', { problems: [fix('≤15万元')] })],
  ['=<15万元', q('≤15万元', '≤', '15', '万元', { problems: [fix('≤15万元')] })],
  ['≧90%', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['≦5次', q('≤5次', '≤', '5', '次', { problems: [fix('≤5次')] })],
  ['＞4000', q('>4000', '>', '4000', null, { problems: [fix('>4000')] })],
  ['＜6次', q('<6次', '<', '6', '次', { problems: [fix('<6次')] })],
  ['＝100％', q('=100%', '=', '100', '%', { problems: [fix('=100%')] })],
  ['＞＝90%', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['１００％', q('100%', null, '100', '%', { problems: [fix('100%')] })],
  ['≥９５．５％', q('≥95.5%', '≥', '95.5', '%', { problems: [fix('≥95.5%')] })],
  ['1，000元', q('1000元', null, '1000', '元', { problems: [fix('1,000元')] })],
  // book-title marks: never rewritten silently, the inclusive reading first
  ['》90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%', '>90%')] })],
  ['〉90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%', '>90%')] })],
  ['〉3次', q('≥3次', '≥', '3', '次', { problems: [typo('≥3次', '>3次')] })],
  ['《15万元', q('≤15万元', '≤', '15', '万元', { problems: [typo('≤15万元', '<15万元')] })],
  ['〈15万元', q('≤15万元', '≤', '15', '万元', { problems: [typo('≤15万元', '<15万元')] })],
  ['《330', q('≤330', '≤', '330', null, { problems: [typo('≤330', '<330')] })],
  ['》=90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%')] })],
  ['《=90%', q('≤90%', '≤', '90', '%', { problems: [typo('≤90%')] })],
  ['=》90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%')] })],
  ['\u3009=5次', q('≥5次', '≥', '5', '次', { problems: [typo('≥5次')] })],
  ['\u232a90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%', '>90%')] })],
  ['》70%', q('≥70%', '≥', '70', '%', { problems: [typo('≥70%', '>70%')] })],
  [
    '评审会成本《330',
    q('评审会成本≤330', '≤', '330', null, {
      prefix: '评审会成本',
      problems: [typo('评审会成本≤330', '评审会成本<330')],
    }),
  ],
  ['<p>》90%</p>', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%', '>90%')] })],
  ['》 90 %', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%', '>90%')] })],
  // real titles are not comparisons
  ['《中华人民共和国审计法》', t('《中华人民共和国审计法》')],
  [
    '符合《固定污染源排污许可证质量、执行报告审核指导工作方案》等的要求',
    t('符合《固定污染源排污许可证质量、执行报告审核指导工作方案》等的要求'),
  ],
  ['详见《2023年工作计划', t('详见《2023年工作计划')],
  // doubled signs collapse before typos are read: the suggestion is clean, not itself a typo
  ['《==15万元', q('≤15万元', '≤', '15', '万元', { problems: [typo('≤15万元')] })],
  ['〉==0', q('≥0', '≥', '0', null, { problems: [typo('≥0')] })],
  ['》=＝90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%')] })],
  ['=》=90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%')] })],
  ['《《15万元', q('≤15万元', '≤', '15', '万元', { problems: [typo('≤15万元', '<15万元')] })],
  ['》》=90%', q('≥90%', '≥', '90', '%', { problems: [typo('≥90%')] })],
  ['≥≥=90%', q('≥90%', '≥', '90', '%', { problems: [dup('≥90%')] })],
  // a strict reading that would be markup is not offered: `<GB>` reads as a tag
  ['<GB〉0', t('<GB≥0', { problems: [typo('<GB≥0')] })],
  // a label that is left a bad label without its connective keeps it
  ['的是=0', q('的是=0', '=', '0', null, { prefix: '的是' })],
  // glued twice
  ['≥180≥180万条', q('≥180万条', '≥', '180', '万条', { problems: [dup('≥180万条')] })],
  ['≥2000≥2000份', q('≥2000份', '≥', '2000', '份', { problems: [dup('≥2000份')] })],
  [
    '13969.56标箱标箱',
    q('13969.56标箱', null, '13969.56', '标箱', { problems: [dup('13969.56标箱')] }),
  ],
  [
    '13969.56标箱标箱标箱',
    q('13969.56标箱', null, '13969.56', '标箱', { problems: [dup('13969.56标箱')] }),
  ],
  ['≥180万条万条', q('≥180万条', '≥', '180', '万条', { problems: [dup('≥180万条')] })],
  ['≥5≥5个个', q('≥5个', '≥', '5', '个', { problems: [dup('≥5个')] })],
  ['≥≥90%', q('≥90%', '≥', '90', '%', { problems: [dup('≥90%')] })],
  ['2台2台', q('2台', null, '2', '台', { problems: [dup('2台')] })],
  ['≥90%≥90%', q('≥90%', '≥', '90', '%', { problems: [dup('≥90%')] })],
  ['90%%', q('90%', null, '90', '%', { problems: [dup('90%')] })],
  ['≥5≥55个', t('≥5≥55个')],
  ['<p>≥180≥180万条</p>', q('≥180万条', '≥', '180', '万条', { problems: [dup('≥180万条')] })],
  // markup
  ['<p>≥90%</p>', q('≥90%', '≥', '90', '%', { problems: [markup('≥90%')] })],
  ['≥90%&nbsp;', q('≥90%', '≥', '90', '%', { problems: [markup('≥90%')] })],
  ['&nbsp;100%', q('100%', null, '100', '%', { problems: [markup('100%')] })],
  ['<span style="color:red">是</span>', t('是', { problems: [markup('是')] })],
  ['是</p>', t('是', { problems: [markup('是')] })],
  ['&lt;5次', q('<5次', '<', '5', '次', { problems: [markup('<5次')] })],
  ['&ge;90%', q('≥90%', '≥', '90', '%', { problems: [markup('≥90%')] })],
  ['＜p＞90%', q('90%', null, '90', '%', { problems: [markup('90%')] })],
  ['<p>不少于580家</p>', q('≥580家', '≥', '580', '家', { problems: [markup('不少于580家')] })],
  ['1<br>2', t('1 2', { problems: [markup('1 2')] })],
  ['<p>是</p><p>有效</p>', t('是有效', { problems: [markup('是有效')] })],
  // not normalised: whitespace and trailing punctuation
  ['≥ 90 %', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['≥\n5060万元', q('≥5060万元', '≥', '5060', '万元', { problems: [fix('≥5060万元')] })],
  ['≥\n3', q('≥3', '≥', '3', null, { problems: [fix('≥3')] })],
  ['≤2次\n', q('≤2次', '≤', '2', '次', { problems: [fix('≤2次')] })],
  ['\u3000≥90%\u3000', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['100%。', q('100%', null, '100', '%', { problems: [fix('100%')] })],
  ['100%.', q('100%', null, '100', '%', { problems: [fix('100%')] })],
  ['≥90%；', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  ['≥\u200b90%', q('≥90%', '≥', '90', '%', { problems: [fix('≥90%')] })],
  [
    '推动恢复土地经济价值。',
    t('推动恢复土地经济价值', { problems: [fix('推动恢复土地经济价值')] }),
  ],
  ['满足。有效促进', t('满足。有效促进')],
  ['ISO 9001', t('ISO 9001')],
  ['ISO  9001', t('ISO 9001', { problems: [fix('ISO 9001')] })],
  // numbers
  ['1,000', q('1000', null, '1000', null)],
  ['≥1,500.5元', q('≥1500.5元', '≥', '1500.5', '元')],
  ['0.5', q('0.5', null, '0.5', null)],
  ['3‰', q('3‰', null, '3', '‰')],
  ['≥-5%', q('≥-5%', '≥', '-5', '%')],
  ['12.5.3', t('12.5.3')],
  ['3+N', t('3+N')],
  ['9', q('9', null, '9', null)],
  // ranges
  ['70-80个', q('70-80个', null, '70', '个', { upper: '80' })],
  ['70～80个', q('70-80个', null, '70', '个', { upper: '80' })],
  ['70~80个', q('70-80个', null, '70', '个', { upper: '80' })],
  ['70至80个', q('70-80个', null, '70', '个', { upper: '80' })],
  ['70%-80%', q('70-80%', null, '70', '%', { upper: '80' })],
  ['5个月至6个月', q('5-6个月', null, '5', '个月', { upper: '6' })],
  ['70%-80个', t('70%-80个')],
  // units
  ['≥5次/年', q('≥5次/年', '≥', '5', '次/年')],
  ['≥7行业类别', q('≥7行业类别', '≥', '7', '行业类别')],
  ['632个工作量当量', q('632个工作量当量', null, '632', '个工作量当量')],
  ['2台（套）', q('2台（套）', null, '2', '台（套）')],
  ['≤5.7元/个·小时', q('≤5.7元/个·小时', '≤', '5.7', '元/个·小时')],
  ['≤2万元/天', q('≤2万元/天', '≤', '2', '万元/天')],
  ['>1100平方公里', q('>1100平方公里', '>', '1100', '平方公里')],
  ['≥500辆次', q('≥500辆次', '≥', '500', '辆次')],
  ['≥100m2', q('≥100m2', '≥', '100', 'm2')],
  ['1.2亿元', q('1.2亿元', null, '1.2', '亿元')],
  ['≥15万个', q('≥15万个', '≥', '15', '万个')],
  // text before the number
  ['车2台', q('车2台', null, '2', '台', { prefix: '车' })],
  ['机动车≥90次', q('机动车≥90次', '≥', '90', '次', { prefix: '机动车' })],
  ['排放监测合格率≥90%', q('排放监测合格率≥90%', '≥', '90', '%', { prefix: '排放监测合格率' })],
  // Chinese comparison words
  ['不少于580家', q('≥580家', '≥', '580', '家')],
  ['不低于90%', q('≥90%', '≥', '90', '%')],
  ['大于等于90%', q('≥90%', '≥', '90', '%')],
  ['至少12份', q('≥12份', '≥', '12', '份')],
  ['不超过6104万元', q('≤6104万元', '≤', '6104', '万元')],
  ['低于3‰', q('<3‰', '<', '3', '‰')],
  ['小于等于5次', q('≤5次', '≤', '5', '次')],
  ['超过1000家', q('>1000家', '>', '1000', '家')],
  ['90%以上', q('≥90%', '≥', '90', '%')],
  ['90%及以上', q('≥90%', '≥', '90', '%')],
  ['≥90%以上', q('≥90%', '≥', '90', '%')],
  ['5次以下', q('≤5次', '≤', '5', '次')],
  ['100万元以内', q('≤100万元', '≤', '100', '万元')],
  ['24小时内', q('≤24小时', '≤', '24', '小时')],
  ['5个工作日内', q('≤5个工作日', '≤', '5', '个工作日')],
  ['达90%以上', q('≥90%', '≥', '90', '%')],
  ['成本控制在100万元以内', q('成本≤100万元', '≤', '100', '万元', { prefix: '成本' })],
  ['活动满意度大于95%', q('活动满意度>95%', '>', '95', '%', { prefix: '活动满意度' })],
  ['不少于90%以下', t('不少于90%以下')],
  ['≥70-80个', t('≥70-80个')],
  // approximate
  ['约90家', q('约90家', null, '90', '家', { approximate: true })],
  ['大约90家', q('大约90家', null, '90', '家', { approximate: true })],
  ['90家左右', q('90家左右', null, '90', '家', { approximate: true })],
  ['不少于约90家', q('≥约90家', '≥', '90', '家', { approximate: true })],
  // numbers inside text, dates, deadlines
  ['重点排污单位发现问题24小时内完成核查', t('重点排污单位发现问题24小时内完成核查')],
  ['2023年底前', t('2023年底前', { deadline: true })],
  ['2023年12月底前', t('2023年12月底前', { deadline: true })],
  ['2023年12月中旬前', t('2023年12月中旬前', { deadline: true })],
  ['计划2023年底前完成', t('计划2023年底前完成', { deadline: true })],
  ['12月31日前', t('12月31日前', { deadline: true })],
  ['年底前', t('年底前', { deadline: true })],
  ['12月', t('12月', { deadline: true })],
  ['2023年6月-12月', t('2023年6月-12月')],
  ['2023年8月-2023年12月', t('2023年8月-2023年12月')],
  ['4月-12月', t('4月-12月')],
  ['7-10月', t('7-10月')],
  ['2季度', t('2季度')],
  ['3年', t('3年')],
  ['≥5年', q('≥5年', '≥', '5', '年')],
  ['小鱼等于对应排放限值的70%', t('小鱼等于对应排放限值的70%')],
  ['PM2.5≤29（微克/立方米）', t('PM2.5≤29（微克/立方米）')],
  ['GB3838-2002', t('GB3838-2002')],
  ['饮用水水质100%达标', t('饮用水水质100%达标')],
  ['完成5份分析报告及解决方案', t('完成5份分析报告及解决方案')],
  // qualitative
  ['是', t('是')],
  ['否', t('否')],
  ['有效提升', t('有效提升')],
  ['达到预期', t('达到预期')],
  ['合格', t('合格')],
  ['按合同要求', t('按合同要求')],
  ['视具体情况确定数量', t('视具体情况确定数量')],
  ['-', t('-')],
  // empty
  ['', EMPTY],
  ['   ', EMPTY],
  ['\n\t', EMPTY],
  ['<p></p>', EMPTY],
  ['&nbsp;', EMPTY],
  ['。', EMPTY],
];

describe('parseValue: docs/domain.md §3 and the value.* rules', () => {
  it.each(SPEC)('%j', (raw, expected) => check(raw, expected));
});

/** Values copied from the seed forms (fixtures/seed-text/), typos included. */
const SEEDS: ReadonlyArray<readonly [string, Expected]> = [
  // tianjin-project-forms-part1.txt
  ['≥5人', q('≥5人', '≥', '5', '人')],
  ['≥8小时', q('≥8小时', '≥', '8', '小时')],
  ['≤104万元', q('≤104万元', '≤', '104', '万元')],
  ['保障正常运转', t('保障正常运转')],
  ['≥6个', q('≥6个', '≥', '6', '个')],
  ['≥20条', q('≥20条', '≥', '20', '条')],
  ['1份', q('1份', null, '1', '份')],
  ['1套', q('1套', null, '1', '套')],
  ['≤379.8万元', q('≤379.8万元', '≤', '379.8', '万元')],
  ['≥2000人', q('≥2000人', '≥', '2000', '人')],
  ['≥100家次', q('≥100家次', '≥', '100', '家次')],
  ['≥112吨', q('≥112吨', '≥', '112', '吨')],
  ['≥215天', q('≥215天', '≥', '215', '天')],
  ['≥1次/年', q('≥1次/年', '≥', '1', '次/年')],
  ['80-90个', q('80-90个', null, '80', '个', { upper: '90' })],
  ['约50个重点项目', q('约50个重点项目', null, '50', '个重点项目', { approximate: true })],
  ['100项', q('100项', null, '100', '项')],
  ['16区', q('16区', null, '16', '区')],
  ['12块版', q('12块版', null, '12', '块版')],
  ['15件', q('15件', null, '15', '件')],
  ['1笔', q('1笔', null, '1', '笔')],
  ['2幅', q('2幅', null, '2', '幅')],
  ['1本', q('1本', null, '1', '本')],
  ['≥95分', q('≥95分', '≥', '95', '分')],
  ['≤0.22万元/个', q('≤0.22万元/个', '≤', '0.22', '万元/个')],
  ['≤3万元/天', q('≤3万元/天', '≤', '3', '万元/天')],
  ['不超过2140万元', q('≤2140万元', '≤', '2140', '万元')],
  ['线索筛查率达到90%', q('线索筛查率达到90%', null, '90', '%', { prefix: '线索筛查率达到' })],
  ['2023年11月底前', t('2023年11月底前', { deadline: true })],
  ['2023年底前完成', t('2023年底前完成', { deadline: true })],
  ['4月-6月', t('4月-6月')],
  ['11月-12月', t('11月-12月')],
  ['比较明显', t('比较明显')],
  ['报告编制合格，通过验收', t('报告编制合格，通过验收')],
  ['依委托', t('依委托')],
  ['满足。提供必要依据', t('满足。提供必要依据')],
  // guangzhou-env-tech-center-project-list.txt
  ['＞4000', q('>4000', '>', '4000', null, { problems: [fix('>4000')] })],
  ['＞3000个', q('>3000个', '>', '3000', '个', { problems: [fix('>3000个')] })],
  ['《330', q('≤330', '≤', '330', null, { problems: [typo('≤330', '<330')] })],
  ['≥\n5060万元', q('≥5060万元', '≥', '5060', '万元', { problems: [fix('≥5060万元')] })],
  ['≥100\n次', q('≥100次', '≥', '100', '次', { problems: [fix('≥100次')] })],
  ['≥730', q('≥730', '≥', '730', null)],
  ['2台（套）', q('2台（套）', null, '2', '台（套）')],
  [
    '系统故障次数＜6（稳定性）',
    t('系统故障次数<6（稳定性）', { problems: [fix('系统故障次数<6（稳定性）')] }),
  ],
  [
    '根据年度工作计划和总\n结确定，如：年度系统故障次数≤5次',
    t('根据年度工作计划和总结确定，如：年度系统故障次数≤5次', {
      problems: [fix('根据年度工作计划和总结确定，如：年度系统故障次数≤5次')],
    }),
  ],
  [
    '设备通过验收投入使用后，持续用于海洋环境监测任务。',
    t('设备通过验收投入使用后，持续用于海洋环境监测任务', {
      problems: [fix('设备通过验收投入使用后，持续用于海洋环境监测任务')],
    }),
  ],
  ['有所提高', t('有所提高')],
  ['符合要求', t('符合要求')],
  // guangzhou-panyu-project-list.txt
  ['车2台', q('车2台', null, '2', '台', { prefix: '车' })],
  ['60人', q('60人', null, '60', '人')],
  ['0起', q('0起', null, '0', '起')],
  ['不少于580家', q('≥580家', '≥', '580', '家')],
  ['632个工作量当量', q('632个工作量当量', null, '632', '个工作量当量')],
  ['约90家', q('约90家', null, '90', '家', { approximate: true })],
  ['至少12份', q('≥12份', '≥', '12', '份')],
  ['42个测点', q('42个测点', null, '42', '个测点')],
  ['1个部门', q('1个部门', null, '1', '个部门')],
  ['报告2份', q('报告2份', null, '2', '份', { prefix: '报告' })],
  ['≥500辆次', q('≥500辆次', '≥', '500', '辆次')],
  ['1场', q('1场', null, '1', '场')],
  ['≥100%', q('≥100%', '≥', '100', '%')],
  ['是。</p>', t('是', { problems: [markup('是')] })],
  ['≥90。</p>', q('≥90', '≥', '90', null, { problems: [markup('≥90')] })],
  ['20。</p>', q('20', null, '20', null, { problems: [markup('20')] })],
  ['<p>1、1-产出指标', t('1、1-产出指标', { problems: [markup('1、1-产出指标')] })],
  [
    '确保在线数据传输率达90%以上',
    q('确保在线数据传输率≥90%', '≥', '90', '%', { prefix: '确保在线数据传输率' }),
  ],
  ['活动满意度大于95%', q('活动满意度>95%', '>', '95', '%', { prefix: '活动满意度' })],
  ['有效传输率为75%', q('有效传输率为75%', null, '75', '%', { prefix: '有效传输率为' })],
  [
    '获得机动车排气污染物监测数据≥15万个。',
    q('获得机动车排气污染物监测数据≥15万个', '≥', '15', '万个', {
      prefix: '获得机动车排气污染物监测数据',
      problems: [fix('获得机动车排气污染物监测数据≥15万个')],
    }),
  ],
  [
    '组织不少于2场固废业务培训',
    q('组织≥2场固废业务培训', '≥', '2', '场固废业务培训', { prefix: '组织' }),
  ],
  [
    '沙湾水道饮用水水源水质达标达到100%。',
    q('沙湾水道饮用水水源水质达标达到100%', null, '100', '%', {
      prefix: '沙湾水道饮用水水源水质达标达到',
      problems: [fix('沙湾水道饮用水水源水质达标达到100%')],
    }),
  ],
  ['重点排污单位发现问题24小时内完成核查', t('重点排污单位发现问题24小时内完成核查')],
  [
    '国发平台单位每天巡查三次、市平台单位每天巡查两次、区平台单位每天巡查一次',
    t('国发平台单位每天巡查三次、市平台单位每天巡查两次、区平台单位每天巡查一次'),
  ],
  ['每季度一次', t('每季度一次')],
  ['按合同要求', t('按合同要求')],
  ['2024年完成开展水上应急演练', t('2024年完成开展水上应急演练')],
  [
    '购买水质快速检测仪、便携式非甲烷总烃分析仪等专用设备5套及耗材1批',
    t('购买水质快速检测仪、便携式非甲烷总烃分析仪等专用设备5套及耗材1批'),
  ],
  [
    '及时消除安全隐患。为不同来源的污染源数据进行对比分析建立基础数据库，更新率>95%',
    t('及时消除安全隐患。为不同来源的污染源数据进行对比分析建立基础数据库，更新率>95%'),
  ],
  // zhanjiang-department-form.txt
  [
    '2020 年底农村生活污水治理率达 40%以上',
    t('2020年底农村生活污水治理率达40%以上', {
      problems: [fix('2020年底农村生活污水治理率达40%以上')],
    }),
  ],
];

describe('parseValue: values from the seed forms', () => {
  it.each(SEEDS)('%j', (raw, expected) => check(raw, expected));
});

describe('parseValue: robustness', () => {
  it('accepts a non-string at run time without throwing', () => {
    expect(parseValue(undefined as unknown as string).kind).toBe('empty');
    expect(parseValue(90 as unknown as string).number).toBe('90');
    expect(parseValue((0.1 + 0.2) as unknown as string).number).toBe('0.3');
  });

  it('gives no value for a cell of markup only, so that no suggestion would blank it', () => {
    for (const raw of ['<p></p>', '&nbsp;', '<p> </p><br/>', '<span></span>']) {
      expect(parseValue(raw)).toMatchObject({ kind: 'empty', problems: [] });
    }
  });
});
