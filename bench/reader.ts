/**
 * The `reader` series: the real command line (bin/jixiao.js, bundled) against a bare exceljs load
 * of the same file, for 500 and 5,000 project forms; hostile files; what `npx` adds to a call; and
 * the reader's size in a browser bundle. Every figure is measured in its own node process, CPU time
 * (user + system) and peak resident memory reported by bench/probe.js.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { deflatedSpaces, xlsx } from '../test/reader/package';
import { benchWorkbookFile } from './workbooks';
import { round } from './timing';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const PROBE = path.join(ROOT, 'bench', 'probe.js');
const GOOD = path.join(ROOT, 'fixtures', 'seeds', 'zhanjiang-department-form.xlsx');

interface Run {
  code: number | null;
  timedOut: boolean;
  wallMs: number;
  /** summed over every node process of the command */
  cpuMs: number;
  /** the largest of them */
  peakMb: number;
  stdout: string;
}

/** Runs a command with the probe in every node process it starts. */
function measure(cmd: string, args: string[], timeoutMs = 300_000, keepOutput = false): Run {
  const out = path.join(os.tmpdir(), `jixiao-probe-${process.pid}-${Date.now()}.jsonl`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: `--require=${PROBE}`, JIXIAO_PROBE: out },
    encoding: 'utf8',
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 << 20,
    timeout: timeoutMs,
  });
  const wallMs = Date.now() - t0;
  const lines = fs.existsSync(out)
    ? fs
        .readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { cpuMs: number; peakMb: number })
    : [];
  fs.rmSync(out, { force: true });
  return {
    code: r.status,
    timedOut: r.signal !== null,
    wallMs,
    cpuMs: round(lines.reduce((n, l) => n + l.cpuMs, 0)),
    peakMb: Math.round(Math.max(0, ...lines.map((l) => l.peakMb))),
    stdout: r.stdout ?? '',
  };
}

/** The median run by CPU time. */
function median(runs: number, fn: () => Run): Run {
  const all = Array.from({ length: runs }, fn).sort((a, b) => a.cpuMs - b.cpuMs);
  return all[Math.floor(all.length / 2)];
}

const cli =
  (...args: string[]) =>
  (): Run =>
    measure(process.execPath, [BIN, ...args]);

const EXCELJS_LOAD =
  "const E=require('exceljs');new E.Workbook().xlsx.load(require('fs').readFileSync(process.argv[1]))";
const exceljsLoad = (file: string) => (): Run =>
  measure(process.execPath, ['-e', EXCELJS_LOAD, file]);

export interface ReaderSize {
  forms: number;
  fileKb: number;
  /** `jixiao check FILE` (the whole command: start-up, read, check, print), median CPU ms */
  cliCpuMs: number;
  cliPeakMb: number;
  /** a node process that only loads the file with exceljs, median CPU ms */
  exceljsCpuMs: number;
  exceljsPeakMb: number;
  /** cliCpuMs ÷ exceljsCpuMs; goal ≤ 0.8 at 500 forms */
  ratio: number;
}

async function sizes(runs: number): Promise<ReaderSize[]> {
  const out: ReaderSize[] = [];
  for (const forms of [500, 5000]) {
    const file = await benchWorkbookFile(forms);
    const ours = median(runs, cli('check', file));
    if (ours.code !== 1) throw new Error(`bench: jixiao check ${file} exited ${ours.code}`);
    // exceljs takes half a minute on 5,000 forms: one run there
    const theirs = median(forms > 500 ? 1 : runs, exceljsLoad(file));
    out.push({
      forms,
      fileKb: Math.round(fs.statSync(file).size / 1024),
      cliCpuMs: ours.cpuMs,
      cliPeakMb: ours.peakMb,
      exceljsCpuMs: theirs.cpuMs,
      exceljsPeakMb: theirs.peakMb,
      ratio: round(ours.cpuMs / theirs.cpuMs),
    });
  }
  return out;
}

export interface HostileRun {
  code: number | null;
  timedOut: boolean;
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  /** the good seed checked in the same run got its findings */
  othersReported: boolean;
}

/** Each hostile file checked together with a good seed, at the default limits. */
function hostile(): Record<string, HostileRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-hostile-'));
  const files: Record<string, Uint8Array> = {
    zipBomb4Gb: xlsx([{ name: 'S', part: { deflated: deflatedSpaces(4096), size: 1000 } }]),
    farCell: xlsx([{ name: 'S', rows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }]),
    merges50k: xlsx([
      {
        name: 'S',
        rows: '<row r="1"><c r="A1"><v>1</v></c></row>',
        after: `<mergeCells>${Array.from(
          { length: 50000 },
          (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 2}"/>`,
        ).join('')}</mergeCells>`,
      },
    ]),
    columns16384x200: xlsx([
      {
        name: 'S',
        rows: `<row>${Array.from({ length: 16384 }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`.repeat(
          200,
        ),
      },
    ]),
  };
  const out: Record<string, HostileRun> = {};
  try {
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(file, bytes);
      const r = measure(process.execPath, [BIN, 'check', file, GOOD, '--json'], 120_000, true);
      let othersReported = false;
      try {
        const good = (JSON.parse(r.stdout) as { files: Array<{ error?: string; findings: [] }> })
          .files[1];
        othersReported = good.error === undefined && good.findings.length > 0;
      } catch {
        othersReported = false;
      }
      out[name] = {
        code: r.code,
        timedOut: r.timedOut,
        wallMs: r.wallMs,
        cpuMs: r.cpuMs,
        peakMb: r.peakMb,
        othersReported,
      };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export interface NpxCost {
  /** `node_modules/.bin/jixiao rules` */
  binCpuMs: number;
  binWallMs: number;
  /** `npx jixiao rules`: npm's own process plus the command */
  npxCpuMs: number;
  npxWallMs: number;
}

function npxCost(runs: number): NpxCost {
  const bin = median(runs, () =>
    measure(path.join(ROOT, 'node_modules', '.bin', 'jixiao'), ['rules']),
  );
  const npx = median(runs, () => measure('npx', ['--no-install', 'jixiao', 'rules']));
  return {
    binCpuMs: bin.cpuMs,
    binWallMs: bin.wallMs,
    npxCpuMs: npx.cpuMs,
    npxWallMs: npx.wallMs,
  };
}

export interface BundleSize {
  /** the reader (src/adapters/xlsx/read.ts) bundled for the browser, minified, gzip bytes */
  readerGzipBytes: number;
  /** exceljs's own minified browser build, gzip bytes */
  exceljsGzipBytes: number;
}

async function bundleSize(): Promise<BundleSize> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const built = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/adapters/xlsx/read.ts')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const gzip = (b: Uint8Array) => zlib.gzipSync(b, { level: 9 }).length;
  const exceljs = path.join(ROOT, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js');
  return {
    readerGzipBytes: gzip(built.outputFiles[0].contents),
    exceljsGzipBytes: gzip(fs.readFileSync(exceljs)),
  };
}

export interface ReaderBench {
  sizes: ReaderSize[];
  /** CLI CPU at 5,000 forms ÷ at 500; goal ≤ 11 */
  scale: number;
  hostile: Record<string, HostileRun>;
  npx: NpxCost;
  bundle: BundleSize;
}

export async function benchReader(runs = 3): Promise<ReaderBench> {
  const s = await sizes(runs);
  return {
    sizes: s,
    scale: round(s[1].cliCpuMs / s[0].cliCpuMs),
    hostile: hostile(),
    npx: npxCost(runs),
    bundle: await bundleSize(),
  };
}
