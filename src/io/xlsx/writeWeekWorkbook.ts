/**
 * The district's week as a workbook (`ntm consolidate --kind work-volume -o`): Tuần (items per
 * unit, who did not report), Chỉ tiêu kỳ (targets vs achieved) and, when the store was asked,
 * Tiến độ nộp (completeness). Written by the same package writer and patcher as the summary
 * workbook, in the house style.
 */
import type { WorkVolumeConsolidation } from "../../domain/rhythm/consolidateWorkVolumes";
import type { CompletenessBody } from "../../domain/rhythm/rhythmWire";
import { xlsxPackageParts } from "./ooxml/writeXlsxPackage";
import { patchXlsxParts } from "./ooxml/patchXlsx";
import { writeCompleteness } from "./summary/completenessSheet";
import type { SummarySheet } from "./summary/summarySheet";
import { writeTargets, writeWeek } from "./summary/weekSheet";

export function weekSheets(
  week: WorkVolumeConsolidation,
  completeness: readonly CompletenessBody[] = [],
): SummarySheet[] {
  return [
    writeWeek(week),
    writeTargets(week),
    ...(completeness.length ? [writeCompleteness(completeness)] : []),
  ];
}

/** Summary-style sheets as .xlsx bytes (package writer, then conditional colours patched in). */
export function writeSheetsWorkbook(sheets: readonly SummarySheet[], title: string): Buffer {
  const parts = xlsxPackageParts(
    sheets.map((s) =>
      s.form.toPackageSheet(s.name, { print: s.print, freeze: s.freeze, autofilter: s.autofilter }),
    ),
    { title, author: "NTM Tracker" },
  );
  const patches = sheets.flatMap((s) => (s.patch ? [{ sheet: s.name, ...s.patch }] : []));
  return patchXlsxParts(parts, patches, { compressionLevel: 1 });
}

export function writeWeekWorkbook(
  week: WorkVolumeConsolidation,
  completeness: readonly CompletenessBody[] = [],
): Buffer {
  return writeSheetsWorkbook(weekSheets(week, completeness), `Khối lượng thực hiện kỳ ${week.period}`);
}
