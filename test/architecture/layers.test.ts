/**
 * The layer order of src/ (src/layers.json, docs/architecture.md), checked on the real import graph:
 * every relative import of every source file (static, dynamic and `export … from`) is resolved to
 * the folder it lands in. A folder may import only the folders its layer `uses`; folders never
 * import each other in a circle. ESLint enforces the same list on static imports as you type.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

interface Layer {
  readonly folder: string;
  readonly uses: ReadonlyArray<string>;
  readonly packages: ReadonlyArray<string>;
}
const spec = JSON.parse(fs.readFileSync(path.join(SRC, 'layers.json'), 'utf8')) as {
  packageGroups: Record<string, string[]>;
  layers: Layer[];
};
const FOLDERS = spec.layers.map((l) => l.folder);

/** The layer folder a path under src/ belongs to: `engine`, `adapters/xlsx`, … */
export function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts[0] === 'adapters' ? `${parts[0]}/${parts[1]}` : parts[0];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The file a relative specifier names (`./x`, `../x/index`), as TypeScript resolves it. */
function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = ['.ts', '.tsx', '.json', '/index.ts', '/index.tsx'].map((x) => base + x);
  const found = [base, ...candidates].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  if (!found) throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${spec}`);
  return found;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly spec: string;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Every import between two different layer folders; `outside`: imports that leave src/. */
function folderEdges(): { edges: Edge[]; outside: string[] } {
  const edges: Edge[] = [];
  const outside: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(file, fileName);
      if (!target.startsWith(SRC + path.sep)) {
        // a test beside its module may use the shared test helpers in test/
        const helper = isTest(file) && target.startsWith(path.join(ROOT, 'test') + path.sep);
        if (!helper) outside.push(`${path.relative(ROOT, file)} → ${fileName}`);
        continue;
      }
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) edges.push({ from, to, file: path.relative(ROOT, file), spec: fileName });
    }
  }
  return { edges, outside };
}

/** The folders on a circle of the graph, if any (depth-first search). */
export function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('layers of src/', () => {
  const { edges, outside } = folderEdges();

  test('source files import nothing outside src/ (tests may use test/ helpers)', () => {
    expect(outside).toEqual([]);
  });

  test('every folder under src/ has its place in src/layers.json', () => {
    const top = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) =>
        e.name === 'adapters'
          ? fs
              .readdirSync(path.join(SRC, e.name), { withFileTypes: true })
              .filter((a) => a.isDirectory())
              .map((a) => `adapters/${a.name}`)
          : [e.name],
      );
    expect(top.sort()).toEqual([...FOLDERS].sort());
  });

  test('a layer uses only layers listed before it (so the list itself has no circle)', () => {
    const wrong = spec.layers.flatMap((l, i) =>
      l.uses.filter((u) => !FOLDERS.slice(0, i).includes(u)).map((u) => `${l.folder} uses ${u}`),
    );
    expect(wrong).toEqual([]);
  });

  test('no module imports from a folder its layer does not use', () => {
    const uses = new Map(spec.layers.map((l) => [l.folder, new Set(l.uses)]));
    const wrong = edges
      .filter((e) => !uses.get(e.from)?.has(e.to))
      .map((e) => `${e.file} → ${e.spec} (${e.from} → ${e.to})`);
    expect(wrong).toEqual([]);
  });

  test('no two folders import each other, directly or in a circle', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      if (!graph.has(e.from)) graph.set(e.from, new Set());
      graph.get(e.from)?.add(e.to);
    }
    expect(findCycle(graph)).toBeNull();
    // the pane and the standalone page share src/ui and never import each other
    expect(edges.filter((e) => [e.from, e.to].sort().join() === 'standalone,taskpane')).toEqual([]);
  });

  test('the circle finder finds circles', () => {
    const g = (pairs: string[][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of pairs) m.set(a, new Set([...(m.get(a) ?? []), b]));
      return m;
    };
    expect(
      findCycle(
        g([
          ['a', 'b'],
          ['b', 'c'],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        g([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        g([
          ['x', 'y'],
          ['y', 'x'],
        ]),
      ),
    ).toEqual(['x', 'y', 'x']);
  });

  test('ESLint reports an import from a higher layer and a barred package', () => {
    const cases: Array<[file: string, code: string, barred: boolean]> = [
      ['src/live/x.ts', "export { createApp } from '../app';\n", true],
      ['src/host/x.ts', "export * from '../adapters/memory';\n", true],
      ['src/adapters/xlsx/x.ts', "export * from '../memory';\n", true],
      ['src/taskpane/x.ts', "export * from '../standalone';\n", true],
      ['src/engine/x.ts', "import fs from 'node:fs';\nexport { fs };\n", true],
      ['src/ui/x.ts', "import ExcelJS from 'exceljs';\nexport { ExcelJS };\n", true],
      ['src/app/x.ts', "export { checkWorkbook } from '../engine';\n", false],
      ['src/ui/x.ts', "export { createApp } from '../app';\n", false],
    ];
    // ESLint loads its flat config with a dynamic import, which jest's VM cannot: lint in a child
    const script = `
      import { ESLint } from 'eslint';
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of JSON.parse(process.argv[1])) {
        const [r] = await eslint.lintText(code, { filePath: file });
        out.push(r.messages.some((m) => m.ruleId === 'no-restricted-imports'));
      }
      console.log(JSON.stringify(out));`;
    const stdout = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, JSON.stringify(cases)],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(JSON.parse(stdout)).toEqual(cases.map((c) => c[2]));
  });
});
