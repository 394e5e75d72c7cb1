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

/** A file whose commune nobody could tell: left out, with what to write so it counts. */
export function unidentifiedCommuneMessage(writtenName: string, code: string | undefined): string {
  const said = code ? `mã ${code}` : writtenName ? `"${writtenName}"` : "";
  const saidEn = code ? `code ${code}` : writtenName ? `"${writtenName}"` : "";
  return said
    ? `Không xác định được xã ${said} trong bảng mã xã: tệp không được tổng hợp. Ghi đúng tên xã (có dấu) hoặc mã GSO ở tiêu đề biểu, hoặc dùng --org-units với bảng mã đúng. / ` +
        `Commune ${saidEn} is not in the commune code table: the file is left out. Write the commune's name (with diacritics) or GSO code in the title, or pass --org-units with the right table.`
    : `Tệp không ghi xã nào (tiêu đề không có tên hoặc mã xã): không tổng hợp. Ghi tên xã (có dấu) hoặc mã GSO ở tiêu đề biểu. / ` +
        `The file names no commune (no name or code in its title): left out. Write the commune's name (with diacritics) or GSO code in the title.`;
}

/** A commune recognised by its letters alone: counted, and said, because "Đình Bàn" is not "Đỉnh Bàn". */
export function withoutDiacriticsMessage(
  by: "name" | "file-name",
  written: string,
  commune: { name: string; code?: string },
): string {
  const unit = `${commune.name}${commune.code ? ` (${commune.code})` : ""}`;
  return by === "file-name"
    ? `Tệp không ghi tên xã; đã nhận là ${unit} theo tên tệp "${written}". Kiểm tra lại, và ghi tên xã (có dấu) hoặc mã GSO ở tiêu đề biểu. / ` +
        `The file names no commune; taken as ${unit} from its file name "${written}". Check it, and write the commune's name (with diacritics) or GSO code in the title.`
    : `Tên xã "${written}" viết không dấu; đã nhận là ${unit}. Kiểm tra lại, và ghi tên có dấu hoặc mã GSO ở tiêu đề biểu. / ` +
        `The commune's name "${written}" has no diacritics; taken as ${unit}. Check it, and write the name with diacritics or the GSO code in the title.`;
}

export const UNKNOWN_DISTRICT = "Không rõ huyện / unknown district";
