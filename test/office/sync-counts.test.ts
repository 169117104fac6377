/**
 * Round trips per action on the counting fake: constant in the workbook size (10 vs 500 forms),
 * and at most 2 per edit (re-read + update of the edited rows' highlights) for 10, 100 and 1,000
 * forms on one sheet.
 */
import {
  Grid,
  readSheet as readForms,
  checkForm,
  compareFindings,
  type Finding,
} from '../../src/engine';
import type { SheetChange as HostChange } from '../../src/host/types';
import { projectTemplate } from '../../src/templates/project';
import type { SheetData } from '../../src/engine';
import { fakeBook, findingsOf, flush, normalised, syncsOf, unwrap } from './helpers';

type Counts = {
  read: number;
  apply: number;
  clear: number;
  insert: number;
  exportTable: number;
  saveRemarks: number;
  loadRemarks: number;
};

async function measure(forms: number): Promise<Counts> {
  const { fake, host, sheets } = fakeBook(forms, 5);
  const names = sheets.map((s) => s.sheet.name);
  let read: SheetData[] = [];
  const c: Partial<Counts> = {};
  c.read = await syncsOf(fake, async () => (read = unwrap(await host.readSheets(names))));
  expect(read.map(normalised)).toEqual(sheets.map((s) => normalised(s.sheet)));
  const findings = findingsOf(sheets.map((s) => s.sheet));
  expect([...findings.values()].flat().length).toBeGreaterThan(forms);
  c.apply = await syncsOf(fake, async () => unwrap(await host.applyHighlights(findings)));
  c.clear = await syncsOf(fake, async () => unwrap(await host.clearHighlights(names)));
  c.insert = await syncsOf(fake, async () =>
    unwrap(await host.insertSheetFromSpec(projectTemplate().sheet, '项目支出绩效目标表')),
  );
  const rows = Array.from({ length: forms * 20 }, (_, i) => [
    `项目${i}`,
    '产出指标',
    '数量指标',
    `指标${i}`,
    '≥',
    i,
    '个',
  ]);
  c.exportTable = await syncsOf(fake, async () =>
    unwrap(
      await host.writeTable(
        '规范化指标',
        ['项目', '一级', '二级', '三级', '比较', '数值', '单位'],
        rows,
      ),
    ),
  );
  const remarks = JSON.stringify({ version: 1, remarks: rows.slice(0, forms) });
  c.saveRemarks = await syncsOf(fake, async () => unwrap(await host.saveRemarks(remarks)));
  c.loadRemarks = await syncsOf(fake, async () =>
    expect(unwrap(await host.loadRemarks())).toBe(remarks),
  );
  return c as Counts;
}

describe('sync counts per action are independent of workbook size', () => {
  it('10 vs 500 forms: read, highlight, clear, insert a template, export', async () => {
    const small = await measure(10);
    const big = await measure(500);
    expect(big).toEqual(small);
    expect(small).toEqual({
      read: 2,
      apply: 1,
      clear: 2,
      insert: 2,
      exportTable: 2,
      saveRemarks: 2,
      loadRemarks: 2,
    });
  });

  it('every batch runs with delayForCellEdit', async () => {
    const { fake, host, sheets } = fakeBook(3);
    await host.readSheets(sheets.map((s) => s.sheet.name));
    await host.selectCell(sheets[0].sheet.name, 'B3');
    expect(fake.runOptions.length).toBeGreaterThan(0);
    expect(fake.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
  });
});

/** The live loop: change event → re-read the touched form's rows → re-check → update their highlights. */
async function liveEdit(
  forms: number,
  edit: (fake: ReturnType<typeof fakeBook>['fake'], sheet: string, top: number) => void,
  rowsTouched: (top: number) => { top: number; bottom: number },
) {
  const { fake, host, sheets } = fakeBook(forms, 1);
  const sheet = sheets[0].sheet;
  // Subscribed first, as the live checker does: the host then follows the sheet from the start.
  let data: SheetData = { name: sheet.name, cells: [], merges: [] };
  let allForms: ReturnType<typeof readForms> = [];
  let findings: Finding[] = [];
  const changes: HostChange[] = [];
  let done: Promise<void> = Promise.resolve();
  unwrap(
    await host.onChanged((c: HostChange) => {
      changes.push(c);
      done = (async () => {
        const hc = c;
        const span = hc.rows ?? { top: 0, bottom: 0 };
        // The forms the change touched, from the last full read (their rows are known).
        const touched = allForms
          .map((f, i) => ({ f, i }))
          .filter(({ f }) => f.range.top <= span.bottom && f.range.bottom >= span.top);
        const top = Math.min(...touched.map((t) => t.f.range.top));
        const bottom = Math.max(...touched.map((t) => t.f.range.bottom));
        const rows = unwrap(await host.readRows(hc.sheet, top, bottom));
        const cells = data.cells.map((r, i) => (i >= top && i <= bottom ? rows.cells[i - top] : r));
        const g = new Grid({ name: sheet.name, cells, merges: data.merges });
        const fresh = readForms(g, { top, bottom }).flatMap((f) => checkForm(f, touched[0].i));
        findings = [...findings.filter((x) => x.row < top || x.row > bottom), ...fresh].sort(
          compareFindings,
        );
        unwrap(await host.updateHighlightRows({ sheet: hc.sheet, top, bottom, findings: fresh }));
      })();
    }),
  );
  data = unwrap(await host.readSheets([sheet.name]))[0];
  const grid = new Grid(data);
  allForms = readForms(grid);
  findings = allForms.flatMap((f, i) => checkForm(f, i));
  unwrap(await host.applyHighlights(new Map([[sheet.name, findings]])));

  const top = sheets[0].formTops[Math.floor(forms / 2)];
  const before = fake.syncCount;
  edit(fake, sheet.name, top);
  await flush();
  await done;
  const syncs = fake.syncCount - before;
  expect(changes).toHaveLength(1);
  expect(changes[0].rows).toEqual(rowsTouched(top));
  return { syncs, findings, sheet: sheet.name, top };
}

describe('live edit: at most 2 syncs (one read, one write) whatever the size', () => {
  it.each([10, 100, 1000])('one edit with %i forms', async (forms) => {
    const { syncs, findings, sheet, top } = await liveEdit(
      forms,
      (fake, name, top) => fake.userEdit(name, `E${top + 12}`, [['《15万元']]),
      (top) => ({ top: top + 11, bottom: top + 11 }),
    );
    expect(syncs).toBeLessThanOrEqual(2);
    expect(syncs).toBe(2);
    // the typed value is found and highlighted
    const hit = findings.find((f) => f.sheet === sheet && f.row === top + 11 && f.col === 4);
    expect(hit).toBeDefined();
  });

  it('a paste over 500 rows costs the same', async () => {
    const { syncs } = await liveEdit(
      200,
      (fake, name, top) =>
        fake.userEdit(
          name,
          `E${top + 12}`,
          Array.from({ length: 500 }, (_, i) => [`≥${i}%`]),
        ),
      (top) => ({ top: top + 11, bottom: top + 510 }),
    );
    expect(syncs).toBe(2);
  });
});
