/**
 * An authoring mistake, located the way a person finds it in Excel: sheet, 1-based row, column
 * header; said in Vietnamese and English, each with what to write instead.
 */
export interface AuthoringError {
  sheet: string;
  /** 1-based row as Excel shows it. */
  row: number;
  column: string;
  vi: string;
  en: string;
}

export function formatAuthoringError(e: AuthoringError, lang: "vi" | "en"): string {
  return lang === "vi"
    ? `[${e.sheet}, hàng ${e.row}, cột ${e.column}] ${e.vi}`
    : `[${e.sheet}, row ${e.row}, column ${e.column}] ${e.en}`;
}

/** Vietnamese line then English line, for the CLI. */
export function formatAuthoringErrorBilingual(e: AuthoringError): string {
  return `${formatAuthoringError(e, "vi")}\n${formatAuthoringError(e, "en")}`;
}
