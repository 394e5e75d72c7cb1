/**
 * Words more than one command says: a failure nobody planned for, a file that could not be written,
 * the choice between --region and --group. One copy each, so two commands never drift apart.
 */
import { both } from "./cliText";

export function unexpectedError(message: string): string {
  return `ntm: ${both("lỗi không mong đợi", "unexpected error")}: ${message}\n`;
}

export const regionOrGroup = {
  vi: "chỉ dùng một trong --region hoặc --group",
  en: "use either --region or --group, not both",
};

/** A file that could not be written, with the system's reason and what usually causes it. */
export function cannotWrite(file: string, reason: string | undefined): [vi: string, en: string] {
  return [
    `không ghi được ${file}${reason ? ` (${reason})` : ""}; kiểm tra thư mục và tệp có đang mở trong Excel không`,
    `cannot write ${file}${reason ? ` (${reason})` : ""}; check the folder and whether the file is open in Excel`,
  ];
}

export const optionHelp = {
  region: "vùng / region",
  group: "nhóm xã / commune group",
  set: "bộ tiêu chí / criteria set id (ntm criteria list)",
  setOrFile:
    "bộ tiêu chí: mã, tệp .json hoặc sổ soạn thảo .xlsx / criteria set: id, .json file or authoring .xlsx",
  setsServer:
    "dùng các bộ tiêu chí đã cài trên máy chủ (lưu lại để dùng khi mất mạng) / judge by the sets installed on this server (kept for offline use)",
  period: "kỳ báo cáo / period, e.g. 2023, 2023-Q2, 2023-11, 2023-W14",
  db: "tệp SQLite hoặc postgres://… (mặc định: DATABASE_URL, hoặc data/ntm.sqlite) / SQLite file or postgres:// URL (default: DATABASE_URL, else data/ntm.sqlite)",
  token: "mã truy cập (mặc định: biến NTM_TOKEN) / access token (default: $NTM_TOKEN)",
  server: "địa chỉ máy chủ / server URL, e.g. https://localhost:3000",
  lang: "ngôn ngữ của các phát hiện / language of the findings",
};
