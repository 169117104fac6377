import { testRule } from '../testing';
import { projectForm } from '../builders';
import { TIANJIN_8 } from '../test-tianjin';
import { fundingCostPartsExceedTotal } from './cost-parts-exceed-total';

const form = (budget: string, caps: ReadonlyArray<readonly [string, string]>) =>
  projectForm({
    budget,
    fiscal: budget,
    indicators: caps.map(
      ([name, v], i) => [i === 0 ? '产出指标' : '', '成本指标', name, v] as const,
    ),
  });

testRule(fundingCostPartsExceedTotal, {
  valid: [
    { name: 'one cost item', form: projectForm() },
    {
      name: 'Tianjin form 14: 44.67 + 29.18 + 6.15 = 80.00 within 80.00',
      form: form('80.00', [
        ['污染源监测', '≤44.67万元'],
        ['质控抽测', '≤29.18万元'],
        ['运行保障', '≤6.15万元'],
      ]),
    },
    {
      name: 'one item alone above the budget is funding.cost-exceeds-budget',
      form: form('100.00', [
        ['a', '≤120万元'],
        ['b', '≤10万元'],
      ]),
    },
    {
      name: 'an item equal to the budget restates it',
      form: form('100.00', [
        ['成本', '≤100万元'],
        ['a', '≤60万元'],
        ['b', '≤40万元'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'caps in 元 over 100.00 万元 by 1 元',
      form: form('100.00', [
        ['a', '≤500000元'],
        ['b', '≤500001元'],
      ]),
      findings: [
        {
          cell: 'E12',
          message:
            '各项成本上限之和 50 + 50.0001 = 100.0001 万元，超过了预算数 100.00 万元（超出 0.0001 万元）。',
        },
      ],
    },
    {
      name: 'Tianjin form 8: 74 + 61.5 + 64.5 + 127 = 327 > 300 (项目总投资 left out)',
      form: projectForm({ budget: '300.00', fiscal: '300.00', indicators: TIANJIN_8 }),
      findings: [
        {
          cell: 'E16',
          message:
            '各项成本上限之和 74 + 61.5 + 64.5 + 127 = 327.00 万元，超过了预算数 300.00 万元（超出 27.00 万元）。',
        },
      ],
    },
    {
      name: 'without a budget, the 项目总投资 row is the reference',
      form: projectForm({
        budget: null,
        fiscal: null,
        indicators: TIANJIN_8,
      }),
      findings: [{ cell: 'E16', message: /超过了总成本上限 300 万元/ }],
    },
  ],
});
