/** The one argument parser of every command: node's parseArgs, with a Chinese message on bad input. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './io';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

interface Config<O extends OptionSpec> {
  args: string[];
  options: O;
  allowPositionals: true;
}

export type ParsedArgs<O extends OptionSpec> = ReturnType<typeof parseArgs<Config<O>>>;

/**
 * Parses a command's arguments (positionals allowed). On bad input it writes `参数错误：…` to
 * stderr, followed by `usage` when given, and returns undefined: the command then exits with 2.
 */
export function parseCommandArgs<O extends OptionSpec>(
  args: string[],
  options: O,
  io: CliIO,
  usage?: string,
): ParsedArgs<O> | undefined {
  const config: Config<O> = { args, options, allowPositionals: true };
  try {
    return parseArgs(config);
  } catch (e) {
    io.err(`参数错误：${argumentError(e)}\n${usage === undefined ? '' : `\n${usage}`}`);
    return undefined;
  }
}

/** node's parseArgs error (English) in Chinese, naming the option it is about. */
export function argumentError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = String(err?.message ?? e);
  const option = /'(-{1,2}[^'\s,]+)/.exec(message)?.[1];
  const positional = /Unexpected argument '([^']*)'/.exec(message)?.[1];
  switch (err?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项“${option ?? message}”。以“-”开头的文件名请写在“--”之后。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option
        ? `选项“${option}”${/argument missing/.test(message) ? '缺少取值' : '的取值无效，它不接受取值'}。`
        : '选项的取值无效。';
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${positional ?? ''}”。`;
    default:
      return '命令行参数无法识别。';
  }
}
