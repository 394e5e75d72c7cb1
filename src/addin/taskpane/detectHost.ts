/**
 * Which host the pane runs in: "excel" inside Excel, "standalone" in a plain browser.
 *
 * Office opens the pane with `_host_Info=Excel$…` in its URL (desktop and Mac), or inside an iframe
 * (Excel on the web), and office.js keeps that in sessionStorage across reloads. When none of these
 * is there, the page was opened directly in a browser and is standalone at once: waiting for
 * Office.onReady there can take seconds (it may never settle without the CDN), and the person
 * should see the pane immediately.
 */
export type HostKind = "excel" | "standalone";

export interface HostHints {
  search: string;
  hash: string;
  framed: boolean;
  storedHostInfo: boolean;
}

export function currentHints(): HostHints {
  let stored = false;
  try {
    stored = Boolean(sessionStorage.getItem("hostInfoValue") ?? sessionStorage.getItem("Office.HostInfo"));
  } catch {
    /* storage blocked */
  }
  let framed = false;
  try {
    framed = window.top !== window.self;
  } catch {
    framed = true; // a cross-origin parent: Office on the web
  }
  return { search: location.search, hash: location.hash, framed, storedHostInfo: stored };
}

export function mayBeInOffice(h: HostHints): boolean {
  return /_host_Info=/i.test(h.search + h.hash) || h.framed || h.storedHostInfo;
}

export async function detectHost(timeoutMs = 3000, hints: HostHints = currentHints()): Promise<HostKind> {
  if (typeof Office === "undefined" || !Office.onReady) return "standalone";
  if (!mayBeInOffice(hints)) return "standalone";
  const ready = Office.onReady().then((info) =>
    info.host === Office.HostType.Excel ? "excel" : "standalone",
  );
  const timeout = new Promise<HostKind>((resolve) => setTimeout(() => resolve("standalone"), timeoutMs));
  return Promise.race([ready, timeout]);
}
