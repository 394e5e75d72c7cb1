/** Messages about a workbook as a whole (not one finding), Vietnamese first then English. */

/** Starts with the file's base name, like the reader's own messages (workbookReadError). */
export function noTableMessage(sheetCount: number, file?: string): string {
  const name = file?.split(/[\\/]/).pop();
  return (
    (name ? `${name}: ` : "") +
    `không tìm thấy bảng tiêu chí, danh mục thôn hay bảng khối lượng nào (đã xem ${sheetCount} trang tính); ` +
    `hãy kiểm tra đây có đúng là bảng theo dõi nông thôn mới, hoặc lập bảng theo mẫu bằng \`ntm template\`. / ` +
    `no criteria table, village checklist or work-volume table found (${sheetCount} sheet(s) looked at); ` +
    `check this is an NTM tracking workbook, or start from \`ntm template\`.`
  );
}
