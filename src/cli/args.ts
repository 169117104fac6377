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
    io.err(`参数错误：${(e as Error).message}\n${usage === undefined ? '' : `\n${usage}`}`);
    return undefined;
  }
}
