/**
 * The pane's one line about what this Excel lacks (hostCapabilities.ts), in the person's words:
 * only what they would otherwise wonder about — where comments, the NTM.* functions or the ribbon
 * tab went — kept short enough for a 420 px pane, with where to look instead in its tooltip.
 * Features whose fallback looks the same (a HYPERLINK formula for a link, one more read for
 * fills) are not mentioned.
 */
import type { Capability, HostCapabilities } from "../excel/hostCapabilities";
import { missingCapabilities } from "../excel/hostCapabilities";
import type { PaneLang } from "./paneText";

interface Words {
  label: string;
  instead: string;
  /** Only in the tooltip: worth knowing, not worth a line of the pane. */
  tooltipOnly?: boolean;
}

/** In the order shown: what the person misses most first. */
const SHOWN: Partial<Record<Capability, Record<PaneLang, Words>>> = {
  comments: {
    vi: { label: "ghi chú trên ô", instead: "mỗi phát hiện có ở trang “NTM – Kiểm tra”" },
    en: { label: "cell comments", instead: "every finding is on the “NTM – Kiểm tra” sheet" },
  },
  customFunctions: {
    vi: { label: "hàm NTM.*", instead: "trang “NTM – Tổng hợp” dùng công thức Excel thường" },
    en: { label: "NTM.* functions", instead: "the “NTM – Tổng hợp” sheet uses plain Excel formulas" },
  },
  sharedRuntime: {
    vi: { label: "thẻ NTM trên ruy-băng", instead: "mở ngăn từ Chèn › Phần bổ trợ của tôi" },
    en: { label: "the NTM ribbon tab", instead: "open the pane from Insert › My Add-ins" },
  },
  hideSheets: {
    vi: { label: "ẩn trang _ntm", instead: "trang _ntm hiện ra; đừng xóa", tooltipOnly: true },
    en: {
      label: "hiding the _ntm sheets",
      instead: "the _ntm sheets show; do not delete them",
      tooltipOnly: true,
    },
  },
};

export interface CapabilityNote {
  /** The pane's line; "" when nothing the person would notice is missing. */
  line: string;
  /** What to do instead of each, for the line's tooltip. */
  details: string;
}

export function capabilityNote(caps: HostCapabilities, lang: PaneLang): CapabilityNote {
  const missing = new Set(missingCapabilities(caps));
  const words = (Object.keys(SHOWN) as Capability[])
    .filter((k) => missing.has(k))
    .map((k) => SHOWN[k]![lang]);
  if (!words.length) return { line: "", details: "" };
  const labels = words
    .filter((w) => !w.tooltipOnly)
    .map((w) => w.label)
    .join(", ");
  const first = !labels ? "" : lang === "vi" ? `Excel này chưa có ${labels}.` : `This Excel lacks ${labels}.`;
  const pointer = missing.has("comments") ? ` ${capitalise(SHOWN.comments![lang].instead)}.` : "";
  return {
    line: (first + pointer).trim(),
    details: words.map((w) => `${w.label}: ${w.instead}`).join("\n"),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
