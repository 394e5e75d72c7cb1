/** The session's view of the network: operation ids for pushes, and the message of a push that found no network. */

export function randomOpId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The message of a push that could not reach the server (the pane shows its own words for it). */
export const UNREACHABLE = "không kết nối được máy chủ / cannot reach the server";
