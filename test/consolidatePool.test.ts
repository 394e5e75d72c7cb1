/** The consolidation worker pool: one result per file in its slot, whatever goes wrong in a worker. */
import * as path from "node:path";
import { runPool } from "../src/cli/consolidate/workerPool";

const job = {
  module: path.join(__dirname, "consolidatePoolJob.ts"),
  exportName: "echoJob",
  options: { k: 1 },
};
const items = (names: string[]) => names.map((n, index) => ({ index, absolute: `/x/${n}`, display: n }));

describe("runPool", () => {
  it("gives each file its own result, on worker threads started from source", async () => {
    const names = Array.from({ length: 40 }, (_, i) => `f${i}.xlsx`);
    let last = 0;
    const results = (await runPool(items(names), { workers: 2, job, onProgress: (d) => (last = d) })) as {
      file: string;
      thread: string;
      options: unknown;
    }[];
    expect(results.map((r) => r.file)).toEqual(names);
    expect(new Set(results.map((r) => r.thread))).toEqual(new Set(["worker"]));
    expect(results[0].options).toEqual({ k: 1 });
    expect(last).toBe(40);
  });

  it("turns a throwing job and a dying worker into failed files and finishes the rest", async () => {
    const names = [
      "a.xlsx",
      "throws.xlsx",
      "b.xlsx",
      "kills.xlsx",
      ...Array.from({ length: 20 }, (_, i) => `c${i}.xlsx`),
    ];
    const results = (await runPool(items(names), { workers: 2, job })) as {
      file: string;
      ok: boolean;
      error?: { code: string; message: string };
    }[];
    expect(results).toHaveLength(names.length);
    expect(results.map((r) => r.file)).toEqual(names);
    const thrown = results[1];
    expect(thrown.error?.code).toBe("internal");
    expect(thrown.error?.message).toMatch(
      /^throws\.xlsx: lỗi không mong đợi .*\(bad cell\).* \/ unexpected error/,
    );
    expect(results[3].error?.code).toBe("internal");
    // Files after the crash were still read (by a fresh worker or the other one).
    expect(results.slice(4).every((r) => r.ok)).toBe(true);
  });

  it("runs in this thread when asked for no workers", async () => {
    const results = (await runPool(items(["a.xlsx", "throws.xlsx"]), { workers: 0, job })) as {
      thread?: string;
      error?: unknown;
    }[];
    expect(results[0].thread).toBe("main");
    expect(results[1].error).toBeDefined();
  });
});
