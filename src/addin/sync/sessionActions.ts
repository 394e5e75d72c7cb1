/**
 * What the signed-in person may do, so the pane shows only that (the server still checks every
 * call). The list is the server's (GET /api/me `actions`, from its permissions); a server that
 * sends none (older than the list) is shown everything, as the protocol says, and refuses itself.
 */
import type { Action } from "../../domain/sync/protocol";

export type SessionAction = Action;

export function sessionMay(s: { actions?: readonly string[] } | undefined, action: SessionAction): boolean {
  if (!s) return false;
  return !s.actions || s.actions.includes(action);
}
