/**
 * Offline check of the XML add-in manifest (office-addin-manifest validate needs the internet).
 * It reports every problem it finds rather than stopping at the first, so a broken manifest is fixed
 * in one pass. Checks: well-formed XML; top-level elements present and in schema order; ids; every
 * resid defined in the right resource table; every URL https and under the add-in's base URL; icon
 * files present with their declared pixel sizes; requirement sets; the shared runtime wiring.
 */
import { DOMParser } from "@xmldom/xmldom";
import * as fs from "node:fs";
import * as path from "node:path";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** OfficeApp children in schema order; `true` marks the ones that must be present. */
const TOP_LEVEL: [string, boolean][] = [
  ["Id", true],
  ["AlternateId", false],
  ["Version", true],
  ["ProviderName", true],
  ["DefaultLocale", true],
  ["DisplayName", true],
  ["Description", true],
  ["IconUrl", true],
  ["HighResolutionIconUrl", false],
  ["SupportUrl", false],
  ["AppDomains", false],
  ["Hosts", true],
  ["Requirements", true],
  ["DefaultSettings", true],
  ["Permissions", true],
  ["VersionOverrides", true],
];

/**
 * What installing requires (the base manifest's <Requirements>): ExcelApi 1.1 and nothing else, so
 * Excel 2016 installs the add-in; every newer member is guarded at run time (hostCapabilities.ts,
 * checked by test/addinRequirementSets.test.ts).
 */
export const INSTALL_SETS: Record<string, string> = { ExcelApi: "1.1" };

/** What the ribbon, the shared runtime and the custom functions need: <VersionOverrides>' own <Requirements>. */
export const OVERRIDE_SETS: Record<string, string> = { SharedRuntime: "1.1" };

const ICON_SIZES = [16, 32, 64, 80, 128];

export interface ManifestCheckOptions {
  /** Folder that holds assets/ (the repository root, or dist/). */
  rootDir: string;
  /** Expected base URL; by default the origin of DefaultSettings/SourceLocation. */
  baseUrl?: string;
}

type El = Element;

function children(el: El): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as unknown as El);
  return out;
}

function all(el: El | Document, localName: string): El[] {
  return Array.from((el as El).getElementsByTagNameNS("*", localName) as unknown as ArrayLike<El>);
}

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Width and height of a PNG file, or undefined when it is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | undefined {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export function checkManifestXml(xml: string, opts: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning") problems.push(`XML is not well-formed: ${msg.split("\n")[0]}`);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (e) {
    return [`XML is not well-formed: ${(e as Error).message.split("\n")[0]}`];
  }
  if (problems.length) return problems;
  const root = doc.documentElement as unknown as El | null;
  if (!root || root.localName !== "OfficeApp") return ["root element must be <OfficeApp>"];
  if (root.getAttributeNS(XSI, "type") !== "TaskPaneApp")
    problems.push(`<OfficeApp> must have xsi:type="TaskPaneApp"`);

  checkTopLevelOrder(root, problems);
  const text = (name: string) =>
    children(root)
      .find((c) => c.localName === name)
      ?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id")))
    problems.push("<Id> must be a GUID");
  if (!/^\d+(\.\d+){0,3}$/.test(text("Version"))) problems.push("<Version> must look like 1.0.0.0");
  if (text("DefaultLocale") !== "vi-VN") problems.push("<DefaultLocale> must be vi-VN (Vietnamese first)");
  for (const name of ["DisplayName", "Description"]) {
    const el = children(root).find((c) => c.localName === name);
    if (el && !children(el).some((o) => o.localName === "Override" && o.getAttribute("Locale") === "en-US")) {
      problems.push(`<${name}> needs an English (en-US) <Override>`);
    }
  }
  if (!all(root, "Host").some((h) => h.getAttribute("Name") === "Workbook"))
    problems.push("Hosts must include Workbook (Excel)");

  const base = (
    opts.baseUrl ?? originOf(all(root, "SourceLocation")[0]?.getAttribute("DefaultValue") ?? "")
  ).replace(/\/$/, "");
  if (!base.startsWith("https://")) problems.push(`base URL "${base}" must be https`);
  checkRequirements(root, problems);
  const resources = checkResources(root, problems);
  checkUrls(root, base, problems);
  checkIcons(root, base, resources, opts.rootDir, problems);
  checkSharedRuntime(root, problems);
  return problems;
}

function originOf(url: string): string {
  const m = /^(https?:\/\/[^/]+)/.exec(url);
  return m ? m[1] : "";
}

function checkTopLevelOrder(root: El, problems: string[]): void {
  const names = children(root).map((c) => c.localName);
  const known = TOP_LEVEL.map(([n]) => n);
  let last = -1;
  for (const n of names) {
    const i = known.indexOf(n);
    if (i < 0) problems.push(`<${n}> is not a known <OfficeApp> child`);
    else if (i < last) problems.push(`<${n}> is out of order: it must come before <${known[last]}>`);
    else last = i;
  }
  for (const [n, required] of TOP_LEVEL)
    if (required && !names.includes(n)) problems.push(`<${n}> is missing`);
}

/** Name → MinVersion of the <Set>s under a <Requirements> (DefaultMinVersion when a set names none). */
function declaredSets(req: El | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const sets of req ? all(req, "Sets") : [])
    for (const set of all(sets, "Set"))
      out.set(
        set.getAttribute("Name") ?? "",
        set.getAttribute("MinVersion") ?? sets.getAttribute("DefaultMinVersion") ?? "1.1",
      );
  return out;
}

function checkRequirements(root: El, problems: string[]): void {
  const base = declaredSets(children(root).find((c) => c.localName === "Requirements"));
  for (const [name, min] of Object.entries(INSTALL_SETS)) {
    const have = base.get(name);
    if (!have) problems.push(`requirement set ${name} ${min} is not declared`);
    else if (have !== min)
      problems.push(
        `the base <Requirements> must ask for ${name} ${min} exactly (declared ${have}): anything higher stops Excel 2016/2019 installing the add-in`,
      );
  }
  for (const name of base.keys()) {
    if (!(name in INSTALL_SETS))
      problems.push(
        `${name} in the base <Requirements> stops the add-in installing where it is missing; declare it in <VersionOverrides>' <Requirements> and check it at run time`,
      );
  }
  const vo = children(root).find((c) => c.localName === "VersionOverrides");
  const over = declaredSets(vo ? children(vo).find((c) => c.localName === "Requirements") : undefined);
  for (const [name, min] of Object.entries(OVERRIDE_SETS)) {
    const have = over.get(name);
    if (!have)
      problems.push(
        `requirement set ${name} ${min} is not declared in <VersionOverrides>' <Requirements>: the ribbon would load where the shared runtime does not exist`,
      );
    else if (!versionAtLeast(have, min))
      problems.push(
        `requirement set ${name} must be at least ${min} in <VersionOverrides> (declared ${have})`,
      );
  }
}

interface Resources {
  images: Map<string, string>;
  urls: Map<string, string>;
  short: Set<string>;
  long: Set<string>;
}

/** Which resource table each resid-bearing element must point into. */
const RESID_TABLE: Record<string, keyof Resources> = {
  Image: "images",
  SourceLocation: "urls",
  FunctionFile: "urls",
  Runtime: "urls",
  LearnMoreUrl: "urls",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};

function checkResources(root: El, problems: string[]): Resources {
  const table = (name: string) => all(root, name)[0];
  const ids = (el: El | undefined, kind: string) =>
    el ? children(el).filter((c) => c.localName === kind) : [];
  const res: Resources = { images: new Map(), urls: new Map(), short: new Set(), long: new Set() };
  const seen = new Set<string>();
  const note = (id: string) => {
    if (seen.has(id)) problems.push(`resource id "${id}" is defined twice`);
    seen.add(id);
  };
  for (const e of ids(table("Images"), "Image")) {
    note(e.getAttribute("id") ?? "");
    res.images.set(e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? "");
  }
  for (const e of ids(table("Urls"), "Url")) {
    note(e.getAttribute("id") ?? "");
    res.urls.set(e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? "");
  }
  for (const e of ids(table("ShortStrings"), "String")) {
    note(e.getAttribute("id") ?? "");
    res.short.add(e.getAttribute("id") ?? "");
  }
  for (const e of ids(table("LongStrings"), "String")) {
    note(e.getAttribute("id") ?? "");
    res.long.add(e.getAttribute("id") ?? "");
  }
  for (const e of Array.from(root.getElementsByTagName("*") as unknown as ArrayLike<El>)) {
    const resid = e.getAttribute("resid");
    if (resid === null) continue;
    const tableName = RESID_TABLE[e.localName];
    const bucket = tableName ? res[tableName] : undefined;
    if (!bucket) problems.push(`<${e.localName} resid="${resid}"> is not an element that takes a resid`);
    else if (!(bucket instanceof Map ? bucket.has(resid) : bucket.has(resid))) {
      problems.push(`resid "${resid}" (on <${e.localName}>) is not defined in Resources/${tableName}`);
    }
  }
  return res;
}

function checkUrls(root: El, base: string, problems: string[]): void {
  const urls: string[] = [];
  for (const e of Array.from(root.getElementsByTagName("*") as unknown as ArrayLike<El>)) {
    const v = e.getAttribute("DefaultValue");
    if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
  }
  for (const e of all(root, "AppDomain")) {
    const d = e.textContent?.trim() ?? "";
    if (d !== originOf(base)) problems.push(`<AppDomain> ${d} must be the add-in's origin ${originOf(base)}`);
  }
  for (const u of urls) {
    if (!u.startsWith("https://")) problems.push(`URL ${u} must be https`);
    else if (u !== base && !u.startsWith(base + "/"))
      problems.push(`URL ${u} is not under the add-in's base URL ${base}`);
  }
}

function checkIcons(root: El, base: string, res: Resources, rootDir: string, problems: string[]): void {
  const declared: [string, number][] = [];
  const iconUrl = children(root)
    .find((c) => c.localName === "IconUrl")
    ?.getAttribute("DefaultValue");
  const hiRes = children(root)
    .find((c) => c.localName === "HighResolutionIconUrl")
    ?.getAttribute("DefaultValue");
  if (iconUrl) declared.push([iconUrl, 32]);
  if (hiRes) declared.push([hiRes, 64]);
  for (const img of all(root, "Image")) {
    const size = Number(img.getAttribute("size"));
    const resid = img.getAttribute("resid");
    if (resid && size && res.images.has(resid)) declared.push([res.images.get(resid) ?? "", size]);
  }
  for (const [url, size] of declared) {
    if (!url.startsWith(base + "/")) continue;
    const file = path.join(rootDir, url.slice(base.length + 1));
    if (!fs.existsSync(file)) {
      problems.push(`icon ${url} → ${file} does not exist`);
      continue;
    }
    const dim = pngSize(file);
    if (!dim) problems.push(`icon ${file} is not a PNG`);
    else if (dim.width !== size || dim.height !== size)
      problems.push(`icon ${file} is ${dim.width}×${dim.height}, declared ${size}×${size}`);
  }
  for (const size of ICON_SIZES) {
    const file = path.join(rootDir, "assets", `icon-${size}.png`);
    const dim = fs.existsSync(file) ? pngSize(file) : undefined;
    if (!dim || dim.width !== size)
      problems.push(`assets/icon-${size}.png (${size}×${size} PNG) is missing or the wrong size`);
  }
}

function checkSharedRuntime(root: El, problems: string[]): void {
  const runtime = all(root, "Runtime")[0];
  if (!runtime) {
    problems.push("no <Runtime>: the task pane, commands and functions must share one runtime");
    return;
  }
  if (runtime.getAttribute("lifetime") !== "long") problems.push(`<Runtime> must have lifetime="long"`);
  const rt = runtime.getAttribute("resid");
  const functionFile = all(root, "FunctionFile")[0]?.getAttribute("resid");
  if (functionFile !== rt)
    problems.push(`<FunctionFile> must use the shared runtime page (${rt}), not ${functionFile}`);
  const cf = all(root, "ExtensionPoint").find((e) => e.getAttributeNS(XSI, "type") === "CustomFunctions");
  if (!cf) problems.push("no CustomFunctions extension point");
  else {
    const page = all(cf, "Page")[0];
    if (all(page ?? cf, "SourceLocation")[0]?.getAttribute("resid") !== rt)
      problems.push("custom functions <Page> must be the shared runtime page");
    if (!all(cf, "Namespace")[0]) problems.push("custom functions need a <Namespace>");
  }
  for (const action of all(root, "Action")) {
    if (action.getAttributeNS(XSI, "type") === "ShowTaskpane") {
      const loc = all(action, "SourceLocation")[0]?.getAttribute("resid");
      if (loc !== rt) problems.push(`the ShowTaskpane action must open the shared runtime page (${rt})`);
    }
  }
  if (!all(root, "CustomTab").length) problems.push("no ribbon tab (<CustomTab>)");
}

export function checkManifestFile(file: string, opts: Partial<ManifestCheckOptions> = {}): string[] {
  const xml = fs.readFileSync(file, "utf8");
  return checkManifestXml(xml, {
    rootDir: opts.rootDir ?? path.dirname(path.resolve(file)),
    baseUrl: opts.baseUrl,
  });
}
