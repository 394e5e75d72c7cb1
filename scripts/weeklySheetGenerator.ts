/**
 * A seeded generator of the weekly sheets communes send the coordination office — the registration
 * ("ĐĂNG KÝ KHỐI LƯỢNG TUẦN", plans only, due Thursday) and the results ("BÁO CÁO KẾT QUẢ …", done
 * and cumulative, due Monday) — each with its answer: the ISO week and every item's figures.
 * Composed: header synonyms (Đăng ký / Kế hoạch / KH / ĐK, Thực hiện / Kết quả / Đã làm / TH, Lũy kế
 * / Luỹ kế / Cộng dồn, ĐVT / Đơn vị tính), no diacritics, the week stated as "Tuần 14 (từ 30/3 đến
 * 05/4/2023)", "TUẦN 14 NĂM 2023", a date range alone or only in the file name, Roman theme groups,
 * numbers as Vietnamese text ("5.615", "1,8"), villages as column groups (either way round, with or
 * without the commune's own "Toàn xã" columns) or as row groups, a signature block, .xlsx or .csv.
 *
 * Invariant: the answer is what is written — a commune figure the sheet does not write is the sum of
 * its villages' figures; a seed always gives the same workbook and answer.
 */
import * as XLSX from "xlsx";
import { a1, chance, fold, mulberry32, pick, vn, type Rng } from "./seededRandom";
import workItemThemes from "./weeklyWorkItems.json";

export type WeeklyKind = "registration" | "results";
export type VillageLayout = "none" | "columns" | "columns-under-figures" | "rows";

export interface WeeklyItemAnswer {
  name: string;
  unit: string;
  plan: number | null;
  done: number | null;
  cumulative: number | null;
  /**
   * Each village's figures, in sheet order, where the sheet splits by village: its done figure
   * (results) and its plan (where a plan column is written per village, as a registration does).
   */
  villages?: { name: string; done: number | null; plan?: number | null }[];
}

export interface WeeklyAnswer {
  file: string;
  kind: WeeklyKind;
  period: string;
  commune: string;
  villageLayout: VillageLayout;
  villageNames: string[];
  items: WeeklyItemAnswer[];
  traits: string[];
}

type Cell = string | number | null;

/** The work items a commune reports under the sheet's Roman theme groups (weeklyWorkItems.json). */
const THEMES: { group: string; title: string; items: { name: string; unit: string; size: number }[] }[] =
  workItemThemes;
const ITEMS = THEMES.flatMap((t) => t.items.map((it) => ({ ...it, group: t.group })));
const GROUPS: Record<string, string> = Object.fromEntries(THEMES.map((t) => [t.group, t.title]));
const COMMUNES = ["Sơn Hồng", "Hà Linh", "Sơn Tiến", "Kim Song Trường", "Thạch Lạc", "Phúc Đồng"];
const VILLAGES = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Xóm Đông", "Thôn Tân Hương", "Bản Mới"];

const HEADERS = {
  no: ["TT", "STT"],
  content: ["Nội dung công việc", "Nội dung", "Tên công việc", "Hạng mục"],
  unit: ["ĐVT", "Đơn vị tính", "Đơn vị"],
  plan: ["Đăng ký", "Đăng ký (kế hoạch)", "Kế hoạch", "KH", "Khối lượng đăng ký", "Đăng ký tuần"],
  planShort: ["ĐK", "KH", "Đăng ký"],
  done: ["Thực hiện", "Kết quả", "Đã làm", "TH", "Kết quả thực hiện", "Thực hiện tuần"],
  doneShort: ["TH", "Thực hiện", "Đã làm"],
  cumulative: ["Lũy kế", "Luỹ kế", "Cộng dồn", "Lũy kế từ đầu năm"],
  commune: ["Toàn xã", "Tổng cộng", "Cộng"],
};

function pickWeek(rng: Rng): string {
  const year = pick(rng, [2022, 2023, 2024, 2025]);
  return `${year}-W${String(1 + Math.floor(rng() * 52)).padStart(2, "0")}`;
}

const day = (d: Date, plus: number) => new Date(d.getTime() + plus * 864e5);
const dm = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCMonth() + 1}`;
const dmy = (d: Date) => `${dm(d)}/${d.getUTCFullYear()}`;

/** The title lines stating the week, and whether the file name must carry it instead. */
function weekLines(rng: Rng, kind: WeeklyKind, period: string, monday: Date, traits: string[]) {
  const [year, w] = period.split("-W");
  const n = Number(w);
  const what = kind === "registration" ? "ĐĂNG KÝ KHỐI LƯỢNG" : "BÁO CÁO KẾT QUẢ THỰC HIỆN KHỐI LƯỢNG";
  const style = pick(rng, ["thu-wed", "mon-sun", "number-year", "range-only", "file-only"]);
  traits.push(`week-${style}`);
  switch (style) {
    case "thu-wed":
      return { lines: [`${what} TUẦN`, `Tuần ${n} (từ ${dm(day(monday, -4))} đến ${dmy(day(monday, 2))})`] };
    case "mon-sun":
      return { lines: [`${what} TUẦN ${n}`, `(Từ ngày ${dmy(monday)} đến ngày ${dmy(day(monday, 6))})`] };
    case "number-year":
      return { lines: [`${what} TUẦN ${n} NĂM ${year}`] };
    case "range-only":
      return { lines: [`${what} TUẦN`, `(Từ ngày ${dm(monday)} đến ngày ${dmy(day(monday, 6))})`] };
    default:
      return { lines: [`${what} TUẦN`], fileWeek: `tuan-${n}-${year}` };
  }
}

/** A figure as written: a number, or Vietnamese text ("1.250", "0,6"). */
function written(x: number | null, textual: boolean): Cell {
  if (x === null) return null;
  return textual && (x >= 1000 || x % 1 !== 0) ? vn(x, 2) : x;
}

function figure(rng: Rng, size: number, unit: string): number {
  const x = size * (0.2 + rng() * 1.6);
  return unit === "km" ? Math.round(x * 10) / 10 : Math.max(1, Math.round(x));
}

interface Figures {
  plan: number | null;
  done: number | null;
  cumulative: number | null;
}

function figuresFor(rng: Rng, kind: WeeklyKind, size: number, unit: string, withCum: boolean): Figures {
  const plan = figure(rng, size, unit);
  const done = kind === "results" ? figure(rng, size, unit) : null;
  const cumulative = withCum ? Math.round((done ?? plan) * (3 + rng() * 5) * 10) / 10 : null;
  return { plan, done, cumulative };
}

const sum = (xs: (number | null)[]) => {
  const ns = xs.filter((x): x is number => x !== null);
  return ns.length ? Math.round(ns.reduce((s, x) => s + x, 0) * 1e9) / 1e9 : null;
};

/** What a test fixes instead of drawing it; `registered` makes the results of that registration. */
export interface WeeklyOptions {
  kind?: WeeklyKind;
  period?: string;
  commune?: string;
  villageLayout?: VillageLayout;
  noDiacritics?: boolean;
  /** The same items and commune as this registration, its plan restated when a plan column is written. */
  registered?: WeeklyAnswer;
}

function mondayOf(period: string): Date {
  const [year, week] = period.split("-W").map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  return new Date(jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 864e5 + (week - 1) * 7 * 864e5);
}

export function generateWeeklySheet(
  seed: number,
  o: WeeklyOptions = {},
): { answer: WeeklyAnswer; bytes: Uint8Array } {
  const rng = mulberry32(seed);
  const traits: string[] = [];
  const drawnKind: WeeklyKind = chance(rng, 0.5) ? "registration" : "results";
  const kind = o.kind ?? (o.registered ? "results" : drawnKind);
  const drawn = pickWeek(rng);
  const period = o.period ?? o.registered?.period ?? drawn;
  const monday = mondayOf(period);
  const drawnCommune = pick(rng, COMMUNES);
  const commune = o.commune ?? o.registered?.commune ?? drawnCommune;
  const drawnFold = chance(rng, 0.2);
  const noDiacritics = o.noDiacritics ?? drawnFold;
  const t = (s: string) => (noDiacritics ? fold(s) : s);
  if (noDiacritics) traits.push("no-diacritics");
  const textual = chance(rng, 0.4);
  if (textual) traits.push("numbers-as-text");
  const drawnLayout = pick<VillageLayout>(rng, ["none", "none", "columns", "columns-under-figures", "rows"]);
  const villageLayout = o.villageLayout ?? drawnLayout;
  traits.push(`villages-${villageLayout}`, kind);
  const villageCount = 2 + Math.floor(rng() * 3);
  const villages = villageLayout === "none" ? [] : VILLAGES.slice(0, villageCount);
  const drawnPlan = chance(rng, 0.7);
  // Results restate the registered plan only where the commune's own plan has a column.
  const withPlan = kind === "registration" || (drawnPlan && !(o.registered && villages.length));
  const withCum = chance(rng, 0.5);
  const communeCols = villageLayout.startsWith("columns") && chance(rng, 0.5);
  const communeRows = villageLayout === "rows" && chance(rng, 0.5);
  const groups = villageLayout !== "rows" && chance(rng, 0.5);
  // A CSV export keeps no merges and no number types: figures are written as Vietnamese text.
  const csv = villageLayout === "none" && chance(rng, 0.25);
  if (csv) traits.push("format-csv");
  let chosen = ITEMS.filter(() => chance(rng, 0.55)).slice(0, 9);
  if (chosen.length < 2) chosen.push(ITEMS[7], ITEMS[4]);
  const registeredPlan = new Map(o.registered?.items.map((i) => [fold(i.name), i.plan]));
  if (o.registered) chosen = ITEMS.filter((it) => registeredPlan.has(fold(it.name)));

  // The figures: per village, the commune's as their sums.
  const figs = chosen.map((it) => {
    const own = figuresFor(rng, kind, it.size, it.unit, withCum);
    const byVillage = villages.map(() => figuresFor(rng, kind, it.size / 3, it.unit, withCum));
    const commune: Figures = villages.length
      ? {
          plan: sum(byVillage.map((v) => v.plan)),
          done: sum(byVillage.map((v) => v.done)),
          cumulative: sum(byVillage.map((v) => v.cumulative)),
        }
      : own;
    if (o.registered) commune.plan = registeredPlan.get(fold(it.name)) ?? null;
    if (!withPlan) commune.plan = null;
    return { it, commune, byVillage };
  });
  const cols = { plan: withPlan, done: kind === "results", cumulative: withCum };
  const figureKeys = (["plan", "done", "cumulative"] as const).filter((k) => cols[k]);

  const rows: Cell[][] = [];
  const merges: string[] = [];
  rows.push([t(`UBND XÃ ${commune.toUpperCase()}`), null, null, t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]);
  rows.push([t("BAN CHỈ ĐẠO NTM"), null, null, t("Độc lập - Tự do - Hạnh phúc")]);
  rows.push([]);
  const week = weekLines(rng, kind, period, monday, traits);
  for (const l of week.lines) rows.push([t(l)]);
  rows.push([]);
  const header = chance(rng, 0.5) ? "short" : "long";
  const word = (k: "plan" | "done" | "cumulative", short: boolean) =>
    t(pick(rng, k === "cumulative" ? HEADERS.cumulative : short ? HEADERS[`${k}Short`] : HEADERS[k]));
  const top: Cell[] = [t(pick(rng, HEADERS.no)), t(pick(rng, HEADERS.content)), t(pick(rng, HEADERS.unit))];
  const h = rows.length;
  const figureCols: { key: "plan" | "done" | "cumulative"; village?: number; col: number }[] = [];
  if (villageLayout === "columns" || villageLayout === "columns-under-figures") {
    const sub: Cell[] = [null, null, null];
    for (let c = 0; c < 3; c++) merges.push(`${a1(h, c)}:${a1(h + 1, c)}`);
    const groupsOf = [...villages.map((_, i) => i), ...(communeCols ? [-1] : [])];
    if (villageLayout === "columns") {
      // "Thôn 1" over "ĐK" | "TH", then the commune's own group.
      for (const v of groupsOf) {
        const start = top.length;
        top.push(v < 0 ? t(pick(rng, HEADERS.commune)) : t(villages[v]));
        for (const [i, k] of figureKeys.entries()) {
          if (i > 0) top.push(null);
          sub.push(word(k, true));
          figureCols.push({ key: k, ...(v >= 0 ? { village: v } : {}), col: start + i });
        }
        if (figureKeys.length > 1) merges.push(`${a1(h, start)}:${a1(h, start + figureKeys.length - 1)}`);
      }
    } else {
      // "Đăng ký" over "Thôn 1" | "Thôn 2" | "Cộng".
      for (const k of figureKeys) {
        const start = top.length;
        top.push(word(k, false));
        for (const [i, v] of groupsOf.entries()) {
          if (i > 0) top.push(null);
          sub.push(v < 0 ? t(pick(rng, ["Cộng", "Tổng"])) : t(villages[v]));
          figureCols.push({ key: k, ...(v >= 0 ? { village: v } : {}), col: start + i });
        }
        merges.push(`${a1(h, start)}:${a1(h, start + groupsOf.length - 1)}`);
      }
    }
    rows.push(top, sub);
  } else if (!csv && chance(rng, 0.3)) {
    // "Tuần 14" (or "Khối lượng") merged over the figures' own words.
    traits.push("header-period-over-figures");
    const sub: Cell[] = [null, null, null];
    for (let c = 0; c < 3; c++) merges.push(`${a1(h, c)}:${a1(h + 1, c)}`);
    const start = top.length;
    top.push(
      t(pick(rng, [`Tuần ${Number(period.slice(6))}`, "Khối lượng", "Khối lượng thực hiện trong tuần"])),
    );
    for (const [i, k] of figureKeys.entries()) {
      if (i > 0) top.push(null);
      figureCols.push({ key: k, col: start + i });
      sub.push(word(k, header === "short"));
    }
    if (figureKeys.length > 1) merges.push(`${a1(h, start)}:${a1(h, start + figureKeys.length - 1)}`);
    rows.push(top, sub);
  } else {
    for (const k of figureKeys) {
      figureCols.push({ key: k, col: top.length });
      top.push(header === "short" ? word(k, true) : word(k, false));
    }
    rows.push(top);
  }
  if (villageLayout === "columns" || villageLayout === "columns-under-figures")
    traits.push(`header-two-rows`);

  const itemRow = (n: number, f: (typeof figs)[number], values: Figures[] | Figures): Cell[] => {
    const r: Cell[] = [n, t(f.it.name), t(f.it.unit)];
    for (const fc of figureCols) {
      const src = Array.isArray(values)
        ? fc.village === undefined
          ? f.commune
          : values[fc.village]
        : values;
      r[fc.col] = written(src[fc.key], textual || csv);
    }
    return r;
  };
  if (villageLayout === "rows") {
    const blocks = [...villages.map((_, i) => i), ...(communeRows ? [-1] : [])];
    if (communeRows && chance(rng, 0.5)) blocks.unshift(blocks.pop()!);
    const roman = chance(rng, 0.5);
    blocks.forEach((v, bi) => {
      const label = roman ? ["I", "II", "III", "IV", "V", "VI"][bi] : null;
      rows.push([label, v < 0 ? t(pick(rng, ["Toàn xã", "Tổng cộng"])) : t(villages[v])]);
      figs.forEach((f, i) => rows.push(itemRow(i + 1, f, v < 0 ? f.commune : f.byVillage[v])));
    });
  } else {
    let group = "";
    let n = 0;
    for (const f of figs) {
      if (groups && f.it.group !== group) {
        group = f.it.group;
        rows.push([group, t(GROUPS[group])]);
        n = 0;
      }
      rows.push(itemRow(++n, f, villages.length ? f.byVillage : f.commune));
    }
  }
  rows.push(
    [],
    [null, t("Người lập biểu"), null, null, t("TM. UBND XÃ")],
    [null, null, null, null, t("CHỦ TỊCH")],
  );

  const items: WeeklyItemAnswer[] = figs.map((f) => ({
    name: t(f.it.name),
    unit: t(f.it.unit),
    ...f.commune,
    ...(villages.length && (kind === "results" || withPlan)
      ? {
          villages: villages.map((name, i) => ({
            name: t(name),
            done: kind === "results" ? f.byVillage[i].done : null,
            ...(withPlan ? { plan: f.byVillage[i].plan } : {}),
          })),
        }
      : {}),
  }));
  const base = `${kind === "registration" ? "dang-ky" : "ket-qua"}-${fold(commune).toLowerCase().replace(/ /g, "-")}`;
  const file = `${base}-${week.fileWeek ?? `s${seed}`}.${csv ? "csv" : "xlsx"}`;
  const villageNames = villages.map(t);
  const answer: WeeklyAnswer = { file, kind, period, commune, villageLayout, villageNames, items, traits };
  return { answer, bytes: fileBytes(rows, merges, csv, t(`Tuần`)) };
}

function fileBytes(rows: Cell[][], merges: string[], csv: boolean, sheet: string): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!merges"] = merges.map((m) => XLSX.utils.decode_range(m));
  if (csv) return new Uint8Array(Buffer.from("\ufeff" + XLSX.utils.sheet_to_csv(ws, { FS: ";" }), "utf8"));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
}

export function generateWeeklySheets(count: number, seed = 1): { answer: WeeklyAnswer; bytes: Uint8Array }[] {
  return Array.from({ length: count }, (_, i) => generateWeeklySheet(seed * 100_003 + i));
}
