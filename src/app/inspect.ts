/**
 * 识别结果: how the engine read the form the selection is in (kind, range, title, fields with
 * their cells, the indicator header with each column's role, indicator rows, rows read past and
 * why), from the engine's inspect API, the data `jixiao inspect` prints. The sheet is read once per
 * request; the pane asks only while its section is open.
 */
import { inspectSheet, rangeToA1, type InspectedForm } from '../engine';
import type { CellLocation, WorkbookHost } from '../host/types';
import type { SheetResult } from './check/state';
import { errorMessage, unwrap } from './errors';
import { activeFormAt } from './selection';

export type InspectResult =
  /** the selection is in no form (or nothing is selected) */
  | { readonly status: 'none' }
  | { readonly status: 'read'; readonly form: InspectedForm }
  | { readonly status: 'failed'; readonly message: string };

export async function inspectActiveForm(
  host: WorkbookHost,
  sheets: ReadonlyArray<SheetResult>,
  selection: CellLocation | null,
): Promise<InspectResult> {
  const active = activeFormAt(sheets, selection);
  if (!active) return { status: 'none' };
  try {
    const data = unwrap(await host.readSheet(active.sheet));
    const forms = inspectSheet(data).forms;
    const range = rangeToA1(active.form.range);
    // the same form: by its range, else by its place on the sheet (it moved since the check)
    const form =
      forms.find((f) => f.range === range) ?? forms.find((f) => f.index === active.form.index);
    return form ? { status: 'read', form } : { status: 'none' };
  } catch (e) {
    return { status: 'failed', message: errorMessage(e, '读取识别结果') };
  }
}
