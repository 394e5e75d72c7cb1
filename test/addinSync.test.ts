import { SyncSession } from "../src/addin/sync/syncSession";
import { defaultStore, saveSession } from "../src/addin/sync/syncStorage";
import { sessionMay } from "../src/addin/sync/sessionActions";
import { detectHost, mayBeInOffice } from "../src/addin/taskpane/detectHost";
import { runCommand } from "../src/addin/commands/commands";
import { registerCommands } from "../src/addin/commands/commandRegistry";
import { wireRevision } from "./revisionFixtures";

const KEY = { org: "18139", set: "vn-xa-ntm-2021-2025", period: "2023" };
const ME = {
  name: "demo-clerk",
  role: "clerk",
  scope: { code: "18139", name: "Xã Sơn Hồng", level: "commune" },
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("sync session", () => {
  it("keeps a push made without a network in the stored outbox; a new session (a reload) still has it and sends it", async () => {
    const store = defaultStore();
    let online = true;
    const pushes: string[] = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      if (!online) throw new TypeError("Failed to fetch");
      if (url.endsWith("/api/me")) return json(200, ME);
      pushes.push(JSON.parse(String(init?.body)).opId);
      return json(201, { revision: wireRevision(1), replayed: false });
    }) as unknown as typeof globalThis.fetch;
    let n = 0;
    const first = new SyncSession({
      store,
      fetch,
      newOpId: () => `op-test-${++n}`,
      now: () => "2023-11-23T00:00:00Z",
    });
    await first.signIn("http://server", "tok");
    online = false;
    const after = await first.push(KEY, 0, { "2.3": { value: 96.4, unit: "%" } });
    expect(after.phase).toBe("offline");
    expect(after.outboxSize).toBe(1);
    expect(after.message).toMatch(/không kết nối được máy chủ/);

    const reloaded = new SyncSession({
      store,
      fetch,
      newOpId: () => `op-test-${++n}`,
      now: () => "2023-11-23T00:00:00Z",
    });
    expect(reloaded.getState()).toMatchObject({ phase: "pending", outboxSize: 1, lastKey: KEY });
    online = true;
    const done = await reloaded.flush();
    expect(done).toMatchObject({ phase: "synced", outboxSize: 0, lastRevision: 1 });
    expect(pushes).toEqual(["op-test-1"]); // the same opId: a retry cannot apply twice
  });

  it("refuses to settle a conflict without a choice for every conflicting indicator", async () => {
    const s = new SyncSession({ store: defaultStore() });
    (s as unknown as { state: object }).state = {
      ...s.getState(),
      conflict: { opId: "o", key: KEY, conflicts: [{ code: "2.3", base: null, mine: null, theirs: null }] },
    };
    await expect(s.resolve({})).rejects.toThrow(/Hãy chọn giá trị cho: 2\.3/);
  });
});

describe("the pane's outbox states (the same flush as ntm push)", () => {
  function server(answer: () => Response) {
    const pushes: string[] = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      if (url.endsWith("/api/me")) return json(200, ME);
      pushes.push(JSON.parse(String(init?.body)).opId);
      return answer();
    }) as unknown as typeof globalThis.fetch;
    return { fetch, pushes };
  }

  it("a push into an approved report waits, says so, and goes with the first flush after the reopen", async () => {
    let locked = true;
    const srv = server(() =>
      locked
        ? json(423, { error: "locked", message: "Báo cáo đã được duyệt và khóa" })
        : json(201, { revision: wireRevision(2), replayed: false }),
    );
    let n = 0;
    const s = new SyncSession({
      store: defaultStore(),
      fetch: srv.fetch,
      newOpId: () => `op-lock-${++n}`,
      now: () => "t",
    });
    await s.signIn("http://server", "tok");
    expect(await s.push(KEY, 1, { "2.3": { value: 97 } })).toMatchObject({ phase: "locked", outboxSize: 1 });
    expect(await s.flush()).toMatchObject({ phase: "locked", outboxSize: 1 }); // tried again, still locked
    locked = false; // a reviewer reopened it
    expect(await s.flush()).toMatchObject({ phase: "synced", outboxSize: 0, lastRevision: 2 });
    expect(srv.pushes).toEqual(["op-lock-1", "op-lock-1", "op-lock-1"]);
  });

  it("a refusal for good (401) is shown with the server's words and not sent again", async () => {
    const srv = server(() => json(401, { error: "unauthorized", message: "Mã truy cập không hợp lệ" }));
    const s = new SyncSession({
      store: defaultStore(),
      fetch: srv.fetch,
      newOpId: () => "op-refused-1",
      now: () => "t",
    });
    await s.signIn("http://server", "tok");
    expect(await s.push(KEY, 0, { "2.3": { value: 97 } })).toMatchObject({
      phase: "refused",
      outboxSize: 1,
      message: "Mã truy cập không hợp lệ",
    });
    await s.flush();
    expect(srv.pushes).toEqual(["op-refused-1"]);
    expect(s.entries()[0].blocked).toMatchObject({ reason: "refused", status: 401 });
    await s.flush({ retryRefused: true }); // the person pressed "Gửi lại"
    expect(srv.pushes).toEqual(["op-refused-1", "op-refused-1"]);
  });

  it("after a reload, an entry blocked by a conflict is shown as a conflict again, with its indicators", async () => {
    const store = defaultStore();
    const conflicts = [{ code: "2.3", base: { value: 95 }, mine: { value: 99 }, theirs: { value: 97 } }];
    store.setItem(
      "ntm.outbox.v1",
      JSON.stringify({
        version: 1,
        entries: [
          {
            opId: "op-conflict-1",
            key: KEY,
            baseRevision: 1,
            values: { "2.3": { value: 99 } },
            enqueuedAt: "t",
            attempts: 1,
            blocked: { reason: "conflict", at: "t", status: 409, conflicts },
          },
        ],
      }),
    );
    const srv = server(() => json(500, { error: "x", message: "x" }));
    const s = new SyncSession({ store, fetch: srv.fetch, now: () => "t" });
    await s.signIn("http://server", "tok");
    expect(await s.flush()).toMatchObject({
      phase: "conflict",
      conflict: { opId: "op-conflict-1", conflicts },
    });
    expect(srv.pushes).toEqual([]); // waits for the choice, not resent
  });

  it("the same values pushed twice while waiting are queued once", async () => {
    const s = new SyncSession({
      store: defaultStore(),
      fetch: (async () => {
        throw new TypeError("Failed to fetch");
      }) as unknown as typeof globalThis.fetch,
      newOpId: (() => {
        let n = 0;
        return () => `op-twice-${++n}`;
      })(),
      now: () => "t",
    });
    (s as unknown as { state: { session: object } }).state.session = {
      serverUrl: "http://server",
      token: "tok",
    };
    await s.push(KEY, 0, { "2.3": { value: 97 } });
    expect((await s.push(KEY, 0, { "2.3": { value: 97 } })).outboxSize).toBe(1);
  });
});

describe("host detection", () => {
  it("is standalone at once when nothing says Office opened the page", async () => {
    expect(mayBeInOffice({ search: "", hash: "", framed: false, storedHostInfo: false })).toBe(false);
    expect(
      mayBeInOffice({
        search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0",
        hash: "",
        framed: false,
        storedHostInfo: false,
      }),
    ).toBe(true);
    expect(mayBeInOffice({ search: "", hash: "", framed: true, storedHostInfo: false })).toBe(true);
    // An Office.onReady that never settles (no CDN): the page must not wait on it, nor on the timeout.
    const onReady = jest.fn(() => new Promise(() => undefined));
    (globalThis as { Office?: unknown }).Office = { onReady, HostType: { Excel: "Excel" } };
    jest.useFakeTimers();
    try {
      const kind = detectHost(3000, { search: "", hash: "", framed: false, storedHostInfo: false });
      // Resolved without any timer running: fake time never advances here.
      await expect(kind).resolves.toBe("standalone");
      expect(onReady).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

describe("ribbon commands", () => {
  it("run what the pane registered and always complete the event", async () => {
    registerCommands({
      checkAndFlag: async () => "Đạt 13/19 tiêu chí; 12 ô được đánh dấu.",
      syncNow: async () => {
        throw new Error("mất mạng");
      },
    });
    const completed: string[] = [];
    expect(await runCommand("checkAndFlag", { completed: () => completed.push("check") })).toMatch(/13\/19/);
    expect(await runCommand("syncNow", { completed: () => completed.push("sync") })).toBe("mất mạng");
    expect(completed).toEqual(["check", "sync"]);
  });
});

describe("what the pane's status tells", () => {
  const entry = (opId: string, blocked?: object) => ({
    opId,
    key: KEY,
    baseRevision: 1,
    values: { "2.3": { value: 99 } },
    enqueuedAt: "t",
    attempts: 1,
    ...(blocked ? { blocked } : {}),
  });
  function storeWith(entries: object[]) {
    const store = defaultStore();
    store.setItem("ntm.outbox.v1", JSON.stringify({ version: 1, entries }));
    saveSession(store, { serverUrl: "http://server", token: "tok", scopeCode: "18139" });
    return store;
  }
  const offline = (async () => {
    throw new TypeError("Failed to fetch");
  }) as unknown as typeof globalThis.fetch;

  it("a conflict waiting for a choice is shown at once after a reload, and stays while the server cannot be reached", async () => {
    const conflicts = [{ code: "2.3", base: { value: 95 }, mine: { value: 99 }, theirs: { value: 97 } }];
    const s = new SyncSession({
      store: storeWith([entry("op-c", { reason: "conflict", at: "t", status: 409, conflicts })]),
      fetch: offline,
    });
    expect(s.getState()).toMatchObject({ phase: "conflict", conflict: { opId: "op-c", conflicts } });
    await s.pull(KEY).catch(() => undefined);
    expect(s.getState()).toMatchObject({ unreachable: true, conflict: { opId: "op-c", conflicts } });
  });

  it("a refused push can be discarded; a push still waiting cannot", () => {
    const s = new SyncSession({
      store: storeWith([
        entry("op-refused", {
          reason: "refused",
          at: "t",
          status: 403,
          message: "ngoài phạm vi / out of scope",
        }),
        entry("op-locked", { reason: "locked", at: "t", status: 423 }),
      ]),
    });
    expect(s.getState().phase).toBe("refused");
    expect(s.discard("op-locked").outboxSize).toBe(2);
    const after = s.discard("op-refused");
    expect(after).toMatchObject({ outboxSize: 1, phase: "locked" });
    expect(s.waiting().map((l) => l.opId)).toEqual(["op-locked"]);
  });

  it("says the server cannot be reached after any failed call, and no longer once one answers", async () => {
    let online = false;
    const fetch = (async (url: string) => {
      if (!online) throw new TypeError("Failed to fetch");
      if (url.endsWith("/api/me")) return json(200, ME);
      return json(200, {
        org: "18139",
        orgName: "Xã Sơn Hồng",
        set: KEY.set,
        period: KEY.period,
        head: null,
        reviewState: "none",
        locked: false,
        comments: [],
        events: [],
      });
    }) as unknown as typeof globalThis.fetch;
    const s = new SyncSession({ store: storeWith([]), fetch });
    await expect(s.peek(KEY)).rejects.toBeTruthy();
    expect(s.getState().unreachable).toBe(true);
    online = true;
    await s.signIn("http://server", "tok");
    expect(s.getState()).toMatchObject({ unreachable: false, session: { scopeCode: "18139" } });
  });

  it("shows each person what the server says they may do, and everything when an older server says nothing", () => {
    expect(sessionMay({ actions: ["read", "push"] }, "review")).toBe(false);
    expect(sessionMay({ actions: ["read", "push"] }, "push")).toBe(true);
    expect(sessionMay({}, "review")).toBe(true);
    expect(sessionMay(undefined, "read")).toBe(false);
  });
});
