/**
 * The indicator framework (docs/domain.md §2) as data, and `classify` to read an indicator's 一级/二级
 * cells against it. The rules (`indicator.*`) and the normalised sheet (standard names) use it.
 *
 * API:
 * - `classify(level1Text, level2Text)` → `Classification`: `standardLevel1` / `standardLevel2`
 *   (standard names ending in 指标, null when unknown or blank), `status` (`ok` | `synonym` |
 *   `unknown` | `mismatch` | `empty`), `placement`, `category`, `code`, and the per-cell
 *   `level1` / `level2` matches (`LevelMatch`: `status`, `standard`, `written`, `code`).
 * - `matchLevel1(text)`, `matchLevel2(text)`: one cell alone.
 * - `standardiseLevelText(match)`: the cell text with a synonym replaced (for suggestions).
 * - `LEVEL1`, `LEVEL2`, `LEVEL1_SYNONYMS`, `LEVEL2_SYNONYMS`, `CATEGORY_LABEL`, `REQUIRED_CATEGORIES`.
 */
export * from './data';
export * from './classify';
