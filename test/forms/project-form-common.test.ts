import { Grid, rangeFromA1, type CellValue, type Range } from '../../src/engine/grid';
import {
  isNoteText,
  LabelTable,
  matchIndicatorHeader,
  normalizeLabel,
  readIndicatorTable,
  readLabel,
  rowCells,
  splitInlineLabel,
  titleKind,
  unitFromText,
} from '../../src/engine/forms/common';

function grid(
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  merges: ReadonlyArray<string> = [],
): Grid {
  return new Grid({ name: 'S', cells: rows, merges: merges.map((m) => rangeFromA1(m) as Range) });
}

describe('forms/common labels', () => {
  it.each([
    ['其中：财政    资金', '财政资金'],
    ['预算数（万元）：', '预算数'],
    ['年度资金总额(万元)', '年度资金总额'],
    ['资金支出计划（%）', '资金支出计划'],
    ['项目名称：', '项目名称'],
    ['*项目名称', '项目名称'],
    ['一级 指标', '一级指标'],
    ['项目名称（资金使用单位）', '项目名称（资金使用单位）'],
  ])('normalizeLabel(%s) = %s', (text, norm) => {
    expect(normalizeLabel(text)).toBe(norm);
  });

  it('reports the unit of a label suffix', () => {
    expect(readLabel('预算数（元）')).toEqual({ norm: '预算数', unit: '元' });
    expect(readLabel('预算规模（单位：万元）')).toEqual({ norm: '预算规模', unit: '万元' });
    expect(readLabel('资金支出计划（%）').unit).toBeNull();
  });

  it('matches a label table', () => {
    const t = new LabelTable({
      budget: ['预算数', '年度资金总额'],
      fiscal: ['财政资金', '财政拨款'],
    });
    expect(t.match('年度资金总额（万元）：')).toBe('budget');
    expect(t.match('其中：财政拨款')).toBe('fiscal');
    expect(t.match('其他资金')).toBeNull();
    expect(t.match('预算数'.repeat(20))).toBeNull();
  });

  it('splits a label and value typed into one cell', () => {
    expect(splitInlineLabel('项目名称：某某项目')).toEqual({
      label: '项目名称',
      value: '某某项目',
    });
    expect(splitInlineLabel('主管部门: 某局')).toEqual({ label: '主管部门', value: '某局' });
    expect(splitInlineLabel('项目名称：')).toBeNull();
    expect(splitInlineLabel('没有冒号')).toBeNull();
  });

  it('detects unit declarations', () => {
    expect(unitFromText('单位：万元')).toBe('万元');
    expect(unitFromText('金额单位：元')).toBe('元');
    expect(unitFromText('（单位:亿元）')).toBe('亿元');
    expect(unitFromText('实施单位：某局')).toBeNull();
    expect(unitFromText('≤104万元')).toBeNull();
  });

  it('tells the three form titles apart', () => {
    expect(titleKind('2023年物业费项目绩效目标表')).toBe('project-form');
    expect(titleKind('1.2023年度天津市机动车排污管控技术服务项目 绩效目标表')).toBe('project-form');
    expect(titleKind('2024年某项目绩效目标申报表（2024年）')).toBe('project-form');
    expect(titleKind('部门整体支出绩效目标申报表')).toBe('department-form');
    expect(titleKind('项目支出绩效目标表（含转移支付项目）')).toBe('project-list');
    expect(titleKind('绩效目标')).toBeNull();
    expect(titleKind('1.完成绩效目标表中的任务并按时报送')).toBeNull();
  });

  it('recognises notes under a table', () => {
    expect(isNoteText('注：本表由项目单位填报')).toBe(true);
    expect(isNoteText('填报人：张三')).toBe(true);
    expect(isNoteText('满意度指标')).toBe(false);
  });
});

describe('forms/common indicator table', () => {
  it('maps header columns in any order and reads 一级/二级 continuation', () => {
    const g = grid(
      [
        [null, '指标值', '三级指标', '二级指标', '一级指标', '确定依据'],
        [null, '≥5人', '人员数量', '数量指标', '产出指标', '计划标准'],
        [null, '100%', '保洁率', null, null, '行业标准'],
        [null, '≥90%', '满意度', '服务对象满意度指标', '满意度指标', null],
        [null, '≥95%', '另一满意度', null, null, null],
        [],
        [null, '不是指标', '', '', '', ''],
      ],
      ['B1:B1'],
    );
    const cols = matchIndicatorHeader(g, 0);
    expect(cols).toMatchObject({
      level1: 4,
      level2: 3,
      name: 2,
      basis: 5,
      values: [{ col: 1, period: 'annual' }],
    });
    expect(cols?.description).toBeUndefined();
    expect(cols?.left).toBe(1);
    const table = readIndicatorTable(g, cols!, { bottom: 6 });
    expect(table.lastRow).toBe(4);
    expect(
      table.indicators.map((i) => [i.level1.text, i.level1.cell, i.level2.text, i.level2.cell]),
    ).toEqual([
      ['产出指标', { row: 1, col: 4 }, '数量指标', { row: 1, col: 3 }],
      ['产出指标', { row: 1, col: 4 }, '数量指标', { row: 1, col: 3 }],
      ['满意度指标', { row: 3, col: 4 }, '服务对象满意度指标', { row: 3, col: 3 }],
      ['满意度指标', { row: 3, col: 4 }, '服务对象满意度指标', { row: 3, col: 3 }],
    ]);
  });

  it('does not carry a 二级 into a new 一级', () => {
    const g = grid([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', 'a', '1'],
      ['效益指标', null, 'b', '2'],
    ]);
    const t = readIndicatorTable(g, matchIndicatorHeader(g, 0)!, { bottom: 2 });
    expect(t.indicators[1].level2).toEqual({ text: '', cell: { row: 2, col: 1 } });
  });

  it('lists stored cells once per merge', () => {
    const g = grid([['a', null, 'b'], ['c']], ['A1:B2']);
    expect(rowCells(g, 0)).toEqual([
      { col: 0, text: 'a' },
      { col: 2, text: 'b' },
    ]);
    expect(rowCells(g, 1)).toEqual([]);
  });
});
