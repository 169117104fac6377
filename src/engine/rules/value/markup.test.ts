import { testRule } from '../testing';
import { projectForm, projectList } from '../builders';
import { oneProject } from '../test-lists';
import { valueMarkup, stripMarkup } from './markup';
import { describe, expect, it } from '@jest/globals';

testRule(valueMarkup, {
  valid: [
    {
      name: 'clean list',
      form: oneProject([['1-产出指标', '11-数量指标', '系统数量', '2个', '2个']]),
    },
    { name: 'clean form', form: projectForm() },
  ],
  invalid: [
    {
      name: 'Panyu: <p> around a project name, its target and its packed indicators',
      form: projectList({
        units: [
          {
            name: '',
            row: -1,
            projects: [
              {
                name: '<p>监督执法与应急、信访专项经费</p>',
                row: 9,
                amounts: ['235.00', '235.00', null, null],
                target: '<p>1.开展法律服务项目。</p> <p>2.加强技术支撑和能力建设。</p>',
                items: [['1-产出指标', '11-数量指标', '临时宣传任务保障次数', '≥2次', '≥2次']],
                packedText:
                  '<p>1、1-产出指标;11-数量指标;临时宣传任务保障次数;实施周期指标值:≥2次;年度指标值:≥2次。</p>',
              },
            ],
          },
        ],
      }),
      findings: [
        {
          cell: 'A9',
          suggestions: ['监督执法与应急、信访专项经费'],
          message: '单元格中残留网页标记“<p>”，应删除。',
        },
        { cell: 'F9', suggestions: ['1.开展法律服务项目。\n2.加强技术支撑和能力建设。'] },
        {
          cell: 'G9',
          suggestions: [
            '1、1-产出指标;11-数量指标;临时宣传任务保障次数;实施周期指标值:≥2次;年度指标值:≥2次。',
          ],
        },
      ],
    },
    {
      name: 'markup around an amount: the number is the fix, written as a number',
      form: projectList({
        units: [
          {
            name: '',
            row: -1,
            projects: [{ name: '项目', row: 9, amounts: ['<p>235.00</p>', '235.00', null, null] }],
          },
        ],
      }),
      findings: [{ cell: 'B9', suggestions: ['235.00'] }],
    },
    {
      name: 'a cell of markup only: no suggestion that would blank it',
      form: projectForm({ name: '<p></p>' }),
      findings: [
        {
          cell: 'B3',
          suggestions: [],
          message: '单元格中只有网页标记“<p>”，没有内容，请填写或清除。',
        },
      ],
    },
    {
      name: 'a value cell ending in </p>',
      form: projectForm({ indicators: [['产出指标', '质量指标', '验收合格率', '100%</p>']] }),
      findings: [{ cell: 'E12', suggestions: ['100%'] }],
    },
  ],
});

describe('stripMarkup', () => {
  it('drops tags and entities', () => {
    expect(stripMarkup('<p>a&nbsp;b</p>')).toBe('a b');
  });
});
