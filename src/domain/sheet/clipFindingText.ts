/**
 * Cell text quoted in a finding is clipped, so one long paragraph typed into a value cell cannot
 * flood a report line; the clipped text ends in "…" so a reader sees that it was cut.
 */
export const FINDING_TEXT_MAX = 80;

export function clipFindingText(s: string): string {
  return s.length > FINDING_TEXT_MAX ? s.slice(0, FINDING_TEXT_MAX - 3) + "…" : s;
}
