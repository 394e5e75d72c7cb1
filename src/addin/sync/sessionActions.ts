/**
 * What the signed-in person may do, so the pane shows only that (the server still checks every
 * call). The server's own list from GET /api/me wins; a server that does not send one is read by
 * role, as its permissions were when this was written.
 */
export type SessionAction = "read" | "push" | "review" | "consolidate";

const BY_ROLE: Record<string, SessionAction[]> = {
  clerk: ["read", "push"],
  reviewer: ["read", "review", "consolidate"],
  office: ["read", "consolidate"],
  admin: ["read", "push", "review", "consolidate"],
};

export function actionsOf(me: { role: string; actions?: unknown }): string[] {
  const sent = me.actions;
  if (Array.isArray(sent) && sent.every((a) => typeof a === "string")) return sent;
  return BY_ROLE[me.role] ?? ["read"];
}

/** Sessions saved before actions were kept are read by their role. */
export function sessionMay(
  s: { role?: string; actions?: string[] } | undefined,
  action: SessionAction,
): boolean {
  if (!s) return false;
  return (s.actions ?? actionsOf({ role: s.role ?? "" })).includes(action);
}
