/** What each role may do; scope is checked separately, on every route, against the org tree. */
import type { Role } from "../../domain/sync/protocol";

export type Action = "read" | "push" | "review" | "consolidate";

const allowed: Record<Role, Action[]> = {
  clerk: ["read", "push"],
  reviewer: ["read", "review", "consolidate"],
  office: ["read", "consolidate"],
  admin: ["read", "push", "review", "consolidate"],
};

export function roleMay(role: Role, action: Action): boolean {
  return allowed[role].includes(action);
}
