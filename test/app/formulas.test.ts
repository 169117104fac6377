/** Fixes never turn a formula into a constant, and an undo gives a formula back (issue 10). */
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import { createApp } from '../../src/app/app';
import { allFindings } from '../../src/app/check/selectors';
import type { SheetData } from '../../src/engine';
import { unwrap } from '../office/helpers';
import { projectFormSheet } from '../helpers/project-form-sheet';

/** The small project form with its 》20台 typo computed by a formula in E7. */
function formulaForm(): SheetData {
  const s = projectFormSheet('项目表');
  const formulas: Array<Array<string | undefined>> = [];
  formulas[6] = [undefined, undefined, undefined, undefined, '"》"&"20台"'];
  return { ...s, formulas };
}

async function formulaAt(host: MemoryWorkbookHost, row: number, col: number) {
  const r = unwrap(await host.readRows('项目表', row, row));
  return { value: r.cells[0]?.[col] ?? null, formula: r.formulas?.[0]?.[col] };
}

describe('fixes and formulas', () => {
  it('a finding on a formula cell is not applied by one click', async () => {
    const host = MemoryWorkbookHost.fromData([formulaForm()]);
    const app = createApp({ host });
    await app.checkWorkbook();
    const typo = allFindings(app.store.getState().check).find((f) => f.cell === 'E7');
    expect(typo?.suggestions[0]).toMatchObject({ replacesFormula: true });
    await app.applySuggestion(typo!, 0);
    await app.applyRule(typo!.rule);
    expect(await formulaAt(host, 6, 4)).toEqual({ value: '》20台', formula: '"》"&"20台"' });
    expect(app.store.getState().check.undo).toEqual([]);
  });

  it('a cell that became a formula after the check is left alone, the others are fixed', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('项目表')]);
    const app = createApp({ host });
    await app.checkWorkbook();
    const typo = allFindings(app.store.getState().check).find((f) => f.cell === 'E7')!;
    expect(typo.suggestions[0].replacesFormula).toBe(false);
    // someone typed a formula there since
    unwrap(
      await host.setCellValues([
        { sheet: '项目表', cell: 'E7', value: '》20台', formula: '"》"&"20台"' },
      ]),
    );
    await app.applySuggestion(typo, 0);
    expect(app.store.getState().check.error).toMatch(/E7 现在是公式，未修改/);
    expect(await formulaAt(host, 6, 4)).toEqual({ value: '》20台', formula: '"》"&"20台"' });

    const wide = allFindings(app.store.getState().check).find((f) => f.cell === 'E12')!;
    await app.applyRule(wide.rule);
    const s = app.store.getState().check;
    expect(s.error).toBeNull();
    expect((await formulaAt(host, 11, 4)).value).toBe(wide.suggestions[0].value);
  });

  it('an undo restores the formula a fix replaced, not its value', async () => {
    const host = MemoryWorkbookHost.fromData([formulaForm()]);
    const app = createApp({ host });
    await app.checkWorkbook();
    // an entry from a fix written over a formula (as an older version of the pane allowed)
    unwrap(await host.setCellValue('项目表', 'E7', '≥20台'));
    app.store.dispatch({
      type: 'check/applied',
      entry: {
        id: 999,
        label: '项目表!E7 改为“≥20台”',
        edits: [
          {
            sheet: '项目表',
            cell: 'E7',
            before: '》20台',
            beforeFormula: '"》"&"20台"',
            after: '≥20台',
          },
        ],
      },
      notice: '',
    });
    await app.undo();
    expect(app.store.getState().check.error).toBeNull();
    expect(await formulaAt(host, 6, 4)).toEqual({ value: '》20台', formula: '"》"&"20台"' });
  });

  it('texts starting with = + - @ are written as texts by a fix', async () => {
    const host = MemoryWorkbookHost.fromData([projectFormSheet('项目表')]);
    const app = createApp({ host });
    await app.checkWorkbook();
    const typo = allFindings(app.store.getState().check).find((f) => f.cell === 'E7')!;
    const risky = {
      ...typo,
      suggestions: [{ text: '=1+1', value: '=1+1', replacesFormula: false }],
    };
    await app.applySuggestion(risky, 0);
    expect(await formulaAt(host, 6, 4)).toEqual({ value: '=1+1', formula: undefined });
  });
});
