import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { indicatorMissingName } from './missing-name';

testRule(indicatorMissingName, {
  valid: [
    { name: 'Tianjin form 1', form: projectForm() },
    { name: 'a blank row', form: projectForm({ indicators: [['产出指标', '时效指标', '', '']] }) },
  ],
  invalid: [
    {
      name: 'a value without a name',
      form: projectForm({ indicators: [['产出指标', '数量指标', '', '≥5人']] }),
      findings: [{ cell: 'C12', message: '指标值“≥5人”没有对应的三级指标名称。' }],
    },
    {
      name: 'a packed item without a name',
      form: oneProject([['1-产出指标', '12-质量指标', '', '100%', '100%']]),
      findings: [{ cell: 'G6', message: '第 1 项指标的指标值“100%”没有对应的三级指标名称。' }],
    },
  ],
});
