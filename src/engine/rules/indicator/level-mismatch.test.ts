import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { indicatorLevelMismatch } from './level-mismatch';

testRule(indicatorLevelMismatch, {
  valid: [
    { name: 'Tianjin form 1 (成本指标 under 产出指标)', form: projectForm() },
    {
      name: '成本指标 as a 一级',
      form: projectForm({ indicators: [['成本指标', '社会成本指标', '社会成本', '无']] }),
    },
    {
      name: 'a blank 二级',
      form: projectForm({ indicators: [['满意度指标', '', '局机关满意度', '≥90%']] }),
    },
    {
      name: 'an unknown name is indicator.unknown-level',
      form: projectForm({ indicators: [['效率指标', '数量指标', '人数', '5人']] }),
    },
  ],
  invalid: [
    {
      name: '数量指标 under 效益指标',
      form: projectForm({
        indicators: [
          ['效益指标', '数量指标', '物业保障人员数量', '≥5人'],
          ['', '数量指标', '保洁面积', '≥500平'],
        ],
      }),
      findings: [
        {
          cell: 'B12',
          message: '二级指标“数量指标”不属于一级指标“效益指标”，应放在“产出指标”下。',
        },
        { cell: 'B13' },
      ],
    },
    {
      name: '经济成本指标 under 产出指标',
      form: projectForm({
        indicators: [['产出指标', '经济成本指标', '物业费支出成本', '≤104万元']],
      }),
      findings: [{ cell: 'B12', message: /应放在“成本指标”下/ }],
    },
    {
      name: 'in a packed cell, one finding per cell',
      form: oneProject([
        ['2-效益指标', '11-数量指标', '购置车辆数量', '车2台', '车2台'],
        ['2-效益指标', '11-数量指标', '聘用人员数量', '60人', '60人'],
      ]),
      findings: [{ cell: 'G6' }],
    },
  ],
});
