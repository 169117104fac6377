/** Reading many sheets from any host in few round trips, for the app and the live checker. */
import type { SheetData } from '../engine';
import type { HostError, WorkbookHost } from './types';

/** Sheets read per round trip: bounded so that progress moves and memory stays flat. */
export const READ_BATCH = 8;

/**
 * Reads `names` in one round trip. When one sheet spoils the batch (too large, deleted meanwhile),
 * reads them one by one instead and reports each sheet that still fails to `onSkip`.
 */
export async function readSheetBatch(
  host: WorkbookHost,
  names: ReadonlyArray<string>,
  onSkip: (sheet: string, error: HostError) => void,
): Promise<SheetData[]> {
  const all = await host.readSheets(names);
  if (all.ok) return all.value;
  const out: SheetData[] = [];
  for (const n of names) {
    const r = await host.readSheet(n);
    if (r.ok) out.push(r.value);
    else onSkip(n, r.error);
  }
  return out;
}
