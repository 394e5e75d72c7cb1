/** What each role may do; scope is checked separately, on every route, against the org tree. */
import type { Action, Role } from "../../domain/sync/protocol";

export type { Action } from "../../domain/sync/protocol";

const allowed: Record<Role, Action[]> = {
  clerk: ["read", "push"],
  reviewer: ["read", "review", "consolidate"],
  office: ["read", "consolidate"],
  // "configure": a district's period targets and a province's reporting calendar.
  admin: ["read", "push", "review", "consolidate", "configure"],
};

export function roleMay(role: Role, action: Action): boolean {
  return allowed[role].includes(action);
}

/** The actions a role may take, in a fixed order (what `GET /api/me` tells the pane). */
export function actionsOf(role: Role): Action[] {
  return [...allowed[role]];
}
