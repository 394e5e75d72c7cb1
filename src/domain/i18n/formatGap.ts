/** The gap sentence fragment: "còn thiếu 0,8 km" / "0.8 km short". */
import type { Gap } from "../evaluate/types";
import { formatQuantity, type Lang } from "./formatNumber";

export function formatGap(gap: Pick<Gap, "amount" | "unit" | "direction">, lang: Lang): string {
  const q = formatQuantity(gap.amount, gap.unit, lang);
  if (lang === "vi") {
    if (gap.direction === "short") return `còn thiếu ${q}`;
    if (gap.direction === "over") return `vượt mức cho phép ${q}`;
    return `lệch ${q}`;
  }
  if (gap.direction === "short") return `${q} short`;
  if (gap.direction === "over") return `${q} over the limit`;
  return `${q} off`;
}
