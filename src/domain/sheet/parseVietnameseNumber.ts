/**
 * Numbers written the Vietnamese way: "." groups thousands, "," marks decimals ("1.680" = 1680,
 * "29,68" = 29.68, "1.250,5" = 1250.5), optionally followed by "%" or a unit ("16.850 m",
 * "45,2 triệu đồng"), or a range ("30-35%", "30–35 %").
 * Invariant: a text is either read exactly as a Vietnamese writer means it, or the result says
 * `ambiguous` with the reading we would take (e.g. "1,680" may be 1.68 or an English 1680) so the
 * caller can report it; we never guess silently. Parsing is a single left-to-right scan (no
 * backtracking regular expressions), so hostile cell text costs linear time.
 */

export interface ParsedNumber {
  kind: "number";
  value: number;
  percent: boolean;
  unit?: string;
  /** Why the reading is not certain (English separators, lone comma before 3 digits …). */
  ambiguous?: string;
}

export interface ParsedRange {
  kind: "range";
  low: number;
  high: number;
  percent: boolean;
  unit?: string;
}

export type NumberReading = ParsedNumber | ParsedRange;

const MAX_UNIT_LENGTH = 40;

interface Scan {
  value: number;
  end: number;
  ambiguous?: string;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Reads one number starting at `i` (after optional sign); undefined when no digit there. */
function scanNumber(s: string, start: number): Scan | undefined {
  let i = start;
  let negative = false;
  if (s[i] === "-" || s[i] === "−" || s[i] === "+") {
    negative = s[i] !== "+";
    i++;
  }
  if (i >= s.length || !isDigit(s.charCodeAt(i))) return undefined;
  // Collect digit groups and the separators between them.
  const groups: string[] = [];
  const seps: string[] = [];
  let cur = "";
  while (i < s.length) {
    const ch = s[i];
    if (isDigit(s.charCodeAt(i))) {
      cur += ch;
      i++;
    } else if ((ch === "." || ch === ",") && i + 1 < s.length && isDigit(s.charCodeAt(i + 1))) {
      groups.push(cur);
      seps.push(ch);
      cur = "";
      i++;
    } else break;
  }
  groups.push(cur);
  const r = interpret(groups, seps);
  if (!r) return undefined;
  return { value: negative ? -r.value : r.value, end: i, ambiguous: r.ambiguous };
}

function interpret(groups: string[], seps: string[]): { value: number; ambiguous?: string } | undefined {
  if (seps.length === 0) return { value: Number(groups[0]) };
  const dots = seps.filter((c) => c === ".").length;
  const commas = seps.length - dots;
  const lastSep = seps[seps.length - 1];
  const thousandGroupsOk = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (groups[k].length !== 3) return false;
    return groups[0].length >= 1 && groups[0].length <= 3;
  };
  // Vietnamese: dots group thousands, at most one comma, which comes last.
  if (commas <= 1 && (commas === 0 || lastSep === ",")) {
    const intGroups = commas === 1 ? groups.length - 1 : groups.length;
    if (dots === 0) {
      // "29,68": a decimal comma. "1,680" could be an English thousands separator.
      const frac = groups[1];
      const value = Number(`${groups[0]}.${frac}`);
      if (frac.length === 3 && groups[0] !== "0") {
        return { value, ambiguous: "comma-before-three-digits" };
      }
      return { value };
    }
    if (thousandGroupsOk(1, intGroups)) {
      const int = groups.slice(0, intGroups).join("");
      const value = Number(commas === 1 ? `${int}.${groups[groups.length - 1]}` : int);
      return { value };
    }
    // "1.5" or "12.75": an English decimal point; readable, but not the Vietnamese way.
    if (dots === 1 && commas === 0) {
      return { value: Number(`${groups[0]}.${groups[1]}`), ambiguous: "decimal-point" };
    }
    return undefined;
  }
  // English: commas group thousands, one final dot: "1,234.5".
  if (dots === 1 && lastSep === "." && commas >= 1 && thousandGroupsOk(1, groups.length - 1)) {
    const int = groups.slice(0, -1).join("");
    return { value: Number(`${int}.${groups[groups.length - 1]}`), ambiguous: "english-separators" };
  }
  return undefined;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && (s[i] === " " || s[i] === "\u00a0" || s[i] === "\t")) i++;
  return i;
}

function isRangeDash(ch: string): boolean {
  return ch === "-" || ch === "–" || ch === "—" || ch === "÷" || ch === "~";
}

/** Trailing unit text: short, no digits, not a sentence. */
function readUnit(rest: string): string | undefined | null {
  const u = rest.trim();
  if (u === "") return undefined;
  if (u.length > MAX_UNIT_LENGTH) return null;
  for (let k = 0; k < u.length; k++) {
    const c = u.charCodeAt(k);
    if (isDigit(c) || u[k] === "(" || u[k] === ";" || u[k] === ":") return null;
  }
  if (u.split(" ").length > 5) return null;
  return u;
}

/**
 * Parses a whole cell text as a number, percent, number with unit, or range. Returns undefined
 * for text that is not a number (prose, "Đạt", "29,68/29,68 km").
 */
export function parseVietnameseNumber(text: string): NumberReading | undefined {
  const s = text.trim();
  if (s === "" || s.length > 200) return undefined;
  const first = scanNumber(s, 0);
  if (!first) return undefined;
  let i = skipSpaces(s, first.end);
  // Range: "30-35%", "30 – 35 %".
  if (i < s.length && isRangeDash(s[i])) {
    const j = skipSpaces(s, i + 1);
    const second = scanNumber(s, j);
    if (!second) return undefined;
    const k = skipSpaces(s, second.end);
    const percent = s[k] === "%";
    const unit = readUnit(s.slice(percent ? k + 1 : k));
    if (unit === null) return undefined;
    // "30%-35%" carries the sign on the first part too.
    const firstPercent = s.slice(first.end, i).trim() === "%";
    return {
      kind: "range",
      low: first.value,
      high: second.value,
      percent: percent || firstPercent,
      ...(percent || unit === undefined ? {} : { unit }),
    };
  }
  let percent = false;
  if (s[i] === "%") {
    percent = true;
    i++;
    // "30%-35%": a range whose first part carries the percent sign.
    const j = skipSpaces(s, i);
    if (j < s.length && isRangeDash(s[j])) {
      const second = scanNumber(s, skipSpaces(s, j + 1));
      if (second && s.slice(second.end).trim() === "%") {
        return { kind: "range", low: first.value, high: second.value, percent: true };
      }
      return undefined;
    }
  }
  const unit = readUnit(s.slice(i));
  if (unit === null) return undefined;
  if (percent && unit !== undefined) return undefined;
  const out: ParsedNumber = { kind: "number", value: first.value, percent };
  if (unit !== undefined) out.unit = unit;
  if (first.ambiguous) out.ambiguous = first.ambiguous;
  return out;
}
