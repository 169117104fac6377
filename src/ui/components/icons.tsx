/** The few icons the pane uses, as inline SVG (20×20, currentColor), hidden from screen readers. */
import type { ReactElement } from 'react';

function icon(path: ReactElement): () => ReactElement {
  const Icon = () => (
    <svg
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {path}
    </svg>
  );
  return Icon;
}

export const CheckIcon = icon(
  <>
    <path d="M10 2.5l6 2.2v4.6c0 3.9-2.6 6.9-6 8.2-3.4-1.3-6-4.3-6-8.2V4.7z" />
    <path d="M7.2 10l2 2 3.8-4" />
  </>,
);
export const SheetIcon = icon(
  <>
    <rect x="3" y="3.5" width="14" height="13" rx="1.5" />
    <path d="M3 8h14M3 12.3h14M8 3.5v13" />
  </>,
);
export const AddSheetIcon = icon(
  <>
    <path d="M10.5 16.5H4.5a1.5 1.5 0 01-1.5-1.5V5a1.5 1.5 0 011.5-1.5h11A1.5 1.5 0 0117 5v5" />
    <path d="M3 8h14M8 3.5v13M15 12.5v5M12.5 15h5" />
  </>,
);
export const DownloadIcon = icon(
  <>
    <path d="M10 3v9.5M6 9l4 4 4-4" />
    <path d="M4 16.5h12" />
  </>,
);
export const UndoIcon = icon(
  <>
    <path d="M7 5L3.5 8.5 7 12" />
    <path d="M3.5 8.5H12a4.5 4.5 0 010 9H9" />
  </>,
);
export const DismissIcon = icon(<path d="M5 5l10 10M15 5L5 15" />);
export const OpenIcon = icon(
  <>
    <path d="M3 15.5V5a1.5 1.5 0 011.5-1.5h3.2l1.8 2h6A1.5 1.5 0 0117 7v1.5" />
    <path d="M3 15.5l2.2-6A1.5 1.5 0 016.6 8.5h10.2l-2.4 7H3z" />
  </>,
);
export const FixIcon = icon(
  <>
    <path d="M4 16l7.5-7.5M12.5 3.5l1 2 2 1-2 1-1 2-1-2-2-1 2-1zM15.5 11l.6 1.2 1.2.6-1.2.6-.6 1.2-.6-1.2-1.2-.6 1.2-.6z" />
  </>,
);
