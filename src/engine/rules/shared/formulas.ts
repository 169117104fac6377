import { toA1, type CellRef } from '../../grid/address';
import type { AmountField, Form } from '../../model/forms';

/** The formula of a cell of the form (without `=`), or undefined when the cell holds a value. */
export function formulaAt(form: Form, cell: CellRef | null): string | undefined {
  return cell ? form.formulas?.get(toA1(cell)) : undefined;
}

/** More part cells than this are named by the first and the last. */
const MAX_CELLS_NAMED = 8;

/** The cells of the parts of a sum, for a message: `C6、C7`, or `C7 至 C30 等 16 个单元格`. */
export function cellList(fields: ReadonlyArray<AmountField | undefined | null>): string {
  const cells = fields.flatMap((f) => (f?.cell ? [toA1(f.cell)] : []));
  if (cells.length <= MAX_CELLS_NAMED) return cells.join('、');
  return `${cells[0]} 至 ${cells[cells.length - 1]} 等 ${cells.length} 个单元格`;
}

/**
 * What to check when a total that does not add up is a formula (its cached result): which cells the
 * total should add up, and the formula that computed it. The pane shows the finding's suggestion as
 * not applicable there (`Suggestion.replacesFormula`): overwriting the formula would hide the cause.
 */
export function formulaAdvice(
  label: string,
  formula: string,
  parts: ReadonlyArray<AmountField | undefined | null>,
): string {
  const cells = cellList(parts);
  const which = cells === '' ? '' : `（${cells}）`;
  return `${label}是公式“=${formula}”的计算结果，不宜直接改为数值；请核对该公式引用的单元格和各项金额${which}是否正确。`;
}
