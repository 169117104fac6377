import { testRule } from '../testing';
import { projectForm } from '../builders';
import { valueWrongDirection } from './wrong-direction';

const row = (l2: string, name: string, value: string) =>
  projectForm({ indicators: [['产出指标', l2, name, value]] });

testRule(valueWrongDirection, {
  valid: [
    { name: '≥ on a rate', form: row('质量指标', '稳定运行率', '≥99%') },
    { name: '故障率 should be low', form: row('质量指标', '系统故障率', '≤2%') },
    { name: '投诉率 should be low', form: row('质量指标', '群众投诉率', '<1%') },
    { name: '差错率 should be low', form: row('质量指标', '数据差错率', '≤0.5%') },
    { name: 'a count capped from above', form: row('质量指标', '系统故障次数', '≤5次') },
    { name: 'a cost cap', form: row('成本指标', '物业费支出成本', '≤104万元') },
  ],
  invalid: [
    {
      name: '稳定运行率 ≤99%',
      form: row('质量指标', '稳定运行率', '≤99%'),
      findings: [
        {
          cell: 'E12',
          suggestions: ['≥99%'],
          message: '指标值“≤99%”是上限（≤），但“稳定运行率”应越高越好，是否应为“≥99%”？',
        },
      ],
    },
    {
      name: 'a satisfaction capped from above',
      form: projectForm({
        indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', '<90%']],
      }),
      findings: [{ cell: 'E12', suggestions: ['>90%'] }],
    },
    {
      name: '成本 ≥10万元',
      form: row('成本指标', '设备购置成本', '≥10万元'),
      findings: [
        {
          cell: 'E12',
          suggestions: ['≤10万元'],
          message: '指标值“≥10万元”是下限，成本指标应写上限，是否应为“≤10万元”？',
        },
      ],
    },
  ],
});
