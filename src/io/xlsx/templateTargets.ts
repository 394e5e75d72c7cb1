/**
 * The targets a template writes: which target applies to the form's period, region or group, the
 * readable text of the target cell ("≥ 80%", or the blank "≥ …%" where the set has none), and where
 * it came from — a short note per row and one legend under the table (issue 13: the unverified or
 * commune-own mark never goes inside the target cell, which the reader and the self-check read).
 */
import type {
  CommuneGroup,
  CriteriaSet,
  Indicator,
  Region,
  Target,
  TargetTable,
} from "../../domain/criteria/schema";
import { COMPARISON_SYMBOL } from "../../domain/i18n/comparisonSymbol";
import { formatDecimal } from "../../domain/i18n/formatNumber";

export interface TargetAxes {
  period: string;
  region?: Region;
  group?: CommuneGroup;
}

const MET = "Đạt";

export function pickTarget(ind: Indicator, o: TargetAxes): Target | undefined {
  const year = /\b(20\d\d)\b/.exec(o.period)?.[1];
  const tables: (TargetTable | undefined)[] = [year ? ind.targets.byYear?.[year] : undefined, ind.targets];
  for (const t of tables) {
    if (!t) continue;
    const hit = (o.region && t.byRegion?.[o.region]) || (o.group && t.byGroup?.[o.group]) || t.general;
    if (hit) return hit;
  }
  return undefined;
}

/** What follows a number in the target cell: "%" or " km"; nothing for a count without a unit. */
function unitSuffix(ind: Indicator): string {
  return ind.unit === "%" ? "%" : ind.unit ? ` ${ind.unit}` : "";
}

/**
 * The target as a person reads it ("≥ 80%", "Đạt"); where the set has no value, a blank to fill
 * in with the commune's own target ("≥ …%"), which the reader still sees as the row's target cell.
 */
export function targetText(ind: Indicator, t: Target | undefined): string {
  if (!t || t.value === null) return `${COMPARISON_SYMBOL[ind.op] ?? ""} …${unitSuffix(ind)}`.trim();
  const v = t.value;
  if (typeof v === "boolean") return v ? MET : "Không";
  if (typeof v === "number") {
    const n = formatDecimal(v);
    return `${COMPARISON_SYMBOL[ind.op] ?? ""} ${n}${unitSuffix(ind)}`.trim();
  }
  return v;
}

/** Short enough for the narrow note column (a long note makes every row taller and the form longer). */
export const TARGET_NOTES = {
  unverified: "Chưa xác minh",
  communeOwn: "Mức của xã",
} as const;

/**
 * Where the target came from, for the note column: never inside the target cell, which must stay
 * a target the reader (and the self-check formula) can read. Null for a confirmed target.
 */
export function targetNote(t: Target | undefined): string | null {
  if (!t || t.value === null) return TARGET_NOTES.communeOwn;
  return t.provenance.verified ? null : TARGET_NOTES.unverified;
}

/** The legend under the table, said once for the sheet. */
export function targetLegend(set: CriteriaSet, o: TargetAxes): string {
  const targets = set.criteria.flatMap((c) => c.indicators.map((i) => pickTarget(i, o)));
  if (targets.every((t) => t && t.value !== null && t.provenance.verified))
    return "Ghi chú: mọi mức chỉ tiêu của bộ này đã được xác minh từ văn bản.";
  const decisions = [
    ...new Set(targets.filter((t) => t && !t.provenance.verified).map((t) => t!.provenance.decision)),
  ];
  return (
    `Ghi chú: “${TARGET_NOTES.unverified}” — mức lấy từ ${decisions.join(", ") || "bộ tiêu chí"} nhưng chưa đối chiếu với văn bản gốc; ` +
    `“${TARGET_NOTES.communeOwn}” — bộ tiêu chí chưa có mức chính thức, xã ghi mức của xã vào cột Chỉ tiêu đạt chuẩn (ô “≥ …”); đó là mức của xã, không phải mức chính thức.`
  );
}
