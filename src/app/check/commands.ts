/**
 * 检查 commands: check the workbook or the active sheet, go to a finding, apply suggestions (one, or
 * all of one rule), and undo what the pane applied.
 */
import type { CellValue, Finding, Severity } from '../../engine';
import { fromA1, ruleTitle } from '../../engine';
import type { FindingsBySheet } from '../../host/types';
import type { AppContext } from '../context';
import { AppError, errorMessage, isAbort, unwrap } from '../errors';
import { checkSheets, visibleSheets } from '../workbook';
import { moveSelection } from '../selection';
import { findingKey } from './selectors';
import { fixLabel } from './fix-label';
import type { AppliedEdit, CheckScope, SheetResult } from './state';
import { sheetResult } from './summary';

let nextUndoId = 1;

/** Highlights for the given sheet results (every listed sheet's highlights are replaced). */
function highlightsFor(results: ReadonlyArray<SheetResult>): FindingsBySheet {
  const m = new Map<string, Array<{ row: number; col: number; severity: Severity }>>();
  for (const r of results)
    m.set(
      r.sheet,
      r.findings.map((f) => ({ row: f.row, col: f.col, severity: f.severity })),
    );
  return m;
}

/**
 * Checks the whole workbook or the active sheet, sheet by sheet, then highlights the findings.
 * Cancelling keeps (and highlights) the sheets already checked.
 */
export async function runCheck(
  ctx: AppContext,
  scope: CheckScope,
  signal?: AbortSignal,
): Promise<void> {
  const { host, store } = ctx;
  if (store.getState().check.status === 'running') return;
  let names: string[] = [];
  const checked: SheetResult[] = [];
  try {
    names =
      scope === 'workbook'
        ? await visibleSheets(host)
        : [unwrap(await host.activeSelection()).sheet];
    store.dispatch({ type: 'check/started', scope, sheets: names });
    await checkSheets(host, names, ctx.options, {
      signal,
      onProgress: (done, total, sheet) =>
        store.dispatch({ type: 'check/progress', progress: { done, total, sheet } }),
      onSheet: (report, data) => {
        const result = sheetResult(report, data, ctx.texts);
        checked.push(result);
        store.dispatch({ type: 'check/sheetChecked', result });
      },
      onSkip: (sheet, message) => store.dispatch({ type: 'check/sheetSkipped', sheet, message }),
    });
    await highlight(ctx, checked);
    store.dispatch({ type: 'check/finished', status: 'done', at: ctx.now() });
  } catch (e) {
    if (isAbort(e)) {
      await highlight(ctx, checked);
      store.dispatch({ type: 'check/finished', status: 'cancelled', at: ctx.now() });
      return;
    }
    if (store.getState().check.status !== 'running')
      store.dispatch({ type: 'check/started', scope, sheets: names });
    store.dispatch({ type: 'check/failed', message: errorMessage(e, '检查') });
  }
}

/** Writes highlights; a failure here is reported but keeps the results. */
async function highlight(ctx: AppContext, results: ReadonlyArray<SheetResult>): Promise<void> {
  if (results.length === 0) return;
  const r = await ctx.host.applyHighlights(highlightsFor(results));
  if (!r.ok) {
    ctx.store.dispatch({
      type: 'check/sheetSkipped',
      sheet: r.error.sheet ?? '',
      message: r.error.message,
    });
    return;
  }
  for (const s of r.value.skipped)
    ctx.store.dispatch({
      type: 'check/sheetSkipped',
      sheet: s.sheet ?? '',
      message: `已检查，但无法标记单元格：${s.message}`,
    });
}

/** Re-reads and re-checks some sheets (after the pane wrote to them), then re-highlights them. */
export async function recheckSheets(ctx: AppContext, names: ReadonlyArray<string>): Promise<void> {
  const live = ctx.live?.();
  if (live) {
    for (const n of names) await live.recheckSheet(n);
    return;
  }
  const results: SheetResult[] = [];
  await checkSheets(ctx.host, names, ctx.options, {
    onSheet: (report, data) => {
      const result = sheetResult(report, data, ctx.texts);
      results.push(result);
      ctx.store.dispatch({ type: 'check/sheetChecked', result });
    },
    onSkip: (sheet, message) => {
      ctx.store.dispatch({ type: 'check/sheetRemoved', sheet });
      ctx.store.dispatch({ type: 'check/sheetSkipped', sheet, message });
    },
  });
  await highlight(ctx, results);
}

/** Activates the finding's sheet and selects its cell. */
export async function goToFinding(ctx: AppContext, finding: Finding): Promise<void> {
  ctx.store.dispatch({ type: 'check/selected', key: findingKey(finding) });
  const r = await moveSelection(ctx.host, ctx.store.dispatch, finding.sheet, finding.cell);
  if (!r.ok) ctx.store.dispatch({ type: 'check/writeFailed', message: r.error.message });
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if ((a === null || a === '') && (b === null || b === '')) return true;
  if (typeof a === 'object' && typeof b === 'object' && a && b)
    return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

interface CellNow {
  readonly value: CellValue;
  /** the formula the cell holds, where the host reads formulas */
  readonly formula?: string;
}

/** Current values and formulas of cells, one read per sheet. */
async function currentCells(
  ctx: AppContext,
  cells: ReadonlyArray<{ sheet: string; cell: string }>,
): Promise<Map<string, CellNow>> {
  const bySheet = new Map<string, Array<{ row: number; col: number; cell: string }>>();
  for (const c of cells) {
    const ref = fromA1(c.cell);
    if (!ref) throw new AppError(`单元格地址“${c.cell}”无效。`);
    const list = bySheet.get(c.sheet) ?? [];
    list.push({ ...ref, cell: c.cell });
    bySheet.set(c.sheet, list);
  }
  const out = new Map<string, CellNow>();
  for (const [sheet, list] of bySheet) {
    const top = Math.min(...list.map((c) => c.row));
    const bottom = Math.max(...list.map((c) => c.row));
    const rows = unwrap(await ctx.host.readRows(sheet, top, bottom));
    for (const c of list) {
      const formula = rows.formulas?.[c.row - top]?.[c.col];
      out.set(`${sheet}!${c.cell}`, {
        value: rows.cells[c.row - top]?.[c.col] ?? null,
        ...(formula ? { formula } : {}),
      });
    }
  }
  return out;
}

/**
 * Writes suggestions the user clicked. A cell that holds a formula when the write happens (typed
 * since the check) is never overwritten: it is left as it is and reported.
 */
async function writeEdits(
  ctx: AppContext,
  edits: ReadonlyArray<{ sheet: string; cell: string; value: CellValue }>,
  label: string,
  notice: string,
): Promise<void> {
  const before = await currentCells(ctx, edits);
  const safe = edits.filter((e) => !before.get(`${e.sheet}!${e.cell}`)?.formula);
  const kept = edits.length - safe.length;
  if (safe.length === 0)
    throw new AppError(
      edits.length === 1
        ? `${edits[0].sheet}!${edits[0].cell} 现在是公式，未修改。请检查公式引用的单元格。`
        : `这些单元格现在都是公式，未修改。请检查公式引用的单元格。`,
    );
  const live = ctx.live?.();
  // the live checker writes and re-checks the edited rows (its state feeds the list)
  unwrap(await (live ?? ctx.host).setCellValues(safe));
  const applied: AppliedEdit[] = safe.map((e) => {
    const b = before.get(`${e.sheet}!${e.cell}`);
    return {
      sheet: e.sheet,
      cell: e.cell,
      before: b?.value ?? null,
      ...(b?.formula ? { beforeFormula: b.formula } : {}),
      after: e.value,
    };
  });
  ctx.store.dispatch({
    type: 'check/applied',
    entry: { id: nextUndoId++, label, edits: applied },
    notice: kept > 0 ? `${notice}另有 ${kept} 处单元格现在是公式，未修改。` : notice,
  });
  if (!live) await recheckSheets(ctx, [...new Set(safe.map((e) => e.sheet))]);
}

/** Applies one suggestion of one finding (only ever on the user's click). */
export async function applySuggestion(ctx: AppContext, finding: Finding, index = 0): Promise<void> {
  const s = finding.suggestions[index];
  // a formula is never replaced by a constant with one click
  if (s === undefined || s.replacesFormula || ctx.store.getState().check.writing) return;
  // the change, not the whole cell (a packed cell holds a paragraph)
  const change = fixLabel(ctx.texts.get(finding), s.text).text;
  const where = `${finding.sheet}!${finding.cell}`;
  ctx.store.dispatch({ type: 'check/writeStarted' });
  try {
    await writeEdits(
      ctx,
      [{ sheet: finding.sheet, cell: finding.cell, value: s.value }],
      `${where}：${change}`,
      `已修改 ${where}：${change}。`,
    );
  } catch (e) {
    ctx.store.dispatch({ type: 'check/writeFailed', message: errorMessage(e, '应用建议') });
  }
}

/**
 * Applies the first suggestion of every finding of one rule. Where several findings of the rule
 * share a cell (items of one packed cell), only the first is applied; the re-check shows the rest.
 */
export async function applyRule(ctx: AppContext, rule: string): Promise<void> {
  const state = ctx.store.getState().check;
  if (state.writing) return;
  const seen = new Set<string>();
  const edits: Array<{ sheet: string; cell: string; value: CellValue }> = [];
  for (const s of state.sheets)
    for (const f of s.findings) {
      const first = f.suggestions[0];
      if (f.rule !== rule || first === undefined || first.replacesFormula) continue;
      const k = `${f.sheet}!${f.cell}`;
      if (seen.has(k)) continue;
      seen.add(k);
      edits.push({ sheet: f.sheet, cell: f.cell, value: first.value });
    }
  if (edits.length === 0) return;
  ctx.store.dispatch({ type: 'check/writeStarted' });
  try {
    await writeEdits(
      ctx,
      edits,
      `“${ruleTitle(rule)}”全部修正（${edits.length} 处）`,
      `已修正“${ruleTitle(rule)}” ${edits.length} 处。`,
    );
  } catch (e) {
    ctx.store.dispatch({ type: 'check/writeFailed', message: errorMessage(e, '批量修正') });
  }
}

/**
 * Undoes the pane's last applied change: restores the old values of cells still holding what the
 * pane wrote; cells edited since are left alone and reported.
 */
export async function undoLast(ctx: AppContext): Promise<void> {
  const state = ctx.store.getState().check;
  const entry = state.undo[state.undo.length - 1];
  if (!entry || state.writing) return;
  ctx.store.dispatch({ type: 'check/writeStarted' });
  try {
    const now = await currentCells(ctx, entry.edits);
    const restore = entry.edits.filter((e) => {
      const cur = now.get(`${e.sheet}!${e.cell}`);
      return cur !== undefined && !cur.formula && sameValue(cur.value, e.after);
    });
    const changed = entry.edits.length - restore.length;
    const live = ctx.live?.();
    // a cell that held a formula gets its formula back, never a constant
    if (restore.length > 0)
      unwrap(
        await (live ?? ctx.host).setCellValues(
          restore.map((e) => ({
            sheet: e.sheet,
            cell: e.cell,
            value: e.before,
            ...(e.beforeFormula ? { formula: e.beforeFormula } : {}),
          })),
        ),
      );
    ctx.store.dispatch({
      type: 'check/undone',
      id: entry.id,
      notice:
        changed > 0
          ? `已撤销 ${restore.length} 处；另有 ${changed} 处在应用后又被修改，未撤销。`
          : `已撤销：${entry.label}。`,
    });
    if (restore.length > 0 && !live)
      await recheckSheets(ctx, [...new Set(restore.map((e) => e.sheet))]);
  } catch (e) {
    ctx.store.dispatch({ type: 'check/writeFailed', message: errorMessage(e, '撤销') });
  }
}
