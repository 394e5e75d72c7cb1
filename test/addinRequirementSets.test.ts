/**
 * Every Office.js member the add-in uses, with its requirement set, and no member above what the
 * manifest installs with (ExcelApi 1.1, Excel 2016) used without a guard. Otherwise an Excel the
 * manifest lets in throws "ApiNotFound" at the first check a commune clerk runs.
 *
 * Where the set comes from: the JSDoc of the member's declaration in @types/office-js —
 * `[Api set: ExcelApi 1.x]` (Excel), `**Requirement set**: {@link … | SharedRuntime 1.1}` (Office
 * common API). A tag on a parameter counts when the call passes that argument (getUsedRange(true)
 * is ExcelApi 1.2); a tag with two versions "… for reading; 1.2 for setting" takes the second for
 * an assignment. A member without a tag is ExcelApi 1.1 (the baseline every Excel has). A use is
 * a property access, a call, `x["name"]` or a destructuring `const { name } = x`, resolved by the
 * type checker to a declaration in office-js's Excel or Office namespace.
 *
 * The guard rule. A use needing set S version V, where the manifest does not already install with
 * S ≥ V, is guarded when, walking up from the use (through enclosing callbacks too):
 *   1. it sits in the then-branch of an `if`, the true branch of `?:` or the right side of `&&`
 *      whose condition asserts a guard (a && b asserts both); or in the else-branch / false branch /
 *      right side of `||` of a condition that is a negated guard (`!g`, `!a || !b`);
 *   2. or an earlier statement of an enclosing block is `if (!g) return|throw|continue;`;
 *   3. or an enclosing function's JSDoc says `@requires S V'` with V' ≥ V — and then every call
 *      of that function is itself a use needing S V' and must be guarded by this same rule.
 * A guard g is a read of a HostCapabilities property (src/addin/excel/hostCapabilities.ts), which
 * stands for the set CAPABILITY_SETS gives it, or `isSetSupported("S", "V")` with literal
 * arguments. A guard for S at V' ≥ V covers V. A capability copied into another variable first
 * is not recognised (the use is reported): keep the check next to the call it guards.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CAPABILITY_SETS } from "../src/addin/excel/hostCapabilities";
import { compareVersions, scanOfficeApiUsage, type ApiUse, type RequirementSet } from "./officeApiUsage";

const root = path.resolve(__dirname, "..");
const samplesDir = path.join(__dirname, "fixtures", "requirementSets");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** The sets the base manifest installs with: what needs no guard. */
function installSets(xml: string): RequirementSet[] {
  const base =
    /<\/Hosts>\s*(?:<!--[\s\S]*?-->\s*)?<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  return [...base.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map((m) => ({
    name: m[1],
    version: m[2],
  }));
}

const installed = installSets(manifest);
const needsGuard = (set: RequirementSet | undefined) =>
  set !== undefined &&
  !installed.some((i) => i.name === set.name && compareVersions(i.version, set.version) >= 0);

let uses: ApiUse[] = [];

beforeAll(() => {
  const report = scanOfficeApiUsage(root, [path.join(root, "src", "addin"), samplesDir], {
    capabilityInterface: {
      file: path.join(root, "src", "addin", "excel", "hostCapabilities.ts"),
      name: "HostCapabilities",
    },
    capabilitySets: CAPABILITY_SETS,
  });
  uses = report.uses;
}, 120000);

const inAddin = () => uses.filter((u) => u.file.startsWith(`src${path.sep}addin`));
const inSample = (fn: string) => uses.filter((u) => u.file.startsWith("test") && u.inFunction === fn);

/** One line per member: set, member, how many uses, and what guards them. */
function table(list: ApiUse[]): string {
  const rows = new Map<string, { set: string; member: string; n: number; guards: Set<string> }>();
  for (const u of list) {
    const set = u.set ? `${u.set.name} ${u.set.version}` : "(untagged: ExcelApi 1.1)";
    const k = `${set}\u0000${u.member}`;
    const row = rows.get(k) ?? { set, member: u.member, n: 0, guards: new Set<string>() };
    row.n++;
    row.guards.add(!needsGuard(u.set) ? "in manifest" : (u.guard ?? `UNGUARDED at ${u.file}:${u.line}`));
    rows.set(k, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.set.localeCompare(b.set, "en", { numeric: true }) || a.member.localeCompare(b.member, "en"),
  );
  return sorted
    .map((r) => `${r.set.padEnd(26)} ${r.member.padEnd(58)} ×${r.n}  ${[...r.guards].join("; ")}`)
    .join("\n");
}

describe("requirement sets of the add-in's Office.js calls", () => {
  it("reads the manifest's minimum: ExcelApi 1.1 and nothing else", () => {
    expect(installed).toEqual([{ name: "ExcelApi", version: "1.1" }]);
  });

  it("lists every member used, with its set (the table is printed and written to test/.tmp)", () => {
    const list = inAddin();
    const text = table(list);
    fs.mkdirSync(path.join(root, "test", ".tmp"), { recursive: true });
    fs.writeFileSync(path.join(root, "test", ".tmp", "office-api-usage.txt"), text + "\n");
    console.log(`Office.js members used by src/addin (set, member, uses, guard):\n${text}`);
    // What a reader of the table expects to find: the check's own calls, with their sets.
    expect(text).toMatch(/ExcelApi 1\.10\s+Excel\.Workbook\.comments\s/);
    expect(text).toMatch(/ExcelApi 1\.13\s+Excel\.Range\.getMergedAreasOrNullObject\s/);
    expect(text).toMatch(/ExcelApi 1\.2\s+Excel\.Worksheet\.visibility\s/);
    expect(text).toMatch(/ExcelApi 1\.2\s+Excel\.Worksheet\.getUsedRange\(valuesOnly\)\s/);
    expect(text).toMatch(/\(untagged: ExcelApi 1\.1\)\s+Excel\.run\s/);
    expect(list.length).toBeGreaterThan(100);
  });

  it("uses no member above the manifest's minimum without a guard", () => {
    const unguarded = inAddin()
      .filter((u) => needsGuard(u.set) && !u.guard)
      .map((u) => `${u.file}:${u.line} ${u.member} needs ${u.set!.name} ${u.set!.version}`);
    expect(unguarded).toEqual([]);
  });

  it("guards only with a set that covers the use (no 1.7 flag over a 1.10 member)", () => {
    for (const u of inAddin().filter((x) => x.guard)) {
      const m = /\(([A-Za-z]+) ([\d.]+)\)$/.exec(u.guard!)!;
      expect(m[1]).toBe(u.set!.name);
      expect(compareVersions(m[2], u.set!.version)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("the guard rule bites (samples in test/fixtures/requirementSets)", () => {
  const verdict = (fn: string) => {
    const list = inSample(fn).filter((u) => needsGuard(u.set));
    expect(list.length).toBeGreaterThan(0);
    return list.every((u) => u.guard) ? "guarded" : "unguarded";
  };
  it.each([
    ["unguardedComment", "unguarded"],
    ["guardedByIf", "guarded"],
    ["guardedByEarlyExit", "guarded"],
    ["guardedByIsSetSupported", "guarded"],
    ["guardedTooLow", "unguarded"],
    ["unguardedArgument", "unguarded"],
    ["taggedHelper", "guarded"],
    ["callsTaggedUnguarded", "unguarded"],
    ["callsTaggedGuarded", "guarded"],
    ["unguardedSharedRuntime", "unguarded"],
    ["unguardedDestructuring", "unguarded"],
    ["unguardedElementAccess", "unguarded"],
    ["guardedDestructuring", "guarded"],
  ])("%s is %s", (fn, expected) => {
    expect(verdict(fn)).toBe(expected);
  });
});
