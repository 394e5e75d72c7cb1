/**
 * How a target's comparison is written for people: "≥ 80 %", "≤ 5 %". One table for the check,
 * the messages, the custom functions and the template writer, so they cannot drift apart.
 * Invariant: the Report's and the set's comparison words (">=", "<=", "=", ">", "<") map to their
 * symbol; "yes" (met / not met) has none — callers say "Đạt" instead.
 */
export const COMPARISON_SYMBOL: Readonly<Record<string, string>> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
};
