/**
 * jest.config.js puts every test file in exactly one project, and every suite that starts other
 * processes (LibreOffice, Chromium, child processes) in the `serial` one, so that `npm test` runs
 * them one at a time and its one summary line counts them all.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Project {
  displayName: string;
  testMatch?: string[];
  testRegex?: string[];
  testPathIgnorePatterns?: string[];
}

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'jest.config.js')) as { projects: Project[] };
// jest's own glob matcher
// eslint-disable-next-line @typescript-eslint/no-require-imports
const micromatch = require('micromatch') as { isMatch(file: string, globs: string[]): boolean };

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function projectsOf(file: string): string[] {
  const root = (s: string) => s.replace('<rootDir>', ROOT);
  return config.projects
    .filter(
      (p) =>
        (p.testMatch
          ? micromatch.isMatch(file, p.testMatch.map(root))
          : (p.testRegex ?? []).some((re) => new RegExp(re).test(file))) &&
        !(p.testPathIgnorePatterns ?? []).some((re) => new RegExp(root(re)).test(file)),
    )
    .map((p) => p.displayName);
}

/** A suite that starts processes: it imports child_process, playwright or a helper that does. */
const STARTS_PROCESSES =
  /from '((node:)?child_process|playwright-core|\.\/soffice|\.\/harness|\.\.\/templates\/soffice)'/;

const files = [...testFiles(path.join(ROOT, 'src')), ...testFiles(path.join(ROOT, 'test'))];

describe('jest projects', () => {
  it('hold every test file once, and the suites that start processes in `serial`', () => {
    expect(files.length).toBeGreaterThan(50);
    const actual: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const abs of files) {
      const file = path.relative(ROOT, abs);
      actual[file] = projectsOf(abs);
      expected[file] = STARTS_PROCESSES.test(fs.readFileSync(abs, 'utf8'))
        ? ['serial']
        : [file.endsWith('.tsx') ? 'dom' : 'node'];
    }
    expect(actual).toEqual(expected);
    for (const heavy of [
      'test/e2e/standalone.test.ts',
      'test/templates/libreoffice.test.ts',
      'test/normalise/libreoffice.test.ts',
    ]) {
      expect({ heavy, projects: actual[heavy] }).toEqual({ heavy, projects: ['serial'] });
    }
  });
});
