/** The pane's own words (finding messages come from src/domain/i18n). Vietnamese is the default. */
export type PaneLang = "vi" | "en";

const vi = {
  lang: "vi" as PaneLang,
  appTitle: "NTM Tracker",
  inExcel: "Đang chạy trong Excel",
  standalone: "Chế độ độc lập (ngoài Excel)",
  switchLang: "English",
  tabCheck: "Kiểm tra",
  tabSync: "Đồng bộ",
  tabReview: "Duyệt",
  tabConsolidate: "Tổng hợp",
  openFile: "Mở tệp .xlsx",
  openFileHint: "Chọn bảng tự đánh giá của xã để kiểm tra (tệp không rời khỏi máy).",
  runCheck: "Kiểm tra lại",
  flag: "Đánh dấu trên bảng",
  unflag: "Bỏ đánh dấu",
  flagged: (n: number) => `Đã đánh dấu ${n} ô và lập trang "NTM – Kiểm tra".`,
  unflagged: (n: number) => `Đã bỏ đánh dấu, trả lại màu cũ cho ${n} ô.`,
  set: "Bộ tiêu chí",
  orgUnit: "Đơn vị",
  period: "Kỳ báo cáo",
  file: "Tệp",
  mappedRows: "Số dòng đã nhận ra",
  unmappedRows: "Số dòng chưa nhận ra",
  unmappedHint: "Chọn chỉ tiêu cho từng dòng dưới đây rồi bấm “Lưu”; lựa chọn được nhớ trong sổ.",
  criteriaMet: "Tiêu chí đạt",
  workItems: "Hạng mục khối lượng",
  workVolumeReport: "Báo cáo khối lượng công việc",
  findings: "Điểm cần xem lại",
  noFindings: "Không có điểm nào cần xem lại.",
  general: "Chung cho cả sổ",
  mapTo: "Chọn chỉ tiêu",
  mapSave: "Lưu",
  unknown: "chưa rõ",
  statusMet: "Đạt",
  statusUnmet: "Chưa đạt",
  statusUnknown: "Chưa rõ",
  reading: "Đang đọc bảng…",
  serverUrl: "Địa chỉ máy chủ",
  token: "Mã truy cập",
  signIn: "Đăng nhập",
  signOut: "Đăng xuất",
  signedInAs: (n: string, r: string, s: string) => `Đã đăng nhập: ${n} (${vi.roles[r] ?? r}), phạm vi ${s}`,
  roles: {
    clerk: "cán bộ xã",
    reviewer: "cán bộ thẩm định",
    office: "văn phòng điều phối",
    admin: "quản trị",
  } as Record<string, string>,
  orgCode: "Mã đơn vị hành chính",
  push: "Gửi số liệu",
  pull: "Nhận về",
  outbox: (n: number) => `Hàng chờ gửi: ${n}`,
  retry: "Gửi lại",
  phase: {
    "signed-out": "Chưa đăng nhập",
    "signed-in": "Sổ này chưa đồng bộ",
    synced: "Đã đồng bộ",
    pending: "Đang chờ gửi",
    sending: "Đang gửi…",
    offline: "Mất kết nối – sẽ tự gửi lại",
    conflict: "Có xung đột – cần chọn",
    locked: "Đã khóa (đã duyệt) – số liệu chờ, sẽ gửi khi được mở lại",
    refused: "Máy chủ từ chối – không gửi lại",
    approved: "Đã duyệt",
    returned: "Bị trả lại – xem ý kiến",
  } as Record<string, string>,
  revision: "Phiên bản",
  baseRevision: "Sổ này khớp với phiên bản",
  baseNone: "(chưa gửi lần nào)",
  indicatorCount: (n: number) => `Xem ${n} chỉ tiêu`,
  unreachableDetail: "Số liệu đã lưu trong hàng chờ và sẽ tự gửi khi có mạng; cũng có thể bấm “Gửi lại”.",
  reviewStates: {
    none: "chưa gửi",
    submitted: "đã gửi, chờ duyệt",
    returned: "bị trả lại",
    approved: "đã duyệt",
    reopened: "mở lại",
  } as Record<string, string>,
  reviewState: "Trạng thái duyệt",
  headValues: "Số liệu trên máy chủ",
  comments: "Ý kiến thẩm định",
  conflictTitle: "Số liệu bị sửa ở hai nơi",
  conflictHint:
    "Các chỉ tiêu dưới đây đã được sửa cả ở máy này và trên máy chủ. Chọn giá trị giữ lại cho từng chỉ tiêu rồi bấm “Gửi với giá trị đã chọn”.",
  indicator: (code: string) => `Chỉ tiêu ${code}`,
  mine: "Của tôi",
  theirs: "Trên máy chủ",
  base: "Bản gốc",
  resolve: "Gửi với giá trị đã chọn",
  needSignIn: "Cần đăng nhập: sang thẻ “Đồng bộ”, nhập mã truy cập rồi bấm “Đăng nhập”.",
  needCheck: "Chưa có số liệu để gửi: sang thẻ “Kiểm tra” để đọc sổ trước, rồi quay lại bấm “Gửi số liệu”.",
  reports: "Báo cáo đã gửi trong phạm vi",
  load: "Tải danh sách",
  open: "Mở",
  approve: "Duyệt",
  returnReport: "Trả lại",
  commentAll: "Ý kiến chung",
  commentFor: (code: string) => `Ý kiến cho chỉ tiêu ${code}`,
  diff: "Thay đổi so với phiên bản trước",
  noDiff: "Không có thay đổi.",
  reviewDone: (s: string) => `Đã lưu kết quả duyệt: báo cáo ${vi.reviewStates[s] ?? s}.`,
  reviewStale: (judged: number, head: number, changed: string) =>
    `Chưa lưu kết quả duyệt: xã đã gửi phiên bản ${head} sau phiên bản ${judged} bạn đang xem (${changed ? `chỉ tiêu thay đổi: ${changed}` : "không chỉ tiêu nào đổi giá trị"}). Phiên bản ${head} đã được mở bên dưới: xem lại rồi duyệt.`,
  noReports: "Chưa có báo cáo nào được gửi trong phạm vi này cho kỳ đã chọn.",
  moreReports: (left: number) => `Xem thêm (còn ${left} báo cáo)`,
  bySelfAssessment: "theo tự đánh giá của xã",
  marksNotSent: (codes: string) =>
    `Tiêu chí ${codes} chỉ được đánh dấu đạt/chưa đạt nhưng được đo bằng số: dấu này không được gửi; hãy ghi số liệu của chỉ tiêu.`,
  under: "Mã huyện/tỉnh",
  consolidate: "Xem tổng hợp",
  notSent: "chưa gửi",
  toSheet: "Ghi vào trang mới kèm biểu đồ",
  wroteSheet: (s: string) => `Đã ghi trang "${s}".`,
  communes: "Số xã",
  error: "Lỗi",
  pullWritten: (head: number, values: number, notes: number) =>
    `Đã ghi phiên bản ${head} vào bảng đang mở: ${values} ô được thay số, ${notes} ô được gắn ý kiến thẩm định.`,
  pullUnchanged: (n: number) => `${n} ô đã đúng sẵn, không phải sửa.`,
  pullNotesRemoved: (n: number) => `Đã gỡ ${n} ý kiến thẩm định cũ không còn trong lần duyệt này.`,
  pullFormula: (cells: string) =>
    `Không ghi đè ô có công thức: ${cells}. Số trên máy chủ khác kết quả công thức – hãy xem lại số liệu nguồn của công thức.`,
  pullProse: (cells: string) =>
    `Không ghi đè ô có chữ: ${cells}. Số trên máy chủ sẽ xóa mất lời ghi trong ô – hãy tự sửa ô nếu cần.`,
  pullTooLong: (cells: string) =>
    `Không ghi được vào ${cells}: giá trị trên máy chủ dài quá sức chứa của một ô (32.767 ký tự).`,
  pullForeign: (cells: string) =>
    `Ô ${cells} đã có ghi chú của người khác nên giữ nguyên; ý kiến thẩm định cho ô đó xem ở danh sách bên dưới.`,
  pullMissingSheets: (sheets: string) =>
    `Bảng đang mở không có trang ${sheets}; số của trang đó chưa được ghi. Mở đúng sổ của xã rồi bấm “Nhận về” lại.`,
  pullUnplaced: (codes: string) =>
    `Chưa biết ô của chỉ tiêu ${codes}; số và ý kiến của các chỉ tiêu này chỉ xem được ở danh sách bên dưới.`,
  pullHeld: (n: number) =>
    `Còn ${n} lần gửi chưa tới máy chủ nên chưa thay số trong bảng, chỉ gắn ý kiến. Bấm “Gửi lại”, chờ báo “Đã đồng bộ” rồi bấm “Nhận về” lại.`,
  pullStandalone:
    "Chế độ độc lập: số liệu và ý kiến chỉ hiện ở dưới đây, tệp trên máy không bị thay đổi. Muốn ghi vào sổ, mở sổ bằng Excel có cài NTM Tracker rồi bấm “Nhận về”.",
  pullOtherWorkbook: (org: string, period: string) =>
    `Bảng đang mở là sổ của đơn vị ${org}, kỳ ${period}, không phải báo cáo vừa nhận, nên chưa ghi gì vào bảng. Mở đúng sổ, hoặc sửa “Mã đơn vị hành chính” và “Kỳ báo cáo” cho khớp với sổ, rồi bấm “Nhận về” lại.`,
  pullKeptLocal: (codes: string) =>
    `Giữ nguyên số đã sửa trong sổ mà chưa gửi (chỉ tiêu ${codes}). Bấm “Gửi số liệu” để gửi lên máy chủ.`,
  pullConflicts: (n: number) =>
    `${n} chỉ tiêu bị sửa cả trong sổ và trên máy chủ nên chưa ghi đè. Chọn giá trị giữ lại cho từng chỉ tiêu ở khung “Số liệu bị sửa ở hai nơi” rồi bấm “Ghi giá trị đã chọn vào sổ”.`,
  pullConflictHint:
    "Các chỉ tiêu dưới đây đã được sửa cả trong sổ đang mở và trên máy chủ. Chọn giá trị giữ lại cho từng chỉ tiêu rồi bấm “Ghi giá trị đã chọn vào sổ”. Chọn “Của tôi” thì số trong sổ giữ nguyên – nhớ bấm “Gửi số liệu” sau đó.",
  resolvePull: "Ghi giá trị đã chọn vào sổ",
  pullNoHead:
    "Máy chủ chưa có số liệu nào của báo cáo này. Kiểm tra “Mã đơn vị hành chính” và “Kỳ báo cáo”, hoặc bấm “Gửi số liệu” trước.",
  commentCell: "ô",
  errUnreachable:
    "Không kết nối được máy chủ. Kiểm tra mạng và địa chỉ máy chủ rồi thử lại; số liệu đã bấm gửi vẫn nằm trong hàng chờ, không mất.",
  errToken: "Mã truy cập không đúng hoặc đã bị thu hồi. Nhập lại mã, hoặc xin mã mới từ người quản trị.",
  errNotNtmServer:
    "Địa chỉ này không phải máy chủ NTM Tracker. Kiểm tra lại địa chỉ máy chủ (hỏi người quản trị).",
  errServer: (status: number) =>
    `Máy chủ đang gặp lỗi (mã ${status}). Thử lại sau ít phút; nếu vẫn lỗi, báo người quản trị.`,
};

export type PaneText = typeof vi;

const en: PaneText = {
  ...vi,
  lang: "en",
  inExcel: "Running in Excel",
  standalone: "Standalone mode (outside Excel)",
  switchLang: "Tiếng Việt",
  tabCheck: "Check",
  tabSync: "Sync",
  tabReview: "Review",
  tabConsolidate: "Consolidate",
  openFile: "Open an .xlsx file",
  openFileHint: "Pick a commune self-assessment workbook to check (the file stays on this computer).",
  runCheck: "Check again",
  flag: "Flag the sheet",
  unflag: "Remove flags",
  flagged: (n) => `Flagged ${n} cells and wrote the "NTM – Kiểm tra" sheet.`,
  unflagged: (n) => `Flags removed; ${n} cells have their own fill back.`,
  set: "Criteria set",
  orgUnit: "Org unit",
  period: "Period",
  file: "File",
  mappedRows: "Rows recognised",
  unmappedRows: "Rows not recognised",
  unmappedHint:
    "Choose the indicator for each row below and press “Save”; the choice is remembered in the workbook.",
  criteriaMet: "Criteria met",
  workItems: "Work items",
  workVolumeReport: "Work-volume report",
  findings: "Findings",
  noFindings: "No findings.",
  general: "Whole workbook",
  mapTo: "Choose indicator",
  mapSave: "Save",
  unknown: "unknown",
  statusMet: "Met",
  statusUnmet: "Not met",
  statusUnknown: "Unknown",
  reading: "Reading the sheet…",
  serverUrl: "Server address",
  token: "Access token",
  signIn: "Sign in",
  signOut: "Sign out",
  signedInAs: (n, r, s) => `Signed in: ${n} (${r}), scope ${s}`,
  roles: { clerk: "clerk", reviewer: "reviewer", office: "office", admin: "admin" },
  orgCode: "Org unit code",
  push: "Push",
  pull: "Pull",
  outbox: (n) => `Outbox: ${n}`,
  retry: "Retry",
  phase: {
    "signed-out": "Signed out",
    "signed-in": "Workbook not synced yet",
    synced: "Synced",
    pending: "Waiting to send",
    sending: "Sending…",
    offline: "Offline – will resend",
    conflict: "Conflict – choose",
    locked: "Locked (approved) – waits, sent once reopened",
    refused: "Refused by the server – not resent",
    approved: "Approved",
    returned: "Returned – see comments",
  },
  revision: "Revision",
  baseRevision: "This workbook matches revision",
  baseNone: "(never pushed)",
  indicatorCount: (n) => `Show ${n} indicators`,
  unreachableDetail:
    "The push is kept in the outbox and goes out when the network returns; or press “Retry”.",
  reviewStates: {
    none: "not sent",
    submitted: "submitted",
    returned: "returned",
    approved: "approved",
    reopened: "reopened",
  },
  reviewState: "Review state",
  headValues: "Values on the server",
  comments: "Reviewer comments",
  conflictTitle: "Changed in two places",
  conflictHint:
    "These indicators were changed both here and on the server. Choose the value to keep for each, then press “Send with the chosen values”.",
  indicator: (code) => `Indicator ${code}`,
  mine: "Mine",
  theirs: "Server's",
  base: "Base",
  resolve: "Send with the chosen values",
  needSignIn: "Sign in first: on the “Sync” tab, enter your access token and press “Sign in”.",
  needCheck:
    "Nothing to push yet: read the workbook on the “Check” tab first, then come back and press “Push”.",
  reports: "Submitted reports in scope",
  load: "Load list",
  open: "Open",
  approve: "Approve",
  returnReport: "Return",
  commentAll: "General comment",
  commentFor: (code) => `Comment on indicator ${code}`,
  diff: "Changes since the previous revision",
  noDiff: "No changes.",
  reviewDone: (s) => `Review saved: the report is ${en.reviewStates[s] ?? s}.`,
  reviewStale: (judged, head, changed) =>
    `Review not saved: the commune pushed revision ${head} after the revision ${judged} you were reading (${changed ? `changed indicators: ${changed}` : "no indicator changed its value"}). Revision ${head} is now open below: read it, then review.`,
  noReports: "No report has been submitted in this scope for the chosen period.",
  moreReports: (left) => `Show more (${left} more reports)`,
  bySelfAssessment: "as the commune assessed it",
  marksNotSent: (codes) =>
    `Criteria ${codes} are only marked met/unmet but are measured by a number: the mark was not sent; enter the indicator's figure.`,
  under: "District/province code",
  consolidate: "Show consolidation",
  notSent: "not sent",
  toSheet: "Write to a new sheet with a chart",
  wroteSheet: (s) => `Wrote sheet "${s}".`,
  communes: "Communes",
  error: "Error",
  pullWritten: (head, values, notes) =>
    `Wrote revision ${head} into the open workbook: ${values} cells got a new value, ${notes} cells a reviewer comment.`,
  pullUnchanged: (n) => `${n} cells already held the value.`,
  pullNotesRemoved: (n) => `Removed ${n} older reviewer comments that this review no longer makes.`,
  pullFormula: (cells) =>
    `Formula cells not overwritten: ${cells}. The server's value differs from what the formula computes – check the formula's source figures.`,
  pullProse: (cells) =>
    `Cells holding text not overwritten: ${cells}. The server's value would erase the words in them – edit them yourself if needed.`,
  pullTooLong: (cells) =>
    `Not written into ${cells}: the server's value is longer than a cell can hold (32,767 characters).`,
  pullForeign: (cells) =>
    `${cells} already has someone else's comment, kept as it is; read the reviewer's comment for it in the list below.`,
  pullMissingSheets: (sheets) =>
    `The open workbook has no sheet ${sheets}; its values were not written. Open the commune's own workbook and pull again.`,
  pullUnplaced: (codes) =>
    `No cell known for indicator ${codes}; see their values and comments in the list below.`,
  pullHeld: (n) =>
    `${n} push(es) have not reached the server yet, so no value was replaced (comments only). Press “Retry”, wait for “Synced”, then pull again.`,
  pullStandalone:
    "Standalone mode: the values and comments are shown below only; the file on this computer is not changed. To write them into the workbook, open it in Excel with NTM Tracker and pull there.",
  pullOtherWorkbook: (org, period) =>
    `The open workbook belongs to org unit ${org}, period ${period}, not to the report just pulled, so nothing was written. Open the right workbook, or set “Org unit code” and “Period” to match it, and pull again.`,
  pullKeptLocal: (codes) =>
    `Kept the values changed in the workbook and not pushed yet (indicator ${codes}). Press “Push” to send them to the server.`,
  pullConflicts: (n) =>
    `${n} indicators were changed both in the workbook and on the server, so they were not overwritten. Choose the value to keep for each under “Changed in two places”, then press “Write the chosen values”.`,
  pullConflictHint:
    "These indicators were changed both in the open workbook and on the server. Choose the value to keep for each, then press “Write the chosen values”. “Mine” leaves the workbook's value as it is – push it afterwards.",
  resolvePull: "Write the chosen values",
  pullNoHead:
    "The server has no revision of this report yet. Check “Org unit code” and “Period”, or push first.",
  commentCell: "cell",
  errUnreachable:
    "Cannot reach the server. Check the network and the server address, then try again; what you pushed stays in the outbox.",
  errToken:
    "The access token is wrong or was revoked. Enter it again, or ask the administrator for a new one.",
  errNotNtmServer:
    "This address is not an NTM Tracker server. Check the server address (ask the administrator).",
  errServer: (status) =>
    `The server has a problem (code ${status}). Try again in a few minutes; if it persists, tell the administrator.`,
};

export function paneText(lang: PaneLang): PaneText {
  return lang === "en" ? en : vi;
}
