/**
 * What consolidation itself tells people (duplicates, files left out by a filter). Findings about a
 * workbook's content come from the per-file validation (domain/i18n); these are about the run.
 * Vietnamese first, English second, saying what happened and what to do.
 */
export function duplicateMessage(
  commune: string,
  setId: string,
  period: string | null | undefined,
  keptFile: string,
): string {
  const p = period ?? "?";
  return (
    `Trùng báo cáo của ${commune} (bộ ${setId}, kỳ ${p}): đã dùng tệp mới hơn "${keptFile}", tệp này không được tổng hợp; ` +
    `nếu tệp này mới đúng, hãy xoá tệp kia rồi chạy lại. / ` +
    `Duplicate report of ${commune} (set ${setId}, period ${p}): the newer file "${keptFile}" was used and this one left out; ` +
    `if this one is right, remove the other and run again.`
  );
}

export function skippedForSetMessage(fileSet: string | undefined, wanted: string): string {
  return (
    `Bộ tiêu chí của tệp (${fileSet ?? "không rõ"}) khác bộ được chọn (${wanted}); không tổng hợp. / ` +
    `The file's criteria set (${fileSet ?? "unknown"}) is not the chosen set (${wanted}); left out.`
  );
}

export function skippedForPeriodMessage(filePeriod: string | null | undefined, wanted: string): string {
  return (
    `Kỳ báo cáo của tệp (${filePeriod ?? "không rõ"}) khác kỳ được chọn (${wanted}); không tổng hợp. / ` +
    `The file's period (${filePeriod ?? "unknown"}) is not the chosen period (${wanted}); left out.`
  );
}

export const UNKNOWN_DISTRICT = "Không rõ huyện / unknown district";
