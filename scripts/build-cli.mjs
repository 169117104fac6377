// Bundles the command line (src/cli/main.ts and the engine) into dist/cli.js with esbuild.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  outfile: path.join(root, 'dist/cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs'],
  sourcemap: true,
  logLevel: 'warning',
});

// `npx jixiao` inside this checkout looks in node_modules/.bin, where npm does not link a package's
// own bin: link it there so the command works right after `npm ci`.
import fs from 'node:fs';
const binDir = path.join(root, 'node_modules', '.bin');
if (fs.existsSync(binDir)) {
  const link = path.join(binDir, 'jixiao');
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'jixiao.js')), link);
}
