/**
 * Vietnamese ordering of names ("Xã Đức …" after "Xã Dương …", "Thôn 2" before "Thôn 10").
 * One shared collator: `a.localeCompare(b, "vi")` builds a collator per call, which dominates the
 * sort of a few thousand communes.
 */
const collator = new Intl.Collator("vi", { numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
