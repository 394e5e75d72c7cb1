/**
 * How the command line words things: Vietnamese first, English second on one line (the CLI's two
 * languages), English nouns counted in the right number ("1 finding", "2 findings": Vietnamese has
 * no plural), numbers as people write them. Every message module of src/cli builds on these.
 */
import { formatNumber, type Lang } from "../../domain/i18n/formatNumber";

export type { Lang };

/** "Vietnamese / English", the form of every line the CLI prints outside one-language reports. */
export function both(vi: string, en: string): string {
  return `${vi} / ${en}`;
}

/** "1 finding", "2 findings", "0 communes"; `many` for irregular nouns ("1 entry", "2 entries"). */
export function countEn(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A number in a language: "12,3" / "12.3". */
export function num(n: number, lang: Lang, maxDecimals = 1): string {
  return formatNumber(n, lang, maxDecimals);
}

/** Where a command writes and how it says it was misused: one line, exit code 2. */
export interface MisuseIo {
  err(text: string): void;
  exitCode?: number;
}

/** `ntm <command>: vi / en`, exit code 2 (every ntm command's misuse). */
export function misuse(io: MisuseIo, command: string, vi: string, en: string): void {
  io.err(`ntm ${command}: ${both(vi, en)}\n`);
  io.exitCode = 2;
}
