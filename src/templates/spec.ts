/**
 * The template spec model: one sheet of a blank form described as plain data (JSON-serialisable),
 * so that any writer can lay it out — the .xlsx writer now, the office-js writer in the add-in later.
 *
 * Conventions every writer follows:
 * - Addresses are A1 strings without `$` (`C5`, `A1:F1`); rows and columns are 1-based as in A1.
 * - A formula is stored without its leading `=` (`D7+D8`); a writer adds it back if its API needs it.
 * - A merged range takes the style of its top-left cell, on every cell of the range (borders included).
 * - Conditional-format formulas are written relative to the top-left cell of their range.
 * - Cells whose style has `locked: false` are the input cells; all other cells are locked, and the
 *   sheet is protected without a password.
 */

export type TemplateKind = 'project' | 'department' | 'list';

/** A cell: a fixed value (label, pre-filled default), a formula, or nothing (an empty input cell). */
export interface CellSpec {
  readonly address: string;
  readonly value?: string | number;
  /** without the leading `=` */
  readonly formula?: string;
  /** a key of `SheetSpec.styles` */
  readonly style: string;
}

export interface FontSpec {
  readonly name: string;
  /** points */
  readonly size: number;
  readonly bold?: boolean;
  /** RRGGBB */
  readonly color?: string;
}

export interface CellStyle {
  readonly font: FontSpec;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** thin black border on all four sides */
  readonly border?: boolean;
  /** solid background, RRGGBB */
  readonly fill?: string;
  /** Excel number format code; absent means General */
  readonly numberFormat?: string;
  /** false for input cells (left unlocked on the protected sheet) */
  readonly locked: boolean;
}

export interface MessageSpec {
  readonly title: string;
  readonly text: string;
}

export type ValidationRule =
  /** a dropdown; `strict: false` lets a clerk keep other text after a warning */
  | { readonly type: 'list'; readonly values: ReadonlyArray<string>; readonly strict: boolean }
  /** a number ≥ min (and ≤ max when given) */
  | { readonly type: 'decimal'; readonly min: number; readonly max?: number }
  /** a whole number ≥ min (and ≤ max when given) */
  | { readonly type: 'whole'; readonly min: number; readonly max?: number };

export interface ValidationSpec {
  /** cells or ranges the rule applies to */
  readonly ranges: ReadonlyArray<string>;
  readonly rule: ValidationRule;
  /** the input message shown when the cell is selected */
  readonly prompt: MessageSpec;
  /** the message shown when the entry is rejected (or warned about) */
  readonly error: MessageSpec;
}

export interface HighlightStyle {
  /** RRGGBB */
  readonly fill?: string;
  /** RRGGBB */
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/** A formula-based conditional format: cells of `range` get `style` where `formula` is true. */
export interface ConditionalFormatSpec {
  readonly range: string;
  /** relative to the top-left cell of `range`, without `=` */
  readonly formula: string;
  readonly style: HighlightStyle;
  /** what the colour means, for documentation and the add-in */
  readonly description: string;
}

export interface PrintSpec {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** scale so that the print area is one page wide (height unlimited) */
  readonly fitToPageWidth: true;
  /** rows repeated at the top of every printed page, e.g. `14:14` */
  readonly titleRows?: string;
  /** e.g. `A1:G40` */
  readonly area: string;
  /** false: the sheet's own borders draw the form, no gridlines are printed */
  readonly gridlines: boolean;
  readonly horizontalCentered: boolean;
  /** inches */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
}

export interface ProtectionSpec {
  /** the layout is protected so formulas and labels cannot be broken by accident */
  readonly sheet: true;
  /** no password: anyone can unprotect from the menu */
  readonly password: null;
  readonly allowFormatColumns: boolean;
  readonly allowFormatRows: boolean;
  readonly allowInsertRows: boolean;
}

export interface SheetSpec {
  readonly name: string;
  /** widths in characters, column A first */
  readonly columnWidths: ReadonlyArray<number>;
  /** row number (1-based, as a string key) → height in points; rows not listed keep the default */
  readonly rowHeights: Readonly<Record<string, number>>;
  readonly cells: ReadonlyArray<CellSpec>;
  readonly merges: ReadonlyArray<string>;
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly validations: ReadonlyArray<ValidationSpec>;
  readonly conditionalFormats: ReadonlyArray<ConditionalFormatSpec>;
  readonly print: PrintSpec;
  readonly protection: ProtectionSpec;
  /** show the grid on screen (false: the form's borders only) */
  readonly showGridlines: boolean;
  /** field name (`budget.fiscal`, `indicator[3].annual`) → its input cell */
  readonly inputs: Readonly<Record<string, string>>;
  /** field name (`budget.total`, `check.expenseType`) → a formula cell computed from the inputs */
  readonly outputs: Readonly<Record<string, string>>;
}

export interface TemplateSpec {
  readonly kind: TemplateKind;
  /** the template's name for a clerk, e.g. 项目支出绩效目标表 */
  readonly name: string;
  readonly sheet: SheetSpec;
}
