/**
 * Issue 11's property, against a real server through the real `ntm push` / `ntm pull`: two clerks
 * on copies of one workbook type, push and pull in random order while the network fails at random
 * (the request lost, or the answer lost after the server applied it) and a reviewer approves,
 * returns and reopens. Whatever the order:
 *   - no acknowledged value is lost (after a push exits 0, the head holds what the clerk typed);
 *   - no unpushed local edit is overwritten by a pull;
 *   - every indicator a pull leaves different from the head is named to the person;
 *   - a pull changes no package part but one worksheet, and that one only in the indicators' cells;
 *   - in the end, with the network back and the report reopened, both copies agree with the head.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { SyncClient } from "../src/client/syncClient";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { readWorkbookValues } from "../src/cli/commands/syncWords";
import { cleanFloat } from "../src/domain/sheet/parseCellValue";
import type { IndicatorValues } from "../src/domain/sync";
import { writePulledCells } from "../src/io/xlsx/ooxml/writePulledCells";
import { parts, withoutCells } from "./packageParts";
import { IN_COMMUNE, SET, fixtureWithFolder, reviewHead } from "./serverFixture";

const SON_HONG = path.join(__dirname, "..", "..", "shared", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
/** A fraction in a percent cell, percent text, a word for yes/no, another percent text. */
const POOL = ["2.2", "2.3", "7", "17.1"] as const;
type Code = (typeof POOL)[number];

type Net = { at: number; lose: "request" | "answer" } | null;
type Step =
  | { kind: "edit"; who: 0 | 1; code: Code; n: number }
  | { kind: "push"; who: 0 | 1; net: Net }
  | { kind: "pull"; who: 0 | 1; net: Net }
  | { kind: "review"; action: "approve" | "return" | "reopen" };

const net: fc.Arbitrary<Net> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.record({ at: fc.nat(2), lose: fc.constantFrom("request" as const, "answer" as const) }),
  },
);
const who = fc.constantFrom(0 as const, 1 as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      who,
      code: fc.constantFrom(...POOL),
      n: fc.integer({ min: 50, max: 99 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("push" as const), who, net }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("pull" as const), who, net }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("review" as const),
      action: fc.constantFrom("approve" as const, "return" as const, "reopen" as const),
    }),
  },
);

const realFetch = globalThis.fetch;
/** Runs a command with the network failing at the `at`-th request (or not at all). */
async function withNetwork<T>(mode: Net, fn: () => Promise<T>): Promise<T> {
  let n = 0;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const i = n++;
    if (mode && i === mode.at) {
      if (mode.lose === "answer") await realFetch(input, init); // applied, but the answer never comes
      throw new TypeError("fetch failed");
    }
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    return await fn();
  } finally {
    globalThis.fetch = realFetch;
  }
}

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? cleanFloat(a) === cleanFloat(b) : a === b;
const named = (text: string, code: string) =>
  new RegExp(`(^|[\\s,(])${code.replace(".", "\\.")}([\\s,:)]|$)`, "m").test(text);

describe("two clerks, a reviewer and a failing network, in any order", () => {
  const fx = fixtureWithFolder("ntm-prop-");
  let run = 0;

  it("loses no acknowledged value, overwrites no unpushed edit, names every difference, changes only its cells", async () => {
    const cells = Object.fromEntries(
      POOL.map((c) => [c, readWorkbookValues(SON_HONG, {}).values[c].cell!]),
    ) as Record<Code, string>;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
        // ISO weeks of 2023–2024: the 2023 commune code is in force then (it ended with the 2025 merger).
        const n = run++;
        const period = `${2023 + Math.floor(n / 52)}-W${String(1 + (n % 52)).padStart(2, "0")}`;
        const key = { org: IN_COMMUNE, set: SET, period };
        const reviewer = new SyncClient({ baseUrl: fx.base, token: fx.tokens.reviewer });
        const files = [0, 1].map((i) => path.join(fx.dir, `${period}-${i}.xlsx`));
        for (const f of files) fs.copyFileSync(SON_HONG, f);
        const typed: Map<Code, number | boolean>[] = [new Map(), new Map()];
        const cli = async (cmd: string[], mode: Net = null) => {
          const io = captureIo();
          const args = ["--server", fx.base, "--token", fx.tokens.clerk, "--org", IN_COMMUNE, "--set", SET];
          const code = await withNetwork(mode, () =>
            main(["node", "ntm", ...cmd, ...args, "--period", period], io),
          );
          return { code, text: io.stdout + io.stderr };
        };
        const baseOf = (f: string): IndicatorValues => {
          const s = `${f}.ntm-sync.json`;
          return fs.existsSync(s) ? JSON.parse(fs.readFileSync(s, "utf8")).baseValues : {};
        };
        const head = async () => (await reviewer.getReport(key)).head?.values ?? {};
        // Both start from the same pushed workbook.
        expect((await cli(["push", files[0]])).code).toBe(0);
        expect((await cli(["pull", "-o", files[1]])).code).toBe(0);

        for (const s of steps) {
          if (s.kind === "edit") {
            const value = s.code === "7" ? s.n % 2 === 0 : s.n;
            const f = files[s.who];
            const { xlsx } = writePulledCells(fs.readFileSync(f), [
              {
                code: s.code,
                sheet: "Biểu 01",
                cell: cells[s.code],
                value: { value, ...(s.code === "7" ? {} : { unit: "%" }) },
              },
            ]);
            fs.writeFileSync(f, xlsx);
            typed[s.who].set(s.code, value);
          } else if (s.kind === "review") {
            await reviewHead(reviewer, key, s.action).catch(() => undefined); // 409/423 when it does not apply
          } else if (s.kind === "push") {
            const f = files[s.who];
            const base = baseOf(f);
            const r = await cli(["push", f], s.net);
            if (r.code === 0) {
              const h = await head();
              for (const [code, v] of typed[s.who])
                if (!same(base[code]?.value, v)) expect([code, h[code]?.value]).toEqual([code, v]);
              typed[s.who].clear();
            } else expect(r.text).toMatch(/hàng chờ|Xung đột|duyệt và khóa|từ chối/);
          } else {
            const f = files[s.who];
            const base = baseOf(f);
            const before = parts(f);
            const r = await cli(["pull", "-o", f], s.net);
            const after = parts(f);
            const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
              (n) => !before.get(n)?.equals(after.get(n) ?? Buffer.alloc(0)),
            );
            expect(changed.filter((n) => n !== "xl/worksheets/sheet1.xml")).toEqual([]);
            const strip = (m: Map<string, Buffer>) =>
              withoutCells(m.get("xl/worksheets/sheet1.xml")!.toString("utf8"), Object.values(cells));
            expect(strip(after)).toBe(strip(before));
            const now = readWorkbookValues(f, {}).values;
            for (const [code, v] of typed[s.who])
              if (!same(base[code]?.value, v)) expect([code, now[code]?.value]).toEqual([code, v]);
            if (/Không kết nối được/.test(r.text)) continue; // nothing pulled
            const h = await head();
            for (const code of POOL)
              if (!same(now[code]?.value, h[code]?.value))
                expect([code, named(r.text, code)]).toEqual([code, true]);
          }
        }

        // The network is back and the report open: both send, settling conflicts with their own values,
        // then both take the head; they agree with it.
        await reviewHead(reviewer, key, "reopen").catch(() => undefined);
        for (const i of [0, 1]) {
          const r = await cli(["push", files[i], "--take", "mine"]);
          if (r.code !== 0) expect((await cli(["push", files[i], "--take", "mine"])).code).toBe(0);
        }
        const h = await head();
        for (const i of [0, 1]) {
          await cli(["pull", "-o", files[i], "--take", "theirs"]);
          const now = readWorkbookValues(files[i], {}).values;
          for (const code of POOL) expect([i, code, now[code]?.value]).toEqual([i, code, h[code]?.value]);
        }
      }),
      { numRuns: Number(process.env.NTM_PROP_RUNS ?? 12) },
    );
  }, 240_000);
});
