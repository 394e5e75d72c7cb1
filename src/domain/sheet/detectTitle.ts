/**
 * What the title block above a table says: the org unit ("UBND XÃ SƠN HỒNG", "ỦY BAN NHÂN DÂN
 * XÃ …", "BAN PHÁT TRIỂN THÔN 2"), the period ("NĂM 2023", "QUÝ I NĂM 2021", "THÁNG 11/2022",
 * "TUẦN 14", "Tuần 14 (từ 30/3 đến 05/4/2023)"), and words that hint at the criteria set ("NÂNG
 * CAO", "KIỂU MẪU", "KHỐI LƯỢNG").
 * Invariant: dates of signing ("ngày 15 tháng 11 năm 2023", "ngày 15/11/2023") and the set's span
 * ("giai đoạn 2021-2025") are removed before looking for the period, so a 2021 report signed in 2022
 * is still 2021.
 */
import { foldVietnamese } from "./foldVietnamese";
import { groupOfText, regionOfText } from "./inferColumnRoles";
import { isoWeekOfDate } from "../rhythm/vietnamTime";
import { lastDateOf, weekNear, weekOfTitleLine } from "./weekOfTitle";

export interface OrgUnitGuess {
  /** "Xã Sơn Hồng": level word plus the name, capitalised as a name. */
  name: string;
  level: "xa" | "phuong" | "thi-tran" | "huyen" | "thi-xa" | "thanh-pho" | "tinh";
}

export interface TitleFacts {
  orgUnit?: OrgUnitGuess;
  /** Higher units named in the title block ("Huyện Can Lộc"). */
  parents: OrgUnitGuess[];
  village?: string;
  period?: string;
  /** The region the title says the commune is in ("… vùng Bắc Trung Bộ"), as a region code. */
  region?: string;
  /** The commune group the title states ("xã nhóm 2"), 2026–2030. */
  group?: string;
  /** Folded text of all title lines, for set hints. */
  folded: string;
}

const LEVELS: { words: string; level: OrgUnitGuess["level"]; label: string; rank: number }[] = [
  { words: "xa", level: "xa", label: "Xã", rank: 1 },
  { words: "phuong", level: "phuong", label: "Phường", rank: 1 },
  { words: "thi tran", level: "thi-tran", label: "Thị trấn", rank: 1 },
  { words: "huyen", level: "huyen", label: "Huyện", rank: 2 },
  { words: "thi xa", level: "thi-xa", label: "Thị xã", rank: 2 },
  { words: "thanh pho", level: "thanh-pho", label: "Thành phố", rank: 2 },
  { words: "tinh", level: "tinh", label: "Tỉnh", rank: 3 },
];

const ORG_PREFIX =
  /^(?:uy ban nhan dan|ubnd|u\.b.n.d|bcd|ban chi dao(?: [a-z ]*?)?) ((?:thi tran|thi xa|thanh pho|xa|phuong|huyen|tinh)) (.+)$/;

function capitaliseName(words: string[]): string {
  return words
    .map((w) => {
      const lower = w.toLocaleLowerCase("vi");
      return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
    })
    .join(" ");
}

function orgFromLine(line: string): (OrgUnitGuess & { rank: number }) | undefined {
  const folded = foldVietnamese(line);
  const m = ORG_PREFIX.exec(folded);
  if (!m) return undefined;
  const lvl = LEVELS.find((l) => l.words === m[1]);
  if (!lvl) return undefined;
  // Folding keeps one folded word per written word, so the name's words sit at the same positions.
  const words = line.trim().split(/\s+/);
  const nameWordCount = m[2].split(" ").length;
  const nameWords = words.slice(words.length - nameWordCount);
  return { name: `${lvl.label} ${capitaliseName(nameWords)}`, level: lvl.level, rank: lvl.rank };
}

function villageFromLine(line: string): string | undefined {
  const folded = foldVietnamese(line);
  const m = /(?:^|\s)(thon|xom|ban|to dan pho|khu dan cu) ([a-z0-9]+(?: [a-z0-9]+)?)$/.exec(folded);
  if (!m || !/^(ban phat trien|ban cong tac mat tran|thon|xom|ban|to dan pho|khu dan cu)/.test(folded))
    return undefined;
  const words = line.trim().split(/\s+/);
  const count = m[1].split(" ").length + m[2].split(" ").length;
  return capitaliseName(words.slice(words.length - count));
}

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** Removes signing dates and spans, which carry years that are not the period. */
function stripDates(folded: string): string {
  return folded
    .replace(/ngay \d{1,2} thang \d{1,2} nam \d{4}/g, " ")
    .replace(/(?:ngay )?\d{1,2}\/\d{1,2}\/\d{4}/g, " ")
    .replace(/giai doan \d{4} ?[-–] ?\d{4}/g, " ")
    .replace(/\d{4} ?[-–] ?\d{4}/g, " ")
    .replace(/(?:bao cao|quyet dinh|ke hoach|cong van) so [^ ]+/g, " ");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** The period a line names, most specific first; undefined when none. */
export function periodFromText(text: string, fallbackYear?: number): string | undefined {
  const folded = foldVietnamese(text);
  const week = weekOfTitleLine(folded);
  if (week) return week;
  const s = stripDates(folded);
  let m = /tuan (?:thu )?(\d{1,2})(?:[^0-9]+(?:nam )?(\d{4}))?/.exec(s);
  if (m && (m[2] || fallbackYear)) return `${m[2] ?? fallbackYear}-W${pad2(Number(m[1]))}`;
  m = /thang (\d{1,2}) ?(?:\/|-|nam) ?(\d{4})/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${pad2(Number(m[1]))}`;
  m = /quy (iv|iii|ii|i|[1-4])\b[^0-9]*(\d{4})/.exec(s);
  if (m) return `${m[2]}-Q${ROMAN_QUARTERS[m[1]]}`;
  m = /nam (\d{4})/.exec(s);
  if (m) return m[1];
  m = /(?:^|[^0-9])(20\d{2})(?:[^0-9]|$)/.exec(s);
  if (m) return m[1];
  return undefined;
}

/** What one title line says on its own (a pure function of the line, so it is remembered). */
interface LineFacts {
  folded: string;
  org?: OrgUnitGuess & { rank: number };
  village?: string;
  period?: string;
  /** "Tuần 14" without a year on this line. */
  week?: number;
  /** The last date the line writes ("ngày 30 tháng 3 năm 2023"), which places a week without a year. */
  date?: string;
  /** The line says "tuần" without a number ("ĐĂNG KÝ KHỐI LƯỢNG TUẦN"). */
  weekly?: boolean;
  /** The end of a date range the line writes ("(Từ ngày 03/4 đến ngày 09/4/2023)"). */
  rangeEnd?: string;
  region?: string;
  group?: string;
}

// Title lines repeat from workbook to workbook ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Năm 2023",
// a commune's name in every report it sends): read each distinct line once.
const lineMemo = new Map<string, LineFacts>();
const LINE_MEMO_LIMIT = 5000;

function lineFacts(line: string): LineFacts {
  let f = lineMemo.get(line);
  if (f !== undefined) return f;
  const folded = foldVietnamese(line);
  f = { folded };
  const org = orgFromLine(line);
  if (org) f.org = org;
  const village = villageFromLine(line);
  if (village !== undefined) f.village = village;
  // "vùng Bắc Trung Bộ", "(Áp dụng cho xã thuộc vùng …)": only a line that says "vùng" names one.
  const vung = /\bvung\b(.*)$/.exec(folded);
  const region = vung ? regionOfText(vung[1]) : undefined;
  if (region) f.region = region;
  const group = groupOfText(folded);
  if (group) f.group = group;
  const p = periodFromText(line);
  if (p) f.period = p;
  else {
    const w = /tuan (?:thu )?(\d{1,2})/.exec(folded);
    if (w) f.week = Number(w[1]);
  }
  const date = lastDateOf(folded);
  if (date) f.date = date;
  if (f.week === undefined && !f.period && /\btuan\b/.test(folded)) f.weekly = true;
  if (date && /\bden\b|\d ?[-–] ?\d/.test(folded)) f.rangeEnd = date;
  if (lineMemo.size >= LINE_MEMO_LIMIT) lineMemo.clear();
  lineMemo.set(line, f);
  return f;
}

/** Reads the title lines (text of the rows above a table, top to bottom). */
export function detectTitle(lines: string[]): TitleFacts {
  const orgs: (OrgUnitGuess & { rank: number })[] = [];
  let village: string | undefined;
  let period: string | undefined;
  let region: string | undefined;
  let group: string | undefined;
  let weekWithoutYear: number | undefined;
  let date: string | undefined;
  let weekly = false;
  let rangeEnd: string | undefined;
  const foldedParts: string[] = [];
  for (const line of lines) {
    if (line.length > 300) continue;
    const facts = lineFacts(line);
    foldedParts.push(facts.folded);
    if (facts.org) orgs.push({ ...facts.org });
    village ??= facts.village;
    region ??= facts.region;
    group ??= facts.group;
    date ??= facts.date;
    weekly ||= Boolean(facts.weekly);
    rangeEnd ??= facts.rangeEnd;
    if (!period) {
      if (facts.period) period = facts.period;
      else if (facts.week !== undefined) weekWithoutYear = facts.week;
    }
  }
  // "TUẦN 14" on one line and "năm 2023" on another.
  if (weekWithoutYear !== undefined && period && /^\d{4}$/.test(period))
    period = `${period}-W${pad2(weekWithoutYear)}`;
  // "TUẦN 14" with no year, and the sheet dated "ngày 30 tháng 3 năm 2023".
  else if (weekWithoutYear !== undefined && !period && date) period = weekNear(weekWithoutYear, date);
  // "KHỐI LƯỢNG TUẦN" over "(Từ ngày 03/4 đến ngày 09/4/2023)": the week the range ends in.
  else if (weekly && !period && rangeEnd) period = isoWeekOfDate(rangeEnd);
  orgs.sort((a, b) => a.rank - b.rank);
  const [lowest, ...rest] = orgs;
  return {
    ...(lowest ? { orgUnit: { name: lowest.name, level: lowest.level } } : {}),
    parents: rest.filter((o) => o.rank > (lowest?.rank ?? 0)).map((o) => ({ name: o.name, level: o.level })),
    ...(village ? { village } : {}),
    ...(period ? { period } : {}),
    ...(region ? { region } : {}),
    ...(group ? { group } : {}),
    folded: foldedParts.join(" \n "),
  };
}

/** A period in a file name ("xa-son-hong-2023.csv", "ha-linh-2022-11-khoi-luong.xlsx"), as a last resort. */
export function periodFromFileName(name: string): string | undefined {
  const base = name.replace(/\.[a-z0-9]+$/i, "");
  // "son-hong-2023-W14.xlsx", "dang-ky-tuan-14-2023.xlsx", "tuan14_2023.xlsx".
  let m = /(?:^|[^0-9])(20\d{2})[-_.]?w(\d{1,2})(?:[^0-9]|$)/i.exec(base);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 53) return `${m[1]}-W${pad2(Number(m[2]))}`;
  m = /tuan[-_. ]?(\d{1,2})[-_. ]+(?:nam[-_. ]?)?(20\d{2})(?:[^0-9]|$)/i.exec(foldVietnamese(base));
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 53) return `${m[2]}-W${pad2(Number(m[1]))}`;
  m = /(?:^|[^0-9])(20\d{2})[-_.]?q([1-4])(?:[^0-9]|$)/i.exec(base);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /(?:^|[^0-9])(20\d{2})[-_.](0?[1-9]|1[0-2])(?:[^0-9]|$)/.exec(base);
  if (m) return `${m[1]}-${pad2(Number(m[2]))}`;
  m = /(?:^|[^0-9])(20\d{2})(?:[^0-9]|$)/.exec(base);
  return m ? m[1] : undefined;
}
