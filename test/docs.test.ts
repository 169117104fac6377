/**
 * The documents read back against the code: docs/architecture.md names every folder under src/,
 * docs/domain.md's rule catalogue is the one generated from the rules (`npm run docs`), and nothing
 * in the repository points outside it (a clone has no ../shared).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMAIN, replaceSection, rulesCatalogue } from '../scripts/docs';
import { allRules } from '../src/engine';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function folders(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [`${dir}/${e.name}`, ...folders(`${dir}/${e.name}`)]);
}

/** Text files of the repository (not dependencies, builds, binary fixtures or the golden file). */
function repoFiles(dir = '.'): string[] {
  const skip = new Set(['node_modules', 'dist', 'build', 'coverage', 'test-artifacts', '.git']);
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = dir === '.' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) return skip.has(e.name) || p === 'test/golden' ? [] : repoFiles(p);
    return /\.(ts|tsx|js|mjs|json|md|html|xml|yml|yaml|txt)$|^run$/.test(e.name) ? [p] : [];
  });
}

describe('docs/architecture.md', () => {
  const text = read('docs/architecture.md');

  test('names every folder under src/', () => {
    const missing = folders('src').filter((f) => !text.includes(`\`${f}/\``));
    expect(missing).toEqual([]);
  });

  test('names no folder that is not there', () => {
    const named = [...text.matchAll(/`(src\/[\w/-]+?)\/`/g)].map((m) => m[1]);
    expect(named.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  test('places every folder of src/layers.json in its layer table', () => {
    const layers = JSON.parse(read('src/layers.json')) as { layers: { folder: string }[] };
    const table = text.slice(text.indexOf('| layer |'), text.indexOf('The order is data'));
    expect(layers.layers.filter((l) => !table.includes(`\`src/${l.folder}/\``))).toEqual([]);
  });
});

describe('docs/domain.md', () => {
  const text = fs.readFileSync(DOMAIN, 'utf8');

  test('its rule catalogue is the one generated from the rules (run `npm run docs`)', () => {
    expect(replaceSection(text, 'rules', rulesCatalogue())).toBe(text);
    for (const r of allRules) expect(text).toContain(`\`${r.meta.id}\``);
  });

  test('has the sections the code cites (§1.1 … §5)', () => {
    const cited = new Set<string>();
    for (const file of repoFiles())
      for (const m of read(file).matchAll(/docs\/domain\.md §(\d+(?:\.\d+)?)/g)) cited.add(m[1]);
    const headings = [...text.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]);
    expect([...cited].filter((s) => !headings.includes(s))).toEqual([]);
    expect(cited.size).toBeGreaterThan(5);
  });
});

describe('references', () => {
  // this file spells out the patterns it looks for
  const files = repoFiles().filter((f) => f !== 'test/docs.test.ts');

  test('nothing points outside the repository', () => {
    const outside: string[] = [];
    for (const file of files) {
      const text = read(file);
      if (/\/work\/|shared\/(domain|seeds|style)\b/.test(text))
        outside.push(`${file}: outside path`);
      // `../shared…` must land inside the repository, on something that exists (rules/shared does)
      for (const m of text.matchAll(/(?:\.\.\/)+shared(?:\/[\w.-]+)*/g)) {
        const target = path.resolve(ROOT, path.dirname(file), m[0]);
        const exists = ['', '.ts', '.tsx'].some((x) => fs.existsSync(target + x));
        if (!target.startsWith(ROOT + path.sep) || !exists) outside.push(`${file}: ${m[0]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  test('the domain is cited as docs/domain.md', () => {
    const loose = files
      .filter((f) => !f.startsWith('docs/'))
      .filter((f) => /(?<!docs\/)domain\.md/.test(read(f)));
    expect(loose).toEqual([]);
  });

  test('relative links in the documents lead to files that exist', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      for (const m of read(file).matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)) {
        if (!fs.existsSync(path.resolve(ROOT, path.dirname(file), m[1])))
          broken.push(`${file}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
