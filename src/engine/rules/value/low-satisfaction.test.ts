import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { valueLowSatisfaction } from './low-satisfaction';

const row = (value: string) =>
  projectForm({ indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', value]] });

testRule(valueLowSatisfaction, {
  valid: [
    { name: '≥90%', form: row('≥90%') },
    { name: '≥85% (环境主管部门满意度, Panyu)', form: row('≥85%') },
    { name: 'exactly the floor', form: row('≥80%') },
    { name: 'no unit, above the floor', form: row('≥90') },
    { name: 'qualitative 满意', form: row('满意') },
    {
      name: 'a lower floor in the settings',
      form: row('≥75%'),
      options: { satisfactionFloor: 70 },
    },
  ],
  invalid: [
    {
      name: '》70%',
      form: row('》70%'),
      findings: [{ cell: 'E12', message: '满意度目标指标值“》70%”低于 80%，目标偏低。' }],
    },
    {
      name: 'a higher floor in the settings',
      form: row('≥90%'),
      options: { satisfactionFloor: 95 },
      findings: [{ cell: 'E12' }],
    },
    {
      name: 'satisfaction named under 效益指标 (env-tech style 1)',
      form: oneProject([['效益指标', '', '群众对编外人员工作满意程度', '≥60%']], {
        periods: ['annual'],
      }),
      findings: [{ cell: 'G6' }],
    },
  ],
});
