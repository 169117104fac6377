// `npm run bench`: measures what ships. Builds the command line (dist/cli.js, as `npm ci` does) and
// bundles the benchmarks with the same esbuild settings (dist/bench.js), then runs them with node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await import('./build-cli.mjs');
await build({
  entryPoints: [path.join(root, 'bench/run.ts')],
  outfile: path.join(root, 'dist/bench.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'esbuild', 'playwright-core', 'webpack'],
  sourcemap: true,
  logLevel: 'warning',
});
const r = spawnSync(
  process.execPath,
  [path.join(root, 'dist/bench.js'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exitCode = r.status ?? 1;
