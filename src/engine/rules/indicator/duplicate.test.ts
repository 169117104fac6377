import { testRule } from '../testing';
import { projectForm, projectList } from '../builders';
import { oneProject } from '../test-lists';
import { indicatorDuplicate } from './duplicate';

testRule(indicatorDuplicate, {
  valid: [
    { name: 'Tianjin form 1', form: projectForm() },
    {
      name: 'same name, different values',
      form: projectForm({
        indicators: [
          ['产出指标', '数量指标', '报告数量', '1份'],
          ['', '数量指标', '报告数量', '2份'],
        ],
      }),
    },
    {
      name: 'same name and value in two projects of a list is fine',
      form: projectList({
        units: [
          {
            name: '广州市生态环境局番禺分局',
            row: 5,
            projects: [
              {
                name: '购置经费',
                row: 6,
                amounts: ['36.00', '36.00', null, null],
                items: [['1-产出指标', '12-质量指标', '验收合格率', '100%', '100%']],
              },
              {
                name: '其他运行经费',
                row: 7,
                amounts: ['146.30', '146.30', null, null],
                items: [['1-产出指标', '12-质量指标', '验收合格率', '100%', '100%']],
              },
            ],
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'the same name and value twice',
      form: projectForm({
        indicators: [
          ['产出指标', '质量指标', '验收合格率', '100%'],
          ['', '时效指标', '工作完成及时率', '100%'],
          ['', '质量指标', '验收合格率', '100%'],
        ],
      }),
      findings: [
        { cell: 'C14', message: '三级指标“验收合格率”（指标值“100%”）与 C12 单元格重复。' },
      ],
    },
    {
      name: 'written differently, same value (＞ and >)',
      form: oneProject([
        ['1-产出指标', '13-时效指标', '监测报告及时率', '>95%', '>95%'],
        ['1-产出指标', '13-时效指标', '监测报告及时率', '＞95%', '＞95%'],
      ]),
      findings: [
        { cell: 'G6', message: '第 2 项指标“监测报告及时率”（指标值“＞95%”）与第 1 项重复。' },
      ],
    },
  ],
});
