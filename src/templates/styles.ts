import type { CellStyle, HighlightStyle } from './spec';

/** The look of the forms: 宋体 as on printed budget documents, thin borders, wrapped text. */
const FONT = '宋体';
const body = { name: FONT, size: 10.5 };
const AMOUNT_FORMAT = '#,##0.00';
/** formula cells: a light grey so a clerk sees they are computed */
const COMPUTED_FILL = 'F2F2F2';

export const STYLES = {
  title: {
    font: { name: FONT, size: 16, bold: true },
    horizontal: 'center',
    vertical: 'middle',
    locked: true,
  },
  subtitle: { font: body, horizontal: 'center', vertical: 'middle', locked: true },
  unit: { font: body, horizontal: 'right', vertical: 'middle', locked: true },
  caption: { font: body, horizontal: 'left', vertical: 'middle', locked: true },
  label: {
    font: body,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    border: true,
    locked: true,
  },
  header: {
    font: { ...body, bold: true },
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    border: true,
    locked: true,
  },
  text: {
    font: body,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    border: true,
    locked: false,
  },
  'text-center': {
    font: body,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    border: true,
    locked: false,
  },
  amount: {
    font: body,
    horizontal: 'right',
    vertical: 'middle',
    border: true,
    numberFormat: AMOUNT_FORMAT,
    locked: false,
  },
  'amount-calc': {
    font: body,
    horizontal: 'right',
    vertical: 'middle',
    border: true,
    numberFormat: AMOUNT_FORMAT,
    fill: COMPUTED_FILL,
    locked: true,
  },
  'amount-calc-bold': {
    font: { ...body, bold: true },
    horizontal: 'right',
    vertical: 'middle',
    border: true,
    numberFormat: AMOUNT_FORMAT,
    fill: COMPUTED_FILL,
    locked: true,
  },
  number: {
    font: body,
    horizontal: 'center',
    vertical: 'middle',
    border: true,
    numberFormat: 'General',
    locked: false,
  },
  blank: { font: body, border: true, fill: COMPUTED_FILL, locked: true },
  check: {
    font: { ...body, size: 9, color: 'C00000' },
    vertical: 'middle',
    wrap: true,
    locked: true,
  },
  'check-header': { font: { ...body, size: 9, color: '808080' }, vertical: 'middle', locked: true },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;

/** Conditional-format colours: red for an error, orange for a warning (Excel's own palette). */
export const HIGHLIGHT = {
  error: { fill: 'FFC7CE', fontColor: '9C0006' },
  warning: { fill: 'FFEB9C', fontColor: '9C5700' },
} satisfies Record<string, HighlightStyle>;
