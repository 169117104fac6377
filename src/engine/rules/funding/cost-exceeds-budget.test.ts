import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { TIANJIN_8 } from '../test-tianjin';
import { fundingCostExceedsBudget } from './cost-exceeds-budget';

const cost = (value: string, budget: string | number = '100.00', unit: '万元' | '元' = '万元') =>
  projectForm({
    budget,
    fiscal: budget,
    unit,
    indicators: [['产出指标', '成本指标', '设备购置成本', value]],
  });

testRule(fundingCostExceedsBudget, {
  valid: [
    { name: 'Tianjin form 1: ≤104万元 with 预算数 104.00', form: projectForm() },
    {
      name: 'Tianjin form 8: every cap within 300.00',
      form: projectForm({ budget: '300.00', fiscal: '300.00', indicators: TIANJIN_8 }),
    },
    { name: '万元 cap on a form in 元', form: cost('≤50万元', 1000000, '元') },
    { name: '元 cap on a form in 万元', form: cost('≤800000元') },
    { name: '≤1000000元 is exactly 100 万元', form: cost('≤1000000元', '100') },
    { name: '≤5千元 within 预算数 1 万元', form: cost('≤5千元', 1) },
    {
      name: '预算数 written 1000000元 in a 万元 form is 100 万元',
      form: cost('≤100万元', '1000000元'),
    },
    { name: 'a floor is value.wrong-direction', form: cost('≥120万元') },
    {
      name: 'only the annual value counts against the year budget',
      form: oneProject([['1-产出指标', '14-成本指标', '委托服务费', '≤500万元', '≤200万元']], {
        total: '235.00',
      }),
    },
    {
      name: 'not a cost',
      form: projectForm({
        indicators: [['效益指标', '经济效益指标', '带动企业环保投入', '≥5060万元']],
      }),
    },
  ],
  invalid: [
    {
      name: '≤120万元 above 预算数 100.00',
      form: cost('≤120万元'),
      findings: [
        {
          cell: 'E12',
          message: '成本指标“设备购置成本”的成本上限“≤120万元”超过了预算数 100.00 万元。',
        },
      ],
    },
    {
      name: 'in 元 and 万元',
      form: cost('≤120万元', 1000000, '元'),
      findings: [
        {
          cell: 'E12',
          message:
            '成本指标“设备购置成本”的成本上限“≤120万元”（即 1200000 元）超过了预算数 1000000 元。',
        },
      ],
    },
    { name: 'in 亿元', form: cost('≤0.02亿元'), findings: [{ cell: 'E12' }] },
    {
      name: '≤1000001元 against 100 万元: over by 1 元, below the budget’s shown decimals',
      form: cost('≤1000001元', '100'),
      findings: [
        {
          cell: 'E12',
          message:
            '成本指标“设备购置成本”的成本上限“≤1000001元”（即 100.0001 万元）超过了预算数 100 万元。',
        },
      ],
    },
    {
      name: '≤100.001万元 against 100.00 万元',
      form: cost('≤100.001万元'),
      findings: [{ cell: 'E12' }],
    },
    {
      name: '预算数 10000元 in a 万元 form is 1 万元: ≤5万元 is over it',
      form: cost('≤5万元', '10000元'),
      findings: [
        {
          cell: 'E12',
          message: '成本指标“设备购置成本”的成本上限“≤5万元”超过了预算数 1 万元。',
        },
      ],
    },
    { name: '≤11千元 over 预算数 1 万元', form: cost('≤11千元', 1), findings: [{ cell: 'E12' }] },
    {
      name: 'written in words: 不超过150万元',
      form: cost('不超过150万元'),
      findings: [{ cell: 'E12' }],
    },
    {
      name: '评审会成本 ≤330万元 above the project 总计 239.22 (env-tech)',
      form: oneProject([['产出指标', '', '评审会成本', '≤330万元']], {
        total: '239.22',
        periods: ['annual'],
      }),
      findings: [
        {
          cell: 'G6',
          message: '第 1 项指标“评审会成本”的成本上限“≤330万元”超过了总计 239.22 万元。',
        },
      ],
    },
  ],
});
