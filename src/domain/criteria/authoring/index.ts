/** Authoring a criteria set in Excel: export any set as a workbook, compile a workbook into a set. */
export { exportAuthoringWorkbook, gridFromRows } from "./exportAuthoringWorkbook";
export { compileAuthoringWorkbook, type CompileResult } from "./compileAuthoringWorkbook";
export { formatAuthoringError, formatAuthoringErrorBilingual, type AuthoringError } from "./authoringError";
export { SHEETS } from "./authoringLayout";
