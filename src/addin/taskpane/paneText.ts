/** The pane's own words (finding messages come from src/domain/i18n). Vietnamese is the default. */
import { en } from "./paneTextEn";
import { vi, type PaneLang, type PaneText } from "./paneTextVi";

export type { PaneLang, PaneText };

export function paneText(lang: PaneLang): PaneText {
  return lang === "en" ? en : vi;
}
