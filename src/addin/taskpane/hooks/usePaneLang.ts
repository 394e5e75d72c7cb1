/**
 * The pane's language, remembered in the add-in's own storage so a reload (or the next time Excel
 * opens the pane) keeps the person's choice. Vietnamese until someone chooses otherwise.
 */
import { useEffect, useState } from "react";
import { defaultStore } from "../../sync/syncStorage";
import type { PaneLang } from "../paneText";

const LANG_KEY = "ntm.pane-lang.v1";

function storedLang(): PaneLang {
  return defaultStore().getItem(LANG_KEY) === "en" ? "en" : "vi";
}

export function usePaneLang(): [PaneLang, (lang: PaneLang) => void] {
  const [lang, setLang] = useState<PaneLang>(storedLang);
  // The page's own language too: screen readers and the browser's hyphenation follow it.
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);
  const choose = (next: PaneLang) => {
    defaultStore().setItem(LANG_KEY, next);
    setLang(next);
  };
  return [lang, choose];
}
