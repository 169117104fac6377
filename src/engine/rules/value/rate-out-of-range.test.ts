import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { valueRateOutOfRange } from './rate-out-of-range';

const row = (name: string, value: string) =>
  projectForm({ indicators: [['产出指标', '质量指标', name, value]] });

testRule(valueRateOutOfRange, {
  valid: [
    { name: '100%', form: row('验收合格率', '100%') },
    { name: '≥95%', form: row('抽检达标率', '≥95%') },
    { name: 'a growth rate may exceed 100%', form: row('环保投入增长率', '120%') },
    { name: 'a cap above 100% says nothing wrong', form: row('预算执行率', '≤120%') },
    { name: 'not a percentage', form: row('检查业务量', '≥120次') },
  ],
  invalid: [
    {
      name: '≥100% 专家评审通过率 (Panyu, both periods in one packed cell)',
      form: oneProject([['1-产出指标', '12-质量指标', '专家评审通过率', '≥100%', '≥100%']]),
      findings: [
        {
          cell: 'G6',
          severity: 'warning',
          suggestions: [
            '1、1-产出指标；12-质量指标；专家评审通过率；实施周期指标值:100%；年度指标值:100%。',
          ],
          message:
            '第 1 项指标“专家评审通过率”的指标值“≥100%”：比率不会超过 100%，“≥100%”只能是 100%，建议写作“100%”。',
        },
      ],
    },
    {
      name: '≥100% on a project form',
      form: row('专家评审通过率', '≥100%'),
      findings: [{ cell: 'E12', severity: 'warning', suggestions: ['100%'] }],
    },
    {
      name: '120%',
      form: row('验收合格率', '120%'),
      findings: [
        {
          cell: 'E12',
          severity: 'error',
          message: '指标值“120%”超过了 100%，比率或占比不能大于 100%。',
        },
      ],
    },
    { name: '>100%', form: row('验收合格率', '>100%'), findings: [{ cell: 'E12' }] },
    {
      name: 'a range ending above 100%',
      form: row('设备使用率', '90-110%'),
      findings: [{ cell: 'E12' }],
    },
  ],
});
