import { testRule } from '../testing';
import { projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { valueNotQuantified } from './not-quantified';

const row = (l2: string, name: string, value: string) =>
  projectForm({ indicators: [['产出指标', l2, name, value]] });

testRule(valueNotQuantified, {
  valid: [
    { name: 'a count', form: row('数量指标', '物业保障人员数量', '≥5人') },
    { name: 'a count in words: 每季度一次', form: row('数量指标', '季度质控样试验', '每季度一次') },
    {
      name: 'a number inside text',
      form: row('数量指标', '在线数据问题响应', '重点排污单位发现问题24小时内完成核查'),
    },
    {
      name: 'a quality indicator may be qualitative',
      form: row('质量指标', '项目服务质量', '符合国家及行业相关标准通过专家验收'),
    },
    { name: 'a cost cap', form: row('成本指标', '物业费支出成本', '≤104万元') },
  ],
  invalid: [
    {
      name: '按合同要求 on a 数量 indicator (Panyu)',
      form: oneProject([
        ['1-产出指标', '11-数量指标', '企业信息管理资料更新维护运营', '按合同要求', '按合同要求'],
      ]),
      findings: [
        {
          cell: 'G6',
          message:
            '第 1 项指标“企业信息管理资料更新维护运营”的指标值“按合同要求”没有量化，数量指标应写明具体数量（如“≥2次”）。',
        },
      ],
    },
    {
      name: '视具体情况确定数量',
      form: row('数量指标', '培训人数', '视具体情况确定数量'),
      findings: [{ cell: 'E12' }],
    },
    {
      name: 'a cost without an amount',
      form: row('成本指标', '物业费支出成本', '按实际发生'),
      findings: [
        {
          cell: 'E12',
          message: '指标值“按实际发生”没有写明金额，成本指标应写明成本上限（如“≤50万元”）。',
        },
      ],
    },
  ],
});
