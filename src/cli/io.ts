/** Where a command writes, and what a command is; tests pass their own IO. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A command: its arguments (after the command name) in, its exit code out. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** The process's stdout and stderr. */
export const nodeIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};
