/**
 * Packaging tests' harness: runs `npm run package` (scripts/package.ts) and the shipped
 * verify-package.mjs as IT runs them, and serves a package folder under a path
 * (`http://127.0.0.1:PORT/tools/jixiao/`) the way an intranet web server does: everything outside
 * the path is 404, files can be made missing or corrupted on demand, every request is logged.
 * Suites that import it start processes and run serially (jest.config.js).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: ReadonlyArray<string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `npm run package -- ARGS` */
export function runPackage(args: ReadonlyArray<string>): Promise<RunResult> {
  return run(TSX, ['scripts/package.ts', ...args]);
}

/** `node verify-package.mjs URL` with the copy shipped in a package. */
export function runVerify(packageDir: string, url: string): Promise<RunResult> {
  return run(process.execPath, [path.join(packageDir, 'verify-package.mjs'), url]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface PackageServer {
  /** the package's URL, ending with '/' */
  readonly url: string;
  readonly origin: string;
  /** paths requested, relative to the package */
  readonly requests: string[];
  /** files (relative to the package) answered with 404 from now on */
  readonly missing: Set<string>;
  /** files answered with other content (a corrupted upload) */
  readonly replaced: Map<string, Buffer>;
  close(): Promise<void>;
}

/** Serves `dir` (read at request time, so it may be written later) under `prefix`. */
export async function servePackage(dir: string, prefix = '/tools/jixiao/'): Promise<PackageServer> {
  const requests: string[] = [];
  const missing = new Set<string>();
  const replaced = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    requests.push(rel);
    const file = path.join(dir, rel);
    if (
      missing.has(rel) ||
      !file.startsWith(dir + path.sep) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    ) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    res.end(req.method === 'HEAD' ? undefined : (replaced.get(rel) ?? readFileSync(file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    requests,
    missing,
    replaced,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
