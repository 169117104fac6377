import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { valueNotNormalised } from './not-normalised';

const row = (value: string) =>
  projectForm({ indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', value]] });

testRule(valueNotNormalised, {
  valid: [
    { name: 'clean', form: row('≥90%') },
    { name: 'an operator typo is reported once, by value.operator-typo', form: row('》９０％') },
    { name: 'markup is reported by value.markup', form: row('<p>≥90%') },
    {
      name: 'a trailing 。 inside a packed cell is the cell punctuation (Panyu 水污染防治专项经费)',
      form: oneProject([
        [
          '1-产出指标',
          '12-质量指标',
          '报告质量',
          '提交的报告通过专家技术评审。',
          '提交阶段成果报告',
        ],
      ]),
    },
    {
      name: 'Chinese commas in a qualitative value are fine',
      form: row('形成入河入海排污口清单，为整治提供基础数据'),
    },
  ],
  invalid: [
    {
      name: '＞4000 (env-tech, full-width sign)',
      form: oneProject([['效益指标', '', '环境执法智能指挥调度平台用户数', '＞4000']], {
        periods: ['annual'],
      }),
      findings: [
        {
          cell: 'G6',
          severity: 'info',
          suggestions: ['1、效益指标：环境执法智能指挥调度平台用户数，年度指标值:>4000。'],
          message:
            '第 1 项指标“环境执法智能指挥调度平台用户数”的指标值“＞4000”含全角比较符，规范写法为“>4000”。',
        },
      ],
    },
    {
      name: 'stray spaces',
      form: row('≥ 90 %'),
      findings: [{ cell: 'E12', suggestions: ['≥90%'] }],
    },
    {
      name: 'trailing 。',
      form: row('90%。'),
      findings: [
        {
          cell: 'E12',
          suggestions: ['90%'],
          message: '指标值“90%。”含末尾句号，规范写法为“90%”。',
        },
      ],
    },
    { name: '>=', form: row('>=90%'), findings: [{ cell: 'E12', suggestions: ['≥90%'] }] },
  ],
});
