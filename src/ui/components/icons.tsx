/**
 * The icons the pane uses: Fluent UI System Icons (@fluentui/react-icons), imported one by one so
 * that the bundle keeps only these. Severity icons carry the severity's colour and, since colour
 * alone tells nothing to some people, a different shape each.
 */
import {
  ArrowDownload20Regular,
  ArrowUndo20Regular,
  ChevronDown16Regular,
  Dismiss20Regular,
  DocumentTableSearch20Regular,
  ErrorCircle16Filled,
  FolderOpen20Regular,
  Info16Filled,
  ShieldCheckmark20Regular,
  Table20Regular,
  TableAdd20Regular,
  Warning16Filled,
  Wand20Regular,
} from '@fluentui/react-icons';
import { tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine';

export const CheckIcon = ShieldCheckmark20Regular;
export const SheetIcon = Table20Regular;
export const AddSheetIcon = TableAdd20Regular;
export const DownloadIcon = ArrowDownload20Regular;
export const UndoIcon = ArrowUndo20Regular;
export const DismissIcon = Dismiss20Regular;
export const OpenIcon = FolderOpen20Regular;
export const FixIcon = Wand20Regular;
export const InspectIcon = DocumentTableSearch20Regular;
export const MoreIcon = ChevronDown16Regular;

/** The colour of each severity in text and icons (Fluent palette tokens, light and dark). */
export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  info: tokens.colorPaletteBlueForeground2,
};

const SEVERITY_ICON = {
  error: ErrorCircle16Filled,
  warning: Warning16Filled,
  info: Info16Filled,
} as const;

/** The severity's icon in its colour; hidden from screen readers (the text says the severity). */
export function SeverityIcon({ severity }: { readonly severity: Severity }) {
  const Icon = SEVERITY_ICON[severity];
  return (
    <Icon
      aria-hidden="true"
      style={{ color: SEVERITY_COLOR[severity], flexShrink: 0, verticalAlign: 'text-bottom' }}
    />
  );
}
