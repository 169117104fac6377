import { testRule } from '../testing';
import { departmentForm, projectForm, projectList } from '../builders';
import { amountUnitMismatch } from './unit-mismatch';

const list = (
  amounts: readonly [string | null, string | null, string | null, string | null],
  unit: '万元' | '元' = '万元',
) =>
  projectList({
    unit,
    units: [{ name: '', row: -1, projects: [{ name: '测试项目', row: 7, amounts }] }],
  });

testRule(amountUnitMismatch, {
  valid: [
    { name: 'numbers', form: projectForm({ budget: 104, fiscal: 104 }) },
    { name: 'the form’s own unit written out: 104万元', form: projectForm({ budget: '104万元' }) },
    { name: '300万 is 万元', form: projectForm({ budget: '300万', fiscal: 300 }) },
    {
      name: '1,000元 in a form in 元',
      form: projectForm({ unit: '元', budget: '1,000元', fiscal: 1000 }),
    },
    { name: 'Zhanjiang: 8254.22 万元 in a 万元 form', form: departmentForm() },
    { name: 'not a number: amount.malformed', form: projectForm({ budget: '1O0元' }) },
  ],
  invalid: [
    {
      name: '10000元 as 预算数 of a 万元 form: 1 万元',
      form: projectForm({ budget: '10000元', fiscal: 1 }),
      findings: [
        {
          cell: 'C5',
          suggestions: ['1'],
          message: '金额“10000元”的单位是元，而本表金额单位为万元，换算后应填写 1（万元）。',
        },
      ],
    },
    {
      name: '2,392.47元 in a 万元 list: exact, every digit kept',
      form: list(['2,392.47元', '0.239247', null, null]),
      findings: [{ cell: 'B7', suggestions: ['0.239247'] }],
    },
    {
      name: '1.5万元 in a form in 元',
      form: projectForm({ unit: '元', budget: 15000, fiscal: '1.5万元' }),
      findings: [
        {
          cell: 'C6',
          suggestions: ['15000'],
          message: '金额“1.5万元”的单位是万元，而本表金额单位为元，换算后应填写 15000（元）。',
        },
      ],
    },
    {
      name: '5千元 and 0.1亿元 among a department’s key tasks',
      form: departmentForm({
        tasks: [
          ['a', '5千元'],
          ['b', '0.1亿元'],
        ],
      }),
      findings: [
        { cell: 'D15', suggestions: ['0.5'] },
        { cell: 'D16', suggestions: ['1000'] },
      ],
    },
    {
      name: '1 000 001元 with spaces as thousands separators',
      form: list(['1 000 001元', null, null, null]),
      findings: [{ cell: 'B7', suggestions: ['100.0001'] }],
    },
  ],
});
