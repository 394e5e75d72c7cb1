/**
 * The pane sends a village checklist as `ntm push` does (issue 15): one village-progress report per
 * village the org tree lists under the commune, the commune keeping the villages the tree does not
 * know; offline it splits by the village list kept from its last send and queues each report; with
 * no list at all it sends nothing unsplit and says so. Against the real server (SQLite store, HTTP),
 * through the pane's own send (sendWorkbook) and sync session; only the workbook host is a stand-in.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SyncSession } from "../src/addin/sync/syncSession";
import { defaultStore, type KeyValueStore } from "../src/addin/sync/syncStorage";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { sendableReport } from "../src/addin/taskpane/check/sendableReport";
import { paneText } from "../src/addin/taskpane/paneText";
import { sendWorkbook } from "../src/addin/taskpane/sendWorkbook";
import { villageProgressFromValues } from "../src/domain/rhythm/villageProgress";
import type { IndicatorValues } from "../src/domain/sync/protocol";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { bearer, openFixture, type Fixture } from "./serverFixture";
import { testEngines } from "./storeEngines";
import { SON_HONG_VILLAGES, villageChecklist } from "./villageChecklist";

const t = paneText("vi");

/** The workbook's settings sheet, as the Excel and standalone hosts keep it. */
function settingsHost() {
  const settings: Record<string, string> = {};
  return {
    settings,
    readSettings: async () => ({ ...settings }),
    writeSettings: async (changes: Record<string, string>) => void Object.assign(settings, changes),
  };
}

describe("a village checklist sent from the pane", () => {
  let fx: Fixture;
  let dir: string;
  let online = true;
  const fetchSwitch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!online) throw new TypeError("Failed to fetch");
    return fetch(input, init);
  }) as typeof fetch;

  beforeAll(async () => {
    fx = await openFixture(testEngines[0]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-pane-villages-"));
  });
  afterAll(async () => {
    await fx.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(store: KeyValueStore): Promise<SyncSession> {
    const sync = new SyncSession({ store, fetch: fetchSwitch });
    await sync.signIn(fx.base, fx.tokens.clerk);
    return sync;
  }

  function checked(name: string, villages = SON_HONG_VILLAGES) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, villageChecklist(villages));
    return analyseWorkbook(readWorkbookFile(file), "vi", {}, name);
  }

  async function head(org: string): Promise<{ number: number; values: IndicatorValues } | null> {
    const r = await fx.call({
      url: `/api/reports/${org}/village-progress/2023`,
      headers: bearer(fx.tokens.office),
    });
    return r.statusCode === 200 ? r.json().head : null;
  }
  const villagesIn = (values: IndicatorValues | undefined) =>
    villageProgressFromValues(values ?? {}).map((v) => [v.name, v.met]);

  it("gives each listed village its own report, keeps the others under the commune, and moves each base", async () => {
    const store = defaultStore();
    const sync = await signedIn(store);
    const result = checked("son-hong-kdc.xlsx");
    const key = { org: "18139", set: sendableReport(result).set, period: "2023" };
    expect(key.set).toBe("village-progress");
    const host = settingsHost();
    const sent = await sendWorkbook(sync, host, result, { key, base: 0 }, t);

    expect(sent.state).toMatchObject({ phase: "synced", outboxSize: 0 });
    expect(sent.alsoSent).toContain(t.villagesSent("Thôn 1, Thôn 2, Thôn 3"));
    expect(sent.identityRevision).toBe(1);
    expect(villagesIn((await head("18139-T02"))?.values)).toEqual([["Thôn 2", 8]]);
    expect(villagesIn((await head("18139-T03"))?.values)).toEqual([["Thôn 3", 3]]);
    expect(villagesIn((await head("18139"))?.values)).toEqual([["Xóm Mới", 9]]);
    expect(JSON.parse(host.settings["ntm.bases"])).toEqual({
      "18139-T01/village-progress/2023": 1,
      "18139-T02/village-progress/2023": 1,
      "18139-T03/village-progress/2023": 1,
    });

    // The same workbook again from its bases: no report gets a new revision.
    const again = await sendWorkbook(sync, host, result, { key, base: 1 }, t);
    expect(again.state).toMatchObject({ phase: "synced", outboxSize: 0 });
    for (const org of ["18139", "18139-T01", "18139-T02", "18139-T03"])
      expect((await head(org))?.number).toBe(1);

    // Offline, Thôn 3 now meets 9: split by the kept list, queued, and sent when the network returns.
    online = false;
    const better = checked("son-hong-kdc-2.xlsx", [
      ["Thôn 1", 10],
      ["Thôn 2", 8],
      ["Thôn 3", 9],
      ["Xóm Mới", 9],
    ]);
    const queued = await sendWorkbook(sync, host, better, { key, base: 1 }, t);
    expect(queued.state.phase).toBe("offline");
    expect(queued.warnings.join(" ")).toMatch(/theo danh sách thôn đã lưu lúc \d\d:\d\d \d{4}-\d\d-\d\d/);
    expect(sync.entries().map((e) => e.key.org)).toContain("18139-T03");
    online = true;
    expect(await sync.flush()).toMatchObject({ phase: "synced", outboxSize: 0 });
    expect(villagesIn((await head("18139-T03"))?.values)).toEqual([["Thôn 3", 9]]);
    expect(villagesIn((await head("18139-T02"))?.values)).toEqual([["Thôn 2", 8]]);
  });

  it("with no village list ever read and no network, sends nothing unsplit and says how many villages wait", async () => {
    const sync = await signedIn(defaultStore()); // a fresh pane: nothing kept
    online = false;
    try {
      const result = checked("son-hong-kdc-3.xlsx");
      const key = { org: "18139", set: "village-progress", period: "2023" };
      const sent = await sendWorkbook(sync, settingsHost(), result, { key, base: 0 }, t);
      expect(sent.warnings.some((n) => n.startsWith("Chưa gửi tiến độ 4 thôn"))).toBe(true);
      expect(sync.entries()).toEqual([]);
    } finally {
      online = true;
    }
  });
});
