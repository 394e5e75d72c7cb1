/**
 * What the command line says about installed criteria sets (issue 13): reading a set file,
 * installing a version, listing versions, re-evaluating reports, and which version judged a file.
 * Vietnamese first, English second.
 */
import type { ReevaluatedLine } from "../../server/evaluation/reevaluateStoredReports";
import { both, countEn } from "./cliText";

/** Where the sets came from, [Vietnamese, English]. */
export type SetsFrom = [vi: string, en: string];

export const criteriaSetMessages = {
  noFile: (file: string) =>
    both(`Không có tệp ${file}: kiểm tra đường dẫn`, `no file ${file}: check the path`),
  unreadableJson: (file: string, why: string) =>
    both(
      `Không đọc được ${file} (JSON): ${why}; dùng tệp do "ntm criteria compile" ghi ra`,
      `cannot read ${file} as JSON: ${why}; use a file written by "ntm criteria compile"`,
    ),
  invalidJson: (file: string) =>
    both(
      `${file} không phải bộ tiêu chí hợp lệ; sửa từng chỗ dưới đây`,
      `${file} is not a valid criteria set; fix each place below`,
    ),
  unreadableBook: (file: string, why: string) =>
    both(`Không đọc được sổ ${file}: ${why}`, `cannot read the workbook ${file}: ${why}`),
  bookErrors: (file: string, n: number) =>
    both(
      `${file}: ${n} lỗi, chưa cài; sửa từng ô dưới đây rồi cài lại`,
      `${file}: ${countEn(n, "error")}, nothing installed; fix each cell below and install again`,
    ),
  /** [vi, en] for misuse(). */
  badDate: (text: string): [string, string] => [
    `"${text}" không phải ngày; ghi --in-force-from YYYY-MM-DD (ví dụ 2024-01-01)`,
    `"${text}" is not a date; write --in-force-from YYYY-MM-DD (e.g. 2024-01-01)`,
  ],
  installed: (label: string, by: string | null) =>
    both(`Đã cài ${label}${by ? `, người cài: ${by}` : ""}`, `installed ${label}${by ? ` by ${by}` : ""}`) +
    "\n",
  alreadyInstalled: (label: string) =>
    both(
      `Nội dung này đã được cài: ${label}; không có gì thay đổi`,
      `this content is already installed: ${label}; nothing changed`,
    ) + "\n",
  reevaluateHint: (id: string) =>
    both(
      `Báo cáo đã lưu vẫn giữ kết quả cũ cho tới khi chạy: ntm admin criteria reevaluate ${id}`,
      `stored reports keep their results until you run: ntm admin criteria reevaluate ${id}`,
    ) + "\n",
  noVersions: both(
    "Kho chưa có bộ tiêu chí nào; cài bằng ntm admin criteria install hoặc ntm admin seed",
    "the store holds no criteria set; install one with ntm admin criteria install or ntm admin seed",
  ),
  versionLine: (v: {
    label: string;
    name: string;
    installedBy: string | null;
    installedAt: string;
    inForce: boolean;
  }) =>
    `${v.inForce ? "*" : " "} ${v.label}  ${v.name}  ${v.installedBy ? `(${v.installedBy}, ${v.installedAt.slice(0, 10)})` : "(có sẵn / built-in)"}\n`,
  inForceLegend: both("* = phiên bản đang áp dụng hôm nay", "* = the version in force today") + "\n",
  unknownSetId: (id: string) =>
    both(
      `Kho không có bộ tiêu chí "${id}"; xem ntm admin criteria list`,
      `the store has no criteria set "${id}"; see ntm admin criteria list`,
    ) + "\n",
  reevaluated: (id: string, r: { reports: number; reevaluated: number; changed: number }) =>
    both(
      `${id}: ${r.reports} báo cáo, đánh giá lại ${r.reevaluated}, thay đổi số tiêu chí đạt ở ${r.changed}; không tạo phiên bản mới`,
      `${id}: ${countEn(r.reports, "report")}, ${r.reevaluated} re-evaluated, ${r.changed} with a changed count of criteria met; no new revision`,
    ) + "\n",
  reevaluatedLine: (l: ReevaluatedLine) =>
    `  ${l.org} ${l.period} bản/rev ${l.revision}: ${l.before} → ${l.after}/${l.total} (${l.label})\n`,
  versionUsed: (label: string, files: number) =>
    both(
      `Phiên bản đã chấm: ${label} (${files} tệp)`,
      `judged by version ${label} (${countEn(files, "file")})`,
    ) + "\n",
  /** "Bộ tiêu chí lấy từ máy chủ … / criteria sets from server …". */
  setsFrom: (from: SetsFrom) => both(`Bộ tiêu chí lấy từ ${from[0]}`, `criteria sets from ${from[1]}`),
  scopeRegion: (region: string) =>
    both(
      `Mức theo vùng: vùng ${region} của phạm vi bạn trên máy chủ (như máy chủ chấm khi gửi); chọn vùng khác bằng --region`,
      `regional targets: region ${region} of your scope on the server (as the server judges a push); choose another with --region`,
    ),
  fromFile: (file: string): SetsFrom => [`tệp ${file}`, `file ${file}`],
  fromServer: (url: string): SetsFrom => [`máy chủ ${url}`, `server ${url}`],
  fromCache: (url: string, cachedAt: string): SetsFrom => [
    `bản lưu trên máy của ${url}, lấy lúc ${cachedAt}; máy chủ không trả lời`,
    `the copy kept from ${url}, fetched ${cachedAt}; the server did not answer`,
  ],
  serverUnreachable: (url: string, why: string) =>
    both(
      `Không lấy được bộ tiêu chí từ ${url} (${why}) và chưa có bản lưu trên máy; thử lại khi có mạng, hoặc dùng --set TỆP`,
      `cannot fetch criteria sets from ${url} (${why}) and no copy is kept here; try again when online, or use --set FILE`,
    ),
  serverUnknownSet: (id: string, url: string) =>
    both(`Máy chủ ${url} không có bộ tiêu chí "${id}"`, `the server ${url} has no criteria set "${id}"`),
};

/** How far a set's targets are confirmed from their decisions: a set confirmed throughout says so. */
export function targetsProvenance(s: { targets: number; unverifiedTargets: number }): string {
  if (s.targets > 0 && s.unverifiedTargets === 0)
    return `mọi mức (${s.targets}) đã xác nhận / all ${s.targets} targets confirmed`;
  return `${s.unverifiedTargets}/${s.targets} mức chưa xác minh / targets unverified`;
}
