/**
 * Behaviour pinned: the engine's forms, findings and normalised rows on every fixture are the ones
 * committed in test/golden/findings.json. A refactor leaves them alone; a change of behaviour
 * regenerates the file with `npm run snapshot` and commits the diff with the reason.
 */
import fs from 'node:fs';
import { findingsSnapshot, formatSnapshot, GOLDEN, SEEDS } from '../../scripts/findings-snapshot';

describe('the findings snapshot (test/golden/findings.json)', () => {
  test('covers every fixture workbook', () => {
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as { files: { file: string }[] };
    const fixtures = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.xlsx'));
    expect(golden.files.map((f) => f.file).sort()).toEqual(fixtures.sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  test('is what the engine finds today (run `npm run snapshot` after a deliberate change)', async () => {
    const now = formatSnapshot(await findingsSnapshot());
    const golden = fs.readFileSync(GOLDEN, 'utf8');
    // compare line by line first: a failure then names the first finding or row that differs
    const a = now.split('\n');
    const b = golden.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    expect(first === -1 ? null : { line: first + 1, now: a[first], golden: b[first] }).toBeNull();
    expect(now).toBe(golden);
  });
});
