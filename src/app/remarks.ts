/**
 * Review remarks kept in the workbook: a `RemarkStore` over the host's `loadRemarks`/`saveRemarks`
 * (a custom XML part in both hosts), loaded when the pane opens and saved on every change, and the
 * state the 审核 tab shows about it. Kept remarks that cannot be read are never overwritten unasked:
 * saving pauses until the reviewer chooses to replace them.
 */
import type { WorkbookHost } from '../host/types';
import { encodeRemarks, readRemarks, type Remark, type RemarkStore } from '../review';

export type RemarksStatus =
  /** reading what the workbook keeps */
  | 'loading'
  /** loaded; every change is saved */
  | 'saved'
  /** the kept remarks (or some of them) cannot be read; saving waits for the reviewer */
  | 'unreadable'
  /** the host cannot keep remarks: they last for this session only */
  | 'unsupported'
  /** reading or saving failed (the message says which) */
  | 'failed';

export interface RemarksState {
  readonly status: RemarksStatus;
  /** the Chinese message for every status but `loading` and `saved` */
  readonly message: string | null;
}

export const initialRemarksState: RemarksState = { status: 'loading', message: null };

export type RemarksAction = {
  type: 'remarks/status';
  status: RemarksStatus;
  message: string | null;
};

export function remarksReducer(state: RemarksState, action: RemarksAction): RemarksState {
  switch (action.type) {
    case 'remarks/status':
      return state.status === action.status && state.message === action.message
        ? state
        : { status: action.status, message: action.message };
    default:
      return state;
  }
}

export const remarksMessages = {
  unsupported: '当前环境无法把审核意见保存在工作簿中，关闭后审核意见将丢失。请及时导出审核意见。',
  broken: '工作簿中保存的审核意见已损坏，无法读取。',
  newer: '工作簿中的审核意见由较新版本的绩效目标表助手保存，当前版本无法读取。',
  dropped: (n: number, kept: number) =>
    `工作簿中有 ${n} 条审核意见无法读取，下面列出其余 ${kept} 条。`,
  paused: '为免覆盖原有内容，新的审核意见暂不保存到工作簿。',
  loadFailed: (why: string) => `无法读取工作簿中保存的审核意见：${why}`,
  saveFailed: (why: string) => `审核意见未能保存到工作簿：${why}`,
} as const;

/**
 * Keeps remarks in the host's workbook. `load` reports what it found through `report`; `save`
 * writes unless the kept text could not be read (then only after `allowOverwrite`).
 */
export class HostRemarkStore implements RemarkStore {
  private paused = false;
  private last: ReadonlyArray<Remark> = [];
  /** what failed last, for a retry: read again, or save again */
  failedOn: 'load' | 'save' | null = null;

  constructor(
    private readonly host: WorkbookHost,
    private readonly report: (action: RemarksAction) => void,
  ) {}

  private set(status: RemarksStatus, message: string | null = null): void {
    this.report({ type: 'remarks/status', status, message });
  }

  async load(): Promise<ReadonlyArray<Remark>> {
    this.paused = false;
    this.failedOn = null;
    if (!this.host.loadRemarks || !this.host.saveRemarks) {
      this.set('unsupported', remarksMessages.unsupported);
      return [];
    }
    this.set('loading');
    const r = await this.host.loadRemarks();
    if (!r.ok) {
      this.paused = true;
      this.failedOn = 'load';
      this.set('failed', `${remarksMessages.loadFailed(r.error.message)}${remarksMessages.paused}`);
      return [];
    }
    if (r.value === null || r.value.trim() === '') {
      this.set('saved');
      return [];
    }
    const read = readRemarks(r.value);
    if (!read.ok) {
      this.paused = true;
      this.set('unreadable', `${remarksMessages[read.reason]}${remarksMessages.paused}`);
      return [];
    }
    if (read.dropped > 0) {
      this.paused = true;
      this.set(
        'unreadable',
        `${remarksMessages.dropped(read.dropped, read.remarks.length)}${remarksMessages.paused}`,
      );
    } else this.set('saved');
    this.last = read.remarks;
    return read.remarks;
  }

  async save(remarks: ReadonlyArray<Remark>): Promise<void> {
    this.last = remarks;
    if (this.paused || !this.host.saveRemarks) return;
    const r = await this.host.saveRemarks(encodeRemarks(remarks));
    this.failedOn = r.ok ? null : 'save';
    if (r.ok) this.set('saved');
    else this.set('failed', remarksMessages.saveFailed(r.error.message));
  }

  /** The reviewer chose to replace what could not be read (or to retry a failed save). */
  async allowOverwrite(): Promise<void> {
    this.paused = false;
    await this.save(this.last);
  }
}
