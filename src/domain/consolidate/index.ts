/** Consolidation: many per-file validations → one summary (see consolidate.ts). */
export { consolidate, type ConsolidateOptions } from "./consolidate";
export {
  buildCommuneCodeMap,
  identifyCommune,
  communeNameKey,
  periodEra,
  REFORM_DATE,
} from "./communeCodeMap";
export type { CommuneCodeMap, CommuneCodeRow, CommuneIdentity } from "./communeCodeMap";
export { compareNewness, periodBounds } from "./comparePeriods";
export { fileFailed } from "./fileValidation";
export type * from "./fileValidation";
export type * from "./summaryModel";
