/**
 * The namespaces, XML declaration and text escaping every part of a written package shares.
 * Invariant: xmlEscape leaves text without &<>"\r untouched (no new string: it runs per cell).
 */
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\r": "&#13;",
};
export const xmlEscape = (s: string) =>
  /[&<>"\r]/.test(s) ? s.replace(/[&<>"\r]/g, (ch) => XML_ESCAPES[ch]) : s;
