import { testRule } from '../testing';
import { projectList } from '../builders';
import { fundingColumnSum } from './column-sum';

/** Panyu's first unit: 合计 and the unit row 2,243.96, thirteen projects. */
const PANYU: ReadonlyArray<readonly [string, string]> = [
  ['购置经费', '36.00'],
  ['机构运行辅助经费', '590.90'],
  ['污染源在线管理专项经费', '234.50'],
  ['番禺分局构建现代治理体系工作经费', '173.48'],
  ['其他运行经费', '146.30'],
  ['番禺区污染源环境安全技术评估项目', '160.00'],
  ['固体废物申报及规范化管理技术服务项目', '90.00'],
  ['环评与排放管理工作经费', '218.06'],
  ['大气污染防治专项经费', '138.96'],
  ['水污染防治专项经费', '136.00'],
  ['监督执法与应急、信访专项经费', '235.00'],
  ['生态环境监测专项经费', '47.30'],
  ['广州市生态环境局番禺分局2024年-2025年信息化运维项目', '37.46'],
];

const panyu = (total: string, unitTotal: string, projects = PANYU) =>
  projectList({
    total: [5, [total, total, null, null]],
    units: [
      {
        name: '广州市生态环境局番禺分局',
        row: 6,
        amounts: [unitTotal, unitTotal, null, null],
        projects: projects.map(([name, v], i) => ({
          name,
          row: 7 + i,
          amounts: [v, v, null, null],
        })),
      },
    ],
  });

testRule(fundingColumnSum, {
  valid: [
    { name: 'Panyu adds up', form: panyu('2,243.96', '2,243.96') },
    {
      name: 'projects before any unit row add up into 合计',
      form: projectList({
        total: [5, ['46.00', '46.00', null, null]],
        units: [
          {
            name: '',
            row: -1,
            projects: [
              { name: 'a', row: 6, amounts: ['36.00', '36.00', null, null] },
              { name: 'b', row: 7, amounts: ['10', '10', null, null] },
            ],
          },
        ],
      }),
    },
    {
      name: 'an all-blank unit row is not checked',
      form: projectList({
        units: [
          {
            name: '某单位',
            row: 6,
            projects: [{ name: 'a', row: 7, amounts: ['36.00', '36.00', null, null] }],
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a unit row that does not add up, column by column',
      form: panyu('2,243.96', '2,243.96', PANYU.slice(1)),
      findings: [
        {
          cell: 'B6',
          suggestions: ['2207.96'],
          message:
            '单位“广州市生态环境局番禺分局”的总计 2243.96 ≠ 其下各项目之和 2207.96（相差 36.00 万元）。',
        },
        { cell: 'C6', suggestions: ['2207.96'] },
      ],
    },
    {
      name: '合计 ≠ the unit rows (env-tech 财政拨款 column)',
      form: projectList({
        total: [5, ['2,392.47', '2,365.02', null, '27.45']],
        units: [
          {
            name: '广州市环境技术中心',
            row: 6,
            amounts: ['2,392.47', '2,364.02', null, '28.45'],
            projects: [],
          },
        ],
      }),
      findings: [
        {
          cell: 'C5',
          suggestions: ['2364.02'],
          message: '合计的财政拨款 2365.02 ≠ 各单位之和 2364.02（相差 1.00 万元）。',
        },
        { cell: 'E5', suggestions: ['28.45'] },
      ],
    },
  ],
});
