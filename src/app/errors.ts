/**
 * Every error the pane can meet, as one Simplified Chinese sentence for the message bar: host
 * errors (already Chinese), unreadable files, cancellation, and anything unexpected.
 */
import type { HostError, HostResult } from '../host/types';

/** An error raised by the app layer itself; `message` is Chinese. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Thrown from a `HostResult` that failed, carrying the host's Chinese message. */
export class HostFailure extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
    this.name = 'HostFailure';
  }
}

/** The value of a host result, or a `HostFailure`. */
export function unwrap<T>(result: HostResult<T>): T {
  if (!result.ok) throw new HostFailure(result.error);
  return result.value;
}

export function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

const CJK = /[\u4e00-\u9fff]/;

function isHostError(x: unknown): x is HostError {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as HostError).code === 'string' &&
    typeof (x as HostError).message === 'string'
  );
}

/**
 * The Chinese message for an error. `action` names what failed (`检查`, `插入模板`), used when the
 * error itself has no Chinese text.
 */
export function errorMessage(error: unknown, action = '操作'): string {
  if (isAbort(error)) return `${action}已取消。`;
  if (error instanceof HostFailure) return error.error.message;
  if (isHostError(error)) return error.message;
  if (error instanceof Error) {
    if (CJK.test(error.message)) return error.message;
    const name = error.name;
    if (name === 'QuotaExceededError' || /out of memory|allocation failed/i.test(error.message))
      return `${action}失败：内存不足。请关闭其他程序或拆分工作簿后重试。`;
    if (/network|failed to fetch|loading chunk/i.test(error.message))
      return `${action}失败：无法加载所需组件，请检查网络连接后刷新页面。`;
    // the library's own (English) text stays out of the pane
    return `${action}失败：发生了意外错误。请重试；如果问题仍然存在，请刷新页面。`;
  }
  return `${action}失败：发生了意外错误。请重试；如果问题仍然存在，请刷新页面。`;
}
