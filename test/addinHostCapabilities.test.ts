/**
 * What the person sees of the host: the pane's one line on what this Excel lacks (from
 * Office.context.requirements), and the ribbon commands' outcomes in the pane, Vietnamese first,
 * with the pane brought forward where Office can — not in document.title, which nobody reads.
 */
import {
  capabilitiesOfExcelApi,
  FULL_CAPABILITIES,
  hostCapabilities,
} from "../src/addin/excel/hostCapabilities";
import { capabilityNote } from "../src/addin/taskpane/capabilityNote";
import { registerCommands } from "../src/addin/commands/commandRegistry";
import { lastCommandOutcome, subscribeCommandOutcome } from "../src/addin/commands/commandOutcome";
import { runCommand } from "../src/addin/commands/commands";

type OfficeStub = {
  context: { requirements: { isSetSupported(n: string, v?: string): boolean } };
  addin?: unknown;
};
const g = globalThis as { Office?: OfficeStub };

afterEach(() => delete g.Office);

describe("host capabilities from Office", () => {
  it("asks Office.context.requirements for each set (Excel 2016 answers only ExcelApi 1.1)", () => {
    const asked: string[] = [];
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (n, v) => (asked.push(`${n} ${v}`), n === "ExcelApi" && v === "1.1"),
        },
      },
    };
    const caps = hostCapabilities();
    expect(caps.comments).toBe(false);
    expect(caps.customFunctions).toBe(false);
    expect(asked).toContain("ExcelApi 1.10");
    expect(asked).toContain("CustomFunctionsRuntime 1.1");
    expect(asked).toContain("SharedRuntime 1.1");
  });

  it("treats an Office that throws on a set as not having it", () => {
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (n) => {
            if (n === "SharedRuntime") throw new Error("unknown set");
            return true;
          },
        },
      },
    };
    expect(hostCapabilities().sharedRuntime).toBe(false);
    expect(hostCapabilities().comments).toBe(true);
  });
});

describe("the pane's line on what this Excel lacks", () => {
  it("says, on Excel 2016, that comments, the NTM functions and the ribbon tab are missing, and where findings are", () => {
    const vi = capabilityNote(capabilitiesOfExcelApi("1.1"), "vi");
    expect(vi.line).toBe(
      "Excel này chưa có ghi chú trên ô, hàm NTM.*, thẻ NTM trên ruy-băng. Mỗi phát hiện có ở trang “NTM – Kiểm tra”.",
    );
    expect(vi.details.split("\n")).toEqual([
      "ghi chú trên ô: mỗi phát hiện có ở trang “NTM – Kiểm tra”",
      "hàm NTM.*: trang “NTM – Tổng hợp” dùng công thức Excel thường",
      "thẻ NTM trên ruy-băng: mở ngăn từ Chèn › Phần bổ trợ của tôi",
      "ẩn trang _ntm: trang _ntm hiện ra; đừng xóa",
    ]);
    expect(capabilityNote(capabilitiesOfExcelApi("1.1"), "en").line).toMatch(
      /^This Excel lacks cell comments, NTM\.\* functions/,
    );
  });

  it("on volume-licensed Office 2021 (no custom functions) names only those", () => {
    expect(capabilityNote(capabilitiesOfExcelApi("1.13", { sharedRuntime: true }), "vi").line).toBe(
      "Excel này chưa có hàm NTM.*.",
    );
  });

  it("says nothing where everything is there", () => {
    expect(capabilityNote(FULL_CAPABILITIES, "vi")).toEqual({ line: "", details: "" });
  });
});

describe("ribbon command outcomes", () => {
  const event = () => ({
    done: 0,
    completed() {
      this.done++;
    },
  });

  it("go to the pane's status line, bring the pane forward, and complete the event", async () => {
    let shown = 0;
    g.Office = {
      context: { requirements: { isSetSupported: () => true } },
      addin: { showAsTaskpane: async () => void shown++ },
    };
    registerCommands({
      checkAndFlag: async () => "Đạt 12/19 tiêu chí; 7 ô được đánh dấu.",
      syncNow: async () => "Đồng bộ: Đã đồng bộ",
    });
    let heard = 0;
    const stop = subscribeCommandOutcome(() => heard++);
    const e = event();
    await runCommand("checkAndFlag", e);
    stop();
    expect(lastCommandOutcome()).toMatchObject({
      command: "checkAndFlag",
      text: "Đạt 12/19 tiêu chí; 7 ô được đánh dấu.",
      ok: true,
    });
    expect(heard).toBe(1);
    expect(shown).toBe(1);
    expect(e.done).toBe(1);
  });

  it("a failure reads Vietnamese first, and the pane is not asked to show where Office cannot", async () => {
    let shown = 0;
    g.Office = {
      context: { requirements: { isSetSupported: (n) => n !== "SharedRuntime" } },
      addin: { showAsTaskpane: async () => void shown++ },
    };
    registerCommands({
      checkAndFlag: async () => {
        throw Object.assign(new Error("ApiNotFound"), { code: "ApiNotFound" });
      },
      syncNow: async () => "",
    });
    const before = lastCommandOutcome()?.seq ?? 0;
    const e = event();
    await runCommand("checkAndFlag", e);
    const out = lastCommandOutcome()!;
    expect(out.seq).toBe(before + 1);
    expect(out.ok).toBe(false);
    expect(out.text).toBe("Lệnh không chạy được / The command failed: ApiNotFound");
    expect(shown).toBe(0);
    expect(e.done).toBe(1);
  });
});
