/**
 * Where a child element goes in a worksheet part. ECMA-376 (CT_Worksheet) fixes the order of a
 * worksheet's children; Excel "repairs" (drops) a part whose children are out of order.
 * Invariant: insertWorksheetChild puts the new element after every present child that precedes it
 * in this order and before every present child that follows it.
 */
export const WORKSHEET_CHILD_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetChild = (typeof WORKSHEET_CHILD_ORDER)[number];

/** Offset just after the sheetData element (children after it never occur inside cell data). */
function afterSheetData(xml: string): number {
  const close = xml.indexOf("</sheetData>");
  if (close >= 0) return close + "</sheetData>".length;
  const empty = xml.search(/<sheetData\s*\/>/);
  if (empty >= 0) return xml.indexOf(">", empty) + 1;
  throw new Error("worksheet part has no sheetData");
}

function findChild(xml: string, name: string, from: number): number {
  const re = new RegExp(`<${name}[\\s/>]`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? m.index : -1;
}

export function insertWorksheetChild(xml: string, name: WorksheetChild, element: string): string {
  const idx = WORKSHEET_CHILD_ORDER.indexOf(name);
  const sheetDataIdx = WORKSHEET_CHILD_ORDER.indexOf("sheetData");
  if (idx <= sheetDataIdx) throw new Error(`inserting ${name} before sheetData is not supported`);
  const from = afterSheetData(xml);
  for (const later of WORKSHEET_CHILD_ORDER.slice(idx)) {
    const at = findChild(xml, later, from);
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  const end = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, end) + element + xml.slice(end);
}

/** True when the worksheet already has this child (e.g. SheetJS wrote a drawing). */
export function hasWorksheetChild(xml: string, name: WorksheetChild): boolean {
  return findChild(xml, name, afterSheetData(xml)) >= 0;
}
