/**
 * `npm run bench`: prints the benchmark figures; `npm run bench -- --json` prints them as one JSON
 * object (`engine`, and the keys later benchmarks add); `--only reader,engine` runs those alone.
 * `first-content` builds the web pages and loads them in Chromium (skipped without Chromium).
 * Run through scripts/bench.mjs, which bundles this file as the command line is bundled.
 */
import os from 'node:os';
import { benchEngine } from './engine';
import { benchFirstContent } from './first-content';
import { benchNormalise } from './normalise';
import { benchLive } from './live';
import { benchReader } from './reader';
import { benchValues } from './values';

type Section = [key: string, run: () => Promise<unknown> | unknown];

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const sections: Section[] = [
    ['engine', () => benchEngine()],
    ['normalise', () => benchNormalise()],
    ['live', () => benchLive()],
    ['values', () => benchValues()],
    ['reader', () => benchReader()],
    ['first-content', () => benchFirstContent()],
  ];
  const at = process.argv.indexOf('--only');
  const only = at > 0 ? new Set((process.argv[at + 1] ?? '').split(',')) : null;
  const out: Record<string, unknown> = {};
  for (const [key, run] of sections) {
    if (only && !only.has(key)) continue;
    out[key] = await run();
    if (json) continue;
    const skipped = (out[key] as { skipped?: string } | null)?.skipped;
    console.log(skipped ? `${key}: skipped (${skipped})` : `${key}: ${JSON.stringify(out[key])}`);
  }
  if (json) console.log(JSON.stringify(out));
  else
    console.log(
      `(node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''})`,
    );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
