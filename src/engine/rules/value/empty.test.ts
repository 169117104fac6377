import { testRule } from '../testing';
import { listProject, projectForm, projectList } from '../builders';
import { valueEmpty } from './empty';

const list = (items: Parameters<typeof listProject>[0]['items']) =>
  projectList({
    units: [
      {
        name: '',
        row: -1,
        projects: [{ name: '购置经费', row: 7, amounts: ['36.00', '36.00', null, null], items }],
      },
    ],
  });

testRule(valueEmpty, {
  valid: [
    { name: 'complete Tianjin form 1', form: projectForm() },
    {
      name: '“此项目无经济效益” needs no value',
      form: projectForm({ indicators: [['效益指标', '经济效益指标', '此项目无经济效益', '']] }),
    },
    {
      name: 'a blank 二级 row (Zhanjiang 时效指标)',
      form: projectForm({ indicators: [['产出指标', '时效指标', '', '']] }),
    },
    {
      name: 'one of two value columns filled',
      form: projectForm({
        periods: ['period', 'annual'],
        indicators: [['产出指标', '数量指标', '系统数量', '', '2个']],
      }),
    },
  ],
  invalid: [
    {
      name: 'a name without a value',
      form: projectForm({ indicators: [['产出指标', '数量指标', '物业保障人员数量', '']] }),
      findings: [{ cell: 'E12', message: '三级指标“物业保障人员数量”没有填写指标值。' }],
    },
    {
      name: 'both columns blank',
      form: projectForm({
        periods: ['period', 'annual'],
        indicators: [['产出指标', '数量指标', '系统数量', ' ', '']],
      }),
      findings: [{ cell: 'E12' }],
    },
    {
      name: 'a packed item without a value',
      form: list([
        ['1-产出指标', '11-数量指标', '购置车辆数量', '车2台', '车2台'],
        ['1-产出指标', '12-质量指标', '验收合格率', '', ''],
      ]),
      findings: [{ cell: 'G7', message: '第 2 项指标“验收合格率”没有填写指标值。' }],
    },
  ],
});
