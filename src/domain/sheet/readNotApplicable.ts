/**
 * "Không có làng nghề", "Không áp dụng", "KAD", "—": a statement that the indicator does not apply
 * to this commune, not a number the clerk forgot to write. It is a statement only where the
 * indicator allows it — its name says "(nếu có)" (13.4 "… làng nghề truyền thống (nếu có) …");
 * everywhere else the indicator applies to every commune and the clerk is asked for the result.
 * Invariant: a bare "Không" / "Không có" stays the yes/no answer it is (6.2 "Không có" is unmet);
 * only "không có" followed by what is absent, or an explicit not-applicable word, is a statement.
 */
import { foldVietnamese } from "./foldVietnamese";
import type { CatalogIndicator } from "./indicatorCatalog";

const STATEMENT =
  /^(?:khong ap dung|kad|k\.a\.d|n\/a|khong phat sinh|khong thuoc dien|khong co \p{L}.*|[-–—]{1,3})$/u;

export function isNotApplicableText(text: string): boolean {
  const f = foldVietnamese(text)
    .replace(/[.!;]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
  return f.length <= 120 && STATEMENT.test(f);
}

/** Whether the indicator is conditional on the commune having the thing ("nếu có"). */
export function allowsNotApplicable(indicator: CatalogIndicator | undefined): boolean {
  return indicator !== undefined && /\bneu co\b/.test(foldVietnamese(indicator.name));
}
