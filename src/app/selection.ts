/**
 * The selection, kept in one place: the cell the user (or the app) selected last. The pane's
 * 当前表单 / 选中单元格 line, the standalone grid and the remark target all read it from here, so
 * they agree whoever moved the selection: a person (the host's selection events) or the app itself
 * (going to a finding, inserting a template, writing export sheets), which updates it as it moves.
 */
import { rangeFromA1, rangeToA1, toA1, type Finding } from '../engine';
import type { CellLocation, WorkbookHost } from '../host/types';
import type { FormSummary, SheetResult } from './check/state';
import { countBySeverity, type SeverityCounts } from './check/selectors';

export interface SelectionState {
  /** null until the host has reported one */
  readonly current: CellLocation | null;
}

export const initialSelectionState: SelectionState = { current: null };

export type SelectionAction = { type: 'selection/changed'; selection: CellLocation };

function same(a: CellLocation | null, b: CellLocation): boolean {
  return (
    a !== null &&
    a.sheet === b.sheet &&
    a.address === b.address &&
    a.row === b.row &&
    a.col === b.col
  );
}

export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case 'selection/changed':
      return same(state.current, action.selection) ? state : { current: action.selection };
    default:
      return state;
  }
}

/** `E12` on a sheet as a selection; null for an address that is not a cell or range. */
export function cellLocation(sheet: string, address: string): CellLocation | null {
  const range = rangeFromA1(address);
  if (!range) return null;
  const single = range.top === range.bottom && range.left === range.right;
  return {
    sheet,
    address: single ? toA1({ row: range.top, col: range.left }) : rangeToA1(range),
    row: range.top,
    col: range.left,
  };
}

/** Selects a cell through the host; resolves with the new selection, or the host's error. */
export async function moveSelection(
  host: WorkbookHost,
  dispatch: (action: SelectionAction) => void,
  sheet: string,
  cell: string,
) {
  const r = await host.selectCell(sheet, cell);
  const selection = cellLocation(sheet, cell);
  if (r.ok && selection) dispatch({ type: 'selection/changed', selection });
  return r;
}

/** The form the selection is in, with its counts; null outside every form. */
export interface ActiveForm {
  readonly sheet: string;
  readonly form: FormSummary;
  readonly counts: SeverityCounts;
}

export function activeFormAt(
  sheets: ReadonlyArray<SheetResult>,
  selection: CellLocation | null,
): ActiveForm | null {
  if (!selection) return null;
  const s = sheets.find((x) => x.sheet === selection.sheet);
  if (!s) return null;
  const { row, col } = selection;
  const inRows = s.forms.filter((f) => f.range.top <= row && row <= f.range.bottom);
  // forms side by side share rows: the one whose columns hold the cell, else the first
  const form = inRows.find((f) => f.range.left <= col && col <= f.range.right) ?? inRows[0];
  if (!form) return null;
  return {
    sheet: s.sheet,
    form,
    counts: countBySeverity(s.findings.filter((f) => f.form === form.index)),
  };
}

/** The findings on the selected cell or area, errors first. */
export function findingsInSelection(
  sheets: ReadonlyArray<SheetResult>,
  selection: CellLocation | null,
): Finding[] {
  if (!selection) return [];
  const s = sheets.find((x) => x.sheet === selection.sheet);
  if (!s) return [];
  const area = rangeFromA1(selection.address) ?? {
    top: selection.row,
    left: selection.col,
    bottom: selection.row,
    right: selection.col,
  };
  const order = { error: 0, warning: 1, info: 2 };
  return s.findings
    .filter(
      (f) => f.row >= area.top && f.row <= area.bottom && f.col >= area.left && f.col <= area.right,
    )
    .sort((a, b) => order[a.severity] - order[b.severity]);
}
