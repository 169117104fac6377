/**
 * The requirement sets Jixiao declares in manifest.xml and checks at runtime. ExcelApi 1.9 is the
 * minimum (RangeAreas, worksheet-collection events, page layout); merged areas need 1.13 and are
 * read only where the host has it; a change event's `triggerSource` needs 1.14 and is read only
 * where the host has it.
 */
export const MINIMUM_EXCEL_API = '1.9';
/** `Range.getMergedAreasOrNullObject` */
export const MERGED_AREAS_EXCEL_API = '1.13';
/** `WorksheetChangedEventArgs.triggerSource` */
export const TRIGGER_SOURCE_EXCEL_API = '1.14';

/** The part of `Office.context.requirements` we use; injected so it can be faked. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface HostFeatures {
  /** merged areas can be read (ExcelApi 1.13) */
  readonly mergedAreas: boolean;
  /**
   * change events say whether the add-in made the change (ExcelApi 1.14); without it the host
   * recognises its own writes by a time window only
   */
  readonly triggerSource?: boolean;
}

export type RequirementCheck =
  | { readonly ok: true; readonly features: HostFeatures }
  | { readonly ok: false; readonly message: string };

export function checkRequirements(req: RequirementChecker): RequirementCheck {
  if (!req.isSetSupported('ExcelApi', MINIMUM_EXCEL_API)) {
    return {
      ok: false,
      message: `当前 Excel 版本过旧，绩效目标表助手需要 Excel JavaScript API ${MINIMUM_EXCEL_API} 或更高版本（Microsoft 365、Excel 2021 及以上或 Excel 网页版）。请更新 Office 后重新打开加载项，或使用独立模式在浏览器中检查工作簿。`,
    };
  }
  return {
    ok: true,
    features: {
      mergedAreas: req.isSetSupported('ExcelApi', MERGED_AREAS_EXCEL_API),
      triggerSource: req.isSetSupported('ExcelApi', TRIGGER_SOURCE_EXCEL_API),
    },
  };
}
