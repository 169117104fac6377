import type { HostError } from '../host/types';

/** How the office host reaches Excel: `Excel.run` with options, injected so tests can use a fake. */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Every batch waits while the user is editing a cell instead of failing. */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The error code of an office-js error (`ItemNotFound`, `AccessDenied`, …), or ''. */
export function officeErrorCode(e: unknown): string {
  if (
    e &&
    typeof e === 'object' &&
    'code' in e &&
    typeof (e as { code: unknown }).code === 'string'
  )
    return (e as { code: string }).code;
  return '';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A `HostError` thrown inside a batch (not an office-js error). */
export function isHostError(e: unknown): e is HostError {
  return (
    typeof e === 'object' &&
    e !== null &&
    'code' in e &&
    'message' in e &&
    !(e instanceof Error) &&
    typeof (e as HostError).message === 'string'
  );
}
