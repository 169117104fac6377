import { testRule } from '../testing';
import { COMPLETE_PROJECT, departmentForm, projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { indicatorUnknownLevel } from './unknown-level';

testRule(indicatorUnknownLevel, {
  valid: [
    { name: 'Tianjin form 1', form: projectForm() },
    {
      name: 'codes and names without 指标 (Panyu)',
      form: oneProject([
        ['2-效益指标', '22-社会效益', '提升公共服务水平', '有效提升', '有效提升'],
        ['2-效益指标', '24-可持续影响', '车辆使用率', '100%', '100%'],
        ['3-满意度指标', '31-服务对象满意度', '食堂服务满意度', '≥90%', '≥90%'],
      ]),
    },
    {
      name: '成本指标 as a 一级 (财预〔2021〕101号)',
      form: projectForm({
        indicators: [['成本指标', '经济成本指标', '物业费支出成本', '≤104万元']],
      }),
    },
    {
      name: 'explanations after the name (Zhanjiang)',
      form: departmentForm({
        indicators: [
          [
            '产出指标：统一行使生态和城乡各类污染排放监管与行政执法职责。',
            '数量指标：一是聚焦断面水质达标',
            '推动整改任务',
            '25项',
          ],
        ],
      }),
    },
  ],
  invalid: [
    {
      name: '效果指标 is the old name of 效益指标: warning with the standard name',
      form: projectForm({
        indicators: [
          ...COMPLETE_PROJECT.slice(0, 4),
          ['效果指标', '社会效益指标', '局机关正常运转', '保障正常运转'],
          ['', '生态效益指标', '绿化覆盖', '提升'],
        ],
      }),
      findings: [
        {
          cell: 'A16',
          severity: 'warning',
          suggestions: ['效益指标'],
          message: '一级指标“效果指标”是旧称，应为“效益指标”。',
        },
      ],
    },
    {
      name: '可持续性影响 in a packed cell: every occurrence replaced in the writer style',
      form: oneProject([
        ['2-效益指标', '24-可持续性影响', '车辆使用率', '100%', '100%'],
        ['2-效益指标', '24-可持续性影响', '工作可持续影响性', '具有可持续性', '具有可持续性'],
      ]),
      findings: [
        {
          cell: 'G6',
          severity: 'warning',
          suggestions: [
            '1、2-效益指标；24-可持续影响；车辆使用率；实施周期指标值:100%；年度指标值:100%。2、2-效益指标；24-可持续影响；工作可持续影响性；实施周期指标值:具有可持续性；年度指标值:具有可持续性。',
          ],
          message: '二级指标“可持续性影响”不是标准名称，应为“可持续影响”。',
        },
      ],
    },
    {
      name: 'an unknown 一级',
      form: projectForm({ indicators: [['效率指标', '数量指标', '物业保障人员数量', '≥5人']] }),
      findings: [
        {
          cell: 'A12',
          message:
            '一级指标“效率指标”不在指标体系中，应为产出指标、效益指标、满意度指标、成本指标之一。',
        },
      ],
    },
    {
      name: 'a 二级 name in the 一级 column',
      form: projectForm({ indicators: [['数量指标', '', '物业保障人员数量', '≥5人']] }),
      findings: [
        {
          cell: 'A12',
          suggestions: ['产出指标'],
          message: '一级指标“数量指标”是二级指标的名称，一级指标应为“产出指标”。',
        },
      ],
    },
    {
      name: 'an unknown 二级 under a known 一级',
      form: projectForm({
        indicators: [['效益指标', '社会指标', '局机关正常运转', '保障正常运转']],
      }),
      findings: [
        {
          cell: 'B12',
          message:
            '二级指标“社会指标”不在指标体系中，“效益指标”下应为“经济效益指标”、“社会效益指标”、“生态效益指标”、“可持续影响指标”之一。',
        },
      ],
    },
  ],
});
