import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { valueMissingUnit } from './missing-unit';

const row = (l2: string, name: string, value: string, l1 = '产出指标') =>
  projectForm({ indicators: [[l1, l2, name, value]] });

testRule(valueMissingUnit, {
  valid: [
    { name: 'Tianjin form 1', form: projectForm() },
    {
      name: 'the unit is in the name: 服务对象满意率(%)',
      form: row('服务对象满意度指标', '服务对象满意率(%)', '≥90', '满意度指标'),
    },
    { name: 'a qualitative value', form: row('质量指标', '执法案件程序合法性', '是') },
    { name: 'a cost rate in percent', form: row('成本指标', '成本节约率', '≥5%') },
    { name: 'a cost per unit', form: row('成本指标', '人均培训成本', '≤0.3万元/人') },
  ],
  invalid: [
    {
      name: '食堂服务满意度 ≥90 (Panyu): suggest ≥90% in the packed cell',
      form: oneProject([['3-满意度指标', '31-服务对象满意度', '食堂服务满意度', '≥90', '≥90']]),
      findings: [
        {
          cell: 'G6',
          suggestions: [
            '1、3-满意度指标；31-服务对象满意度；食堂服务满意度；实施周期指标值:≥90%；年度指标值:≥90%。',
          ],
          message: '第 1 项指标“食堂服务满意度”的指标值“≥90”没有计量单位，应为“≥90%”。',
        },
      ],
    },
    {
      name: '《330 on 评审会成本 (env-tech): no money unit, no guess',
      form: oneProject([['产出指标', '', '评审会成本', '《330']], { periods: ['annual'] }),
      findings: [
        {
          cell: 'G6',
          message:
            '第 1 项指标“评审会成本”的指标值“《330”没有金额单位，成本指标请写明“万元”或“元”。',
        },
      ],
    },
    {
      name: '委托监测费用 100% (Panyu): a cost that is not money',
      form: oneProject([['1-产出指标', '14-成本指标', '委托监测费用', '100%', '100%']]),
      findings: [{ cell: 'G6', message: /不是金额/ }],
    },
    {
      name: '物业巡查次数 ≥730: the unit follows from the name',
      form: row('数量指标', '物业巡查次数', '≥730'),
      findings: [{ cell: 'E12', suggestions: ['≥730次'] }],
    },
    {
      name: 'a bare count with no obvious unit',
      form: row('数量指标', '固体废物申报项目提供意见的企业数量', '≥3000'),
      findings: [
        { cell: 'E12', message: '指标值“≥3000”没有计量单位，请补充计量单位（如 个、次、家、%）。' },
      ],
    },
  ],
});
