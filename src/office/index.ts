export { setupOffice, type OfficeStart } from './setupOffice';
export { OfficeWorkbookHost, type OfficeHostOptions } from './host';
export {
  checkRequirements,
  MINIMUM_EXCEL_API,
  MERGED_AREAS_EXCEL_API,
  type HostFeatures,
} from './requirements';
export type { ExcelRun } from './run';
