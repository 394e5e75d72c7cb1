/**
 * The communes of a consolidation as a table a person can sort (by code, name, district or criteria
 * met, each header a button) and filter (name, code or district, with or without diacritics).
 * Communes that have not reported sort last by criteria met and say "chưa gửi".
 */
import { useMemo, useState } from "react";
import { Caption1, Input, makeStyles, tokens } from "@fluentui/react-components";
import { foldVietnamese } from "../../../domain/sheet/foldVietnamese";
import type { CommuneListingRow } from "../../../domain/sync/communeListing";
import type { PaneText } from "../paneText";
import { usePaneStyles } from "./paneStyles";

type SortKey = "code" | "name" | "district" | "met";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    tableLayout: "fixed",
  },
  head: {
    backgroundColor: "transparent",
    border: "none",
    padding: 0,
    font: "inherit",
    color: "inherit",
    textAlign: "left",
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "top",
  },
  code: { width: "4.5em" },
  met: { width: "4em", textAlign: "right" },
  filter: { width: "100%", margin: `${tokens.spacingVerticalXS} 0` },
});

const collator = new Intl.Collator("vi", { numeric: true });

function compare(key: SortKey, a: CommuneListingRow, b: CommuneListingRow): number {
  if (key === "met") return (b.row.criteriaMet ?? -1) - (a.row.criteriaMet ?? -1);
  if (key === "district") return collator.compare(a.district?.name ?? "", b.district?.name ?? "");
  return collator.compare(a[key], b[key]);
}

export function CommuneTable({ t, rows }: { t: PaneText; rows: CommuneListingRow[] }) {
  const s = useStyles();
  const p = usePaneStyles();
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: "code", down: false });
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const q = foldVietnamese(filter.trim());
    const kept = q
      ? rows.filter((r) =>
          [r.code, r.name, r.district?.name ?? "", r.successor?.name ?? ""].some((x) =>
            foldVietnamese(x).includes(q),
          ),
        )
      : rows;
    const sorted = [...kept].sort((a, b) => compare(sort.key, a, b) || collator.compare(a.code, b.code));
    return sort.down ? sorted.reverse() : sorted;
  }, [rows, filter, sort]);

  const header = (key: SortKey, label: string, className?: string) => (
    <th
      className={`${s.cell} ${className ?? ""}`}
      aria-sort={sort.key === key ? (sort.down ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        className={s.head}
        onClick={() => setSort({ key, down: sort.key === key ? !sort.down : false })}
        data-testid={`sort-${key}`}
      >
        {label}
        {sort.key === key ? (sort.down ? " ▼" : " ▲") : ""}
      </button>
    </th>
  );
  return (
    <>
      <Input
        className={s.filter}
        placeholder={t.filter}
        aria-label={t.filter}
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
        data-testid="commune-filter"
      />
      {shown.length < rows.length && <Caption1 block>{t.shownOf(shown.length, rows.length)}</Caption1>}
      <table className={s.table} data-testid="commune-table">
        <thead>
          <tr>
            {header("code", t.colCode, s.code)}
            {header("name", t.colName)}
            {header("district", t.colDistrict)}
            {header("met", t.colMet, s.met)}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.code} ${r.name}`} data-testid="commune-row" data-code={r.code}>
              <td className={s.cell}>{r.code}</td>
              <td
                className={s.cell}
                title={r.successor ? `${t.colSuccessor}: ${r.successor.code} ${r.successor.name}` : undefined}
              >
                {r.name}
                {r.successor && (
                  <Caption1 block className={p.muted}>
                    → {r.successor.code} {r.successor.name}
                  </Caption1>
                )}
              </td>
              <td className={s.cell}>{r.district?.name ?? "—"}</td>
              <td className={`${s.cell} ${s.met}`}>
                {r.row.criteriaMet === null ? (
                  <span className={p.muted}>{t.notSent}</span>
                ) : (
                  `${r.row.criteriaMet}/${r.row.criteriaTotal}`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
