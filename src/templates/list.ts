/**
 * 项目支出绩效目标汇总表 — a department's project list (docs/domain.md §1.2), with one indicator per row
 * instead of packed cells, 合计 and unit rows as SUM formulas and 总计 as the sum of its sources.
 */
import { A4_MARGINS, a1, plusOrBlank, rangeA1, SheetBuilder, sumOrBlank } from './builder';
import {
  amountValidation,
  highlightBookTitleMarks,
  highlightTotal,
  levelValidations,
} from './checks';
import type { CostPlacement } from './framework';
import type { MoneyUnitOption } from './project';
import type { TemplateSpec } from './spec';

export interface ListTemplateOptions {
  readonly year?: number;
  readonly unit?: MoneyUnitOption;
  readonly cost?: CostPlacement;
  /** two value columns: 年度指标值 and 实施周期指标值 (default one: 指标值) */
  readonly multiYear?: boolean;
  /** 资金使用单位 rows (default 1) */
  readonly units?: number;
  /** projects per unit (default 3) */
  readonly projects?: number;
  /** indicator rows per project (default 4) */
  readonly rows?: number;
}

/** The money columns: 总计, then the three sources. */
const MONEY = [
  { header: '总计', key: 'total' },
  { header: '财政拨款', key: 'fiscal' },
  { header: '财政专户拨款', key: 'special' },
  { header: '其他资金', key: 'other' },
] as const;

export function listTemplate(options: ListTemplateOptions = {}): TemplateSpec {
  const unit = options.unit ?? '万元';
  const cost = options.cost ?? 'output';
  const multiYear = options.multiYear ?? false;
  const unitCount = options.units ?? 1;
  const projectCount = options.projects ?? 3;
  const rowCount = options.rows ?? 4;
  for (const [n, what] of [
    [unitCount, 'units'],
    [projectCount, 'projects'],
    [rowCount, 'rows'],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be ≥ 1`);
  }

  // A 项目名称 | B 总计 | C 财政拨款 | D 财政专户拨款 | E 其他资金 | F 绩效目标 | G 一级 | H 二级 | I 三级 | J 值 [| K]
  const valueHeaders = multiYear ? ['年度指标值', '实施周期指标值'] : ['指标值'];
  const last = 9 + valueHeaders.length;
  const widths = [24, 11, 11, 11, 11, 30, 10, 13, 22, 14, ...(multiYear ? [14] : [])];
  const b = new SheetBuilder('项目支出绩效目标汇总表', widths);

  const title = `${options.year ? `${options.year}年` : ''}项目支出绩效目标表（含转移支付项目）`;
  b.put(1, 1, title, 'title', { right: last });
  b.height(1, 32);
  b.put(1, 2, '部门名称：', 'unit');
  b.input('department.name', 2, 2, 'text', { right: 6 });
  b.put(7, 2, `单位：${unit}`, 'unit', { right: last });
  b.height(2, 22);

  // two header rows: 绩效指标 over its columns
  const h = 3;
  b.put(1, h, '项目名称（资金使用单位）', 'header', { bottom: h + 1 });
  MONEY.forEach((m, i) => b.put(2 + i, h, m.header, 'header', { bottom: h + 1 }));
  b.put(6, h, '绩效目标', 'header', { bottom: h + 1 });
  b.put(7, h, '绩效指标', 'header', { right: last });
  ['一级指标', '二级指标', '三级指标', ...valueHeaders].forEach((t, i) =>
    b.put(7 + i, h + 1, t, 'header'),
  );
  b.height(h, 22);
  b.height(h + 1, 22);

  const totalRow = h + 2;
  const projectBlocks: Array<{ unitRow: number; first: number; last: number }> = [];
  let r = totalRow + 1;
  for (let u = 0; u < unitCount; u++) {
    const first = r + 1;
    projectBlocks.push({ unitRow: r, first, last: first + projectCount * rowCount - 1 });
    r = first + projectCount * rowCount;
  }
  const bottom = r - 1;

  // 合计: each source is the sum of the unit rows; 总计 the sum of the sources
  b.put(1, totalRow, '合计', 'label');
  const sources = (row: number) => [a1(3, row), a1(4, row), a1(5, row)];
  // 总计 of a project row adds its inputs; 合计 and unit rows add formula cells (SUM skips their blanks)
  const rowTotal = (row: number) => plusOrBlank(sources(row));
  const sumTotal = (row: number) => sumOrBlank(sources(row));
  b.output('total.total', 2, totalRow, sumTotal(totalRow), 'amount-calc-bold');
  MONEY.slice(1).forEach((m, i) =>
    b.output(
      `total.${m.key}`,
      3 + i,
      totalRow,
      sumOrBlank(projectBlocks.map((blk) => a1(3 + i, blk.unitRow))),
      'amount-calc-bold',
    ),
  );
  b.put(6, totalRow, null, 'blank', { right: last });
  b.height(totalRow, 22);

  const inputAmounts: string[] = [];
  projectBlocks.forEach((blk, u) => {
    const ur = blk.unitRow;
    b.input(`unit[${u}].name`, 1, ur, 'text');
    b.output(`unit[${u}].total`, 2, ur, sumTotal(ur), 'amount-calc-bold');
    MONEY.slice(1).forEach((m, i) =>
      b.output(
        `unit[${u}].${m.key}`,
        3 + i,
        ur,
        sumOrBlank(rangeA1(3 + i, blk.first, 3 + i, blk.last)),
        'amount-calc-bold',
      ),
    );
    b.put(6, ur, null, 'blank', { right: last });
    b.height(ur, 22);
    for (let p = 0; p < projectCount; p++) {
      const top = blk.first + p * rowCount;
      const end = top + rowCount - 1;
      const span = { bottom: end };
      const f = `unit[${u}].project[${p}]`;
      b.input(`${f}.name`, 1, top, 'text', span);
      const total = b.output(`${f}.total`, 2, top, rowTotal(top), 'amount-calc', span);
      MONEY.slice(1).forEach((m, i) =>
        inputAmounts.push(b.input(`${f}.${m.key}`, 3 + i, top, 'amount', span)),
      );
      b.input(`${f}.target`, 6, top, 'text', span);
      highlightTotal(
        b,
        total,
        total,
        sources(top),
        '总计不等于财政拨款、财政专户拨款与其他资金之和',
      );
      for (let k = 0; k < rowCount; k++) {
        const rr = top + k;
        const g = `${f}.indicator[${k}]`;
        b.input(`${g}.level1`, 7, rr, 'text-center');
        b.input(`${g}.level2`, 8, rr, 'text-center');
        b.input(`${g}.name`, 9, rr, 'text');
        b.input(`${g}.annual`, 10, rr, 'text-center');
        if (multiYear) b.input(`${g}.period`, 11, rr, 'text-center');
        b.height(rr, 22);
      }
    }
  });
  amountValidation(b, inputAmounts, unit);
  levelValidations(
    b,
    [rangeA1(7, totalRow + 1, 7, bottom)],
    [rangeA1(8, totalRow + 1, 8, bottom)],
    cost,
  );
  highlightBookTitleMarks(b, rangeA1(10, totalRow + 1, last, bottom));
  // 合计 and unit rows: colour a source that does not match the rows under it
  MONEY.slice(1).forEach((_, i) => {
    const col = 3 + i;
    highlightTotal(
      b,
      a1(col, totalRow),
      a1(col, totalRow),
      projectBlocks.map((blk) => a1(col, blk.unitRow)),
      '合计不等于各单位之和',
    );
  });

  return {
    kind: 'list',
    name: '项目支出绩效目标汇总表',
    sheet: b.build({
      paper: 'A4',
      orientation: 'landscape',
      fitToPageWidth: true,
      titleRows: `${h}:${h + 1}`,
      area: rangeA1(1, 1, last, bottom),
      gridlines: false,
      horizontalCentered: true,
      margins: A4_MARGINS,
    }),
  };
}
