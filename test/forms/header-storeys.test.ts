/**
 * A header in two storeys: `绩效指标` merged over 一级/二级/三级 on the row below, with `指标值`
 * (and other labels) merged down across both rows. The labels merged down belong to the lower
 * row's header, so the table is read, not reported unreadable.
 */
import { describe, expect, it } from '@jest/globals';
import {
  checkSheet,
  inspectSheet,
  rangeFromA1,
  type CellValue,
  type Range,
  type SheetData,
} from '../../src/engine';

const CELLS: CellValue[][] = [
  ['2024年职业技能培训项目绩效目标表'],
  ['项目名称', '职业技能培训'],
  ['预算数', 100],
  ['绩效目标', '完成年度培训任务'],
  ['绩效指标', null, null, '指标值', '指标值确定依据'],
  ['一级指标', '二级指标', '三级指标'],
  ['产出指标', '数量指标', '培训人数', '200人次', '年度计划'],
  [null, '质量指标', '培训合格率', '》95%', '上年水平'],
  [null, '时效指标', '完成时间', '12月底前'],
  [null, '成本指标', '培训成本', '《30万元'],
  ['效益指标', '社会效益指标', '群众知晓率', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
];

function sheet(merges: string[]): SheetData {
  return { name: '表1', cells: CELLS, merges: merges.map((m) => rangeFromA1(m) as Range) };
}

describe('a header in two storeys', () => {
  it('reads the table with 指标值 merged down from the group row', () => {
    const r = checkSheet(sheet(['A5:C5', 'D5:D6', 'E5:E6', 'A7:A10']));
    expect(r.forms[0].indicators).toHaveLength(6);
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual([
      'D8 value.operator-typo',
      'D10 value.operator-typo',
    ]);
    const [form] = inspectSheet(sheet(['A5:C5', 'D5:D6', 'E5:E6', 'A7:A10'])).forms;
    expect(form.table?.header.map((h) => `${h.cell} ${h.roleLabel}`)).toEqual([
      'A6 一级指标',
      'B6 二级指标',
      'C6 三级指标',
      'D5 指标值（年度）',
      'E5 指标值确定依据',
    ]);
  });

  it('without the merges the value column is missing, and it says so', () => {
    const r = checkSheet(sheet(['A5:C5']));
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['A6 form.unreadable']);
    expect(r.findings[0].message).toContain('未能识别“指标值”列');
  });
});
