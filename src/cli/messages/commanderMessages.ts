/**
 * Commander's own usage errors ("required option '--server <url>' not specified", "unknown option",
 * "missing required argument") said in the CLI's two languages, like every other ntm message.
 * Commander words them in English only; this rewrites the ones a person meets by their shape and
 * keeps any other text as commander wrote it (still readable, never dropped).
 */
import { both } from "./cliText";

type Rewrite = [RegExp, (...m: string[]) => string];

/** "(Did you mean --set?)" as commander appends it, in both languages. */
function suggestion(rest: string): string {
  const m = /\(Did you mean ([^?]+)\?\)/.exec(rest);
  return m ? ` (${both(`ý bạn là ${m[1]}?`, `did you mean ${m[1]}?`)})` : "";
}

const REWRITES: Rewrite[] = [
  [
    /^error: required option '([^']+)' not specified/,
    (flags) => both(`thiếu tùy chọn bắt buộc ${flags}`, `required option ${flags} not given`),
  ],
  [
    /^error: missing required argument '([^']+)'/,
    (name) => both(`thiếu đối số bắt buộc <${name}>`, `missing required argument <${name}>`),
  ],
  [
    /^error: option '([^']+)' argument missing/,
    (flags) => both(`tùy chọn ${flags} cần một giá trị`, `option ${flags} needs a value`),
  ],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\.\s*Allowed choices are ([^\n]*?)\.?$/m,
    (flags, value, choices) =>
      both(
        `giá trị "${value}" của ${flags} không hợp lệ; chọn một trong: ${choices}`,
        `"${value}" is not a valid value of ${flags}; choose one of: ${choices}`,
      ),
  ],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\.\s*(.*)$/m,
    // Our own parsers already say why in both languages.
    (flags, value, why) =>
      why
        ? `${flags}: ${why}`
        : both(`giá trị "${value}" của ${flags} không hợp lệ`, `"${value}" is not valid for ${flags}`),
  ],
  [
    /^error: unknown option '([^']+)'([\s\S]*)$/,
    (flag, rest) => both(`không có tùy chọn ${flag}`, `unknown option ${flag}`) + suggestion(rest),
  ],
  [
    /^error: unknown command '([^']+)'([\s\S]*)$/,
    (name, rest) => both(`không có lệnh "${name}"`, `unknown command "${name}"`) + suggestion(rest),
  ],
  [
    /^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (cmd, expected, got) =>
      both(
        `thừa đối số${cmd ? ` cho lệnh ${cmd}` : ""}: cần ${expected}, nhận ${got}`,
        `too many arguments${cmd ? ` for ${cmd}` : ""}: expected ${expected}, got ${got}`,
      ),
  ],
  [
    /^error: (?:option )?'?([^']+?)'? cannot be used with (?:option )?'?([^']+?)'?$/m,
    (a, b) => both(`không dùng ${a} cùng với ${b}`, `${a} cannot be used with ${b}`),
  ],
];

/** One commander error line → "ntm: vi / en"; text of no known shape is kept as it is. */
export function commanderErrorText(raw: string): string {
  const text = raw.trim();
  for (const [re, say] of REWRITES) {
    const m = re.exec(text);
    if (m) return `ntm: ${say(...m.slice(1).map((g) => g ?? ""))}\n`;
  }
  return raw.endsWith("\n") ? raw : `${raw}\n`;
}

/** The line after a usage error: where to read how the command is used. */
export function helpHint(commandPath: string): string {
  return both(`Xem cách dùng: ${commandPath} --help`, `usage: ${commandPath} --help`);
}

/** The headings of commander's help, in both languages like the descriptions under them. */
const HELP_TITLES: Record<string, string> = {
  "Usage:": "Cách dùng / Usage:",
  "Arguments:": "Đối số / Arguments:",
  "Options:": "Tùy chọn / Options:",
  "Global Options:": "Tùy chọn chung / Global options:",
  "Commands:": "Lệnh / Commands:",
};

export function helpTitle(title: string): string {
  return HELP_TITLES[title] ?? title;
}

export const helpWords = {
  option: both("xem hướng dẫn", "display help"),
  command: both("xem hướng dẫn của một lệnh", "display help for a command"),
};
