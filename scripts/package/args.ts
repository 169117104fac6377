/** `npm run package` arguments, checked with Chinese messages. */
import { parseArgs } from 'node:util';

export type OfficeJsMode = 'cdn' | 'local' | 'cdn-then-local';
export const OFFICE_JS_MODES: ReadonlyArray<OfficeJsMode> = ['cdn', 'local', 'cdn-then-local'];
/**
 * The default: the CDN where it answers (Microsoft's supported, always current copy), the bundled
 * copy where it does not (closed government networks, CDN outages). docs/deploy.md says why.
 */
export const DEFAULT_OFFICE_JS: OfficeJsMode = 'cdn-then-local';

/** cdn-then-local: the CDN's time to answer before the copy is used (webpack.config.js). */
export const OFFICE_JS_TIMEOUT_MS: number =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../webpack.config.js').officeJsLoad('cdn-then-local').timeoutMs;

export const USAGE = `用法 (usage):
  npm run package -- --url https://服务器/路径/ [--office-js cdn|local|cdn-then-local] [--out 文件夹]

  --url        加载项部署后的网址（HTTPS），manifest.xml 中的全部网址都在它下面。必填。
  --office-js  office.js 的来源：
                 cdn             只从微软网站加载（内网不能访问时加载项无法使用）；
                 local           只从随加载项部署的副本加载（完全隔离的内网）；
                 cdn-then-local  先试微软网站，${OFFICE_JS_TIMEOUT_MS / 1000} 秒内无响应则用副本（默认）。
  --out        输出文件夹，默认 package；压缩包 jixiao-addin-版本.zip 写在它旁边。
详见 docs/deploy.md。
`;

export interface PackageArgs {
  /** the deployment URL, ending with '/' */
  readonly url: string;
  readonly officeJs: OfficeJsMode;
  readonly out: string;
}

export type ParsedArgs =
  | { readonly ok: true; readonly args: PackageArgs }
  | { readonly ok: false; readonly message: string; readonly help?: boolean };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks `--url`: an absolute https URL (http only on this machine), no query, no credentials. */
export function checkUrl(text: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `--url “${text}” 不是有效的网址，应形如 https://服务器/路径/。` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)))
    return {
      ok: false,
      message: `--url 必须以 https:// 开头：Office 只从 HTTPS 网址加载加载项（收到“${text}”）。`,
    };
  if (url.username || url.password) return { ok: false, message: '--url 中不能包含用户名或密码。' };
  if (url.search || url.hash)
    return { ok: false, message: '--url 中不能包含“?”或“#”后的部分，应是一个文件夹的网址。' };
  if (/\.[a-z0-9]+$/i.test(url.pathname))
    return {
      ok: false,
      message: `--url 应是文件夹的网址（如 https://服务器/jixiao/），不是文件的网址（收到“${text}”）。`,
    };
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { ok: true, url: href };
}

/** node:util parseArgs errors, in Chinese. */
function argumentError(e: unknown): string {
  const { code, message } = (e ?? {}) as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知参数：${quoted}。`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${quoted}（网址请写在 --url 后面）。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `参数 ${quoted.split(' ')[0]} 的值有误或缺少值。`;
    default:
      return '参数有误。';
  }
}

export function parsePackageArgs(argv: ReadonlyArray<string>): ParsedArgs {
  let values: { url?: string; 'office-js'?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        'office-js': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { ok: false, message: `${argumentError(e)}\n\n${USAGE}` };
  }
  if (values.help) return { ok: false, message: USAGE, help: true };
  if (!values.url)
    return {
      ok: false,
      message: `缺少 --url：请给出加载项部署后的网址，例如\n  npm run package -- --url https://oa.example.gov.cn/jixiao/\n\n${USAGE}`,
    };
  const url = checkUrl(values.url);
  if (!url.ok) return { ok: false, message: url.message };
  const mode = values['office-js'] ?? DEFAULT_OFFICE_JS;
  if (!OFFICE_JS_MODES.includes(mode as OfficeJsMode))
    return {
      ok: false,
      message: `--office-js 应为 ${OFFICE_JS_MODES.join('、')} 之一，收到“${mode}”。`,
    };
  return {
    ok: true,
    args: { url: url.url, officeJs: mode as OfficeJsMode, out: values.out ?? 'package' },
  };
}
