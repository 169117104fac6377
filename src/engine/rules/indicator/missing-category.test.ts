import { testRule } from '../testing';
import { COMPLETE_PROJECT, departmentForm, projectForm } from '../builders';
import { oneProject } from '../test-lists';
import { indicatorMissingCategory } from './missing-category';

testRule(indicatorMissingCategory, {
  valid: [
    { name: 'Tianjin form 1 has every category', form: projectForm() },
    {
      name: '成本指标 as a 一级 counts as 成本',
      form: projectForm({
        indicators: [
          ...COMPLETE_PROJECT.filter((r) => r[1] !== '成本指标'),
          ['成本指标', '经济成本指标', '物业费', '≤104万元'],
        ],
      }),
    },
    {
      name: 'packed style 1 without 二级: only 产出/效益/满意度 are checked (env-tech)',
      form: oneProject(
        [
          ['满意度指标', '', '服务对象满意度', '≥90%'],
          ['产出指标', '', '培训次数', '2次'],
          ['效益指标', '', '带动企业环保投入', '≥5060万元'],
        ],
        { periods: ['annual'] },
      ),
    },
    {
      name: 'department forms are not checked',
      form: departmentForm({ indicators: [['产出指标', '数量指标', '整改任务', '25项']] }),
    },
  ],
  invalid: [
    {
      name: '购置经费 (Panyu): no 成本 and no 满意度',
      form: oneProject(
        [
          ['1-产出指标', '11-数量指标', '购置车辆数量', '车2台', '车2台'],
          ['1-产出指标', '12-质量指标', '验收合格率', '100%', '100%'],
          ['1-产出指标', '13-时效指标', '车辆到位率', '100%', '100%'],
          ['2-效益指标', '22-社会效益', '提升公共服务水平', '有效提升', '有效提升'],
          ['2-效益指标', '24-可持续影响', '车辆使用率', '100%', '100%'],
        ],
        { name: '购置经费' },
      ),
      findings: [
        { cell: 'G6', message: '项目“购置经费”缺少以下类别的绩效指标：成本指标、满意度指标。' },
      ],
    },
    {
      name: 'a project form without 时效指标: reported on the title cell',
      form: projectForm({ indicators: COMPLETE_PROJECT.filter((r) => r[1] !== '时效指标') }),
      findings: [{ cell: 'A1', message: '本表缺少以下类别的绩效指标：时效指标。' }],
    },
    {
      name: 'style 1 without 效益',
      form: oneProject(
        [
          ['满意度指标', '', '服务对象满意度', '≥90%'],
          ['产出指标', '', '培训次数', '2次'],
        ],
        { periods: ['annual'] },
      ),
      findings: [{ cell: 'G6', message: /效益指标。$/ }],
    },
    {
      name: 'a project with no indicators at all',
      form: oneProject([], { name: '其他运行经费' }),
      findings: [{ cell: 'G6', message: '项目“其他运行经费”没有填写绩效指标。' }],
    },
  ],
});
