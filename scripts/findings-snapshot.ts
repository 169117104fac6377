/**
 * The engine's whole output on every fixture (fixtures/seeds/*.xlsx) as one JSON document: per file
 * the forms (sheet, kind, range, title), every finding (sheet, cell, rule, severity, message,
 * suggestions) and the normalised 指标 and 项目资金 rows. `npm run snapshot` rewrites
 * test/golden/findings.json; test/golden/findings.test.ts fails when the engine's output differs.
 *
 * A refactor keeps the file unchanged. A change of behaviour regenerates it on purpose, and the diff
 * of the JSON file in the commit shows what changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../src/adapters/xlsx';
import { checkWorkbook, rangeToA1 } from '../src/engine';
import { normalise, tableToMatrix } from '../src/engine/normalise';

export const SEEDS = path.resolve(__dirname, '..', 'fixtures', 'seeds');
export const GOLDEN = path.resolve(__dirname, '..', 'test', 'golden', 'findings.json');

export interface FileSnapshot {
  readonly file: string;
  readonly forms: ReadonlyArray<unknown>;
  readonly findings: ReadonlyArray<unknown>;
  readonly indicators: ReadonlyArray<unknown>;
  readonly projects: ReadonlyArray<unknown>;
}

export interface FindingsSnapshot {
  readonly files: ReadonlyArray<FileSnapshot>;
}

/** The snapshot of every fixture, in file-name order. */
export async function findingsSnapshot(): Promise<FindingsSnapshot> {
  const files = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  const out: FileSnapshot[] = [];
  for (const file of files) {
    const report = checkWorkbook(await readXlsx(fs.readFileSync(path.join(SEEDS, file))));
    const normalised = normalise([{ source: file, sheets: report.sheets }]);
    out.push({
      file,
      forms: report.sheets.flatMap((s) =>
        s.forms.map((f) => ({
          sheet: s.sheet,
          kind: f.kind,
          range: rangeToA1(f.range),
          title: f.title ?? '',
        })),
      ),
      findings: report.findings.map((f) => ({
        sheet: f.sheet,
        cell: f.cell,
        rule: f.rule,
        severity: f.severity,
        form: f.form,
        message: f.message,
        suggestions: f.suggestions.map((s) => ({
          text: s.text,
          value: s.value,
          replacesFormula: s.replacesFormula,
        })),
      })),
      indicators: tableToMatrix(normalised.indicators),
      projects: tableToMatrix(normalised.projects),
    });
  }
  return { files: out };
}

/** The snapshot as the committed file holds it: one line per form, finding or row, for readable diffs. */
export function formatSnapshot(snapshot: FindingsSnapshot): string {
  const list = (items: ReadonlyArray<unknown>): string =>
    items.length === 0
      ? '[]'
      : `[\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n   ]`;
  const files = snapshot.files.map(
    (f) =>
      `  {\n   "file": ${JSON.stringify(f.file)},\n` +
      `   "forms": ${list(f.forms)},\n   "findings": ${list(f.findings)},\n` +
      `   "indicators": ${list(f.indicators)},\n   "projects": ${list(f.projects)}\n  }`,
  );
  return `{\n "files": [\n${files.join(',\n')}\n ]\n}\n`;
}

if (require.main === module) {
  findingsSnapshot().then(
    (s) => {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, formatSnapshot(s));
      console.log(`${path.relative(process.cwd(), GOLDEN)} written`);
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
