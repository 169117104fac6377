/**
 * The 审核意见 sheet: every review remark and every finding, one row each, written into a new
 * sheet with a unique name (an existing sheet is never touched).
 */
import { ruleLabel, SEVERITY_LABEL, type CellValue, type Finding } from '../engine';
import type { HostResult, WorkbookHost } from '../host/types';
import { categoryLabel, REVIEW_COLUMNS, REVIEW_SHEET_NAME, ROW_KIND } from './labels';
import type { Remark } from './remarks';

export interface ReviewExport {
  readonly remarks: ReadonlyArray<Remark>;
  readonly findings: ReadonlyArray<Finding>;
  /** sheets in tab order; others follow in order of appearance */
  readonly sheetOrder?: ReadonlyArray<string>;
  /** the 建议 cell of a finding (the pane writes the change only); default: the suggestion texts */
  readonly suggestion?: (finding: Finding) => string | null;
}

type Row = {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly kind: 0 | 1;
  readonly cells: CellValue[];
};

/** The rows of the 审核意见 sheet, numbered, by sheet, row, column (a cell’s remarks before its findings). */
export function reviewRows(data: ReviewExport): CellValue[][] {
  const order = [...(data.sheetOrder ?? [])];
  const rank = (sheet: string): number => {
    let i = order.indexOf(sheet);
    if (i < 0) i = order.push(sheet) - 1;
    return i;
  };
  const rows: Row[] = [
    ...data.remarks.map((r): Row => ({
      sheet: r.sheet,
      row: r.row,
      col: r.col,
      kind: 0,
      cells: [
        r.sheet,
        r.cell,
        ROW_KIND.remark,
        categoryLabel(r.category),
        null,
        r.text || null,
        null,
      ],
    })),
    ...data.findings.map((f): Row => ({
      sheet: f.sheet,
      row: f.row,
      col: f.col,
      kind: 1,
      cells: [
        f.sheet,
        f.cell,
        ROW_KIND.finding,
        ruleLabel(f.rule),
        SEVERITY_LABEL[f.severity],
        f.message,
        data.suggestion
          ? data.suggestion(f)
          : f.suggestions.length > 0
            ? f.suggestions.map((s) => s.text).join('；')
            : null,
      ],
    })),
  ];
  for (const r of rows) rank(r.sheet);
  rows.sort(
    (a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row || a.col - b.col || a.kind - b.kind,
  );
  return rows.map((r, i) => [i + 1, ...r.cells]);
}

/** Writes the 审核意见 sheet (named `审核意见`, `审核意见 (2)`, …); returns its name. */
export async function exportReview(
  host: WorkbookHost,
  data: ReviewExport,
  preferredName: string = REVIEW_SHEET_NAME,
): Promise<HostResult<{ sheet: string; rows: number }>> {
  const rows = reviewRows(data);
  const r = await host.writeTable(preferredName, REVIEW_COLUMNS, rows);
  return r.ok ? { ok: true, value: { sheet: r.value, rows: rows.length } } : r;
}
