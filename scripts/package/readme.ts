/** README.txt, the page IT reads first when it unpacks the add-in (Chinese, CRLF, UTF-8 with BOM). */
import type { OfficeJsMode } from './args';

export interface PackageInfo {
  readonly name: string;
  /** package.json version */
  readonly version: string;
  /** manifest.xml <Version> and <Id> */
  readonly manifestVersion: string;
  readonly manifestId: string;
  readonly url: string;
  readonly officeJs: {
    readonly mode: OfficeJsMode;
    readonly cdn: string;
    /** the bundled copy's npm package and version (local, cdn-then-local) */
    readonly package?: string;
    readonly version?: string;
    readonly timeoutMs?: number;
    readonly files?: number;
  };
  /** ISO time of the build */
  readonly builtAt: string;
}

const OFFICE_JS_TEXT: Readonly<Record<OfficeJsMode, (info: PackageInfo) => string>> = {
  cdn: (i) =>
    `只从微软网站加载（${i.officeJs.cdn}）。客户端必须能访问该网站，否则加载项会提示“无法加载 Office 脚本库”。`,
  local: (i) =>
    `只从本包 office-js/ 文件夹中的副本加载（${i.officeJs.package} ${i.officeJs.version}），不访问微软网站，适合完全隔离的内网。`,
  'cdn-then-local': (i) =>
    `先从微软网站加载；${(i.officeJs.timeoutMs ?? 0) / 1000} 秒内无响应或失败时，改用本包 office-js/ 文件夹中的副本（${i.officeJs.package} ${i.officeJs.version}）。能访问外网时总用微软的最新版本，不能访问时也能使用。`,
};

export function readmeText(info: PackageInfo, topLevel: ReadonlyArray<string>): string {
  const u = info.url;
  const lines = [
    '绩效目标表助手 Excel 加载项 部署包',
    '==================================',
    '',
    `版本：${info.version}（manifest 版本 ${info.manifestVersion}，加载项 Id ${info.manifestId}）`,
    `部署网址：${u}`,
    `office.js：${info.officeJs.mode}。${OFFICE_JS_TEXT[info.officeJs.mode](info)}`,
    `生成时间：${info.builtAt}`,
    '',
    '一、放到 Web 服务器上',
    `1. 把本文件夹中的全部文件和子文件夹原样复制到 Web 服务器，使 ${u}taskpane.html 可以访问。`,
    '   manifest.xml 中的全部网址都在这个网址下面；换网址需要重新打包（npm run package -- --url 新网址）。',
    '2. 必须使用 HTTPS，服务器证书必须受每台客户端信任。使用单位内部证书颁发机构（CA）签发的证书时，',
    '   请通过组策略把根证书下发到客户端的“受信任的根证书颁发机构”。',
    '3. 服务器应以正确的类型返回文件：.html 为 text/html，.js 为 text/javascript，.png 为 image/png，',
    '   .xml 为 application/xml 或 text/xml；图标（.png）不要返回 Cache-Control: no-cache 或 no-store。',
    '',
    '二、让用户使用（任选一种，详见 docs/deploy.md）',
    '1. 共享文件夹（Office 2021/2024 LTSC 等批量许可版本，无需 Microsoft 365）：',
    '   把 manifest.xml 放到一个共享文件夹（如 \\\\服务器\\加载项），在 Excel 的“文件 → 选项 → 信任中心 →',
    '   信任中心设置 → 受信任的加载项目录”中添加该共享路径并勾选“显示在菜单中”，或用组策略写入注册表',
    '   HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\{GUID}（Id、Url、Flags=1）。',
    '   用户重启 Excel 后，在“插入 → 我的加载项 → 共享文件夹”中添加“绩效目标表助手”。',
    '2. Microsoft 365 管理中心“集成应用”集中部署：上传 manifest.xml 并分配给用户。',
    '3. SharePoint 应用程序目录（本地 SharePoint）：把 manifest.xml 上传到“Office 应用程序”库。',
    '',
    '三、检查部署',
    `在任一能访问服务器的电脑上（需要 Node.js 18 或更高版本）运行：`,
    `  node verify-package.mjs ${u}`,
    '它会下载 manifest.xml，检查其中每个网址和页面引用的每个文件都能访问，失败时列出原因。',
    `也可以在客户端浏览器中打开 ${u}help.html（使用帮助）和 ${u}taskpane.html（应显示独立模式）。`,
    '',
    '四、更新',
    '用新版本的部署包覆盖服务器上的文件即可，manifest.xml 的 Id 不变；如果 manifest.xml 的版本号变了，',
    '请同时更新共享文件夹、管理中心或 SharePoint 中的 manifest.xml。用户重新打开 Excel 后生效。',
    '',
    '五、本包内容',
    ...topLevel.map((f) => `  ${f}`),
    '',
    '  jixiao-package.json 记录版本、部署网址和 office.js 的来源与版本；office-js/VERSION.txt 记录',
    '  office.js 副本的版本（使用副本时）。',
    '',
    'Jixiao add-in package: host this folder at the URL above over HTTPS, hand manifest.xml to Office',
    '(shared-folder catalog, Microsoft 365 admin center or SharePoint app catalog), then run',
    `"node verify-package.mjs ${u}". See docs/deploy.md.`,
    '',
  ];
  return `\ufeff${lines.join('\r\n')}`;
}
