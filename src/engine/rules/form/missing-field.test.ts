import { testRule } from '../testing';
import { amount, departmentForm, projectForm, projectList, text } from '../builders';
import { formMissingField } from './missing-field';

testRule(formMissingField, {
  valid: [
    { name: 'Tianjin form 1', form: projectForm() },
    { name: 'Zhanjiang 2020', form: departmentForm() },
    {
      name: 'a list project with name, 总计 and 绩效目标',
      form: projectList({
        units: [
          {
            name: '',
            row: -1,
            projects: [{ name: '购置经费', row: 7, amounts: ['36.00', '36.00', null, null] }],
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'an empty 项目名称',
      form: projectForm({ name: '' }),
      findings: [{ cell: 'B3', message: '项目名称未填写。' }],
    },
    {
      name: 'an empty 预算数',
      form: projectForm({ budget: null }),
      findings: [{ cell: 'C5', message: '预算数未填写。' }],
    },
    {
      name: 'an empty 绩效目标',
      form: projectForm({ targets: [' '] }),
      findings: [{ cell: 'B10' }],
    },
    {
      name: 'no 预算数 label at all: on the title cell',
      form: { ...projectForm(), budget: amount(null, null) },
      findings: [{ cell: 'A1', message: '表中找不到“预算数”一栏，请补充。' }],
    },
    {
      name: 'a list project without 绩效目标',
      form: projectList({
        units: [
          {
            name: '',
            row: -1,
            projects: [
              {
                name: '购置经费',
                row: 7,
                amounts: ['36.00', '36.00', null, null],
                target: '<p></p>',
              },
            ],
          },
        ],
      }),
      findings: [{ cell: 'F7', message: '绩效目标未填写（项目“购置经费”）。' }],
    },
    {
      name: 'a department form without 部门名称 or 部门预算金额',
      form: { ...departmentForm({ budget: null }), name: text('', 'B3') },
      findings: [{ cell: 'B3', message: '部门名称未填写。' }, { cell: 'F4' }],
    },
  ],
});
