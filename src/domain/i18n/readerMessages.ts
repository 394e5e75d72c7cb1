/** Messages about a workbook as a whole (not one finding), Vietnamese first then English. */
export function noTableMessage(sheetCount: number): string {
  return (
    `không tìm thấy bảng tiêu chí, danh mục thôn hay bảng khối lượng nào (đã xem ${sheetCount} trang tính); ` +
    `hãy kiểm tra đây có đúng là bảng theo dõi nông thôn mới, hoặc lập bảng theo mẫu bằng \`ntm template\`. / ` +
    `no criteria table, village checklist or work-volume table found (${sheetCount} sheet(s) looked at); ` +
    `check this is an NTM tracking workbook, or start from \`ntm template\`.`
  );
}
