/** The live checker on the in-memory workbook: what a clerk sees while typing. */
import { projectFormsSheet } from '../../bench/generate';
import type { CellValue } from '../../src/engine';
import { MemoryWorkbookHost } from '../../src/adapters/memory';
import type { CellStyle } from '../../src/adapters/memory';
import {
  FORM,
  fullCheck,
  live,
  liveFindings,
  memoryBook,
  memoryWorkbook,
  settle,
  SHEET,
  unwrap,
} from './helpers';

const E = (row: number) => `E${row + 1}`;

describe('typing into a value cell', () => {
  it('《15万元 is found and highlighted at that cell; the fix takes both away', async () => {
    const { host, formTops } = memoryBook(3);
    const { checker, clock } = live(host);
    await checker.start();
    const row = formTops[1] + FORM.firstIndicator; // ≥20个: no finding there
    expect(checker.findingsAt(SHEET, row, 4)).toEqual([]);
    expect(host.highlightAt(SHEET, E(row))).toBeNull();

    host.userEdit(SHEET, E(row), '《15万元');
    await settle(checker, clock);
    const found = checker.findingsAt(SHEET, row, 4);
    expect(found.map((f) => f.rule)).toContain('value.operator-typo');
    expect(found[0]).toMatchObject({ sheet: SHEET, cell: E(row), form: 1, severity: 'error' });
    expect(found[0].suggestions.map((s) => s.text)).toContain('≤15万元');
    expect(host.highlightAt(SHEET, E(row))).toBe('error');
    expect(checker.getState().lastUpdate).toMatchObject({ sheets: [SHEET], forms: 1 });

    host.userEdit(SHEET, E(row), '≤15万元');
    await settle(checker, clock);
    expect(checker.findingsAt(SHEET, row, 4)).toEqual([]);
    expect(host.highlightAt(SHEET, E(row))).toBeNull();
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
  });

  it('applying a suggestion (the add-in’s own write) re-checks the cell', async () => {
    const { host, formTops } = memoryBook(2);
    const { checker } = live(host);
    await checker.start();
    const row = formTops[0] + FORM.firstIndicator + 3; // 》=30次
    const typo = checker.findingsAt(SHEET, row, 4).find((f) => f.rule === 'value.operator-typo');
    expect(typo).toBeDefined();
    expect(host.highlightAt(SHEET, E(row))).toBe('error');
    unwrap(await checker.applySuggestion(typo!));
    expect(unwrap(await host.readRows(SHEET, row, row)).cells[0][4]).toBe(
      typo!.suggestions[0].value,
    );
    expect(checker.findingsAt(SHEET, row, 4).map((f) => f.rule)).not.toContain(
      'value.operator-typo',
    );
    expect(host.highlightAt(SHEET, E(row))).toBe(
      checker.findingsAt(SHEET, row, 4)[0]?.severity ?? null,
    );
  });
});

describe('pastes, inserted and deleted rows', () => {
  it('a block pasted over the end of one form and the start of the next re-checks both', async () => {
    const { host, formTops } = memoryBook(4);
    const { checker, clock } = live(host);
    await checker.start();
    const top = formTops[1] + 20;
    const bottom = formTops[2] + FORM.firstIndicator + 5;
    const current = unwrap(await host.readRows(SHEET, top, bottom)).cells;
    const indicatorRow = (r: number) => {
      const off = (r - formTops[0]) % FORM.height;
      return off >= FORM.firstIndicator && off < FORM.firstIndicator + 20;
    };
    const block: CellValue[][] = current.map((cells, i) => [
      indicatorRow(top + i) ? `《${i}万元` : (cells[4] ?? null),
    ]);
    host.userPaste(SHEET, E(top), block);
    await settle(checker, clock);
    expect(checker.getState().lastUpdate?.forms).toBe(2);
    expect(checker.findingsAt(SHEET, top, 4).map((f) => f.rule)).toContain('value.operator-typo');
    expect(checker.findingsAt(SHEET, bottom, 4).map((f) => f.rule)).toContain(
      'value.operator-typo',
    );
    expect(host.highlightAt(SHEET, E(bottom))).toBe('error');
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
  });

  it('rows inserted and deleted inside a form keep findings, highlights and forms in step', async () => {
    const { host, formTops } = memoryBook(5);
    const { checker, clock } = live(host);
    await checker.start();
    const typo = formTops[3] + FORM.firstIndicator + 3;
    expect(host.highlightAt(SHEET, E(typo))).toBe('error');

    unwrap(host.userInsertRows(SHEET, formTops[2] + FORM.firstIndicator + 2, 2));
    await settle(checker, clock);
    expect(checker.findingsAt(SHEET, typo + 2, 4).map((f) => f.rule)).toContain(
      'value.operator-typo',
    );
    expect(host.highlightAt(SHEET, E(typo + 2))).toBe('error');
    expect(checker.getState().sheets[0].forms[3].range.top).toBe(formTops[3] + 2);
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));

    // type an indicator into the new rows: it belongs to the form
    host.userPaste(SHEET, `B${formTops[2] + FORM.firstIndicator + 3}`, [
      ['数量指标', '新增指标', '新增指标', '》5个'],
    ]);
    await settle(checker, clock);
    expect(
      checker.findingsAt(SHEET, formTops[2] + FORM.firstIndicator + 2, 4).map((f) => f.form),
    ).toContain(2);
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));

    unwrap(host.userDeleteRows(SHEET, formTops[2] + FORM.firstIndicator + 2, 4));
    await settle(checker, clock);
    expect(checker.findingsAt(SHEET, typo - 2, 4).map((f) => f.rule)).toContain(
      'value.operator-typo',
    );
    expect(host.highlightAt(SHEET, E(typo - 2))).toBe('error');
    expect(checker.getState().formCount).toBe(5);
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));

    // a whole form deleted: its findings go, the forms below move up
    unwrap(host.userDeleteRows(SHEET, formTops[1] - 2, FORM.height));
    await settle(checker, clock);
    expect(checker.getState().formCount).toBe(4);
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
  });

  it('a new form typed below the last one is detected', async () => {
    const { host, formTops } = memoryBook(2);
    const { checker, clock } = live(host);
    await checker.start();
    expect(checker.getState().formCount).toBe(2);
    const fresh = projectFormsSheet('x', 1, 12, 7).sheet;
    const at = formTops[1] + FORM.height + 2;
    // typed row by row, with pauses that let the checker run between rows
    for (const [i, row] of fresh.cells.entries()) {
      if (row.length === 0) continue;
      host.userPaste(SHEET, `A${at + i + 1}`, [row]);
      if (i % 3 === 0) await settle(checker, clock);
    }
    await settle(checker, clock);
    expect(checker.getState().formCount).toBe(3);
    const third = checker.getState().sheets[0].forms[2];
    expect(third.range.top).toBe(at);
    expect(third.title).toContain('第8号');
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
    // the typo of the new form is highlighted
    expect(host.highlightAt(SHEET, E(at + FORM.firstIndicator + 3))).toBe('error');
  });

  it('a form typed above the first one, and on a sheet added later, is detected', async () => {
    const g = projectFormsSheet(SHEET, 1, 12);
    const host = MemoryWorkbookHost.fromData([
      {
        name: SHEET,
        cells: [...Array.from({ length: 40 }, () => []), ...g.sheet.cells],
        merges: g.sheet.merges.map((m) => ({ ...m, top: m.top + 40, bottom: m.bottom + 40 })),
      },
    ]);
    const { checker, clock } = live(host);
    await checker.start();
    expect(checker.getState().formCount).toBe(1);
    const fresh = projectFormsSheet('x', 1, 12, 3).sheet;
    host.userPaste(SHEET, 'A3', fresh.cells);
    await settle(checker, clock);
    expect(checker.getState().formCount).toBe(2);
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));

    const added = host.userAddSheet('新表');
    await settle(checker, clock);
    expect(checker.getState().sheets.map((s) => s.sheet)).toEqual([SHEET, added]);
    host.userPaste(added, 'B2', fresh.cells);
    await settle(checker, clock);
    expect(checker.getState().sheets[1].forms).toHaveLength(1);
    expect(liveFindings(checker, added)).toEqual(await fullCheck(host, added));
  });
});

describe('highlights never damage the workbook', () => {
  it('user formats and conditional formats survive highlight → fix → clear exactly', async () => {
    const { host, formTops } = memoryBook(2);
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    const styles: Array<[string, CellStyle]> = [
      [
        'A1',
        {
          font: { bold: true, name: '宋体', size: 14 },
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } },
        },
      ],
      ['C4', { numFmt: '#,##0.00', border: { top: thin, bottom: thin, left: thin, right: thin } }],
      [
        E(formTops[0] + FORM.firstIndicator + 3),
        {
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } },
          font: { italic: true, color: { argb: 'FFFF0000' } },
        },
      ],
      [
        E(formTops[1] + FORM.firstIndicator),
        {
          numFmt: '@',
          border: { bottom: { style: 'double', color: { argb: 'FF0000FF' } } },
          alignment: { horizontal: 'right' },
        },
      ],
      [E(formTops[1] + FORM.firstIndicator + 1), { numFmt: '0.0%' }],
    ];
    for (const [cell, style] of styles) unwrap(host.userFormat(SHEET, cell, style));
    unwrap(
      host.userAddConditionalFormat(SHEET, `E1:E${formTops[1] + 30}`, '=LEN(E1)>20', 'FFFF00FF'),
    );
    const before = host.formatSnapshot(SHEET);

    const { checker, clock } = live(host);
    await checker.start();
    const typed = formTops[1] + FORM.firstIndicator;
    expect(host.highlightAt(SHEET, E(formTops[0] + FORM.firstIndicator + 3))).toBe('error');
    host.userEdit(SHEET, E(typed), '《15万元');
    await settle(checker, clock);
    expect(host.highlightAt(SHEET, E(typed))).toBe('error');
    // highlights live beside the formats, never in them
    expect(host.formatSnapshot(SHEET)).toEqual(before);
    host.userEdit(SHEET, E(typed), '≥20个');
    await settle(checker, clock);
    expect(host.highlightAt(SHEET, E(typed))).toBeNull();

    unwrap(await checker.clearHighlights());
    expect(checker.getState().highlighting).toBe(false);
    expect(host.formatSnapshot(SHEET)).toEqual(before);

    // live checking goes on without highlights until they are shown again
    host.userEdit(SHEET, E(typed), '《15万元');
    await settle(checker, clock);
    expect(checker.findingsAt(SHEET, typed, 4)).not.toEqual([]);
    expect(host.highlightAt(SHEET, E(typed))).toBeNull();
    unwrap(await checker.showHighlights());
    expect(host.highlightAt(SHEET, E(typed))).toBe('error');
  });
});

describe('debouncing, queueing and the full pass', () => {
  it('a burst of typing is coalesced into one update after the quiet time', async () => {
    const { host, formTops } = memoryBook(10);
    const { checker, clock } = live(host, { debounceMs: 150 });
    await checker.start();
    const reads = jest.spyOn(host, 'readRows');
    const applies = jest.spyOn(host, 'applyHighlights');
    const bands = jest.spyOn(host, 'updateHighlightRows');
    const row = formTops[2] + FORM.firstIndicator;
    for (const [i, text] of ['《', '《1', '《15', '《15万', '《15万元'].entries()) {
      host.userEdit(SHEET, E(row), text);
      clock.advance(i === 4 ? 0 : 100);
    }
    host.userEdit(SHEET, E(formTops[7] + FORM.firstIndicator), '》5个');
    expect(checker.getState().busy).toBe(true);
    clock.advance(149);
    await Promise.resolve();
    expect(reads).not.toHaveBeenCalled();
    clock.advance(1);
    await checker.idle();
    expect(reads).toHaveBeenCalledTimes(2); // two forms far apart: one read each
    // one highlight write for the rows re-checked, none for the whole sheet
    expect(bands).toHaveBeenCalledTimes(1);
    expect(bands.mock.calls[0][0]).toMatchObject({ top: formTops[2], bottom: formTops[8] - 1 });
    expect(applies).not.toHaveBeenCalled();
    expect(checker.getState().lastUpdate).toMatchObject({ forms: 2 });
    expect(checker.getState().busy).toBe(false);
    expect(checker.findingsAt(SHEET, row, 4).map((f) => f.rule)).toContain('value.operator-typo');
  });

  it('never runs two updates at once; changes during an update go into the next one', async () => {
    const { host, formTops } = memoryBook(4);
    const { checker, clock } = live(host, { debounceMs: 10 });
    await checker.start();
    const read = host.readRows.bind(host);
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    jest.spyOn(host, 'readRows').mockImplementation(async (...args) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await gate;
      inFlight--;
      return read(...args);
    });
    host.userEdit(SHEET, E(formTops[0] + FORM.firstIndicator), '《1万元');
    clock.advance(10);
    await Promise.resolve();
    host.userEdit(SHEET, E(formTops[3] + FORM.firstIndicator), '《2万元');
    clock.advance(10);
    host.userEdit(SHEET, E(formTops[3] + FORM.firstIndicator + 1), '《3万元');
    clock.advance(10);
    release();
    await checker.idle();
    expect(most).toBe(1);
    for (const r of [0, 3]) {
      expect(
        checker.findingsAt(SHEET, formTops[r] + FORM.firstIndicator, 4).map((f) => f.rule),
      ).toContain('value.operator-typo');
    }
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
  });

  it('the full pass of a 50-sheet workbook reports progress and stops between sheets', async () => {
    const host = memoryWorkbook(100, 50);
    const { checker, clock } = live(host);
    const controller = new AbortController();
    const seen: Array<[number, number]> = [];
    const result = await checker.start({
      signal: controller.signal,
      onProgress: (i, total) => {
        seen.push([i, total]);
        if (i === 3) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.sheets).toBe(3);
    expect(seen.every(([, total]) => total === 50)).toBe(true);
    const state = checker.getState();
    expect(state).toMatchObject({ phase: 'live', cancelled: true, progress: null, formCount: 6 });
    expect(host.highlightAt('项目1', 'E13')).toBe('error');
    expect(host.highlightAt('项目4', 'E13')).toBeNull();

    // a sheet the pass did not reach is checked on its first change
    host.userEdit('项目20', 'A200', '备注');
    await settle(checker, clock);
    expect(checker.getState().sheets.map((s) => s.sheet)).toContain('项目20');
    expect(liveFindings(checker, '项目20')).toEqual(await fullCheck(host, '项目20'));

    // and the whole pass can run again to the end
    const all = await checker.recheckAll();
    expect(all).toMatchObject({ cancelled: false, sheets: 50, forms: 100 });
    expect(checker.getState().sheets).toHaveLength(50);
  });
});

describe('selection', () => {
  it('the active form’s summary and the selected cell’s messages follow the selection', async () => {
    const { host, formTops } = memoryBook(3);
    unwrap(host.userSelect(SHEET, 'A1'));
    const { checker, clock } = live(host);
    await checker.start();
    expect(checker.getState().activeForm).toMatchObject({ sheet: SHEET, index: 0 });

    const typo = formTops[1] + FORM.firstIndicator + 3;
    unwrap(host.userSelect(SHEET, E(typo)));
    let s = checker.getState();
    expect(s.activeForm).toMatchObject({ index: 1, counts: s.sheets[0].forms[1].counts });
    expect(s.selectedFindings.map((f) => f.rule)).toContain('value.operator-typo');
    expect(s.selectedFindings[0].message).toMatch(/》/);

    // an edit in the active form updates its summary
    const errors = s.activeForm!.counts.error;
    host.userEdit(SHEET, E(formTops[1] + FORM.firstIndicator), '《9万元');
    await settle(checker, clock);
    s = checker.getState();
    expect(s.activeForm!.counts.error).toBe(errors + 1);
    expect(s.counts.error).toBe(s.sheets[0].counts.error);

    unwrap(host.userSelect(SHEET, E(formTops[2] + 2)));
    expect(checker.getState().activeForm?.index).toBe(2);
    expect(checker.getState().selectedFindings).toEqual([]);
    unwrap(host.userSelect(SHEET, 'Z500'));
    expect(checker.getState().activeForm).toBeNull();
  });
});

describe('an edit costs the rows it touches', () => {
  /** Every highlighted cell of a sheet, as `E12 error`. */
  function highlighted(host: MemoryWorkbookHost, rows: number): string[] {
    const out: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < 6; c++) {
        const cell = `${String.fromCharCode(65 + c)}${r + 1}`;
        const h = host.highlightAt(SHEET, cell);
        if (h) out.push(`${cell} ${h}`);
      }
    return out;
  }

  it('after edits, row inserts and deletes, the sheet’s findings and highlights are a fresh check’s', async () => {
    const { host, formTops } = memoryBook(12);
    const { checker, clock } = live(host);
    await checker.start();
    const applies = jest.spyOn(host, 'applyHighlights');
    host.userEdit(SHEET, E(formTops[3] + FORM.firstIndicator), '《15万元');
    await settle(checker, clock);
    host.userEdit(SHEET, `A${formTops[5] + 1}`, null); // a title cleared: the form joins the one above
    await settle(checker, clock);
    host.userInsertRows(SHEET, formTops[8] + FORM.firstIndicator, 2);
    host.userPaste(SHEET, `B${formTops[8] + FORM.firstIndicator + 1}`, [
      ['数量指标', '新增指标', '新增指标', '》3个'],
    ]);
    await settle(checker, clock);
    host.userDeleteRows(SHEET, formTops[10], 3);
    await settle(checker, clock);
    expect(applies).not.toHaveBeenCalled();

    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
    const fresh = MemoryWorkbookHost.fromData([unwrap(await host.readSheet(SHEET))]);
    const again = live(fresh);
    await again.checker.start();
    const rows = unwrap(await host.readSheet(SHEET)).cells.length;
    expect(highlighted(host, rows)).toEqual(highlighted(fresh, rows));
  });

  it('a host without row updates gets the whole sheet’s highlights, as before', async () => {
    const { host, formTops } = memoryBook(4);
    const bare = new Proxy(host, {
      get: (t, p) => (p === 'updateHighlightRows' ? undefined : (Reflect.get(t, p, t) as unknown)),
    }) as MemoryWorkbookHost;
    const { checker, clock } = live(bare);
    await checker.start();
    const applies = jest.spyOn(host, 'applyHighlights');
    const row = formTops[2] + FORM.firstIndicator;
    host.userEdit(SHEET, E(row), '《15万元');
    await settle(checker, clock);
    expect(applies).toHaveBeenCalledTimes(1);
    expect(host.highlightAt(SHEET, E(row))).toBe('error');
  });
});

describe('a re-checked form keeps its formulas and hidden rows', () => {
  it('a suggestion on a formula cell stays marked after an edit nearby; a hidden row keeps its note', async () => {
    const g = projectFormsSheet(SHEET, 2, 20);
    const typoRow = g.formTops[1] + FORM.firstIndicator + 3; // 》=30次
    const hiddenRow = g.formTops[1] + FORM.firstIndicator + 10; // 《20万元
    const formulas: Array<Array<string | undefined> | undefined> = [];
    formulas[typoRow] = [];
    formulas[typoRow][4] = '"》="&30&"次"';
    const host = MemoryWorkbookHost.fromData([{ ...g.sheet, formulas, hiddenRows: [hiddenRow] }]);
    const { checker, clock } = live(host);
    await checker.start();
    const marked = () => {
      const typo = checker
        .findingsAt(SHEET, typoRow, 4)
        .find((f) => f.rule === 'value.operator-typo');
      return typo?.suggestions.map((s) => s.replacesFormula);
    };
    const hiddenNote = () =>
      checker.findingsAt(SHEET, hiddenRow, 4).map((f) => f.message.endsWith('（该行已隐藏）'));
    expect(marked()).toEqual([true]);
    expect(hiddenNote()).toEqual([true]);

    host.userEdit(SHEET, E(g.formTops[1] + FORM.firstIndicator), '《15万元');
    await settle(checker, clock);
    expect(checker.getState().lastUpdate).toMatchObject({ forms: 1 });
    expect(marked()).toEqual([true]);
    expect(hiddenNote()).toEqual([true]);
    expect(liveFindings(checker, SHEET)).toEqual(await fullCheck(host, SHEET));
  });
});
