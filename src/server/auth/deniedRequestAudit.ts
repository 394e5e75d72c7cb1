/**
 * Writes refused requests (401, 403, 429) to the audit log without letting a client that retries
 * in a loop grow it: the first refusal of an address/user/route/status within a window is written
 * at once, repeats are counted and written as one row ("×N") when the window has passed (or the
 * server closes). A global budget of rows per window bounds an address spray the same way.
 *
 * Invariant: every row is bounded in size — the route pattern, the path without its query string
 * cut to 200 characters, never a header — so no token and no 15 KB URL reaches the log.
 */
import type { FastifyRequest } from "fastify";
import type { AuditEntry } from "../store/store";

const MAX_TARGET = 200;

interface Pending {
  entry: AuditEntry;
  windowStart: number;
  repeats: number;
}

export interface DeniedAuditOptions {
  windowMs?: number;
  /** Rows written per window across all keys; refusals beyond it are counted into one row. */
  rowsPerWindow?: number;
  /** Keys remembered at once; the oldest are written out and forgotten first. */
  maxKeys?: number;
  now?: () => number;
}

export class DeniedRequestAudit {
  private readonly pending = new Map<string, Pending>();
  private readonly windowMs: number;
  private readonly rowsPerWindow: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private budgetWindow = 0;
  private rowsInWindow = 0;
  private overflow = 0;
  private lastSweep = 0;

  constructor(
    private readonly write: (entry: AuditEntry) => Promise<void>,
    opts: DeniedAuditOptions = {},
  ) {
    this.windowMs = opts.windowMs ?? 60_000;
    this.rowsPerWindow = opts.rowsPerWindow ?? 600;
    this.maxKeys = opts.maxKeys ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  async record(request: FastifyRequest, status: number, error: string, userId: string | null): Promise<void> {
    const now = this.now();
    const route = boundedText(request.routeOptions?.url ?? "(no route)");
    const entry: AuditEntry = {
      userId,
      address: boundedText(request.ip),
      action: `denied ${request.method} ${route}`,
      status,
      target: pathOf(request.url),
      detail: error,
    };
    const key = `${entry.address}\u0000${userId ?? ""}\u0000${entry.action}\u0000${status}`;
    const writes: AuditEntry[] = [];
    const known = this.pending.get(key);
    if (known && now - known.windowStart < this.windowMs) {
      known.repeats += 1;
    } else {
      if (known) writes.push(...this.drain(key, known));
      if (this.takeBudget(now)) {
        this.pending.set(key, { entry, windowStart: now, repeats: 0 });
        writes.push(entry);
        while (this.pending.size > this.maxKeys) {
          const [oldKey, old] = this.pending.entries().next().value!;
          writes.push(...this.drain(oldKey, old));
        }
      } else this.overflow += 1;
    }
    if (now - this.lastSweep >= this.windowMs) {
      this.lastSweep = now;
      writes.push(...this.drainExpired(now));
    }
    for (const w of writes) await this.write(w);
  }

  /** Write every count still held (the server is closing). */
  async flush(): Promise<void> {
    const writes: AuditEntry[] = [];
    for (const [key, p] of [...this.pending]) writes.push(...this.drain(key, p));
    writes.push(...this.overflowRow());
    for (const w of writes) await this.write(w);
  }

  private takeBudget(now: number): boolean {
    if (now - this.budgetWindow >= this.windowMs) {
      this.budgetWindow = now;
      this.rowsInWindow = 0;
    }
    if (this.rowsInWindow >= this.rowsPerWindow) return false;
    this.rowsInWindow += 1;
    return true;
  }

  private drain(key: string, p: Pending): AuditEntry[] {
    this.pending.delete(key);
    if (p.repeats === 0) return [];
    return [
      {
        ...p.entry,
        detail: `${p.entry.detail ?? ""} ×${p.repeats} (repeats within ${this.windowMs / 1000} s)`,
      },
    ];
  }

  private drainExpired(now: number): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const [key, p] of [...this.pending])
      if (now - p.windowStart >= this.windowMs) out.push(...this.drain(key, p));
    return [...out, ...this.overflowRow()];
  }

  private overflowRow(): AuditEntry[] {
    if (this.overflow === 0) return [];
    const n = this.overflow;
    this.overflow = 0;
    return [
      {
        userId: null,
        address: null,
        action: "denied (rate of refusals over the audit budget)",
        status: 429,
        target: null,
        detail: `×${n} refusals not written one by one`,
      },
    ];
  }
}

function boundedText(s: string): string {
  return s.length > MAX_TARGET ? s.slice(0, MAX_TARGET) + "…" : s;
}

/** The path alone: a query string may hold anything (a token pasted into a URL, 15 KB of junk). */
function pathOf(url: string): string {
  const q = url.indexOf("?");
  return boundedText(q >= 0 ? url.slice(0, q) : url);
}
