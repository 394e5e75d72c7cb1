/**
 * What the add-in keeps between sessions, in its own (partitioned) browser storage: the server
 * address and token of the signed-in person, and the outbox of unsent pushes. Never in the
 * workbook: a workbook travels, a token must not.
 */
import { emptyOutbox, type Outbox } from "../../domain/sync/outbox";
import type { ReportKey } from "../../domain/sync/protocol";
import type { KeptVillages, VillageListKeeper } from "../../client/villageList";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedSession {
  serverUrl: string;
  token: string;
  name?: string;
  role?: string;
  /** "Xã Sơn Hồng (18139)": the scope as a person reads it. */
  scope?: string;
  /** The scope's org code, as the server gave it: what the tabs filter and prefill with. */
  scopeCode?: string;
  /** What the server says this person may do (GET /api/me); absent from older servers. */
  actions?: string[];
}

const SESSION_KEY = "ntm.session.v1";
const OUTBOX_KEY = "ntm.outbox.v1";
const LAST_KEY = "ntm.last-report.v1";

/** localStorage where there is one, else memory (Node tests, locked-down hosts). */
export function defaultStore(): KeyValueStore {
  try {
    if (typeof localStorage !== "undefined") return localStorage;
  } catch {
    /* storage blocked: fall through to memory */
  }
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

export function loadSession(store: KeyValueStore): SavedSession | undefined {
  try {
    const s = JSON.parse(store.getItem(SESSION_KEY) ?? "null");
    if (!s || typeof s.serverUrl !== "string" || typeof s.token !== "string") return undefined;
    // A session saved before the code was kept: its scope line ends with the code in brackets.
    if (!s.scopeCode && typeof s.scope === "string") s.scopeCode = /\((\w+)\)$/.exec(s.scope)?.[1];
    return s;
  } catch {
    return undefined;
  }
}

export function saveSession(store: KeyValueStore, s: SavedSession | undefined): void {
  if (s) store.setItem(SESSION_KEY, JSON.stringify(s));
  else store.removeItem(SESSION_KEY);
}

export function loadOutbox(store: KeyValueStore): Outbox {
  try {
    const o = JSON.parse(store.getItem(OUTBOX_KEY) ?? "null");
    return o && o.version === 1 && Array.isArray(o.entries) ? o : emptyOutbox();
  } catch {
    return emptyOutbox();
  }
}

export function saveOutbox(store: KeyValueStore, o: Outbox): void {
  store.setItem(OUTBOX_KEY, JSON.stringify(o));
}

/** The report last pushed or pulled, so a reloaded pane still knows which one it works on. */
export function loadLastKey(store: KeyValueStore): ReportKey | undefined {
  try {
    const k = JSON.parse(store.getItem(LAST_KEY) ?? "null");
    return k && typeof k.org === "string" && typeof k.set === "string" && typeof k.period === "string"
      ? k
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveLastKey(store: KeyValueStore, key: ReportKey): void {
  store.setItem(LAST_KEY, JSON.stringify(key));
}

const VILLAGES_KEY = "ntm.villages.v1";

/**
 * The village lists the pane last read from `serverUrl`, per commune (client/villageList), so a
 * village checklist sent offline is still split by village. Unreadable or foreign data is no list.
 */
export function villageKeeperIn(store: KeyValueStore, serverUrl: string): VillageListKeeper {
  const key = (org: string) => `${VILLAGES_KEY}:${serverUrl.replace(/\/+$/, "")}:${org}`;
  return {
    load(org) {
      try {
        const kept = JSON.parse(store.getItem(key(org)) ?? "null") as KeptVillages | null;
        return kept && typeof kept.fetchedAt === "string" && Array.isArray(kept.units) ? kept : undefined;
      } catch {
        return undefined;
      }
    },
    save: (org, kept) => store.setItem(key(org), JSON.stringify(kept)),
  };
}
