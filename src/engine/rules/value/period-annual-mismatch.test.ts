import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { valuePeriodAnnualMismatch } from './period-annual-mismatch';

const form = (period: string, annual: string, name = '帮扶企业数量') =>
  projectForm({
    periods: ['period', 'annual'],
    indicators: [['产出指标', '数量指标', name, period, annual]],
  });

testRule(valuePeriodAnnualMismatch, {
  valid: [
    { name: '250份 / 150份 (Panyu)', form: form('250份', '150份', '精细化管控分析服务工作日报') },
    { name: 'equal values', form: form('≥450家', '≥450家') },
    { name: 'rates are not cumulative', form: form('≥90%', '≥95%', '抽检达标率') },
    { name: 'different units', form: form('1份', '2个') },
    { name: 'caps', form: form('≤5次', '≤8次', '系统故障次数') },
  ],
  invalid: [
    {
      name: '实施周期 ≥100家, 年度 ≥200家',
      form: form('≥100家', '≥200家'),
      findings: [
        {
          cell: 'F12',
          message:
            '年度指标值“≥200家”大于实施周期指标值“≥100家”，一年的目标不应超过整个实施周期的目标。',
        },
      ],
    },
    {
      name: 'in a packed cell',
      form: oneProject([['1-产出指标', '11-数量指标', '环境监测次数', '约350次', '约400次']]),
      findings: [{ cell: 'G6', message: /^第 1 项指标“环境监测次数”的年度指标值/ }],
    },
  ],
});
