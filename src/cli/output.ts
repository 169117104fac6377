/**
 * Every file the command line writes goes through here, so that no output ever overwrites an input
 * or is left half-written (README "Rules of the house": never lose user data).
 *
 * - `planOutputs` looks before any work is done: it resolves real paths and file identities (device
 *   and inode) of the inputs and the outputs, and refuses an output that is an input (by name,
 *   through a symlink or a hard link, even with --force), a dangling symlink, a folder, or an
 *   existing file without --force. A symlink at the output path is followed only with --force, and
 *   the plan says so in a note.
 * - `commitOutputs` writes each output to a temporary file beside it and renames it into place. The
 *   outputs of one run all appear or none does: when a later rename fails, the outputs already
 *   renamed in this run are removed again, and a file that --force replaced gets its old content
 *   back (it is kept as a hard link, or a copy, until every output is in place).
 *
 * Every failure comes back as a Chinese message (`writeErrorReason`), never a raw error code.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIO } from './io';

/** One output as planned: where its bytes go, and the existing file they replace (with --force). */
export interface OutputTarget {
  /** The path as the user gave it, for messages. */
  readonly given: string;
  /** Where the file is written: its real folder and name (a symlink's target, with --force). */
  readonly path: string;
  /** The file that is there now and will be replaced (only with --force), or null. */
  readonly replaces: fs.Stats | null;
}

export interface OutputPlan {
  readonly targets: ReadonlyArray<OutputTarget>;
  readonly force: boolean;
  /** Device, inode and real path of every input that exists. */
  readonly inputs: ReadonlyArray<Input>;
  /** Things the user should know, e.g. that a symlink is followed. */
  readonly notes: ReadonlyArray<string>;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string };

interface Identity {
  readonly dev: number;
  readonly ino: number;
}

interface Input extends Identity {
  /** The input's real path, to tell a hard link from the same name. */
  readonly real: string;
}

/** A refusal or failure that already carries the whole Chinese message. */
class OutputError extends Error {}

/**
 * `planOutputs` for a command: a refusal goes to `io.err` (null is returned, the command exits 2),
 * and so do the plan's notes.
 */
export function prepareOutputs(
  io: CliIO,
  outputs: ReadonlyArray<string>,
  options: { readonly inputs?: ReadonlyArray<string>; readonly force: boolean },
): OutputPlan | null {
  const planned = planOutputs(outputs, options);
  if (!planned.ok) {
    io.err(`${planned.error}\n`);
    return null;
  }
  for (const note of planned.plan.notes) io.err(`${note}\n`);
  return planned.plan;
}

/** `commitOutputs` for a command: false (after telling `io.err` why) when nothing was written. */
export function writeOutputs(
  io: CliIO,
  plan: OutputPlan,
  contents: ReadonlyArray<Uint8Array>,
): boolean {
  const committed = commitOutputs(plan, contents);
  if (!committed.ok) io.err(`${committed.error}\n`);
  return committed.ok;
}

/**
 * Checks the outputs before anything is read or written. `inputs` are the files the run reads;
 * none of them is ever written, whatever path or link names it.
 */
export function planOutputs(
  outputs: ReadonlyArray<string>,
  options: { readonly inputs?: ReadonlyArray<string>; readonly force: boolean },
): Outcome<{ plan: OutputPlan }> {
  const inputs = (options.inputs ?? []).flatMap((f) => {
    const st = statOrNull(f);
    return st ? [{ dev: st.dev, ino: st.ino, real: fs.realpathSync(f) }] : [];
  });
  const notes: string[] = [];
  const targets: OutputTarget[] = [];
  try {
    for (const given of outputs) {
      const target = planOne(given, inputs, options.force, notes);
      const twin = targets.find(
        (t) =>
          t.path === target.path ||
          (t.replaces && target.replaces && sameFile(t.replaces, target.replaces)),
      );
      if (twin) {
        throw new OutputError(`“${twin.given}”和“${given}”是同一个文件，不能同时作为两个输出。`);
      }
      targets.push(target);
    }
  } catch (e) {
    return { ok: false, error: message(e, outputs[targets.length]) };
  }
  return { ok: true, plan: { targets, force: options.force, inputs, notes } };
}

function planOne(
  given: string,
  inputs: ReadonlyArray<Input>,
  force: boolean,
  notes: string[],
): OutputTarget {
  let where = path.resolve(given);
  let st = lstatOrNull(where);
  if (st?.isSymbolicLink()) {
    const link = fs.readlinkSync(where);
    let real: string;
    try {
      real = fs.realpathSync(where);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new OutputError(
          `“${given}”是指向“${link}”的符号链接，而“${link}”不存在；不会通过这个链接写入。请换一个文件名，或先删除这个链接。`,
        );
      }
      throw e;
    }
    st = fs.statSync(real);
    refuseExisting(given, real, st, inputs, force, `（它是指向“${real}”的符号链接）`);
    notes.push(`注意：“${given}”是符号链接，结果将写入它指向的“${real}”。`);
    where = real;
  } else if (st) {
    refuseExisting(given, fs.realpathSync(where), st, inputs, force, '');
  }
  // the real folder, so that the temporary file is made beside the file that is finally written
  const dir = fs.realpathSync(path.dirname(where));
  if (!fs.statSync(dir).isDirectory()) throw errno('ENOTDIR', dir);
  fs.accessSync(dir, fs.constants.W_OK);
  return { given, path: path.join(dir, path.basename(where)), replaces: st };
}

function refuseExisting(
  given: string,
  real: string,
  st: fs.Stats,
  inputs: ReadonlyArray<Input>,
  force: boolean,
  how: string,
): void {
  if (st.isDirectory()) throw errno('EISDIR', given);
  const input = inputs.find((i) => sameFile(i, st));
  if (input) {
    const link = !how && input.real !== real ? `（它是输入文件“${input.real}”的硬链接）` : how;
    throw new OutputError(
      `输出文件“${given}”与输入文件相同${link}；导出不会改动原表，请换一个文件名。`,
    );
  }
  if (!st.isFile()) throw new OutputError(`“${given}”不是普通文件，不能作为输出文件。`);
  if (!force) {
    throw new OutputError(`输出文件“${given}”已存在${how}，未做任何改动。如需覆盖，请加 --force。`);
  }
}

/**
 * Writes `contents[i]` to `plan.targets[i]`: all of them, or (on any failure) none, with every
 * temporary file removed and every file that was there before as it was.
 */
export function commitOutputs(
  plan: OutputPlan,
  contents: ReadonlyArray<Uint8Array>,
): Outcome<object> {
  const { targets } = plan;
  const temps: Array<string | undefined> = [];
  let at = 0;
  try {
    for (; at < targets.length; at++) temps[at] = writeTemp(targets[at], contents[at], temps, at);
  } catch (e) {
    removeAll(temps);
    return { ok: false, error: failed(targets[at].given, e) };
  }

  const placed: Array<{ target: OutputTarget; kept: string | null }> = [];
  const kept: Array<string | null> = [];
  try {
    for (at = 0; at < targets.length; at++) {
      const t = targets[at];
      const now = lstatOrNull(t.path);
      if (now) refuseExisting(t.given, t.path, now, plan.inputs, plan.force, '');
      // one output replaces atomically by itself; with several, keep the old file until all are in
      kept[at] = now && targets.length > 1 ? keepOld(t.path) : null;
      fs.renameSync(temps[at] as string, t.path);
      temps[at] = undefined;
      placed.push({ target: t, kept: kept[at] });
      kept[at] = null;
    }
  } catch (e) {
    const problems = rollBack(placed);
    removeAll(temps);
    removeAll(kept);
    return { ok: false, error: failed(targets[at].given, e, problems) };
  }
  removeAll(placed.map((p) => p.kept));
  return { ok: true };
}

/** The bytes in a new temporary file beside the target, flushed to disk; returns its path. */
function writeTemp(
  target: OutputTarget,
  bytes: Uint8Array,
  temps: Array<string | undefined>,
  index: number,
): string {
  const temp = tempName(target.path, 'tmp');
  const fd = fs.openSync(temp, 'wx', 0o666);
  temps[index] = temp;
  try {
    if (target.replaces) fs.fchmodSync(fd, target.replaces.mode & 0o777);
    for (let done = 0; done < bytes.length;) {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    }
    // a full disk may only show here (delayed allocation); some file systems cannot sync at all
    try {
      fs.fsyncSync(fd);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EINVAL' && code !== 'ENOTSUP') throw e;
    }
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

/** Keeps the file that is about to be replaced under a temporary name (a hard link, or a copy). */
function keepOld(file: string): string {
  const old = tempName(file, 'old');
  try {
    fs.linkSync(file, old);
  } catch {
    fs.copyFileSync(file, old, fs.constants.COPYFILE_EXCL);
  }
  return old;
}

/** Undoes the renames of this run, last first; returns what could not be undone, in Chinese. */
function rollBack(placed: ReadonlyArray<{ target: OutputTarget; kept: string | null }>): string[] {
  const problems: string[] = [];
  for (const { target, kept } of [...placed].reverse()) {
    try {
      if (kept) fs.renameSync(kept, target.path);
      else fs.unlinkSync(target.path);
    } catch (e) {
      problems.push(
        kept
          ? `未能恢复“${target.given}”原来的内容（${writeErrorReason(e)}），原内容保存在“${kept}”`
          : `未能删除本次已写出的“${target.given}”（${writeErrorReason(e)}）`,
      );
    }
  }
  return problems;
}

/** `.name.<pid>-<random>.jixiao-tmp` in the same folder (short enough for any file name). */
function tempName(file: string, kind: 'tmp' | 'old'): string {
  const base = [...path.basename(file)].slice(0, 32).join('');
  const tag = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(file), `.${base}.${tag}.jixiao-${kind}`);
}

function removeAll(files: ReadonlyArray<string | null | undefined>): void {
  for (const f of files) {
    if (!f) continue;
    try {
      fs.unlinkSync(f);
    } catch {
      // already gone, or the folder became unwritable: nothing more can be done
    }
  }
}

function failed(given: string, e: unknown, problems: ReadonlyArray<string> = []): string {
  if (problems.length > 0) {
    return `${message(e, given)}另外，${problems.join('；')}。`;
  }
  return `${message(e, given)}没有写出任何文件，已有的文件保持原样。`;
}

function message(e: unknown, given: string | undefined): string {
  if (e instanceof OutputError) return e.message;
  return `无法写出“${given ?? ''}”：${writeErrorReason(e)}。`;
}

/** Why a file could not be written, in Chinese, for the errors a disk or a path can give. */
export function writeErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EDQUOT':
      return '超出了磁盘配额';
    case 'EFBIG':
      return '文件超出了系统允许的大小';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限（文件或所在文件夹）';
    case 'EROFS':
      return '所在位置是只读的';
    case 'ELOOP':
      return '路径中的符号链接过多或形成了循环';
    case 'EISDIR':
      return '这是一个文件夹，不能作为输出文件';
    case 'ENOTDIR':
      return '路径中有一部分不是文件夹';
    case 'ENOENT':
      return '所在文件夹不存在';
    case 'ENAMETOOLONG':
      return '文件名或路径太长';
    case 'EXDEV':
      return '临时文件与目标不在同一个磁盘（文件系统）上，无法替换';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序占用（可能已在 Excel 中打开），请关闭后重试';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多';
    case 'EIO':
      return '磁盘读写出错';
    case 'EEXIST':
      return '文件已存在';
    default:
      return code
        ? `系统报告写入错误（错误代码 ${code}）`
        : `写入时出错（${(e as Error)?.message ?? String(e)}）`;
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function errno(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`), { code, path: file });
}
