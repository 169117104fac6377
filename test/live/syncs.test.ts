/**
 * Round trips of the live checker on the counting fake (office-js host): one edit costs one read
 * and one highlight write whatever the workbook size; so does a paste over 500 rows and a row
 * insert or delete inside a form, and the findings move with the rows.
 */
import {
  fakeDeleteRows,
  fakeHighlights,
  fakeLiveBook,
  fullCheck,
  flush,
  FORM,
  live,
  liveFindings,
  settle,
} from './helpers';
import type { LiveChecker, ManualScheduler } from '../../src/live';

async function started(forms: number) {
  const book = fakeLiveBook(forms);
  const { checker, clock } = live(book.host);
  const pass = await checker.start();
  expect(pass.forms).toBe(forms);
  const sheet = book.sheets[0].sheet.name;
  const tops = book.sheets[0].formTops;
  return { ...book, checker, clock, sheet, tops };
}

/** Syncs from a user action in the fake to the highlights written. */
async function measured(
  fake: { syncCount: number },
  checker: LiveChecker,
  clock: ManualScheduler,
  act: () => void,
): Promise<number> {
  const before = fake.syncCount;
  act();
  await flush();
  await flush();
  await settle(checker, clock);
  return fake.syncCount - before;
}

describe('live checker on the counting fake: syncs per change', () => {
  const perSize: number[] = [];

  it.each([10, 100, 1000])('one edit with %i forms: one read, one write', async (forms) => {
    const { fake, checker, clock, sheet, tops } = await started(forms);
    const top = tops[Math.floor(forms / 2)];
    const row = top + FORM.firstIndicator + 2;
    const syncs = await measured(fake, checker, clock, () =>
      fake.userEdit(sheet, `E${row + 1}`, [['《15万元']]),
    );
    perSize.push(syncs);
    expect(syncs).toBe(2);
    const update = checker.getState().lastUpdate;
    expect(update).toMatchObject({ sheets: [sheet], forms: 1, syncs: 2 });
    const hit = checker.getState().sheets[0].findings.find((f) => f.row === row && f.col === 4);
    expect(hit?.rule).toBe('value.operator-typo');
    expect(fakeHighlights(fake, sheet).has(`${row},4`)).toBe(true);
    await checker.stop();
  });

  it('costs the same for 10, 100 and 1,000 forms', () => {
    expect(perSize).toEqual([2, 2, 2]);
  });

  it('a paste over 500 rows (17 forms) costs the same and re-checks every form it touched', async () => {
    const { fake, host, checker, clock, sheet, tops } = await started(200);
    const top = tops[50] + FORM.firstIndicator;
    const syncs = await measured(fake, checker, clock, () =>
      fake.userEdit(
        sheet,
        `E${top + 1}`,
        Array.from({ length: 500 }, (_, i) => [i % 7 === 0 ? `《${i}万元` : `≥${i}%`]),
      ),
    );
    expect(syncs).toBe(2);
    expect(checker.getState().lastUpdate?.forms).toBeGreaterThanOrEqual(17);
    expect(liveFindings(checker, sheet)).toEqual(await fullCheck(host, sheet));
  });

  it('rows inserted inside a form: findings move with the rows, same bound', async () => {
    const { fake, host, checker, clock, sheet, tops } = await started(100);
    const top = tops[40];
    const typo = top + FORM.firstIndicator + 3; // 》=30次 in the skeleton
    const below = checker.getState().sheets[0].forms[60].findings[0];
    expect(checker.findingsAt(sheet, typo, 4).map((f) => f.rule)).toContain('value.operator-typo');
    const syncs = await measured(fake, checker, clock, () =>
      fake.userInsertRows(sheet, top + FORM.firstIndicator + 1, 3),
    );
    expect(syncs).toBe(2);
    expect(checker.findingsAt(sheet, typo, 4)).toEqual([]);
    expect(checker.findingsAt(sheet, typo + 3, 4).map((f) => f.rule)).toContain(
      'value.operator-typo',
    );
    const moved = checker.getState().sheets[0].forms[60].findings[0];
    expect(moved.row).toBe(below.row + 3);
    expect(liveFindings(checker, sheet)).toEqual(await fullCheck(host, sheet));
    expect(fakeHighlights(fake, sheet).has(`${typo + 3},4`)).toBe(true);
  });

  it('rows deleted inside a form: findings move up, deleted ones go, same bound', async () => {
    const { fake, host, checker, clock, sheet, tops } = await started(100);
    const top = tops[40];
    const typo = top + FORM.firstIndicator + 3;
    const syncs = await measured(fake, checker, clock, () =>
      fakeDeleteRows(fake, sheet, top + FORM.firstIndicator + 1, 2),
    );
    expect(syncs).toBe(2);
    expect(checker.findingsAt(sheet, typo - 2, 4).map((f) => f.rule)).toContain(
      'value.operator-typo',
    );
    expect(liveFindings(checker, sheet)).toEqual(await fullCheck(host, sheet));
    // deleting the row that holds the typo takes its finding away
    const syncs2 = await measured(fake, checker, clock, () =>
      fakeDeleteRows(fake, sheet, typo - 2, 1),
    );
    expect(syncs2).toBe(2);
    expect(checker.findingsAt(sheet, typo - 2, 4).map((f) => f.rule)).not.toContain(
      'value.operator-typo',
    );
    expect(liveFindings(checker, sheet)).toEqual(await fullCheck(host, sheet));
  });
});
