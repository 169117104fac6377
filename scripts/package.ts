/**
 * `npm run package -- --url https://HOST/PATH/ [--office-js cdn|local|cdn-then-local] [--out DIR]`:
 * the add-in as IT deploys it. A production build whose manifest.xml points every URL under --url,
 * the office.js copy for `local` and `cdn-then-local` (scripts/package/office-js.ts), README.txt for
 * IT, jixiao-package.json (versions, URL, office.js source), verify-package.mjs, and the same as
 * `jixiao-addin-VERSION.zip` beside the folder.
 *
 * The folder is built in a temporary folder and moved into place only when everything succeeded;
 * an existing --out folder is replaced only when it is a previous package (it has
 * jixiao-package.json), never any other folder.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import JSZip from 'jszip';
import { parsePackageArgs, type PackageArgs } from './package/args';
import { officeJsFiles, officeJsPackage, OFFICE_JS_PACKAGE } from './package/office-js';
import { readmeText, type PackageInfo } from './package/readme';

const ROOT = path.resolve(__dirname, '..');
export const INFO_FILE = 'jixiao-package.json';
export const OFFICE_JS_DIR = 'office-js';
const VERIFY_SCRIPT = 'verify-package.mjs';

interface WebpackConfigModule {
  (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ): Promise<import('webpack').Configuration>;
  officeJsLoad(mode: string): { mode: string; cdn: string; local: string; timeoutMs?: number };
}

function webpackConfig(): WebpackConfigModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(ROOT, 'webpack.config.js')) as WebpackConfigModule;
}

/** Thrown for problems the user can fix; printed without a stack trace. */
class PackageError extends Error {}

/** The production build into `out`, for `args`, without source maps or the size report. */
async function build(out: string, args: PackageArgs): Promise<void> {
  process.env.PUBLIC_URL = args.url;
  process.env.JIXIAO_OUT = out;
  process.env.JIXIAO_OFFICE_JS = args.officeJs;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const config = await webpackConfig()({}, { mode: 'production' });
  config.devtool = false;
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor?.name !== 'GzipSizePlugin');
  config.output = { ...config.output, clean: true };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors())
        return reject(new PackageError(`构建失败：\n${stats.toString('errors-only')}`));
      resolve();
    }),
  );
}

/** Every absolute URL in a manifest: attribute values and element texts (not namespaces). */
export function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
  return [...body.matchAll(/(?:="|>)(https?:\/\/[^"<\s]+)/g)].map((m) => m[1]);
}

function manifestField(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml);
  if (!m) throw new PackageError(`manifest.xml 中没有 <${tag}>。`);
  return m[1].trim();
}

/** The built manifest keeps the repository's ids and points every URL under --url. */
function checkManifest(out: string, url: string): { id: string; version: string } {
  const built = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  const source = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const id = manifestField(built, 'Id');
  const version = manifestField(built, 'Version');
  if (id !== manifestField(source, 'Id') || version !== manifestField(source, 'Version'))
    throw new PackageError('生成的 manifest.xml 的 Id 或版本与源 manifest.xml 不一致。');
  const origin = new URL(url).origin;
  const outside = manifestUrls(built).filter((u) => !u.startsWith(url) && u !== origin);
  if (outside.length > 0)
    throw new PackageError(`manifest.xml 中有不在 ${url} 下的网址：${outside.join('、')}`);
  return { id, version };
}

function copyOfficeJs(out: string): NonNullable<PackageInfo['officeJs']['files']> {
  const { dist, root, version } = officeJsPackage();
  const files = officeJsFiles(dist);
  const target = path.join(out, OFFICE_JS_DIR);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(target, f)), { recursive: true });
    copyFileSync(path.join(dist, f), path.join(target, f));
  }
  for (const legal of ['LICENSE.md', 'LICENSE', 'LICENSE.txt'])
    if (existsSync(path.join(root, legal)))
      copyFileSync(path.join(root, legal), path.join(target, legal));
  writeFileSync(
    path.join(target, 'VERSION.txt'),
    `${OFFICE_JS_PACKAGE} ${version}\r\n来自 npm 包 ${OFFICE_JS_PACKAGE}@${version}（微软 office.js CDN 的副本）。\r\n${files.length} 个文件：\r\n${files.join('\r\n')}\r\n`,
  );
  return files.length;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory()
        ? listFiles(full, base)
        : [path.relative(base, full).split(path.sep).join('/')];
    });
}

async function writeZip(dir: string, zipFile: string, folder: string): Promise<void> {
  const zip = new JSZip();
  for (const f of listFiles(dir)) zip.file(`${folder}/${f}`, readFileSync(path.join(dir, f)));
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  const tmp = `${zipFile}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, zipFile);
}

/** Refuses to replace a folder that is not a previous package. */
function checkOut(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new PackageError(`--out ${out} 已存在且不是文件夹。`);
  if (readdirSync(out).length > 0 && !existsSync(path.join(out, INFO_FILE)))
    throw new PackageError(
      `--out ${out} 已存在且不是之前生成的部署包（没有 ${INFO_FILE}），为避免覆盖其中的文件，已停止。请换一个文件夹。`,
    );
}

export interface PackageResult {
  readonly dir: string;
  readonly zip: string;
  readonly info: PackageInfo;
}

export async function buildPackage(args: PackageArgs): Promise<PackageResult> {
  const out = path.resolve(args.out);
  checkOut(out);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build(tmp, args);
    const manifest = checkManifest(tmp, args.url);
    const load = webpackConfig().officeJsLoad(args.officeJs);
    const bundled = args.officeJs !== 'cdn';
    const files = bundled ? copyOfficeJs(tmp) : undefined;
    const info: PackageInfo = {
      name: pkg.name,
      version: pkg.version,
      manifestVersion: manifest.version,
      manifestId: manifest.id,
      url: args.url,
      officeJs: {
        mode: args.officeJs,
        cdn: load.cdn,
        ...(bundled
          ? { package: OFFICE_JS_PACKAGE, version: officeJsPackage().version, files }
          : {}),
        ...(load.timeoutMs ? { timeoutMs: load.timeoutMs } : {}),
      },
      builtAt: new Date().toISOString(),
    };
    copyFileSync(path.join(ROOT, 'scripts', VERIFY_SCRIPT), path.join(tmp, VERIFY_SCRIPT));
    const topLevel = [...readdirSync(tmp), 'README.txt', INFO_FILE]
      .sort()
      .map((f) =>
        statSync(path.join(tmp, f), { throwIfNoEntry: false })?.isDirectory() ? `${f}/` : f,
      );
    writeFileSync(path.join(tmp, 'README.txt'), readmeText(info, topLevel));
    // last: every other file with its size and SHA-256, which verify-package.mjs compares
    const listed = listFiles(tmp).map((f) => {
      const bytes = readFileSync(path.join(tmp, f));
      return {
        path: f,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    });
    writeFileSync(
      path.join(tmp, INFO_FILE),
      `${JSON.stringify({ ...info, files: listed }, null, 2)}\n`,
    );
    rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
    const zip = path.join(path.dirname(out), `jixiao-addin-${pkg.version}.zip`);
    await writeZip(out, zip, `jixiao-addin-${pkg.version}`);
    return { dir: out, zip, info };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parsePackageArgs(argv);
  if (!parsed.ok) {
    (parsed.help ? process.stdout : process.stderr).write(`${parsed.message}\n`);
    return parsed.help ? 0 : 2;
  }
  try {
    const { dir, zip, info } = await buildPackage(parsed.args);
    const rel = (p: string) => path.relative(process.cwd(), p) || '.';
    process.stdout.write(
      [
        '',
        `部署包已生成：${rel(dir)}/ 和 ${rel(zip)}`,
        `  部署网址：${info.url}`,
        `  office.js：${info.officeJs.mode}${info.officeJs.version ? `（${info.officeJs.package} ${info.officeJs.version}，${info.officeJs.files} 个文件）` : ''}`,
        `  部署后检查：node ${rel(path.join(dir, VERIFY_SCRIPT))} ${info.url}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    const message =
      e instanceof PackageError
        ? e.message
        : `打包失败：${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
