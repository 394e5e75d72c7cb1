/**
 * A generated corpus of commune workbooks for consolidation tests and the bench: many communes of the
 * Hà Tĩnh GSO extract, in varied layouts (classic two-row header with title block, no diacritics,
 * criterion-level "x" columns, work volumes, village checklists, CSV exports), values written as
 * numbers or Vietnamese text, plus broken files and duplicates (a commune sent twice, an older period).
 *
 * Deterministic for a seed (file contents and modification times), written to a folder given by the
 * caller (tests use a temp dir; nothing is committed). `manifest` says what each file is, so tests
 * know which files must fail and which must be reported as duplicates.
 *
 * Usage: npx tsx scripts/generate-corpus.ts OUT_DIR [COUNT] [SEED]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import basicSet from "../src/domain/criteria/sets/vn-xa-ntm-2021-2025.json";
import nangCaoSet from "../src/domain/criteria/sets/ht-xa-ntm-nang-cao-20tc.json";
import kdcSet from "../src/domain/criteria/sets/ht-kdc-kieu-mau.json";
import type { CommuneCodeRow } from "../src/domain/consolidate/communeCodeMap";
import { fold, mulberry32, pick, type Rng } from "./seededRandom";

export type CorpusKind = "classic" | "no-diacritics" | "criteria-x" | "volume" | "village" | "csv" | "broken";

export interface CorpusEntry {
  file: string;
  kind: CorpusKind;
  commune?: string;
  period?: string;
  /** Why a broken file cannot be read. */
  broken?: "truncated" | "garbage" | "empty" | "text-as-xls";
  /** This file is an older copy of `supersededBy` (same commune, set, villages) and must be reported. */
  supersededBy?: string;
  mtimeMs: number;
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Share of broken files (default 0.04) and of duplicates (default 0.06). */
  brokenShare?: number;
  duplicateShare?: number;
}

function slug(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Communes of the shipped GSO extract (the columns are known; a tiny split is enough here). */
function communes(): { code: string; name: string; district: string }[] {
  const csv = fs.readFileSync(
    path.join(__dirname, "..", "src", "domain", "consolidate", "ha-tinh-communes-2023.csv"),
    "utf8",
  );
  return csv
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(","))
    .filter((f) => /^Xã /.test(f[1]))
    .map((f) => ({ code: f[0], name: f[1], district: f[3] }));
}

/**
 * Beyond the extract's communes (large benches), invented ones in an invented district: distinct
 * names the shipped code table does not know, as an office outside the four districts would send.
 * Consolidation leaves out a commune its table does not know, so a bench that wants every file
 * counted passes these as the office's own table (corpusCommuneTable).
 */
export function inventedCommunes(count: number): { code: string; name: string; district: string }[] {
  const real = communes();
  const out: { code: string; name: string; district: string }[] = [];
  const syllables = ["Phú", "Thạch", "Cẩm", "Kỳ", "Đức", "Hương", "Xuân", "Tân", "Yên", "Quang"];
  const second = ["An", "Bình", "Hòa", "Lộc", "Long", "Mỹ", "Thịnh", "Phong", "Lạc", "Trung"];
  const realNames = new Set(real.map((c) => slug(c.name)));
  for (let i = 0; real.length + out.length < Math.ceil(count / 3); i++) {
    const name = `Xã ${syllables[i % 10]} ${second[Math.floor(i / 10) % 10]}${i >= 100 ? ` ${Math.floor(i / 100) + 1}` : ""}`;
    if (realNames.has(slug(name))) continue;
    out.push({ code: `9${String(i).padStart(4, "0")}`, name, district: "Huyện Thử Nghiệm" });
  }
  return out;
}

/** The invented communes of a `count`-file corpus as rows of an office's own code table (--org-units). */
export function corpusCommuneTable(count: number): CommuneCodeRow[] {
  return inventedCommunes(count).map((c) => ({
    gso_code_2023: c.code,
    name_2023: c.name,
    district_code_2023: "900",
    district_2023: c.district,
  }));
}

const viNumber = (x: number, decimals = 1) => {
  const [i, d] = x.toFixed(decimals).split(".");
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return d && Number(d) !== 0 ? `${int},${d.replace(/0+$/, "")}` : int;
};

interface IndicatorSpec {
  code: string;
  criterion: string;
  name: string;
  kind: string;
}

function indicatorsOf(set: typeof basicSet): IndicatorSpec[] {
  return set.criteria.flatMap((c) =>
    c.indicators.map((i) => ({ code: i.code, criterion: c.code, name: i.name.vi, kind: i.kind })),
  );
}

/** One indicator row's target, value and self-assessment, honest or (rarely) mismatched. */
function indicatorCells(rng: Rng, ind: IndicatorSpec, asText: boolean, noDiacritics: boolean) {
  const met = rng() < 0.75;
  const yes = noDiacritics ? "Dat" : "Đạt";
  const no = noDiacritics ? "Chua dat" : "Chưa đạt";
  if (ind.kind === "yesno") {
    const v = met
      ? pick(rng, noDiacritics ? ["Dat", "Co"] : ["Đạt", "Có"])
      : pick(rng, noDiacritics ? ["Chua dat", "Khong"] : ["Chưa đạt", "Không"]);
    return {
      target: yes,
      value: v as string | number,
      z: undefined as string | undefined,
      self: met ? yes : no,
    };
  }
  if (ind.kind === "percent") {
    const t = pick(rng, [70, 80, 90, 95, 100]);
    const v = met
      ? Math.min(100, t + Math.round(rng() * 100) / 10)
      : Math.max(0, t - 1 - Math.round(rng() * 200) / 10);
    const target = noDiacritics ? `>= ${t}%` : t === 100 ? "100%" : `≥ ${t}%`;
    if (asText) return { target, value: `${viNumber(v)}%`, z: undefined, self: met ? yes : no };
    return { target, value: v / 100, z: "0.0%", self: met ? yes : no };
  }
  const t = pick(rng, [1, 2, 5, 10, 45]);
  const v = met ? t + Math.floor(rng() * 5) : Math.max(0, t - 1 - Math.floor(rng() * t));
  return {
    target: noDiacritics ? `>= ${t}` : `≥ ${t}`,
    value: asText ? viNumber(v, 0) : v,
    z: undefined,
    self: met ? yes : no,
  };
}

type Aoa = (string | number | null)[][];

function titleBlock(commune: string, title: string, noDiacritics: boolean): Aoa {
  const t = (s: string) => (noDiacritics ? fold(s).toUpperCase() : s);
  return [
    [t(`ỦY BAN NHÂN DÂN ${commune.toUpperCase()}`), null, null, t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
    [null, null, null, t("Độc lập - Tự do - Hạnh phúc")],
    [],
    [t(title)],
    [],
  ];
}

function periodTitle(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `QUÝ ${["I", "II", "III", "IV"][Number(q[2]) - 1]} NĂM ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `THÁNG ${Number(m[2])} NĂM ${m[1]}`;
  return `NĂM ${period}`;
}

function classicWorkbook(rng: Rng, commune: string, period: string, noDiacritics: boolean): XLSX.WorkBook {
  const asText = rng() < 0.5;
  const withNotes = rng() < 0.6;
  const twoRowHeader = !noDiacritics && rng() < 0.7;
  const aoa: Aoa = titleBlock(
    commune,
    `BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI ${periodTitle(period)}`,
    noDiacritics,
  );
  const h = (s: string) => (noDiacritics ? fold(s) : s);
  const headerRow = aoa.length;
  if (twoRowHeader) {
    aoa.push([
      "TT",
      "Tên tiêu chí",
      "Nội dung tiêu chí (chỉ tiêu)",
      "Chỉ tiêu đạt chuẩn",
      "Kết quả thực hiện",
      null,
      ...(withNotes ? ["Ghi chú"] : []),
    ]);
    aoa.push([null, null, null, null, "Số liệu", "Tự đánh giá (Đạt/Chưa đạt)"]);
  } else {
    aoa.push([
      h("TT"),
      h("Tên tiêu chí"),
      h("Nội dung chỉ tiêu"),
      h("Chỉ tiêu"),
      h("Kết quả thực hiện"),
      h("Đánh giá"),
      ...(withNotes ? [h("Ghi chú")] : []),
    ]);
  }
  const formats: [number, number, string][] = [];
  const groupNames = new Map(basicSet.groups.map((g) => [g.code, g.name.vi]));
  let lastGroup = "";
  for (const c of basicSet.criteria) {
    if (c.group && c.group !== lastGroup && !noDiacritics) {
      aoa.push([c.group, (groupNames.get(c.group) ?? "").toUpperCase()]);
      lastGroup = c.group;
    }
    const label = noDiacritics ? `Tieu chi ${c.code}` : c.code;
    const inds = indicatorsOf({ ...basicSet, criteria: [c] } as typeof basicSet);
    if (inds.length === 1) {
      const cells = indicatorCells(rng, inds[0], asText, noDiacritics);
      aoa.push([label, h(c.name.vi), h(inds[0].name), cells.target, cells.value, cells.self]);
      if (cells.z) formats.push([aoa.length - 1, 4, cells.z]);
      continue;
    }
    aoa.push([label, h(c.name.vi)]);
    for (const ind of inds) {
      const cells = indicatorCells(rng, ind, asText, noDiacritics);
      aoa.push([
        ind.code,
        null,
        h(ind.name),
        cells.target,
        cells.value,
        cells.self,
        ...(withNotes && rng() < 0.2 ? [h("Đang hoàn thiện hồ sơ")] : []),
      ]);
      if (cells.z) formats.push([aoa.length - 1, 4, cells.z]);
    }
  }
  aoa.push([], [null, h("NGƯỜI LẬP BIỂU"), null, null, h("CHỦ TỊCH UBND XÃ")]);
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  for (const [r, c, z] of formats) {
    const cell = ws[XLSX.utils.encode_cell({ r, c })];
    if (cell) cell.z = z;
  }
  const merges = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
    { s: { r: 3, c: 0 }, e: { r: 3, c: 6 } },
  ];
  if (twoRowHeader)
    merges.push(
      { s: { r: headerRow, c: 4 }, e: { r: headerRow, c: 5 } },
      { s: { r: headerRow, c: 0 }, e: { r: headerRow + 1, c: 0 } },
    );
  ws["!merges"] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    ws,
    noDiacritics ? `Bieu ${period.slice(0, 4)}` : pick(rng, ["Biểu 01", "Tự đánh giá", "Sheet1"]),
  );
  return wb;
}

function criteriaXWorkbook(rng: Rng, commune: string, period: string): XLSX.WorkBook {
  const aoa: Aoa = titleBlock(
    commune,
    `TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ TIÊU CHÍ XÃ NTM NÂNG CAO ${periodTitle(period)}`,
    false,
  );
  aoa.push(["TT", "Tên tiêu chí", "Kết quả tự đánh giá", null, "Ghi chú"], [null, null, "Đạt", "Chưa đạt"]);
  const first = aoa.length;
  for (const c of nangCaoSet.criteria) {
    const met = rng() < 0.35;
    aoa.push([Number(c.code), c.name.vi, met ? "x" : null, met ? null : "x"]);
  }
  const last = aoa.length - 1;
  aoa.push([null, "Tổng số"]);
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const totalRow = aoa.length - 1;
  for (const c of [2, 3]) {
    const col = XLSX.utils.encode_col(c);
    const count = aoa.slice(first, last + 1).filter((r) => r[c] === "x").length;
    ws[XLSX.utils.encode_cell({ r: totalRow, c })] = {
      t: "n",
      v: count,
      f: `COUNTA(${col}${first + 1}:${col}${last + 1})`,
    };
  }
  ws["!merges"] = [{ s: { r: 5, c: 2 }, e: { r: 5, c: 3 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Tổng hợp");
  return wb;
}

const VOLUME_ITEMS: [string, string, number][] = [
  ["Mở rộng hành lang, mặt đường giao thông", "m", 8000],
  ["Làm mới, nâng cấp đường giao thông nông thôn", "km", 6.5],
  ["Lắp đặt đường điện chiếu sáng", "m", 10000],
  ["Xây dựng hệ thống xử lý nước thải hộ gia đình", "hệ thống", 60],
  ["Trồng cây bóng mát", "cây", 1200],
  ["Trồng hàng rào xanh", "m", 20000],
  ["Xây dựng nhà tiêu tự hoại", "cái", 90],
  ["Chỉnh trang vườn hộ", "vườn", 240],
  ["Tiếp nhận xi măng", "tấn", 900],
];

function volumeWorkbook(rng: Rng, commune: string, period: string): XLSX.WorkBook {
  const aoa: Aoa = titleBlock(
    commune,
    `BÁO CÁO KẾT QUẢ THỰC HIỆN KHỐI LƯỢNG XÂY DỰNG NÔNG THÔN MỚI ${periodTitle(period)}`,
    false,
  );
  aoa.push(["TT", "Nội dung công việc", "ĐVT", "Khối lượng", null, null, "Tỷ lệ (%)"]);
  aoa.push([null, null, null, `Kế hoạch năm ${period.slice(0, 4)}`, "Thực hiện trong kỳ", "Lũy kế", null]);
  const ws0: [number, number][] = [];
  VOLUME_ITEMS.forEach(([name, unit, plan0], i) => {
    if (rng() < 0.25) return;
    const plan =
      unit === "km" ? Math.round(plan0 * (0.5 + rng()) * 10) / 10 : Math.round(plan0 * (0.5 + rng()));
    const cumulative = unit === "km" ? Math.round(plan * rng() * 10) / 10 : Math.round(plan * rng());
    const done = unit === "km" ? Math.round(cumulative * 0.3 * 10) / 10 : Math.round(cumulative * 0.3);
    const doneCell = rng() < 0.3 ? viNumber(done, unit === "km" ? 1 : 0) : done;
    aoa.push([i + 1, name, unit, plan, doneCell, cumulative, null]);
    ws0.push([aoa.length - 1, plan > 0 ? cumulative / plan : 0]);
  });
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  for (const [r, ratio] of ws0) {
    ws[XLSX.utils.encode_cell({ r, c: 6 })] = {
      t: "n",
      v: ratio,
      f: `IF(D${r + 1}>0,F${r + 1}/D${r + 1},0)`,
      z: "0.0%",
    };
  }
  ws["!merges"] = [{ s: { r: 5, c: 3 }, e: { r: 5, c: 5 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, `Khối lượng`);
  return wb;
}

function villageWorkbook(rng: Rng, commune: string, village: string, period: string): XLSX.WorkBook {
  const aoa: Aoa = [
    [`UBND ${commune.toUpperCase()}`],
    [`BAN PHÁT TRIỂN ${village.toUpperCase()}`],
    [],
    [`BẢNG TỰ ĐÁNH GIÁ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI KIỂU MẪU ${periodTitle(period)}`],
    [],
    ["TT", "Nội dung tiêu chí", "Yêu cầu", "Kết quả", "Đánh giá"],
  ];
  let met = 0;
  for (const c of kdcSet.criteria) {
    const ok = rng() < 0.45;
    if (ok) met++;
    aoa.push([Number(c.code), c.name.vi, "Đạt", ok ? "Đạt" : "Chưa đạt", ok ? "Đạt" : "Chưa đạt"]);
  }
  aoa.push(
    [],
    [null, `Số tiêu chí đạt: ${met}/${kdcSet.criteria.length} tiêu chí`],
    [null, `Tỷ lệ tiêu chí đạt: ${Math.round((met / kdcSet.criteria.length) * 100)}%`],
  );
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), village);
  return wb;
}

/** The classic sheet (title rows included, so the commune is named), as a vi-VN CSV export: BOM, ";" separated, CRLF, display text. */
function csvBytes(wb: XLSX.WorkBook): Buffer {
  const ws = wb.Sheets[wb.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: "" });
  const text = rows
    .map((r) =>
      r
        .map((v) => String(v).replace(/^(\d+)\.(\d)%$/, "$1,$2%"))
        .map((v) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
        .join(";"),
    )
    .join("\r\n");
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

function xlsxBytes(wb: XLSX.WorkBook): Buffer {
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

const BASE_TIME = Date.UTC(2024, 0, 15, 8, 0, 0);

export function generateCorpus(dir: string, options: CorpusOptions): CorpusEntry[] {
  const rng = mulberry32(options.seed ?? 20231115);
  const brokenShare = options.brokenShare ?? 0.04;
  const duplicateShare = options.duplicateShare ?? 0.06;
  fs.mkdirSync(dir, { recursive: true });
  const all = [...communes(), ...inventedCommunes(options.count)];
  const entries: CorpusEntry[] = [];
  const written = new Set<string>();
  const write = (rel: string, bytes: Buffer, e: Omit<CorpusEntry, "file" | "mtimeMs">, mtimeMs: number) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, bytes);
    fs.utimesSync(abs, mtimeMs / 1000, mtimeMs / 1000);
    written.add(rel);
    entries.push({ file: rel, mtimeMs, ...e });
  };
  const nBroken = Math.round(options.count * brokenShare);
  const nDup = Math.round(options.count * duplicateShare);
  const nPlain = Math.max(0, options.count - nBroken - nDup);
  // Each (commune, kind, villages) is sent once here, so only the planted copies are duplicates.
  const plain: {
    rel: string;
    kind: CorpusKind;
    commune: string;
    period: string;
    village?: string;
    bytes: Buffer;
  }[] = [];
  const used = new Set<string>();
  let attempts = 0;
  while (plain.length < nPlain && attempts++ < nPlain * 50) {
    const c = pick(rng, all);
    const r = rng();
    const kind: CorpusKind =
      r < 0.4
        ? "classic"
        : r < 0.5
          ? "no-diacritics"
          : r < 0.6
            ? "csv"
            : r < 0.72
              ? "criteria-x"
              : r < 0.86
                ? "volume"
                : "village";
    const village = kind === "village" ? `Thôn ${1 + Math.floor(rng() * 12)}` : undefined;
    const identity = `${c.code}|${kind === "no-diacritics" || kind === "csv" ? "classic" : kind}|${village ?? ""}`;
    if (used.has(identity)) continue;
    used.add(identity);
    const period =
      kind === "volume" ? pick(rng, ["2023-10", "2023-11", "2023-Q3"]) : pick(rng, ["2023", "2023", "2022"]);
    const district = slug(c.district.replace(/^Huyện /, ""));
    const base = `${district}/${slug(c.name)}-${slug(kind)}${village ? `-${slug(village)}` : ""}-${period}`;
    let bytes: Buffer;
    let rel: string;
    if (kind === "classic" || kind === "no-diacritics") {
      bytes = xlsxBytes(classicWorkbook(rng, c.name, period, kind === "no-diacritics"));
      rel = `${base}.xlsx`;
    } else if (kind === "csv") {
      bytes = csvBytes(classicWorkbook(rng, c.name, period, false));
      rel = `${base}.csv`;
    } else if (kind === "criteria-x") {
      bytes = xlsxBytes(criteriaXWorkbook(rng, c.name, period));
      rel = `${base}.xlsx`;
    } else if (kind === "volume") {
      bytes = xlsxBytes(volumeWorkbook(rng, c.name, period));
      rel = `${base}.xlsx`;
    } else {
      bytes = xlsxBytes(villageWorkbook(rng, c.name, village!, period));
      rel = `${base}.xlsx`;
    }
    plain.push({ rel, kind, commune: c.name, period, village, bytes });
  }
  plain.forEach((p, i) =>
    write(p.rel, p.bytes, { kind: p.kind, commune: p.commune, period: p.period }, BASE_TIME + i * 60000),
  );

  // Duplicates: the same file sent again earlier (an older copy), or an older period's report.
  const dupSources = plain.filter((p) => p.kind !== "csv");
  for (let i = 0; i < nDup && dupSources.length; i++) {
    const src = dupSources[Math.floor(rng() * dupSources.length)];
    const srcEntry = entries.find((e) => e.file === src.rel)!;
    if (srcEntry.supersededBy) continue;
    const rel = src.rel.replace(/\.xlsx$/, `-ban-cu-${i}.xlsx`);
    if (written.has(rel)) continue;
    write(
      rel,
      src.bytes,
      { kind: src.kind, commune: src.commune, period: src.period, supersededBy: src.rel },
      srcEntry.mtimeMs - 86400000 * (1 + i),
    );
  }
  const brokenKinds: NonNullable<CorpusEntry["broken"]>[] = ["truncated", "garbage", "empty", "text-as-xls"];
  for (let i = 0; i < nBroken; i++) {
    const broken = brokenKinds[i % brokenKinds.length];
    const src = plain[i % Math.max(plain.length, 1)];
    let bytes: Buffer;
    let rel = `loi/tep-loi-${i}-${broken}.xlsx`;
    if (broken === "truncated")
      bytes = src ? src.bytes.subarray(0, Math.floor(src.bytes.length * 0.6)) : Buffer.from("PK\u0003\u0004");
    else if (broken === "garbage")
      bytes = Buffer.from(Array.from({ length: 2048 }, () => Math.floor(rng() * 256)));
    else if (broken === "empty") bytes = Buffer.alloc(0);
    else {
      bytes = Buffer.from("Báo cáo gửi qua Zalo, xem tệp đính kèm.\n\u0000\u0001", "utf8");
      rel = `loi/tep-loi-${i}-text.xls`;
    }
    write(rel, bytes, { kind: "broken", broken }, BASE_TIME + i * 1000);
  }
  return entries.sort((a, b) => (a.file < b.file ? -1 : 1));
}

if (require.main === module) {
  const [out, count, seed] = process.argv.slice(2);
  if (!out) {
    console.error("usage: npx tsx scripts/generate-corpus.ts OUT_DIR [COUNT] [SEED]");
    process.exit(2);
  }
  const entries = generateCorpus(out, { count: Number(count ?? 300), seed: seed ? Number(seed) : undefined });
  fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(entries, null, 1));
  const byKind = entries.reduce<Record<string, number>>(
    (m, e) => ((m[e.kind] = (m[e.kind] ?? 0) + 1), m),
    {},
  );
  console.log(
    `${entries.length} files in ${out}:`,
    byKind,
    `duplicates: ${entries.filter((e) => e.supersededBy).length}`,
  );
}
