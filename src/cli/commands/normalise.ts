import path from 'node:path';
import { checkWorkbook } from '../../engine';
import { normalise, type NormaliseInput } from '../../engine/normalise';
import { toCsvBytes, writeNormalisedXlsx } from '../../adapters/xlsx/normalised-writer';
import { loadWorkbook, MAX_SIZE_USAGE, parseMaxSize, UNEXPECTED } from '../files';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { prepareOutputs, writeOutputs } from '../output';

/**
 * `jixiao normalise IN.xlsx... -o OUT.xlsx [--csv OUT.csv] [--force]`: every form of every input in
 * one flat 指标 sheet and one 项目资金 sheet (docs/domain.md §5), with a 来源文件 column. An existing output
 * is never overwritten without --force, and an input is never overwritten at all; the .xlsx and the
 * .csv both appear or neither does (../output.ts). Exit 0 when all inputs were read, 2 when one could
 * not be read (the others are still written), on bad arguments or when the outputs cannot be written.
 */
export async function runNormalise(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      output: { type: 'string', short: 'o' },
      csv: { type: 'string' },
      force: { type: 'boolean', default: false },
      'max-size': { type: 'string' },
    },
    io,
  );
  if (!parsed) return 2;
  const files = parsed.positionals;
  const out = parsed.values.output;
  const csv = parsed.values.csv;
  const force = parsed.values.force ?? false;
  if (files.length === 0) {
    io.err('请指定要导出的 .xlsx 文件，例如：jixiao normalise 绩效目标表.xlsx -o 指标汇总.xlsx\n');
    return 2;
  }
  if (!out) {
    io.err('请用 -o 指定输出文件，例如：jixiao normalise 绩效目标表.xlsx -o 指标汇总.xlsx\n');
    return 2;
  }
  if (!/\.xlsx$/i.test(out)) {
    io.err(`输出文件“${out}”应以 .xlsx 结尾。\n`);
    return 2;
  }
  const plan = prepareOutputs(io, csv === undefined ? [out] : [out, csv], { inputs: files, force });
  if (!plan) return 2;

  const sizeText = parsed.values['max-size'];
  const maxSize = sizeText === undefined ? undefined : parseMaxSize(sizeText);
  if (maxSize === null) {
    io.err(`${MAX_SIZE_USAGE}，收到“${sizeText}”。\n`);
    return 2;
  }

  const labels = sourceLabels(files);
  const read: NormaliseInput[] = [];
  let unreadable = false;
  for (const [i, file] of files.entries()) {
    // Each file in its own guard: one bad file never costs the others their rows.
    let report;
    try {
      const loaded = await loadWorkbook(file, { maxSize });
      if (!loaded.ok) {
        unreadable = true;
        io.err(`无法读取 ${file}：${loaded.error}\n`);
        continue;
      }
      report = checkWorkbook(loaded.workbook);
    } catch {
      unreadable = true;
      io.err(`无法读取 ${file}：${UNEXPECTED}\n`);
      continue;
    }
    const formCount = report.sheets.reduce((n, s) => n + s.forms.length, 0);
    if (formCount === 0) io.err(`${file}：未找到绩效目标表。\n`);
    read.push({ source: labels[i], sheets: report.sheets });
  }
  if (read.length === 0) {
    io.err('没有可读取的输入文件，未写出任何结果。\n');
    return 2;
  }

  const result = normalise(read);
  const bytes = [await writeNormalisedXlsx(result)];
  if (csv !== undefined) bytes.push(toCsvBytes(result.indicators));
  if (!writeOutputs(io, plan, bytes)) return 2;
  const written = csv !== undefined ? `${out} 和 ${csv}` : out;
  io.out(
    `已写出 ${written}：${result.indicators.rows.length} 行指标，${result.projects.rows.length} 个项目，来自 ${read.length} 个文件。\n`,
  );
  return unreadable ? 2 : 0;
}

/** The 来源文件 of each input: its file name, or the path as given when two inputs share a name. */
function sourceLabels(files: ReadonlyArray<string>): string[] {
  const names = files.map((f) => path.basename(f));
  return files.map((f, i) => (names.filter((n) => n === names[i]).length > 1 ? f : names[i]));
}
