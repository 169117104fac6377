import type { Grid } from '../../grid/grid';
import type { DepartmentForm } from '../../model/forms';
import type { FormReader, RowWindow } from '../reader';
import { bandOf, findStarts } from './locate';
import { readDepartmentForm } from './read';

/**
 * Reads 部门整体支出绩效目标表 (docs/domain.md §1.3): every form on the sheet, found by its title or, without
 * a title, by its 部门名称 label followed by 部门预算金额 and 预算整体情况; stacked or side by side,
 * starting in any column.
 */
export function readDepartmentForms(grid: Grid, window?: RowWindow): DepartmentForm[] {
  const starts = findStarts(grid, window);
  return starts.map((start) =>
    readDepartmentForm(grid, start, bandOf(grid, start, starts, window)),
  );
}

export const departmentFormReader: FormReader = {
  kind: 'department-form',
  read: (grid, window) => readDepartmentForms(grid, window),
};
