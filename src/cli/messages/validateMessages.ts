/**
 * What `ntm validate` says. The per-file report is in one language (`--lang vi|en`): labels, the
 * head line and every finding, one line each; the refusals stay in both languages like every
 * other ntm refusal (the person may not have chosen a language yet).
 */
import type { CheckHeadline } from "../../domain/check/checkHeadline";
import type { ValidationTotals } from "../../domain/consolidate/validationTotals";
import { both, countEn, num, type Lang } from "./cliText";

type Words = { vi: string; en: string };
const say = (w: Words, lang: Lang) => w[lang];

const LABEL = {
  error: { vi: "LỖI", en: "ERROR" },
  warning: { vi: "CẢNH BÁO", en: "WARNING" },
  info: { vi: "THÔNG TIN", en: "INFO" },
  unread: { vi: "KHÔNG ĐỌC ĐƯỢC", en: "NOT READ" },
  set: { vi: "Bộ tiêu chí", en: "Criteria set" },
  orgUnit: { vi: "Đơn vị", en: "Org unit" },
  period: { vi: "Kỳ", en: "Period" },
  unknown: { vi: "(không rõ)", en: "(unknown)" },
  indicatorsRead: { vi: "Chỉ tiêu đọc được", en: "Indicators read" },
  notApplicable: { vi: "không áp dụng", en: "not applicable" },
};

export function severityLabel(severity: "error" | "warning" | "info", lang: Lang): string {
  return say(LABEL[severity], lang);
}

export function unreadLine(code: string, message: string, lang: Lang): string {
  return `  ${say(LABEL.unread, lang)} [${code}] ${message}`;
}

export function setLine(
  id: string | undefined,
  version: string | null | undefined,
  lang: Lang,
  installed?: string,
): string {
  const judged = installed ? ` · ${lang === "vi" ? "phiên bản" : "version"} ${installed}` : "";
  return `  ${say(LABEL.set, lang)}: ${id ?? say(LABEL.unknown, lang)}${version ? ` (${version})` : ""}${judged}`;
}

export function unitLine(orgUnit: string | undefined, period: string | null | undefined, lang: Lang): string {
  const unknown = say(LABEL.unknown, lang);
  return `  ${say(LABEL.orgUnit, lang)}: ${orgUnit ?? unknown} · ${say(LABEL.period, lang)}: ${period ?? unknown}`;
}

export function headline(h: CheckHeadline, lang: Lang): string {
  switch (h.kind) {
    case "criteria":
      return lang === "vi" ? `Tiêu chí đạt: ${h.met}/${h.total}` : `Criteria met: ${h.met}/${h.total}`;
    case "work-items":
      return lang === "vi" ? `Khối lượng: ${h.count} hạng mục` : `Work volumes: ${countEn(h.count, "item")}`;
    case "villages":
      return lang === "vi"
        ? `Thôn đạt đủ tiêu chí: ${h.complete}/${h.count}`
        : `Villages meeting every criterion: ${h.complete}/${h.count}`;
    default:
      return lang === "vi" ? `Không đọc được tệp (${h.code})` : `File not read (${h.code})`;
  }
}

export function villageLine(name: string, met: number, total: number, share: number, lang: Lang): string {
  const pct = `${num(share * 100, lang)} %`;
  return lang === "vi"
    ? `  ${name}: ${met}/${total} tiêu chí đạt (${pct})`
    : `  ${name}: ${met}/${total} ${total === 1 ? "criterion" : "criteria"} met (${pct})`;
}

export function indicatorsReadLine(n: number, lang: Lang): string {
  return `  ${say(LABEL.indicatorsRead, lang)}: ${n}`;
}

export function findingCountLine(c: Record<"error" | "warning" | "info", number>, lang: Lang): string {
  return lang === "vi"
    ? `  Phát hiện: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin`
    : `  Findings: ${countEn(c.error, "error")}, ${countEn(c.warning, "warning")}, ${c.info} info`;
}

/** The tag of a finding that is a statement ("Không có làng nghề" on 13.4), not something to fix. */
export function notApplicableLabel(lang: Lang): string {
  return say(LABEL.notApplicable, lang).toUpperCase();
}

export function totalsLine(t: ValidationTotals, lang: Lang): string {
  const f = t.findings;
  if (lang === "vi")
    return (
      `Tổng cộng: ${t.files} tệp${t.unreadable ? ` (${t.unreadable} không đọc được)` : ""}, ${t.communes} xã, ` +
      `${t.criteriaMet}/${t.criteriaTotal} tiêu chí đạt; phát hiện: ${f.error} lỗi, ${f.warning} cảnh báo, ${f.info} thông tin.`
    );
  return (
    `Total: ${countEn(t.files, "file")}${t.unreadable ? ` (${t.unreadable} not read)` : ""}, ${countEn(t.communes, "commune")}, ` +
    `${t.criteriaMet}/${t.criteriaTotal} criteria met; findings: ${countEn(f.error, "error")}, ${countEn(f.warning, "warning")}, ${f.info} info.`
  );
}

export const validateRefusals = {
  unknownSet: (id: string): [string, string] => [
    `không có bộ tiêu chí "${id}" (xem ntm criteria list)`,
    `no criteria set "${id}" (see ntm criteria list)`,
  ],
  noSpreadsheet: ["không tìm thấy bảng tính nào", "no spreadsheet found"] as [string, string],
  outKind: (file: string): [string, string] => [
    `--out ${file}: chỉ ghi được .xlsx (sổ báo cáo) hoặc .csv (danh sách phát hiện)`,
    `--out ${file}: only .xlsx (a report workbook) or .csv (the findings list) can be written`,
  ],
  internal: (msg: string) =>
    both(
      `Không xử lý được tệp (${msg}); hãy gửi tệp này cho nhóm hỗ trợ.`,
      `Could not process the file (${msg}); please send it to support.`,
    ),
};

/** The chosen set is of another kind than the file (a village checklist judged as a commune report…). */
export function setKindWarning(
  file: string,
  chosen: { id: string; kind: string },
  found: { id: string; kind: string },
): string {
  return (
    `ntm validate: ${file}: ` +
    both(
      `--set ${chosen.id} là bộ ${kindVi(chosen.kind)} nhưng tệp giống báo cáo ${kindVi(found.kind)} (bộ ${found.id}); kết quả có thể sai — kiểm tra lại --set`,
      `--set ${chosen.id} is a ${kindEn(chosen.kind)} set but the file looks like a ${kindEn(found.kind)} report (set ${found.id}); the result may be wrong — check --set`,
    ) +
    "\n"
  );
}

const KIND_VI: Record<string, string> = {
  commune: "cấp xã",
  village: "cấp thôn",
  household: "cấp hộ",
  district: "cấp huyện",
  "work-volume": "khối lượng công việc",
};
const KIND_EN: Record<string, string> = {
  commune: "commune-level",
  village: "village-level",
  household: "household-level",
  district: "district-level",
  "work-volume": "work-volume",
};
const kindVi = (k: string) => KIND_VI[k] ?? k;
const kindEn = (k: string) => KIND_EN[k] ?? k;
