import { testRule } from '../testing';
import { departmentForm, ZHANJIANG_SPLITS } from '../builders';
import { fundingDepartmentSplit } from './department-split';

const withPart = (split: number, part: number, value: string | null) =>
  ZHANJIANG_SPLITS.map((s, i) =>
    i !== split
      ? s
      : { ...s, parts: s.parts.map((p, k) => (k === part ? ([p[0], value, p[2]] as const) : p)) },
  );

testRule(fundingDepartmentSplit, {
  valid: [
    { name: 'Zhanjiang 2020: all four pairs add up to 8254.22', form: departmentForm() },
    {
      name: 'a split left blank',
      form: departmentForm({
        splits: [
          {
            key: 'budget-level',
            label: '按预算级次',
            parts: [
              ['市本级预算', null, 'G11'],
              ['转移支付市县', null, 'G12'],
            ],
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: '基本支出 + 项目支出 ≠ 部门预算金额',
      form: departmentForm({ splits: withPart(0, 1, '3499.00') }),
      findings: [
        {
          cell: 'F4',
          message:
            '按支出类型：基本支出 4754.96 + 项目支出 3499.00 = 8253.96，不等于部门预算金额 8254.22（相差 0.26 万元）。',
        },
      ],
    },
    {
      name: 'two pairs wrong: two findings',
      form: departmentForm({
        splits: withPart(1, 1, '10').map((s, i) => (i === 3 ? withPart(3, 0, '8000')[3] : s)),
      }),
      findings: [
        { cell: 'F4', message: /^按收入来源/ },
        { cell: 'F4', message: /^按预算级次/ },
      ],
    },
  ],
});
