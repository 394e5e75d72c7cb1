/** Which host the pane runs in: "excel" inside Excel, "standalone" in a plain browser. */
export type HostKind = "excel" | "standalone";

export async function detectHost(timeoutMs = 3000): Promise<HostKind> {
  if (typeof Office === "undefined" || !Office.onReady) return "standalone";
  const ready = Office.onReady().then((info) => (info.host === Office.HostType.Excel ? "excel" : "standalone"));
  const timeout = new Promise<HostKind>((resolve) => setTimeout(() => resolve("standalone"), timeoutMs));
  return Promise.race([ready, timeout]);
}
