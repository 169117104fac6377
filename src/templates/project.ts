/** 项目支出绩效目标表 (docs/domain.md §1.1): one project, header block and indicator table. */
import { A4_MARGINS, a1, plusOrBlank, rangeA1, SheetBuilder } from './builder';
import {
  amountValidation,
  basisValidation,
  highlightBookTitleMarks,
  highlightSpendingPlan,
  highlightTotal,
  levelValidations,
  spendingPlanValidation,
} from './checks';
import { skeletonRows, type CostPlacement, type RowsPerLevel2 } from './framework';
import type { TemplateSpec } from './spec';

export type MoneyUnitOption = '万元' | '元';

export interface ProjectTemplateOptions {
  /** budget year shown in the title; absent: no year */
  readonly year?: number;
  readonly unit?: MoneyUnitOption;
  readonly cost?: CostPlacement;
  /** two value columns (年度指标值 and 实施周期指标值) and two target rows (实施期目标, 年度目标) */
  readonly multiYear?: boolean;
  /** indicator rows per 二级 (default 2) */
  readonly rows?: RowsPerLevel2;
}

/** The quarter ends of 资金支出计划（%）and their field names. */
export const SPENDING_PLAN = [
  { label: '3月底', field: 'spendingPlan.mar' },
  { label: '6月底', field: 'spendingPlan.jun' },
  { label: '9月底', field: 'spendingPlan.sep' },
  { label: '12月底', field: 'spendingPlan.dec' },
] as const;

export function projectTemplate(options: ProjectTemplateOptions = {}): TemplateSpec {
  const unit = options.unit ?? '万元';
  const cost = options.cost ?? 'output';
  const multiYear = options.multiYear ?? false;
  const rows = skeletonRows(cost, options.rows ?? 2, 2);
  if (rows.length === 0) throw new Error('indicator table has no rows');

  // A 一级 | B 二级 | C 三级 | D 描述 | E 年度指标值 | [F 实施周期指标值] | last 指标值确定依据
  const valueHeaders = multiYear ? ['年度指标值', '实施周期指标值'] : ['年度指标值'];
  const last = 5 + valueHeaders.length;
  const widths = multiYear ? [10, 17, 20, 22, 13, 13, 12] : [10, 17, 22, 26, 15, 12];
  const b = new SheetBuilder('项目支出绩效目标表', widths);

  // title and unit
  const title = `${options.year ? `${options.year}年` : ''}项目支出绩效目标表`;
  b.put(1, 1, title, 'title', { right: last });
  b.height(1, 32);
  b.put(1, 2, `单位：${unit}`, 'unit', { right: last });
  b.height(2, 20);

  // header block: label in A:B, value from C
  let r = 3;
  b.put(1, r, '项目编码', 'label', { right: 2 });
  b.input('project.code', 3, r, 'text', { right: last });
  r++;
  b.put(1, r, '项目名称', 'label', { right: 2 });
  b.input('project.name', 3, r, 'text', { right: last });
  b.height(r, 24);
  r++;
  b.put(1, r, '主管部门', 'label', { right: 2 });
  b.input('project.department', 3, r, 'text', { right: last });
  r++;
  b.put(1, r, '实施单位', 'label', { right: 2 });
  b.input('project.implementer', 3, r, 'text', { right: last });
  r++;

  b.put(1, r, '预算规模', 'label', { right: 2, bottom: r + 2 });
  b.put(3, r, '预算数', 'label');
  const fiscal = a1(4, r + 1);
  const other = a1(4, r + 2);
  const total = b.output('budget.total', 4, r, plusOrBlank([fiscal, other]), 'amount-calc', {
    right: last,
  });
  b.put(3, r + 1, '其中：财政资金', 'label');
  b.input('budget.fiscal', 4, r + 1, 'amount', { right: last });
  b.put(3, r + 2, '其他资金', 'label');
  b.input('budget.other', 4, r + 2, 'amount', { right: last });
  amountValidation(b, [fiscal, other], unit);
  highlightTotal(b, total, total, [fiscal, other], '预算数不等于财政资金与其他资金之和');
  r += 3;

  b.put(1, r, '资金用途', 'label', { right: 2 });
  b.input('purpose', 3, r, 'text', { right: last });
  b.height(r, 36);
  r++;

  // 资金支出计划（%）: quarter labels over their inputs; the last quarter takes the spare columns
  b.put(1, r, '资金支出计划（%）', 'label', { right: 2, bottom: r + 1 });
  const planCells: string[] = [];
  SPENDING_PLAN.forEach((q, i) => {
    const col = 3 + i;
    const span = i === SPENDING_PLAN.length - 1 ? { right: last } : undefined;
    b.put(col, r, q.label, 'label', span);
    planCells.push(b.input(q.field, col, r + 1, 'number', span));
  });
  spendingPlanValidation(b, planCells);
  highlightSpendingPlan(b, planCells);
  r += 2;

  // 绩效目标
  if (multiYear) {
    b.put(1, r, '绩效目标', 'label', { right: 2, bottom: r + 1 });
    b.put(3, r, '实施期目标', 'label');
    b.input('targets.period', 4, r, 'text', { right: last });
    b.height(r, 60);
    b.put(3, r + 1, '年度目标', 'label');
    b.input('targets.annual', 4, r + 1, 'text', { right: last });
    b.height(r + 1, 60);
    r += 2;
  } else {
    b.put(1, r, '绩效目标', 'label', { right: 2 });
    b.input('targets.annual', 3, r, 'text', { right: last });
    b.height(r, 72);
    r++;
  }

  // indicator table
  const headerRow = r;
  const headers = [
    '一级指标',
    '二级指标',
    '三级指标',
    '绩效指标描述',
    ...valueHeaders,
    '指标值确定依据',
  ];
  headers.forEach((h, i) => b.put(1 + i, r, h, 'header'));
  b.height(r, 30);
  r++;
  const first = r;
  const level1Cells: string[] = [];
  let blockTop = a1(1, r);
  rows.forEach((row, i) => {
    const rr = first + i;
    const p = `indicator[${i}]`;
    if (row.startsBlock) {
      blockTop = b.input(
        `${p}.level1`,
        1,
        rr,
        'text-center',
        { bottom: rr + row.blockSize - 1 },
        row.level1,
      );
      level1Cells.push(blockTop);
    } else {
      b.alias(`${p}.level1`, blockTop);
    }
    b.input(`${p}.level2`, 2, rr, 'text-center', undefined, row.level2);
    b.input(`${p}.name`, 3, rr, 'text');
    b.input(`${p}.description`, 4, rr, 'text');
    b.input(`${p}.annual`, 5, rr, 'text-center');
    if (multiYear) b.input(`${p}.period`, 6, rr, 'text-center');
    b.input(`${p}.basis`, last, rr, 'text-center');
    b.height(rr, 24);
  });
  const bottom = first + rows.length - 1;
  levelValidations(b, level1Cells, [rangeA1(2, first, 2, bottom)], cost);
  basisValidation(b, [rangeA1(last, first, last, bottom)]);
  highlightBookTitleMarks(b, rangeA1(5, first, 4 + valueHeaders.length, bottom));

  return {
    kind: 'project',
    name: '项目支出绩效目标表',
    sheet: b.build({
      paper: 'A4',
      orientation: 'portrait',
      fitToPageWidth: true,
      titleRows: `${headerRow}:${headerRow}`,
      area: rangeA1(1, 1, last, bottom),
      gridlines: false,
      horizontalCentered: true,
      margins: A4_MARGINS,
    }),
  };
}
