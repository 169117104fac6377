/**
 * Row-band highlights on the counting fake: an edit rewrites only the highlights of its band of
 * rows, so its cost (round trips, bytes sent, formats touched) is the same on a sheet of 10 forms
 * and of 1,000; the highlights shown are always exactly those of the findings, also after rows are
 * inserted or deleted, a highlight is deleted by hand, or another session left some; clearing still
 * leaves the user's formats exactly as they were.
 */
import {
  checkForm,
  compareFindings,
  Grid,
  readSheet as readForms,
  type Finding,
  type Severity,
} from '../../src/engine';
import { markerSeverity } from '../../src/host/highlights';
import { bandSpan, moveAreas, rewriteRows } from '../../src/office/bands';
import { OfficeWorkbookHost } from '../../src/office/host';
import { FakeExcel, type FakeSheet } from './fake-excel';
import { fakeBook, flush, formatByHand, syncsOf, unwrap } from './helpers';

type Cell = Pick<Finding, 'row' | 'col' | 'severity'>;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What the sheet shows: cell → severity of the add-in's format over it (never two over one cell). */
function shown(sheet: FakeSheet): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const cf of sheet.conditionalFormats) {
    const sev = markerSeverity(cf.formula);
    if (!sev) continue;
    for (const r of cf.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const k = `${row},${col}`;
          if (out.has(k)) throw new Error(`two highlights over ${k}`);
          out.set(k, sev);
        }
  }
  return out;
}

/** The most severe finding per cell, as `shown` gives it. */
function expected(findings: ReadonlyArray<Cell>): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    const k = `${f.row},${f.col}`;
    const prev = out.get(k);
    if (!prev || ORDER[f.severity] < ORDER[prev]) out.set(k, f.severity);
  }
  return out;
}

/** A live session on one sheet: follows changes, re-reads a form after an edit, updates its rows. */
async function session(forms: number, follow = true) {
  const book = fakeBook(forms, 1);
  const { fake, host } = book;
  const name = book.sheets[0].sheet.name;
  if (follow) unwrap(await host.onChanged(() => undefined));
  const data = unwrap(await host.readSheet(name));
  let findings: Finding[] = readForms(new Grid(data)).flatMap((f, i) => checkForm(f, i));
  unwrap(await host.applyHighlights(new Map([[name, findings]])));
  /** The user edits a cell; the add-in re-reads the form's rows and updates their highlights. */
  const edit = async (cell: string, value: string, top: number, bottom: number) => {
    fake.userEdit(name, cell, [[value]]);
    await flush();
    const before = { syncs: fake.syncCount, sent: fake.bytesSent, formats: formatIds() };
    const rows = unwrap(await host.readRows(name, top, bottom));
    const cells = data.cells.map((r, i) => (i >= top && i <= bottom ? rows.cells[i - top] : r));
    const fresh = readForms(new Grid({ name, cells, merges: data.merges }), { top, bottom });
    const found = fresh.flatMap((f) => checkForm(f, 0));
    findings = [...findings.filter((f) => f.row < top || f.row > bottom), ...found].sort(
      compareFindings,
    );
    unwrap(await host.updateHighlightRows({ sheet: name, top, bottom, findings: found }));
    const after = formatIds();
    return {
      syncs: fake.syncCount - before.syncs,
      sent: fake.bytesSent - before.sent,
      touched: [...before.formats].filter((id) => !after.has(id)).length,
      added: [...after].filter((id) => !before.formats.has(id)).length,
    };
  };
  const formatIds = () => new Set(fake.sheet(name).conditionalFormats.map((cf) => cf.id));
  return { ...book, name, edit, findings: () => findings };
}

describe('band geometry', () => {
  it('bands, rewrites and moved areas', () => {
    expect(bandSpan(0, 0)).toEqual([0, 199]);
    expect(bandSpan(199, 201)).toEqual([0, 399]);
    const formats = [
      { id: 'a', severity: 'error' as const, areas: [{ top: 5, bottom: 6, left: 4, right: 4 }] },
      { id: 'b', severity: 'info' as const, areas: [{ top: 250, bottom: 250, left: 1, right: 2 }] },
    ];
    const plan = rewriteRows(formats, 6, 6, [{ row: 6, col: 3, severity: 'warning' }]);
    expect(plan.remove).toEqual(['a']);
    expect(plan.add.map((f) => [f.severity, f.address])).toEqual([
      ['error', 'E6'],
      ['warning', 'D7'],
    ]);
    // Excel's moves: below a change, across it, and rows deleted with their areas
    const a = [{ top: 10, bottom: 20, left: 0, right: 0 }];
    expect(moveAreas(a, 5, 3)).toEqual([{ top: 13, bottom: 23, left: 0, right: 0 }]);
    expect(moveAreas(a, 15, 3)).toEqual([{ top: 10, bottom: 23, left: 0, right: 0 }]);
    expect(moveAreas(a, 21, 3)).toEqual(a);
    expect(moveAreas(a, 12, -3)).toEqual([{ top: 10, bottom: 17, left: 0, right: 0 }]);
    expect(moveAreas(a, 5, -8)).toEqual([{ top: 5, bottom: 12, left: 0, right: 0 }]);
    expect(moveAreas(a, 10, -11)).toEqual([]);
  });
});

describe('an edit on one sheet costs the same for 10, 100 and 1,000 forms', () => {
  const costs: Array<{ forms: number; syncs: number; sent: number; touched: number }> = [];

  it.each([10, 100, 1000])('%i forms: 2 syncs, the edited band only', async (forms) => {
    const s = await session(forms);
    const top = s.sheets[0].formTops[Math.floor(forms / 2)];
    const cost = await s.edit(`E${top + 12}`, '《15万元', top, top + 29);
    costs.push({ forms, ...cost });
    expect(cost.syncs).toBe(2);
    expect(cost.touched).toBeLessThanOrEqual(6);
    expect(shown(s.fake.sheet(s.name))).toEqual(expected(s.findings()));
    expect(shown(s.fake.sheet(s.name)).get(`${top + 11},4`)).toBe('error');
  });

  it('bytes sent per edit do not grow with the sheet', () => {
    const [ten, , thousand] = costs;
    expect(thousand.sent).toBeLessThanOrEqual(2 * ten.sent);
  });

  it('a sheet-wide rewrite, by contrast, grows with the sheet', async () => {
    const sent: number[] = [];
    for (const forms of [10, 300]) {
      const s = await session(forms);
      const before = s.fake.bytesSent;
      unwrap(await s.host.applyHighlights(new Map([[s.name, s.findings()]])));
      sent.push(s.fake.bytesSent - before);
    }
    expect(sent[1]).toBeGreaterThan(10 * sent[0]);
  });
});

describe('the highlights stay exact', () => {
  it('after rows inserted and deleted above and inside the edited form', async () => {
    const s = await session(100);
    const tops = s.sheets[0].formTops;
    s.fake.userInsertRows(s.name, tops[10] + 12, 3);
    await flush();
    // the add-in's own record moved with the rows: its findings are moved the same way here
    const moved = (f: Finding, at: number, n: number): Finding =>
      f.row >= at ? { ...f, row: f.row + n } : f;
    const shifted = s.findings().map((f) => moved(f, tops[10] + 12, 3));
    s.findings().splice(0, s.findings().length, ...shifted);
    s.fake.userDeleteRows(s.name, tops[40], 30);
    await flush();
    const kept = s
      .findings()
      .filter((f) => f.row < tops[40] + 3 || f.row >= tops[40] + 33)
      .map((f) => moved(f, tops[40] + 33, -30));
    s.findings().splice(0, s.findings().length, ...kept);
    expect(shown(s.fake.sheet(s.name))).toEqual(expected(s.findings()));
    const top = tops[60] + 3 - 30;
    const cost = await s.edit(`E${top + 12}`, '《15万元', top, top + 29);
    expect(cost.syncs).toBe(2);
    expect(shown(s.fake.sheet(s.name))).toEqual(expected(s.findings()));
  });

  it('when the host does not follow the changes: one more sync reads the areas back', async () => {
    const s = await session(100, false);
    const top = s.sheets[0].formTops[50];
    const cost = await s.edit(`E${top + 12}`, '《15万元', top, top + 29);
    expect(cost.syncs).toBe(3);
    expect(shown(s.fake.sheet(s.name))).toEqual(expected(s.findings()));
  });

  it('after a highlight deleted by hand', async () => {
    const s = await session(100);
    const sheet = s.fake.sheet(s.name);
    const top = s.sheets[0].formTops[50];
    const mine = sheet.conditionalFormats.find(
      (cf) => markerSeverity(cf.formula) && cf.ranges.some((r) => r.top >= top && r.top < top + 30),
    );
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf !== mine);
    await s.edit(`E${top + 12}`, '《15万元', top, top + 29);
    expect(shown(sheet)).toEqual(expected(s.findings()));
  });

  it('over highlights another session left', async () => {
    const s = await session(30);
    const other = new OfficeWorkbookHost(s.fake.run, { mergedAreas: true });
    unwrap(await other.onChanged(() => undefined));
    const top = s.sheets[0].formTops[12];
    s.fake.userEdit(s.name, `E${top + 12}`, [['《15万元']]);
    await flush();
    unwrap(await other.readRows(s.name, top, top + 29));
    const found = readForms(new Grid(unwrap(await other.readSheet(s.name))), {
      top,
      bottom: top + 29,
    }).flatMap((f) => checkForm(f, 0));
    expect(
      await syncsOf(s.fake, async () =>
        unwrap(
          await other.updateHighlightRows({
            sheet: s.name,
            top,
            bottom: top + 29,
            findings: found,
          }),
        ),
      ),
    ).toBe(2);
    const all = [...s.findings().filter((f) => f.row < top || f.row > top + 29), ...found];
    expect(shown(s.fake.sheet(s.name))).toEqual(expected(all));
  });

  it('a sheet deleted meanwhile is reported as skipped, not as a failure', async () => {
    const s = await session(10);
    s.fake.sheets.splice(s.fake.sheets.indexOf(s.fake.sheet(s.name)), 1);
    const r = unwrap(
      await s.host.updateHighlightRows({ sheet: s.name, top: 0, bottom: 5, findings: [] }),
    );
    expect(r.sheets).toEqual([]);
    expect(r.skipped).toEqual([expect.objectContaining({ code: 'sheet-missing', sheet: s.name })]);
  });

  it('findings outside the rows are left out, and the rest of the sheet stays', async () => {
    const s = await session(10);
    const before = shown(s.fake.sheet(s.name));
    unwrap(
      await s.host.updateHighlightRows({
        sheet: s.name,
        top: 100,
        bottom: 100,
        findings: [
          { row: 100, col: 0, severity: 'info' },
          { row: 5, col: 0, severity: 'error' },
        ],
      }),
    );
    const after = shown(s.fake.sheet(s.name));
    expect(after.get('100,0')).toBe('info');
    expect(after.get('5,0')).toBe(before.get('5,0'));
    for (const [k, v] of before) if (!k.startsWith('100,')) expect(after.get(k)).toBe(v);
  });
});

describe('the user’s formats are never touched', () => {
  it('highlight → band update → clear leaves every format as it was', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('格式表');
    for (let r = 0; r < 450; r++) fake.setValues(s, [[`项目${r}`, r, '≥95%', '《15万元']], r);
    formatByHand(fake, s, 209);
    s.conditionalFormats.push({
      id: '{user-cf}',
      type: 'Custom',
      ranges: [{ top: 0, left: 1, bottom: 449, right: 1 }],
      formula: '=B1<0',
      fill: '#FF00FF',
    });
    const before = fake.formatSnapshot('格式表');
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(await host.onChanged(() => undefined));
    unwrap(await host.readSheet('格式表'));
    const all: Cell[] = [];
    for (let r = 0; r < 450; r++)
      all.push({ row: r, col: 3, severity: r % 3 ? 'error' : 'warning' });
    unwrap(await host.applyHighlights(new Map([['格式表', all]])));
    expect(shown(s)).toEqual(expected(all));
    const during = fake.formatSnapshot('格式表') as { cells: unknown };
    expect(during.cells).toEqual((before as { cells: unknown }).cells);
    unwrap(await host.readRows('格式表', 205, 215));
    const update: Cell[] = [
      { row: 210, col: 1, severity: 'info' },
      { row: 211, col: 3, severity: 'warning' },
    ];
    expect(
      await syncsOf(fake, async () =>
        unwrap(
          await host.updateHighlightRows({
            sheet: '格式表',
            top: 205,
            bottom: 215,
            findings: update,
          }),
        ),
      ),
    ).toBe(1);
    expect(shown(s)).toEqual(
      expected([...all.filter((c) => c.row < 205 || c.row > 215), ...update]),
    );
    unwrap(await host.clearHighlights(['格式表']));
    expect(fake.formatSnapshot('格式表')).toEqual(before);
  });

  it('a protected template sheet is opened and closed around the update', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('受保护');
    fake.setValues(s, [['a', 'b']]);
    s.protected = true;
    const host = new OfficeWorkbookHost(fake.run, { mergedAreas: true });
    unwrap(await host.onChanged(() => undefined));
    unwrap(await host.readRows('受保护', 0, 0));
    const r = unwrap(
      await host.updateHighlightRows({
        sheet: '受保护',
        top: 0,
        bottom: 0,
        findings: [{ row: 0, col: 1, severity: 'error' }],
      }),
    );
    expect(r).toEqual({
      sheets: ['受保护'],
      cells: { error: 1, warning: 0, info: 0 },
      skipped: [],
    });
    expect(s.protected).toBe(true);
    expect(shown(s)).toEqual(new Map([['0,1', 'error']]));
    s.password = 'secret';
    const locked = unwrap(
      await host.updateHighlightRows({ sheet: '受保护', top: 0, bottom: 0, findings: [] }),
    );
    expect(locked.skipped.map((e) => e.code)).toEqual(['sheet-protected']);
    expect(shown(s)).toEqual(new Map([['0,1', 'error']]));
  });
});
