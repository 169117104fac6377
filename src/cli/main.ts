/** The `jixiao` command line: dispatches to one module per command under commands/. */
import { runCheck } from './commands/check';
import { nodeIO, type CliIO, type Command } from './io';

export type { CliIO, Command } from './io';

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => runCheck,
  template: async () => (await import('./commands/template')).runTemplate,
  normalise: async () => (await import('./commands/normalise')).runNormalise,
  rules: async () => (await import('./commands/rules')).runRules,
  inspect: async () => (await import('./commands/inspect')).runInspect,
};

export const USAGE = `用法 (usage):
  jixiao check FILE.xlsx... [--json] [--disable RULE,...] [--satisfaction-floor N] [--max-size 500MB]
      检查绩效目标表，按工作表和单元格列出问题。退出码：0 无错误，1 有错误，2 文件无法读取。
      --max-size：文件及其解压后内容的读取上限（默认 500MB），超过的文件报告为无法读取。
  jixiao template project|department|list -o FILE.xlsx [选项]
      生成标准模板（jixiao template --help 查看选项）。
  jixiao normalise IN.xlsx... -o OUT.xlsx [--csv OUT.csv] [--force] [--max-size 500MB]
      导出规范化指标表（“指标”和“项目资金”两张表；--csv 另存“指标”表为 CSV）。
      已存在的输出文件不会被覆盖，除非加 --force。
  jixiao rules [--json]
      列出全部检查规则。
  jixiao inspect FILE.xlsx [--sheet 工作表] [--json]
      显示识别结果：每张表的类型、范围、字段所在单元格、指标表表头各列的含义、读出的指标行和跳过的行。
`;

export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`未知命令：${name}\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest, io);
}
