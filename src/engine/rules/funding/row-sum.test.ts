import { testRule } from '../testing';
import { projectForm, projectList } from '../builders';
import { fundingRowSum } from './row-sum';

const list = (amounts: readonly [string | null, string | null, string | null, string | null]) =>
  projectList({
    units: [{ name: '', row: -1, projects: [{ name: '测试项目', row: 7, amounts }] }],
  });

testRule(fundingRowSum, {
  valid: [
    { name: 'Tianjin form 1: 104.00 = 104.00 + blank', form: projectForm() },
    {
      name: 'env-tech 合计: 2,392.47 = 2,365.02 + 27.45',
      form: projectList({ total: [5, ['2,392.47', '2,365.02', null, '27.45']], units: [] }),
    },
    {
      name: 'exact decimals: 0.3 = 0.1 + 0.2 as numbers',
      form: projectForm({ budget: 0.3, fiscal: 0.1, other: 0.2 }),
    },
    { name: 'a form without 其中 rows', form: projectForm({ split: false }) },
    { name: 'an all-blank row', form: list([null, null, null, null]) },
    { name: 'a blank 预算数 is form.missing-field', form: projectForm({ budget: null }) },
    { name: 'a malformed part is amount.malformed', form: projectForm({ fiscal: '1O0' }) },
  ],
  invalid: [
    {
      name: '总计 300.00 ≠ 280.00 + 0 + 10.00',
      form: list(['300.00', '280.00', null, '10.00']),
      findings: [
        {
          cell: 'B7',
          suggestions: ['290.00'],
          message:
            '总计 300.00 ≠ 财政拨款 280.00 + 财政专户拨款 0 + 其他资金 10.00（相差 10.00 万元）。',
        },
      ],
    },
    {
      name: '预算数 ≠ 财政资金 + 其他资金',
      form: projectForm({ budget: '104.00', fiscal: '100.00', other: '2.00' }),
      findings: [
        {
          cell: 'C5',
          suggestions: ['102.00'],
          message: '预算数 104.00 ≠ 财政资金 100.00 + 其他资金 2.00（相差 2.00 万元）。',
        },
      ],
    },
    {
      name: 'a 合计 row whose 总计 is blank',
      form: projectList({ total: [5, [null, '36.00', null, null]], units: [] }),
      findings: [{ cell: 'B5', suggestions: ['36.00'] }],
    },
    {
      name: 'amounts in 元',
      form: projectForm({ unit: '元', budget: 1040000, fiscal: 1000000, other: null }),
      findings: [
        {
          cell: 'C5',
          suggestions: ['1000000'],
          message: '预算数 1040000 ≠ 财政资金 1000000 + 其他资金 0（相差 40000 元）。',
        },
      ],
    },
  ],
});
