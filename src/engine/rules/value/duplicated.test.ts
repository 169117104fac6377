import { testRule } from '../testing';
import { projectForm, projectList } from '../builders';
import { valueDuplicated } from './duplicated';

testRule(valueDuplicated, {
  valid: [
    {
      name: 'a clean value',
      form: projectForm({
        indicators: [['效益指标', '社会效益指标', '获得污染物监测数据', '≥180万条']],
      }),
    },
  ],
  invalid: [
    {
      name: '≥180≥180万条',
      form: projectForm({
        indicators: [['效益指标', '社会效益指标', '获得污染物监测数据', '≥180≥180万条']],
      }),
      findings: [
        {
          cell: 'E12',
          suggestions: ['≥180万条'],
          message: '指标值“≥180≥180万条”中的内容重复出现，应为“≥180万条”。',
        },
      ],
    },
    {
      name: '13969.56标箱标箱 (doubled unit)',
      form: projectForm({
        indicators: [['产出指标', '数量指标', '集装箱吞吐量', '13969.56标箱标箱']],
      }),
      findings: [{ cell: 'E12', suggestions: ['13969.56标箱'] }],
    },
    {
      name: '≥2000≥2000份 under both periods of a packed cell: one finding',
      form: projectList({
        units: [
          {
            name: '',
            row: -1,
            projects: [
              {
                name: '宣传经费',
                row: 6,
                amounts: ['10.00', '10.00', null, null],
                items: [
                  ['1-产出指标', '11-数量指标', '宣传资料发放数量', '≥2000≥2000份', '≥2000≥2000份'],
                ],
              },
            ],
          },
        ],
      }),
      findings: [
        {
          cell: 'G6',
          suggestions: [
            '1、1-产出指标；11-数量指标；宣传资料发放数量；实施周期指标值:≥2000份；年度指标值:≥2000份。',
          ],
        },
      ],
    },
  ],
});
