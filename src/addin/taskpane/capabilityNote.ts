/**
 * The pane's one line about what this Excel lacks (hostCapabilities.ts), in the person's words:
 * only what they would otherwise wonder about — where comments, the NTM.* functions or the ribbon
 * tab went — and where to look instead. Features whose fallback looks the same (a HYPERLINK formula
 * for a link, one more read for fills) are not mentioned.
 */
import type { Capability, HostCapabilities } from "../excel/hostCapabilities";
import { missingCapabilities } from "../excel/hostCapabilities";
import type { PaneLang } from "./paneText";

const SHOWN: Partial<Record<Capability, Record<PaneLang, string>>> = {
  comments: {
    vi: "ghi chú trên ô (xem trang “NTM – Kiểm tra”)",
    en: "cell comments (see the “NTM – Kiểm tra” sheet)",
  },
  customFunctions: {
    vi: "hàm NTM.* (trang “NTM – Tổng hợp” dùng công thức Excel thường)",
    en: "NTM.* functions (the “NTM – Tổng hợp” sheet uses plain Excel formulas)",
  },
  sharedRuntime: {
    vi: "thẻ NTM trên ruy-băng (mở ngăn từ Chèn › Phần bổ trợ của tôi)",
    en: "the NTM ribbon tab (open the pane from Insert › My Add-ins)",
  },
  hideSheets: {
    vi: "ẩn trang _ntm (đừng xóa trang này)",
    en: "hiding the _ntm sheets (do not delete them)",
  },
};

/** "" when nothing the person would notice is missing. */
export function capabilityNote(caps: HostCapabilities, lang: PaneLang): string {
  const missing = new Set(missingCapabilities(caps));
  // In SHOWN's order: what the person misses most first.
  const parts = (Object.keys(SHOWN) as Capability[])
    .filter((k) => missing.has(k))
    .map((k) => SHOWN[k]![lang]);
  if (!parts.length) return "";
  return lang === "vi" ? `Excel này chưa có: ${parts.join("; ")}.` : `This Excel lacks: ${parts.join("; ")}.`;
}
