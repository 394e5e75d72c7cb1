/**
 * What this Excel can do beyond ExcelApi 1.1, the manifest's minimum (Excel 2016). The manifest asks
 * for no more, so the add-in installs where communes' Excel is; every newer member the Excel code
 * uses sits behind one of these flags (test/addinRequirementSets.test.ts enforces it), and each
 * missing feature has a fallback the person can see: the pane says in one line what this Excel lacks.
 *
 * Invariant: a flag is true only when Office says the requirement set in CAPABILITY_SETS is there;
 * outside Office (tests, the standalone pane) every flag is true unless a test says otherwise.
 */

export interface RequirementSet {
  name: string;
  version: string;
}

export interface HostCapabilities {
  /** ExcelApi 1.2: autofit and column widths, the used range of values only, resized ranges. */
  layout: boolean;
  /** ExcelApi 1.2: setting a sheet's visibility (the settings and flag-record sheets very hidden). */
  hideSheets: boolean;
  /** ExcelApi 1.4: getItemOrNullObject / getUsedRangeOrNullObject. */
  nullObjects: boolean;
  /** ExcelApi 1.6: pausing recalculation while flags are painted. */
  suspendCalculation: boolean;
  /** ExcelApi 1.7: cell hyperlinks (else a HYPERLINK formula does the same). */
  hyperlinks: boolean;
  /** ExcelApi 1.7: frozen header rows and name column on the add-in's sheets (else they scroll). */
  freezePanes: boolean;
  /** ExcelApi 1.9: every cell's fill in one read; pausing screen updates. */
  cellProperties: boolean;
  /** ExcelApi 1.9: A4, orientation, fit to width, repeated header rows, footer (else Excel's defaults). */
  pageLayout: boolean;
  /** ExcelApi 1.10: comments on cells (else the findings sheet alone carries the messages). */
  comments: boolean;
  /** ExcelApi 1.13: merged areas of a range (else merged cells are read cell by cell). */
  mergedAreas: boolean;
  /** CustomFunctionsRuntime 1.1: the NTM.* worksheet functions (the summary sheet never needs them). */
  customFunctions: boolean;
  /** SharedRuntime 1.1: the ribbon tab and its commands, Office.addin.showAsTaskpane. */
  sharedRuntime: boolean;
}

export type Capability = keyof HostCapabilities;

/** The requirement set each flag stands for (the test reads this to know what a flag guards). */
export const CAPABILITY_SETS: Record<Capability, RequirementSet> = {
  layout: { name: "ExcelApi", version: "1.2" },
  hideSheets: { name: "ExcelApi", version: "1.2" },
  nullObjects: { name: "ExcelApi", version: "1.4" },
  suspendCalculation: { name: "ExcelApi", version: "1.6" },
  hyperlinks: { name: "ExcelApi", version: "1.7" },
  freezePanes: { name: "ExcelApi", version: "1.7" },
  cellProperties: { name: "ExcelApi", version: "1.9" },
  pageLayout: { name: "ExcelApi", version: "1.9" },
  comments: { name: "ExcelApi", version: "1.10" },
  mergedAreas: { name: "ExcelApi", version: "1.13" },
  customFunctions: { name: "CustomFunctionsRuntime", version: "1.1" },
  sharedRuntime: { name: "SharedRuntime", version: "1.1" },
};

const ALL = Object.keys(CAPABILITY_SETS) as Capability[];

export function capabilitiesFrom(
  isSetSupported: (name: string, version: string) => boolean,
): HostCapabilities {
  const out = {} as HostCapabilities;
  for (const k of ALL) {
    const s = CAPABILITY_SETS[k];
    try {
      out[k] = isSetSupported(s.name, s.version) === true;
    } catch {
      out[k] = false;
    }
  }
  return out;
}

export const FULL_CAPABILITIES: HostCapabilities = capabilitiesFrom(() => true);

let override: HostCapabilities | undefined;

/** What this host supports, asked of Office each time (cheap; Office answers from memory). */
export function hostCapabilities(): HostCapabilities {
  if (override) return override;
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  if (!req) return FULL_CAPABILITIES;
  return capabilitiesFrom((name, version) => req.isSetSupported(name, version));
}

/** Tests pretend to be an older Excel; `undefined` goes back to asking Office. */
export function setHostCapabilitiesForTest(caps: Partial<HostCapabilities> | undefined): void {
  override = caps ? { ...FULL_CAPABILITIES, ...caps } : undefined;
}

/** The features this Excel lacks, for the pane's one line. */
export function missingCapabilities(caps: HostCapabilities): Capability[] {
  return ALL.filter((k) => !caps[k]);
}

/** Capabilities of an Excel that has ExcelApi up to `version` and none of the other sets (tests). */
export function capabilitiesOfExcelApi(
  version: string,
  others: { sharedRuntime?: boolean; customFunctions?: boolean } = {},
): HostCapabilities {
  const at = (v: string) => {
    const [a, b] = [version, v].map((x) => x.split(".").map(Number));
    return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
  };
  return capabilitiesFrom((name, v) =>
    name === "ExcelApi"
      ? at(v)
      : name === "SharedRuntime"
        ? others.sharedRuntime === true
        : others.customFunctions === true,
  );
}
