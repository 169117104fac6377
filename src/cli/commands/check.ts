import path from 'node:path';
import {
  checkWorkbook,
  rangeToA1,
  allRules,
  FORM_KIND_LABEL,
  formName,
  SEVERITY_LABEL,
  type Finding,
  type Form,
  type CheckOptions,
  type Severity,
  type WorkbookReport,
} from '../../engine';
import { loadWorkbook, MAX_SIZE_USAGE, parseMaxSize, UNEXPECTED } from '../files';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';

interface FileResult {
  file: string;
  forms: Array<{ kind: Form['kind']; sheet: string; range: string; title: string }>;
  findings: Array<{
    rule: string;
    severity: Severity;
    sheet: string;
    cell: string;
    message: string;
    suggestions: string[];
  }>;
  /** form titles where no form could be read: never passed over as clean (counted as errors) */
  unreadTitles?: Array<{ sheet: string; cell: string; text: string }>;
  error?: string;
}

/** `jixiao check FILE.xlsx... [--json]`: exit 0 without errors, 1 with errors, 2 when a file could not be read. */
export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      json: { type: 'boolean', default: false },
      disable: { type: 'string', multiple: true },
      'satisfaction-floor': { type: 'string' },
      'max-size': { type: 'string' },
    },
    io,
  );
  if (!parsed) return 2;
  const files = parsed.positionals;
  if (files.length === 0) {
    io.err('请指定要检查的 .xlsx 文件，例如：jixiao check 绩效目标表.xlsx\n');
    return 2;
  }
  const disabled = new Set(
    (parsed.values.disable ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const known = new Set(allRules.map((r) => r.meta.id));
  for (const id of disabled) {
    if (!known.has(id)) {
      io.err(`未知规则：${id}（用 jixiao rules 查看全部规则）\n`);
      return 2;
    }
  }
  const floorText = parsed.values['satisfaction-floor'];
  const floor = floorText === undefined ? undefined : Number(floorText);
  if (floor !== undefined && !(floor >= 0 && floor <= 100)) {
    io.err(`--satisfaction-floor 应为 0 到 100 之间的数字，收到“${floorText}”。\n`);
    return 2;
  }

  const sizeText = parsed.values['max-size'];
  const maxSize = sizeText === undefined ? undefined : parseMaxSize(sizeText);
  if (maxSize === null) {
    io.err(`${MAX_SIZE_USAGE}，收到“${sizeText}”。\n`);
    return 2;
  }

  const results: FileResult[] = [];
  let anyError = false;
  let unreadable = false;
  for (const file of files) {
    // Each file in its own guard: one bad file never costs the others their results.
    const r = await checkFile(file, {
      maxSize,
      disabledRules: disabled,
      ...(floor !== undefined ? { satisfactionFloor: floor } : {}),
    });
    if (r.error !== undefined) unreadable = true;
    else if (r.findings.some((f) => f.severity === 'error') || r.unreadTitles) anyError = true;
    if (parsed.values.json) results.push(r);
    else io.out(formatText(r));
  }

  if (parsed.values.json) io.out(`${JSON.stringify({ files: results })}\n`);
  return unreadable ? 2 : anyError ? 1 : 0;
}

async function checkFile(
  file: string,
  options: { maxSize: number | undefined } & Partial<CheckOptions>,
): Promise<FileResult> {
  const { maxSize, ...checkOptions } = options;
  try {
    const loaded = await loadWorkbook(file, { maxSize });
    if (!loaded.ok) return { file, forms: [], findings: [], error: loaded.error };
    return toResult(file, checkWorkbook(loaded.workbook, checkOptions));
  } catch {
    return { file, forms: [], findings: [], error: UNEXPECTED };
  }
}

function toResult(file: string, report: WorkbookReport): FileResult {
  return {
    file,
    forms: report.sheets.flatMap((s) =>
      s.forms.map((f) => ({
        kind: f.kind,
        sheet: f.sheet,
        range: rangeToA1(f.range),
        title: f.title || formName(f),
      })),
    ),
    findings: report.findings.map((f: Finding) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
      suggestions: f.suggestions.map((s) => s.text),
    })),
    ...unreadOf(report),
  };
}

function unreadOf(report: WorkbookReport): Pick<FileResult, 'unreadTitles'> {
  const unread = report.sheets.flatMap((s) =>
    (s.unreadTitles ?? []).map((t) => ({ sheet: s.sheet, cell: t.cell, text: t.text })),
  );
  return unread.length > 0 ? { unreadTitles: unread } : {};
}

function formatText(r: FileResult): string {
  const lines: string[] = [`== ${path.basename(r.file)} ==`];
  if (r.error) {
    lines.push(`  无法读取：${r.error}`, '');
    return lines.join('\n') + '\n';
  }
  const unread = r.unreadTitles ?? [];
  if (r.forms.length === 0 && unread.length === 0) lines.push('  未找到绩效目标表。');
  for (const f of r.forms)
    lines.push(`  [${FORM_KIND_LABEL[f.kind]}] ${f.sheet}!${f.range}  ${f.title}`);
  for (const t of unread)
    lines.push(
      `  [未能读取] ${t.sheet}!${t.cell}  “${t.text}”：找到了标题，但未能读出这张表，其中的内容没有检查。请按标准格式填写，或用 jixiao inspect 查看识别情况。`,
    );
  const counts = { error: unread.length, warning: 0, info: 0 };
  let sheet = '';
  for (const f of r.findings) {
    counts[f.severity]++;
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      lines.push('', `  工作表「${sheet}」`);
    }
    const hint = suggestionHint(f.suggestions);
    lines.push(
      `    ${f.cell.padEnd(6)} ${SEVERITY_LABEL[f.severity]}  ${f.message}${hint}  [${f.rule}]`,
    );
  }
  lines.push(
    '',
    `  共 ${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示。`,
    '',
  );
  return lines.join('\n') + '\n';
}

/** Suggestions for the terminal; a whole packed cell's replacement is too long to read there. */
function suggestionHint(suggestions: ReadonlyArray<string>): string {
  if (suggestions.length === 0) return '';
  if (suggestions.some((s) => s.length > 40)) return '  → 有整格替换建议（用 --json 查看）';
  return `  → 建议：${suggestions.join(' 或 ')}`;
}
