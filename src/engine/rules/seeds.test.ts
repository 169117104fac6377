import { describe, expect, it } from '@jest/globals';
import type { Form } from '../model/forms';
import { departmentForm, projectForm } from './builders';
import { allRules } from './index';
import { oneProject } from './test-lists';
import { TIANJIN_8 } from './test-tianjin';
import { runRule } from './testing';

/** Every rule on one form: `rule@cell` for each finding, in rule order. */
function all(form: Form, withInfo = true): string[] {
  return allRules.flatMap((r) =>
    runRule(r, form)
      .filter((f) => withInfo || f.severity !== 'info')
      .map((f) => `${f.rule}@${f.cell}`),
  );
}

describe('all rules on forms rebuilt from the seeds', () => {
  it('Tianjin form 1 with numeric amounts is clean', () => {
    expect(all(projectForm({ budget: 104, fiscal: 104 }))).toEqual([]);
  });

  it('Tianjin form 8: the itemised cost caps exceed the budget', () => {
    expect(all(projectForm({ budget: 300, fiscal: 300, indicators: TIANJIN_8 }))).toEqual([
      'funding.cost-parts-exceed-total@E16',
    ]);
  });

  it('Zhanjiang 2020 department form adds up (its amounts typed as text are info only)', () => {
    expect(all(departmentForm(), false)).toEqual([]);
  });

  it('Panyu 其他运行经费', () => {
    const form = oneProject(
      [
        ['1-产出指标', '11-数量指标', '停车位租赁个数', '≥15个', '≥15个'],
        [
          '1-产出指标',
          '11-数量指标',
          '水源保护区开展巡航执法工作次数',
          '每年巡查水源保护区180航次',
          '每年巡查水源保护区180航次',
        ],
        [
          '1-产出指标',
          '11-数量指标',
          '配合监测单位出航取水样监测水质次数',
          '根据监测单位的监测任务定',
          '根据监测单位的监测任务定',
        ],
        ['1-产出指标', '11-数量指标', '饭堂保障数量', '3个', '3个'],
        ['1-产出指标', '12-质量指标', '后勤保障工作正常运转率', '100%', '100%'],
        ['1-产出指标', '12-质量指标', '验收合格率', '100%', '100%'],
        ['1-产出指标', '13-时效指标', '工作完成率', '100%', '100%'],
        ['2-效益指标', '22-社会效益', '保证完成各项监测任务', '是', '是'],
        ['2-效益指标', '23-生态效益', '饮用水源保护区水质达标天数', '100%', '100%'],
        ['3-满意度指标', '31-服务对象满意度', '食堂服务满意度', '≥90', '≥90'],
      ],
      { name: '其他运行经费', total: '146.30' },
    );
    expect(all(form)).toEqual([
      'value.missing-unit@G6',
      'value.not-quantified@G6',
      'indicator.missing-category@G6',
      'amount.malformed@B6',
      'amount.malformed@C6',
    ]);
  });

  it('env-tech 环境管理决策技术文件审查工作经费 (style 1)', () => {
    const form = oneProject(
      [
        ['满意度指标', '', '服务对象满意度', '≥90%'],
        ['产出指标', '', '培训次数', '2次'],
        ['产出指标', '', '项目评审开展现场踏勘的数量', '≥60'],
        ['产出指标', '', '评审会成本', '《330'],
        ['产出指标', '', '评审（评估）意见采纳率', '≥95%'],
        ['产出指标', '', '项目评审（评估）完成率', '≥90%'],
        ['效益指标', '', '带动企业环保投入', '≥5060万元'],
      ],
      { name: '环境管理决策技术文件审查工作经费', total: '239.22', periods: ['annual'] },
    );
    expect(all(form)).toEqual([
      'value.operator-typo@G6',
      'value.missing-unit@G6',
      'value.missing-unit@G6',
      'amount.malformed@B6',
      'amount.malformed@C6',
    ]);
  });
});
