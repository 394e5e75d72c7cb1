/**
 * The bar of issue 4 for broken and hostile files, as a user meets it: `ntm validate` in its own
 * process, heap capped at 1 GB, each corpus file gets exit 2 and a one-line reason within 10 s and
 * no stack trace, and a good file given beside the bad ones is still validated.
 */
import * as path from "node:path";
import { badFixtures, BAD_DIR, generateBadFixtures } from "../scripts/generate-bad-fixtures";
import { runNode, type NodeRun } from "./runNode";

const GOOD = path.join(__dirname, "fixtures", "samples", "xa-dinh-ban-2021-khong-dau.xlsx");

function ntmValidate(files: string[]): Promise<NodeRun> {
  return runNode("src/cli/main.ts", ["validate", "--json", ...files], ["--max-old-space-size=1024"]);
}

beforeAll(() => {
  generateBadFixtures({ large: true, onlyMissing: true });
}, 120000);

describe("ntm validate on the broken and hostile corpus", () => {
  const files = [...badFixtures.map((f) => f.file), "hostile-names.xlsx"].filter(
    (f, i, a) => a.indexOf(f) === i,
  );

  it.each(files)(
    "%s: exit 2, a one-line bilingual reason, within 10 s, no stack trace",
    async (name) => {
      const r = await ntmValidate([path.join(BAD_DIR, name)]);
      expect(r.code).toBe(2);
      expect(r.ms).toBeLessThan(10000);
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      const [v] = JSON.parse(r.out);
      expect(v.ok).toBe(false);
      expect(v.error.code).toMatch(/^[a-z-]+$/);
      expect(v.error.message).not.toContain("\n");
      // Vietnamese first, English second.
      expect(v.error.message).toMatch(
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ].* \/ [A-Za-z]/i,
      );
    },
    30000,
  );

  it("still validates the good file given beside all the bad ones", async () => {
    const r = await ntmValidate([...files.map((f) => path.join(BAD_DIR, f)), GOOD]);
    expect(r.code).toBe(2);
    const results = JSON.parse(r.out);
    expect(results).toHaveLength(files.length + 1);
    const good = results[results.length - 1];
    expect(good).toMatchObject({ file: GOOD, ok: true, summary: { criteriaMet: 11, criteriaTotal: 19 } });
    expect(results.slice(0, -1).every((v: { error?: unknown }) => v.error)).toBe(true);
  }, 120000);
});
