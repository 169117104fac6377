import { describe, expect, it } from '@jest/globals';
import { runRule, testRule } from '../testing';
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
    {
      name: 'float noise: a cached 0.1 + 0.2 (0.30000000000000004) reads as Excel shows it, 0.3',
      form: projectForm({ budget: 0.1 + 0.2, fiscal: 0.1, other: 0.2 }),
    },
    {
      name: 'float noise: Zhanjiang 8254.2200000000012 = 4754.96 + 3499.26',
      form: projectForm({
        budget: parseFloat('8254.2200000000012'),
        fiscal: 4754.96,
        other: 3499.26,
      }),
    },
    {
      name: '预算数 10000元 in a 万元 form is 1 万元 (amount.unit-mismatch reports the unit)',
      form: projectForm({ budget: '10000元', fiscal: 1, other: null }),
    },
    {
      name: 'parts in 元 in a 万元 form: 104.00 = 1,000,000元 + 4万元',
      form: projectForm({ budget: '104.00', fiscal: '1,000,000元', other: '4万元' }),
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
      name: 'a real 0.01: 0.31 ≠ 0.1 + 0.2',
      form: projectForm({ budget: 0.1 + 0.21, fiscal: 0.1, other: 0.2 }),
      findings: [
        {
          cell: 'C5',
          suggestions: ['0.30'],
          message: '预算数 0.31 ≠ 财政资金 0.1 + 其他资金 0.2（相差 0.01 万元）。',
        },
      ],
    },
    {
      name: 'a real 0.01 on the Zhanjiang total: 8254.23 ≠ 4754.96 + 3499.26',
      form: projectForm({ budget: 4754.97 + 3499.26, fiscal: 4754.96, other: 3499.26 }),
      findings: [{ cell: 'C5', suggestions: ['8254.22'] }],
    },
    {
      name: '1 元 off in a part written in 元: 104.00 ≠ 1,000,001元 + 4',
      form: projectForm({ budget: '104.00', fiscal: '1,000,001元', other: 4 }),
      findings: [
        {
          cell: 'C5',
          suggestions: ['104.0001'],
          message: '预算数 104.00 ≠ 财政资金 100.0001 + 其他资金 4（相差 0.0001 万元）。',
        },
      ],
    },
    {
      name: 'a formula total: the message names the formula and the cells to check',
      form: {
        ...projectForm({ budget: 310, fiscal: 300, other: 20 }),
        formulas: new Map([['C5', 'C6+C8']]),
      },
      findings: [
        {
          cell: 'C5',
          suggestions: ['320'],
          message:
            '预算数 310 ≠ 财政资金 300 + 其他资金 20（相差 10 万元）。预算数是公式“=C6+C8”的计算结果，不宜直接改为数值；请核对该公式引用的单元格和各项金额（C6、C7）是否正确。',
        },
      ],
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

describe('funding.row-sum on a formula total', () => {
  it('marks its suggestion as replacing the formula, so no host applies it with one click', () => {
    const form = {
      ...projectForm({ budget: 310, fiscal: 300, other: 20 }),
      formulas: new Map([['C5', 'C6+C8']]),
    };
    const [f] = runRule(fundingRowSum, form);
    expect(f.suggestions).toEqual([{ text: '320', value: 320, replacesFormula: true }]);
  });
});
