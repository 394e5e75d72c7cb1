/**
 * Any failure, as one sentence in the pane's language that says what to do. Server messages come
 * as "Vietnamese / English" and are cut to the pane's half; failures that never reached the server
 * (no network, a wrong address) get the pane's own words instead of the browser's English.
 */
import { isUnreachable, SyncHttpError, SyncUnreachableError } from "../../client/syncClient";
import type { PaneLang, PaneText } from "./paneText";

/** "vi text / en text" → the half for `lang` (the whole text when it is not bilingual). */
export function halfFor(message: string, lang: PaneLang): string {
  const at = message.indexOf(" / ");
  if (at < 0) return message;
  return lang === "en" ? message.slice(at + 3) : message.slice(0, at);
}

export function paneError(t: PaneText, e: unknown): string {
  const lang = t.lang;
  // A certificate problem is the one unreachable case with its own remedy (Node only; browsers hide it).
  if (e instanceof SyncUnreachableError && e.untrustedCertificate) return halfFor(e.message, lang);
  if (isUnreachable(e)) return t.errUnreachable;
  if (e instanceof SyncHttpError) {
    if (e.message && !/^HTTP \d+$/.test(e.message)) return halfFor(e.message, lang);
    if (e.status === 401) return t.errToken;
    if (e.status === 404) return t.errNotNtmServer;
    return t.errServer(e.status);
  }
  // A page that is not the NTM API (wrong address) answers with HTML or other JSON.
  if (e instanceof SyntaxError || (e as Error)?.name === "ZodError") return t.errNotNtmServer;
  const message = String((e as Error)?.message ?? e);
  return halfFor(message, lang);
}
