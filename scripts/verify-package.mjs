#!/usr/bin/env node
/**
 * Checks a deployed Jixiao add-in from any machine that can reach the server (Node.js 18 or later,
 * no other dependency; shipped in every package as verify-package.mjs):
 *
 *   node verify-package.mjs https://HOST/PATH/
 *
 * It downloads manifest.xml, checks that it is an Office add-in manifest whose every URL lies under
 * the given URL, that every URL in it answers (icons as PNG), that the pages it opens (task pane,
 * help, standalone page) answer with HTML and every script, style and image they reference answers
 * too, and that every file listed in jixiao-package.json (the whole package, office.js copy
 * included) answers with the size and SHA-256 it had when it was packaged. It prints one line per check in Chinese and exits with 0 when all
 * passed, 1 when some failed, 2 on bad arguments.
 */
import { createHash } from 'node:crypto';
import process from 'node:process';

const TIMEOUT_MS = 15000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const results = [];
function pass(text) {
  results.push({ ok: true, text });
  process.stdout.write(`  ✓ ${text}\n`);
}
function fail(text) {
  results.push({ ok: false, text });
  process.stdout.write(`  ✗ ${text}\n`);
}
function warn(text) {
  process.stdout.write(`  ! ${text}\n`);
}

function describeError(e) {
  const cause = e && e.cause ? e.cause : e;
  const code = cause && cause.code ? String(cause.code) : '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code))
    return `证书不受信任（${code}）：请使用客户端信任的证书；若由单位内部 CA 签发，运行本脚本时可设置 NODE_EXTRA_CA_CERTS=根证书.pem`;
  if (code === 'ENOTFOUND') return `找不到服务器（${code}）：请检查域名解析`;
  if (code === 'ECONNREFUSED') return `连接被拒绝（${code}）：服务器没有在该端口提供服务`;
  if (e && e.name === 'TimeoutError') return `超过 ${TIMEOUT_MS / 1000} 秒没有响应`;
  return `无法连接（${(cause && cause.message) || String(e)}${code ? `，${code}` : ''}）`;
}

/** GET with a timeout; never throws. */
async function get(url) {
  try {
    const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = Buffer.from(await res.arrayBuffer());
    return {
      ok: res.ok,
      status: res.status,
      type: res.headers.get('content-type') || '',
      cache: res.headers.get('cache-control') || '',
      body,
    };
  } catch (e) {
    return {
      ok: false,
      status: 0,
      error: describeError(e),
      body: Buffer.alloc(0),
      type: '',
      cache: '',
    };
  }
}

function why(r) {
  return r.status ? `HTTP ${r.status}` : r.error;
}

/** Every absolute URL in the manifest (attribute values and element texts), no namespaces. */
function manifestUrls(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
  return [...body.matchAll(/(?:="|>)(https?:\/\/[^"<\s]+)/g)].map((m) => m[1]);
}

/** The script, style, icon and image URLs a page references, resolved against the page. */
function pageReferences(html, pageUrl) {
  const refs = new Set();
  const body = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(
    /<(script|img|link)\b[^>]*?\s(src|href)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi,
  )) {
    const value = m[4] ?? m[5] ?? m[6] ?? '';
    if (!value || value.startsWith('data:') || value.startsWith('#')) continue;
    refs.add(new URL(value, pageUrl).href);
  }
  return [...refs];
}

function isPng(body) {
  return body.length > 8 && body.subarray(1, 4).toString('ascii') === 'PNG';
}

async function checkUrls(urls, label, base) {
  let bad = 0;
  for (const url of urls) {
    if (base && !url.startsWith(base)) {
      fail(`${label} ${url} 不在 ${base} 下`);
      bad++;
      continue;
    }
    const r = await get(url);
    if (!r.ok) {
      fail(`${label} ${url} 无法访问：${why(r)}`);
      bad++;
    }
  }
  return bad;
}

async function verify(baseText) {
  let base;
  try {
    base = new URL(baseText);
  } catch {
    process.stderr.write(`“${baseText}”不是有效的网址。\n`);
    return 2;
  }
  if (!base.pathname.endsWith('/')) base = new URL(`${base.href}/`);
  const root = base.href;
  process.stdout.write(`检查 ${root}\n`);
  if (base.protocol !== 'https:') {
    if (LOCAL_HOSTS.has(base.hostname))
      warn('不是 HTTPS：仅适用于本机测试，Office 客户端需要 HTTPS。');
    else fail('不是 HTTPS：Office 只从 HTTPS 网址加载加载项。');
  }

  // 1. the manifest
  const manifestUrl = new URL('manifest.xml', root).href;
  const m = await get(manifestUrl);
  if (!m.ok) {
    fail(`manifest.xml 无法访问（${manifestUrl}）：${why(m)}`);
    return summary();
  }
  const xml = m.body.toString('utf8').replace(/^\ufeff/, '');
  const id = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
  if (!/<OfficeApp\b[\s\S]*<\/OfficeApp>\s*$/.test(xml) || !id || !version) {
    fail('manifest.xml 不是完整的 Office 加载项清单（缺少 OfficeApp、Id 或 Version）。');
    return summary();
  }
  pass(`manifest.xml：Id ${id}，版本 ${version}`);
  const appDomains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((d) => d[1].trim());
  for (const d of appDomains)
    if (d !== base.origin) warn(`AppDomain ${d} 与部署网址的来源 ${base.origin} 不同。`);
  const urls = [...new Set(manifestUrls(xml).filter((u) => !appDomains.includes(u)))];
  const localhost = urls.filter(
    (u) => /^https?:\/\/localhost[:/]/.test(u) && !LOCAL_HOSTS.has(base.hostname),
  );
  if (localhost.length > 0)
    fail(
      `manifest.xml 仍指向开发地址：${localhost.join('、')}（请用 npm run package -- --url 重新打包）`,
    );
  const badManifest = await checkUrls(urls, 'manifest.xml 中的网址', root);
  for (const url of urls.filter((u) => u.endsWith('.png'))) {
    const r = await get(url);
    if (r.ok && !isPng(r.body)) fail(`图标 ${url} 不是 PNG 图片`);
    if (r.ok && /no-cache|no-store/i.test(r.cache))
      warn(`图标 ${url} 返回了 Cache-Control: ${r.cache}，Office 可能不显示图标。`);
  }
  if (badManifest === 0) pass(`manifest.xml 中的 ${urls.length} 个网址都在部署网址下，都能访问`);

  // 2. the pages and what they load
  const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1];
  const pages = [
    ...new Set(
      [
        source,
        new URL('taskpane.html', root).href,
        new URL('help.html', root).href,
        new URL('index.html', root).href,
      ].filter(Boolean),
    ),
  ];
  for (const page of pages) {
    const r = await get(page);
    if (!r.ok) {
      fail(`页面 ${page} 无法访问：${why(r)}`);
      continue;
    }
    if (!/html/i.test(r.type)) warn(`页面 ${page} 的类型是“${r.type}”，应为 text/html。`);
    const refs = pageReferences(r.body.toString('utf8'), page).filter((u) =>
      u.startsWith(base.origin),
    );
    let bad = 0;
    for (const ref of refs) {
      const res = await get(ref);
      if (!res.ok) {
        fail(`${page} 引用的 ${ref} 无法访问：${why(res)}`);
        bad++;
      } else if (ref.endsWith('.js') && !/javascript|ecmascript/i.test(res.type)) {
        warn(`${ref} 的类型是“${res.type}”，应为 text/javascript。`);
      }
    }
    if (bad === 0) pass(`${page} 及其引用的 ${refs.length} 个文件都能访问`);
  }

  // 3. every file of the package, as it was packaged
  const info = await get(new URL('jixiao-package.json', root).href);
  let listed = null;
  if (info.ok) {
    try {
      listed = JSON.parse(info.body.toString('utf8'));
    } catch {
      fail('jixiao-package.json 无法解析。');
    }
  } else
    warn('没有 jixiao-package.json（不是 npm run package 生成的部署包？），跳过文件清单检查。');
  if (listed && Array.isArray(listed.files)) {
    const o = listed.officeJs ?? {};
    pass(
      `部署包 ${listed.version}，office.js：${o.mode}${o.version ? `（${o.package} ${o.version}）` : ''}`,
    );
    let bad = 0;
    for (const file of listed.files) {
      const url = new URL(file.path, root).href;
      const r = await get(url);
      if (!r.ok) {
        fail(`文件 ${url} 无法访问：${why(r)}`);
        bad++;
      } else if (
        r.body.length !== file.bytes ||
        createHash('sha256').update(r.body).digest('hex') !== file.sha256
      ) {
        fail(
          `文件 ${url} 的内容与部署包不一致（${r.body.length} 字节，应为 ${file.bytes} 字节）：请重新复制，上传时不要转换换行或编码。`,
        );
        bad++;
      }
    }
    if (bad === 0) pass(`部署包的 ${listed.files.length} 个文件都能访问，内容与打包时一致`);
  }
  return summary();
}

function summary() {
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(failed === 0 ? '\n全部检查通过。\n' : `\n${failed} 项检查未通过。\n`);
  return failed === 0 ? 0 : 1;
}

const target = process.argv[2];
if (!target || target === '--help' || target === '-h') {
  process.stdout.write('用法：node verify-package.mjs https://服务器/路径/\n');
  process.exitCode = target ? 0 : 2;
} else {
  verify(target).then((code) => (process.exitCode = code));
}
