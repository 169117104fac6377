import { testRule } from '../testing';
import { amount, departmentForm, projectForm, projectList } from '../builders';
import { amountMalformed } from './malformed';

const list = (amounts: readonly [string | null, string | null, string | null, string | null]) =>
  projectList({
    units: [{ name: '', row: -1, projects: [{ name: '测试项目', row: 7, amounts }] }],
  });

testRule(amountMalformed, {
  valid: [
    { name: 'numbers in number cells', form: projectForm({ budget: 2392.47, fiscal: 2392.47 }) },
    { name: 'blank cells', form: projectForm({ budget: 104, fiscal: null, other: null }) },
    {
      name: '10000元 in a 万元 form is amount.unit-mismatch, not text stored as a number',
      form: projectForm({ budget: '10000元', fiscal: 1 }),
    },
    {
      name: 'markup around a number is value.markup',
      form: list(['<p>235.00</p>' as string, null, null, null]),
    },
  ],
  invalid: [
    {
      name: '2,392.47 stored as text (env-tech 合计): info with the plain number',
      form: projectList({ total: [5, ['2,392.47', null, null, null]], units: [] }),
      findings: [
        {
          cell: 'B5',
          severity: 'info',
          suggestions: ['2392.47'],
          message: '金额“2,392.47”是以文本形式存储的数字，建议改为数值 2392.47。',
        },
      ],
    },
    {
      name: '1 234.5 with a space as thousands separator: a number stored as text',
      form: projectForm({ budget: '1 234.5', fiscal: 1234.5 }),
      findings: [{ cell: 'C5', severity: 'info', suggestions: ['1234.5'] }],
    },
    {
      name: '300万元 in a 万元 form: the number, without the unit',
      form: projectForm({ budget: '300万元', fiscal: 300 }),
      findings: [{ cell: 'C5', severity: 'info', suggestions: ['300'] }],
    },
    {
      name: '1O0 (letter O)',
      form: projectForm({ budget: '1O0', fiscal: 100 }),
      findings: [{ cell: 'C5', message: '金额“1O0”不是有效的数字。' }],
    },
    {
      name: '12.5.3',
      form: projectForm({ budget: 104, fiscal: '12.5.3' }),
      findings: [{ cell: 'C6' }],
    },
    {
      name: 'negative',
      form: projectForm({ budget: 104, fiscal: 104, other: -5 }),
      findings: [{ cell: 'C7', message: '金额“-5”是负数，金额不能为负。' }],
    },
    {
      name: 'an error value in a department split',
      form: {
        ...departmentForm({ budget: 8254.22, splits: [] }),
        tasks: [
          {
            row: 14,
            name: { text: 'a', cell: null },
            amount: {
              ...amount(null, 'D15'),
              amount: { ok: false, problem: 'error-value', text: '#REF!' },
            },
          },
        ],
      },
      findings: [{ cell: 'D15', message: '金额单元格是错误值“#REF!”，请检查公式。' }],
    },
  ],
});
