/**
 * Why a file could not be read as a workbook. The code is for programs (exit codes, JSON output);
 * the message is for people: Vietnamese first, English second, one line, saying what to do.
 */
import { formatNumber } from "../../domain/i18n/formatNumber";

export type WorkbookReadErrorCode =
  | "not-found"
  | "io-error"
  | "not-a-spreadsheet"
  | "corrupt"
  | "encrypted"
  | "empty"
  | "too-large"
  | "too-many-cells"
  | "zip-bomb"
  | "invalid-content"
  | "unsupported";

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly fileName: string;

  constructor(code: WorkbookReadErrorCode, fileName: string, detail?: Record<string, string | number>) {
    super(readErrorMessage(code, fileName, detail ?? {}));
    this.name = "WorkbookReadError";
    this.code = code;
    this.fileName = fileName;
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}

function mb(bytes: string | number | undefined): string {
  return formatNumber(Number(bytes ?? 0) / 1024 / 1024, "vi", 1) + " MB";
}

function mbEn(bytes: string | number | undefined): string {
  return (Number(bytes ?? 0) / 1024 / 1024).toFixed(1) + " MB";
}

function readErrorMessage(
  code: WorkbookReadErrorCode,
  file: string,
  d: Record<string, string | number>,
): string {
  const vi = (s: string, en: string) => `${file}: ${s} / ${en}`;
  switch (code) {
    case "not-found":
      return vi("không tìm thấy tệp; kiểm tra lại đường dẫn.", "file not found; check the path.");
    case "io-error":
      return vi(
        `không đọc được tệp (${d.reason ?? "lỗi hệ thống"}); kiểm tra quyền truy cập.`,
        `cannot read the file (${d.reason ?? "system error"}); check permissions.`,
      );
    case "not-a-spreadsheet":
      return vi(
        "tệp không phải bảng tính Excel/ODS/CSV; hãy gửi tệp .xlsx, .xls, .ods hoặc .csv.",
        "not a spreadsheet (Excel/ODS/CSV); send an .xlsx, .xls, .ods or .csv file.",
      );
    case "corrupt":
      return vi(
        "tệp bị hỏng hoặc bị cắt cụt (tải/gửi chưa hết); hãy xin gửi lại tệp gốc.",
        "the file is corrupt or truncated (incomplete download or transfer); ask for the original again.",
      );
    case "encrypted":
      if (d.app === "LibreOffice")
        return vi(
          'tệp được đặt mật khẩu; hãy mở bằng LibreOffice, chọn Tệp > Lưu thành, bỏ chọn "Lưu với mật khẩu" rồi lưu lại.',
          'the file is password-protected; open it in LibreOffice, choose File > Save As, untick "Save with password" and save it again.',
        );
      return vi(
        "tệp được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại.",
        "the file is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.",
      );
    case "empty":
      return vi(
        "tệp rỗng, không có ô dữ liệu nào; kiểm tra xem đã gửi đúng tệp chưa.",
        "the file is empty (no cells with data); check that the right file was sent.",
      );
    case "too-large":
      return vi(
        `tệp quá lớn (${mb(d.size)}, tối đa ${mb(d.limit)}); hãy chỉ giữ các trang cần báo cáo.`,
        `file too large (${mbEn(d.size)}, limit ${mbEn(d.limit)}); keep only the sheets being reported.`,
      );
    case "too-many-cells":
      return vi(
        `tệp có quá nhiều ô (hơn ${d.limit} ô${d.sheet ? `, trang "${d.sheet}"` : ""}); hãy xoá các hàng/cột thừa.`,
        `too many cells (over ${d.limit}${d.sheet ? `, sheet "${d.sheet}"` : ""}); delete unused rows and columns.`,
      );
    case "zip-bomb":
      return vi(
        `tệp khai báo dung lượng giải nén bất thường (${mb(d.inflated)}); tệp bị từ chối để bảo vệ hệ thống.`,
        `the file declares an absurd inflated size (${mbEn(d.inflated)}); refused to protect the system.`,
      );
    case "invalid-content":
      return vi(
        `ô ${d.where} chứa văn bản dài ${d.length} ký tự, quá giới hạn ${d.limit} ký tự của Excel; tệp không do Excel tạo ra hoặc đã bị sửa, hãy kiểm tra và lưu lại bằng Excel.`,
        `cell ${d.where} holds ${d.length} characters of text, over Excel's limit of ${d.limit}; the file was not made by Excel or was tampered with: check it and save it again from Excel.`,
      );
    case "unsupported":
      return vi(
        `định dạng tệp chưa được hỗ trợ${d.reason ? ` (${d.reason})` : ""}; hãy lưu lại dưới dạng .xlsx.`,
        `unsupported file format${d.reason ? ` (${d.reason})` : ""}; save it as .xlsx.`,
      );
  }
}
