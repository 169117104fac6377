import { testRule } from '../testing';
import { listProject, projectForm, projectList } from '../builders';
import { valueOperatorTypo } from './operator-typo';

const envTech = (items: Parameters<typeof listProject>[0]['items']) =>
  projectList({
    periods: ['annual'],
    units: [
      {
        name: '',
        row: -1,
        projects: [
          {
            name: '环境管理决策技术文件审查工作经费',
            row: 9,
            amounts: ['239.22', '239.22', null, null],
            items,
          },
        ],
      },
    ],
  });

testRule(valueOperatorTypo, {
  valid: [
    { name: 'standard signs', form: projectForm() },
    {
      name: 'strict signs',
      form: projectForm({
        indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', '>90%']],
      }),
    },
    {
      name: 'a book title in a qualitative value',
      form: projectForm({
        indicators: [['产出指标', '数量指标', '方案', '《天津市“无废城市”建设跟踪评估方案》1套']],
      }),
    },
  ],
  invalid: [
    {
      name: '《15万元 on a cost (both signs offered, inclusive first)',
      form: projectForm({ indicators: [['产出指标', '成本指标', '物业费支出成本', '《15万元']] }),
      findings: [
        {
          cell: 'E12',
          suggestions: ['≤15万元', '<15万元'],
          message: '指标值“《15万元”中的“《”应为比较符，可能是“≤”或“<”。',
        },
      ],
    },
    {
      name: '《==15万元: doubled equals signs collapse, the fix is not itself a typo',
      form: projectForm({ indicators: [['产出指标', '成本指标', '物业费支出成本', '《==15万元']] }),
      findings: [
        {
          cell: 'E12',
          suggestions: ['≤15万元'],
          message: '指标值“《==15万元”中的“《==”应为比较符“≤”。',
        },
      ],
    },
    {
      name: '》=＝90% (a full-width second equals sign)',
      form: projectForm({
        indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', '》=＝90%']],
      }),
      findings: [{ cell: 'E12', suggestions: ['≥90%'], message: /“》=＝”应为比较符“≥”/ }],
    },
    {
      name: '125,000 《 in a row before 15万元: no stack overflow, the typo is found',
      form: projectForm({
        indicators: [['产出指标', '成本指标', '物业费支出成本', '《'.repeat(125_000) + '15万元']],
      }),
      findings: [
        {
          cell: 'E12',
          suggestions: ['≤15万元', '<15万元'],
          message: /^指标值“《{60}…”中的“《{6}…”应为比较符，可能是“≤”或“<”。$/,
        },
      ],
    },
    {
      name: '》90% on a satisfaction',
      form: projectForm({
        indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', '》90%']],
      }),
      findings: [{ cell: 'E12', suggestions: ['≥90%', '>90%'] }],
    },
    {
      name: '》=90% is unambiguous',
      form: projectForm({
        indicators: [['满意度指标', '服务对象满意度指标', '局机关满意度', '》=90%']],
      }),
      findings: [
        { cell: 'E12', suggestions: ['≥90%'], message: '指标值“》=90%”中的“》=”应为比较符“≥”。' },
      ],
    },
    {
      name: '〉3次',
      form: projectForm({ indicators: [['产出指标', '数量指标', '培训次数', '〉3次']] }),
      findings: [{ cell: 'E12', suggestions: ['≥3次', '>3次'] }],
    },
    {
      name: '《330 on 评审会成本 in a packed cell (env-tech list): the whole cell is the fix',
      form: envTech([
        ['满意度指标', '', '服务对象满意度', '≥90%'],
        ['产出指标', '', '评审会成本', '《330'],
      ]),
      findings: [
        {
          cell: 'G9',
          suggestions: [
            '1、满意度指标：服务对象满意度，年度指标值:≥90%。2、产出指标：评审会成本，年度指标值:≤330。',
            '1、满意度指标：服务对象满意度，年度指标值:≥90%。2、产出指标：评审会成本，年度指标值:<330。',
          ],
          message: '第 2 项指标“评审会成本”的指标值“《330”中的“《”应为比较符，可能是“≤”或“<”。',
        },
      ],
    },
  ],
});
