import type { Grid } from '../grid/grid';
import type { Form } from '../model/forms';

/** Rows of a sheet to look at; both ends inclusive. */
export interface RowWindow {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Finds and reads the forms of one kind on a sheet. With a window, only forms whose first row lies
 * in the window are read, and reading does not go past `window.bottom` (used to re-read one edited
 * form without touching the rest of the sheet).
 */
export interface FormReader {
  readonly kind: Form['kind'];
  read(grid: Grid, window?: RowWindow): Form[];
}
