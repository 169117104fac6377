/**
 * help.html, the user guide shipped with the add-in (manifest SupportUrl and 了解更多 point at it).
 * A static page written at build time: html-webpack-plugin runs this module's default export in
 * Node and writes what it returns, so the rule list comes from the rules' own metadata and can
 * never drift from the engine. No script runs on the page; it opens in any browser, in Office's
 * task pane and offline. Screenshots are copied from docs/screenshots/ into help/ by the build.
 */
import { LEVEL1, LEVEL2 } from '../engine/framework';
import { FORM_KIND_LABEL, SEVERITY_LABEL } from '../engine/labels';
import { allRules } from '../engine/rules';
import type { RuleMeta } from '../engine/rules';
import type { FormKind, Severity } from '../engine/model';

/** The screenshots the page shows, as copied into the build by webpack.config.js. */
export const HELP_SCREENSHOTS = [
  'taskpane-templates.png',
  'taskpane-check.png',
  'taskpane-export.png',
  'live-summary.png',
  'live-remarks.png',
  'standalone-welcome.png',
] as const;
type Screenshot = (typeof HELP_SCREENSHOTS)[number];

export interface HelpPageOptions {
  /** the add-in's version (package.json) */
  readonly version?: string;
}

/** What each severity asks of the clerk. */
const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  error: '必须改正后再报送。',
  warning: '很可能有问题，请核实；确属正常的可以保留。',
  info: '写法不规范，改为规范写法便于汇总，不影响内容。',
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function figure(file: Screenshot, caption: string): string {
  return `<figure><img src="help/${file}" alt="${escapeHtml(caption)}" loading="lazy"><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function ruleRow(meta: RuleMeta): string {
  const kinds = Object.keys(FORM_KIND_LABEL);
  const forms = kinds.every((k) => meta.forms.includes(k as FormKind))
    ? '三种表均适用'
    : `适用：${meta.forms.map((k) => FORM_KIND_LABEL[k]).join('、')}`;
  return [
    `<tr id="rule-${escapeHtml(meta.id)}">`,
    `<td><code>${escapeHtml(meta.id)}</code></td>`,
    `<td><span class="sev sev-${meta.severity}">${SEVERITY_LABEL[meta.severity]}</span></td>`,
    `<td>${escapeHtml(meta.title)}</td>`,
    `<td>${escapeHtml(meta.description)}<br><small>${escapeHtml(forms)}</small></td>`,
    `<td>${meta.fixable ? '可一键修正' : ''}</td>`,
    '</tr>',
  ].join('');
}

/** The rules table, from the metadata of every rule in the engine's catalogue. */
export function rulesSection(rules: ReadonlyArray<{ meta: RuleMeta }> = allRules): string {
  const severities = (Object.keys(SEVERITY_MEANING) as Severity[])
    .map(
      (s) =>
        `<li><span class="sev sev-${s}">${SEVERITY_LABEL[s]}</span>：${SEVERITY_MEANING[s]}</li>`,
    )
    .join('');
  return `<section id="rules">
<h2>检查规则</h2>
<p>每条检查结果都带有规则编号、级别、所在单元格和说明。下表由程序中的规则定义自动生成，共 ${rules.length} 条。</p>
<ul class="plain">${severities}</ul>
<div class="table"><table>
<thead><tr><th>规则编号</th><th>级别</th><th>名称</th><th>检查内容</th><th>修正</th></tr></thead>
<tbody>${rules.map((r) => ruleRow(r.meta)).join('\n')}</tbody>
</table></div>
<p>“可一键修正”的规则会给出修改建议：点击建议按钮才会写入单元格，并且可以撤销。公式单元格上的建议只作提示，不会一键写入，以免公式被改成数值。</p>
</section>`;
}

function frameworkTable(): string {
  const rows = LEVEL1.map((l1) => {
    const children = LEVEL2.filter((l2) => l2.parents.includes(l1.name))
      .map((l2) => `${l2.name}（${l2.code}）`)
      .join('、');
    return `<tr><td>${l1.name}（${l1.code}）</td><td>${children}</td></tr>`;
  }).join('');
  return `<div class="table"><table><thead><tr><th>一级指标</th><th>二级指标</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #242424; --muted: #616161; --bg: #fff; --soft: #f5f5f5;
  --line: #e0e0e0; --accent: #0f6cbd; --error: #b10e1c; --warning: #bc4b09; --info: #115ea3; }
@media (prefers-color-scheme: dark) { :root { --fg: #f0f0f0; --muted: #adadad; --bg: #1f1f1f;
  --soft: #2b2b2b; --line: #3d3d3d; --accent: #62abf5; --error: #f1707b; --warning: #fa9e5c; --info: #77b7f7; } }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.7; font-size: 15px;
  font-family: 'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif; }
header, main, footer { max-width: 960px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 17px; margin: 24px 0 4px; }
a { color: var(--accent); }
nav ol { columns: 2; padding-left: 20px; }
code, pre { font-family: Consolas, 'Cascadia Mono', 'Noto Sans Mono CJK SC', monospace; font-size: 13px; }
code { background: var(--soft); padding: 1px 4px; border-radius: 3px; }
pre { background: var(--soft); padding: 12px; border-radius: 4px; overflow-x: auto; }
pre code { padding: 0; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); white-space: nowrap; }
small { color: var(--muted); }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
ul.plain { list-style: none; padding-left: 0; }
.shots { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 8px 0; }
figure img { max-width: 100%; border: 1px solid var(--line); border-radius: 4px; }
.shots figure img { width: 300px; }
figcaption { color: var(--muted); font-size: 13px; }
.fix td:first-child { white-space: nowrap; }
footer { color: var(--muted); font-size: 13px; padding: 32px 20px; }
@media (max-width: 560px) { nav ol { columns: 1; } .shots figure img { width: 100%; } }
`;

/** The whole page. */
export function helpPage(options: HelpPageOptions = {}): string {
  const version = options.version ? ` ${escapeHtml(options.version)}` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>绩效目标表助手 使用帮助</title>
<link rel="icon" type="image/png" href="assets/icon-32.png">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>绩效目标表助手 使用帮助</h1>
<p>检查预算绩效目标表（项目支出绩效目标表、项目支出绩效目标表（含转移支付项目）、部门整体支出绩效目标表）的填写问题，插入标准模板，导出规范化指标表。</p>
<nav aria-label="目录"><ol>
<li><a href="#start">打开助手</a></li>
<li><a href="#tabs">各选项卡的用途</a></li>
<li><a href="#rules">检查规则</a></li>
<li><a href="#fixes">常见错误及改法</a></li>
<li><a href="#standalone">独立模式（不用 Excel）</a></li>
<li><a href="#cli">命令行批量检查</a></li>
<li><a href="#trouble">助手打不开时</a></li>
</ol></nav>
</header>
<main>

<section id="start">
<h2>打开助手</h2>
<p>在 Excel 中打开要检查的工作簿，点击“开始”选项卡右侧的<strong>绩效目标表助手</strong>按钮，右侧会打开任务窗格。第一次使用时，如果“开始”选项卡上没有这个按钮，请点击“插入”→“加载项”（或“我的加载项”），在“共享文件夹”或“管理员托管”下选择“绩效目标表助手”。如果那里也没有，请联系单位的信息技术人员安装。</p>
<p>需要 Excel 2021、Excel 2024、Microsoft 365 或 Excel 网页版。Excel 2016、Excel 2019 不支持本助手所需的接口，请改用<a href="#standalone">独立模式</a>。</p>
<p>助手只在本机处理工作簿，不上传任何内容；只有在您点击修正、插入模板或导出时才会修改工作簿，并且不会覆盖已有的工作表。</p>
</section>

<section id="tabs">
<h2>各选项卡的用途</h2>
<h3>顶部摘要：边输入边检查</h3>
<p>窗格打开后会自动检查所有工作表，并在您输入时重新检查改动的那张表。顶部显示整个工作簿和当前表单的错误、警告数，以及选中单元格的问题。有问题的单元格会用颜色标出（红色为错误，橙色为警告）；点击“清除标记”可去掉这些颜色，您自己设置的填充、字体和条件格式不受影响。</p>
<h3>模板</h3>
<p>选择三种标准表之一，设置预算年度、金额单位（万元或元）、成本指标的位置、是否跨年度项目和行数，预览后点击“插入为新工作表”。模板带有下拉选项、金额校验、合计公式和提示颜色，不装助手也能用。</p>
<h3>检查</h3>
<p>点击“检查工作簿”检查所有工作表，或“检查当前工作表”。问题按工作表和表单分组，可按级别、规则或关键字筛选；点击一个问题会选中它所在的单元格。带建议的问题有“改为……”按钮；选定一条规则后可以“全部修正”。每次修正都可以用“撤销上次修正”或 Excel 的撤销恢复。</p>
<h3>导出</h3>
<p>把工作簿中的全部绩效目标表整理成两张便于筛选、汇总的表：“指标”表一行一个指标值（含一级、二级、三级指标，比较符、数值、单位和发现的问题），“项目资金”表一行一个项目。可写入新工作表，也可下载为 .xlsx 或 .csv（UTF-8 编码，Excel、WPS 可直接打开）。</p>
<h3>审核</h3>
<p>供财政审核人员使用：各工作表的表单数、错误数和警告数一览；选中单元格后可从标准类别（如“指标不够完整”“指标不够细化量化”）中选择并填写审核意见；“导出审核意见”把意见和检查发现一起写成一张“审核意见”表。</p>
<div class="shots">
${figure('taskpane-templates.png', '模板：选择模板、设置选项并预览')}
${figure('taskpane-check.png', '检查：按表单分组的问题和修改建议')}
${figure('taskpane-export.png', '导出：规范化指标表')}
${figure('live-summary.png', '顶部摘要：工作簿和当前表单的问题')}
${figure('live-remarks.png', '审核：各工作表结果和审核意见')}
</div>
</section>

${rulesSection()}

<section id="fixes">
<h2>常见错误及改法</h2>
<div class="table"><table class="fix">
<thead><tr><th>错误写法</th><th>应改为</th><th>说明</th></tr></thead>
<tbody>
<tr><td><code>》90%</code>、<code>〉90%</code></td><td><code>≥90%</code> 或 <code>&gt;90%</code></td><td>书名号不是比较符。很多预算系统会把“&gt;”“&lt;”替换成“》”“《”，所以只能由填报人确认原意：通常是“≥”（含本数）。<code>》=90%</code> 一定是 <code>≥90%</code>。</td></tr>
<tr><td><code>《15万元</code>、<code>〈15万元</code></td><td><code>≤15万元</code> 或 <code>&lt;15万元</code></td><td>同上，成本一般写上限“≤”。</td></tr>
<tr><td><code>≥180≥180万条</code>、<code>13969.56标箱标箱</code></td><td><code>≥180万条</code>、<code>13969.56标箱</code></td><td>系统导出时把比较符、数值、单位重复拼接了，删去重复部分。</td></tr>
<tr><td><code>≥90</code>（满意度）</td><td><code>≥90%</code></td><td>定量指标要写计量单位；成本指标的单位应是金额（元、万元）。</td></tr>
<tr><td><code>120%</code>、<code>≥100%</code></td><td>不超过 <code>100%</code>；<code>100%</code></td><td>比率不能超过 100%；“≥100%”实际只能等于 100%。</td></tr>
<tr><td><code>稳定运行率 ≤99%</code>、<code>成本 ≥10万元</code></td><td><code>≥99%</code>、<code>≤10万元</code></td><td>越高越好的比率写下限，成本写上限，比较符可能写反了。</td></tr>
<tr><td><code>视具体情况确定</code>（数量指标）</td><td>具体数量，如 <code>≥2次</code></td><td>数量、成本指标要量化。确无此类指标时可写“此项目无经济效益”等说明。</td></tr>
<tr><td><code>&lt;p&gt;…&lt;/p&gt;</code>、<code>&amp;nbsp;</code></td><td>删除</td><td>从网页系统复制时带入的标记。</td></tr>
<tr><td><code>１００％</code>、<code>&gt;=90%</code>、末尾“。”</td><td><code>100%</code>、<code>≥90%</code></td><td>全角数字、符号和多余空格改为规范写法。</td></tr>
<tr><td>“数量指标”放在“效益指标”下</td><td>放在“产出指标”下</td><td>二级指标必须在对应的一级指标下，见下表。“效果指标”是旧称，应改为“效益指标”。</td></tr>
<tr><td>总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金</td><td>核对各项金额</td><td>预算数应等于财政资金与其他资金之和；汇总表的合计行等于各单位行之和，单位行等于其下各项目之和。</td></tr>
<tr><td>成本指标 <code>≤120万元</code>，预算 100 万元</td><td>不超过预算数</td><td>成本上限不能超过本项目预算；各项成本之和也不应超过预算。</td></tr>
<tr><td>资金支出计划 30、20、…</td><td>逐季不减少，最后为 100</td><td>资金支出计划是累计比例。</td></tr>
<tr><td>满意度 <code>》70%</code></td><td>一般不低于 <code>≥80%</code></td><td>满意度目标偏低（下限可在命令行用 <code>--satisfaction-floor</code> 调整）。</td></tr>
<tr><td>金额 <code>1O0</code>（字母 O）、<code>12.5.3</code></td><td><code>100</code>、正确的数字</td><td>金额要填有效的非负数字；以文本形式存储的数字改为数值。</td></tr>
</tbody></table></div>
<h3>指标体系</h3>
<p>一级、二级指标名称可以带或不带“指标”二字，也可以带编号（如“22-社会效益”）。成本指标既可以作为产出指标下的二级指标，也可以按财预〔2021〕101号作为一级指标。</p>
${frameworkTable()}
</section>

<section id="standalone">
<h2>独立模式（不用 Excel）</h2>
<p>在浏览器（Edge、Chrome、Firefox 等）中打开本助手所在网址下的 <a href="index.html">index.html</a>，即可不装 Excel 检查工作簿：打开或拖入 .xlsx 文件（Excel、WPS、LibreOffice 另存的均可），问题在表格中标出，可修正后下载。文件只在本机浏览器中处理，不会上传。</p>
${figure('standalone-welcome.png', '独立模式：打开 .xlsx 开始检查')}
</section>

<section id="cli">
<h2>命令行批量检查</h2>
<p>审核人员要一次检查很多报送的工作簿时，可使用命令行工具 <code>jixiao</code>（需要 Node.js 20 或更高版本，在源代码目录中执行 <code>npm ci</code> 安装）。</p>
<pre><code>npx jixiao check 报送/*.xlsx                    # 逐个文件列出表单和问题
npx jixiao check 报送/*.xlsx --json &gt; 结果.json   # 机器可读的结果
npx jixiao check 报送/*.xlsx --disable value.not-normalised,value.markup
npx jixiao normalise 报送/*.xlsx -o 汇总.xlsx --csv 汇总.csv
npx jixiao template project -o 模板.xlsx --year 2027
npx jixiao rules                                # 列出全部规则</code></pre>
<p><code>check</code> 的退出码：0 表示没有错误，1 表示有错误，2 表示有文件无法读取（其他文件照常检查）。损坏、加密或不是 .xlsx 的文件会给出中文说明。<code>normalise</code> 把所有文件的指标整理成一张表，第一列注明来源文件；已存在的输出文件不会被覆盖，除非加 <code>--force</code>。</p>
</section>

<section id="trouble">
<h2>助手打不开时</h2>
<ul>
<li><strong>提示“无法加载 Office 脚本库”</strong>：Excel 中的助手需要 Office 提供的脚本库 office.js。单位内网不能访问微软网站时，需要信息技术人员把 office.js 随助手一起部署在内网服务器上（打包时选择 <code>--office-js local</code> 或 <code>cdn-then-local</code>）。请把提示中的地址告诉信息技术人员。</li>
<li><strong>提示“Excel 版本过旧”</strong>：需要 Excel 2021、Excel 2024、Microsoft 365 或 Excel 网页版；请升级 Office，或使用<a href="#standalone">独立模式</a>。</li>
<li><strong>窗格空白或一直显示“正在加载”</strong>：关闭窗格和 Excel 后重新打开；仍不行时，请信息技术人员运行安装包中的 <code>verify-package.mjs</code> 检查部署，并确认服务器证书受本机信任。</li>
<li>暂时无法使用 Excel 中的助手时，可以随时使用<a href="#standalone">独立模式</a>或<a href="#cli">命令行</a>。</li>
</ul>
</section>

</main>
<footer>绩效目标表助手${version}。本页随加载项一同部署，离线也可查看。</footer>
</body>
</html>
`;
}

/** html-webpack-plugin calls this at build time with its template parameters. */
export default function render(params?: { version?: string }): string {
  return helpPage({ version: params?.version });
}
