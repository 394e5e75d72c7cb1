/**
 * Which spreadsheet a zip holds, found the way Office and LibreOffice find it: an OOXML package by
 * the officeDocument relationship of `_rels/.rels` (and the target's content type), an ODF package
 * by content.xml beside its mimetype/manifest. Part names are compared as OPC defines them
 * (case-insensitively, without a leading "/"), with the backslashes some writers use read as "/",
 * so a package whose workbook sits at the root or is named `xl\workbook.xml` is still a workbook.
 *
 * Pure (no zlib): the Node reader (zipPackageKind.ts) and the browser's (checkZipInBrowser.ts) each
 * inflate the few small parts asked for their own way and give them here as text.
 */
import { WorkbookReadError } from "./workbookReadError";

/** Relationship, content-type and manifest parts are a few KB; more is not a package we read. */
export const MAX_SMALL_PART_BYTES = 1024 * 1024;

/** The only parts packageKindOfParts reads (as partName gives them). */
export const SMALL_PARTS = ["_rels/.rels", "[content_types].xml", "meta-inf/manifest.xml"];

const OFFICE_DOCUMENT_REL = /\/officeDocument$/;
/** Main-part content types of .xlsx/.xlsm/.xltx/.xltm/.xlsb (a .docx or .pptx has others). */
const WORKBOOK_CONTENT_TYPE = /spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.[\w.]*main/i;

export type ZipPackageKind = "ooxml" | "odf";

export function partName(entryName: string): string {
  return entryName.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/**
 * The package's kind from its part names (partName form) and the text of its small parts
 * (`text` answers for SMALL_PARTS, undefined when absent or too large), or a WorkbookReadError
 * saying why it is not a spreadsheet we read.
 */
export function packageKindOfParts(
  parts: Set<string>,
  text: (part: string) => string | undefined,
  fileName: string,
): ZipPackageKind {
  const workbookPart = officeDocumentTarget(text("_rels/.rels"));
  if (workbookPart && parts.has(workbookPart)) {
    const type = contentTypeOf(text("[content_types].xml"), workbookPart);
    if (type ? WORKBOOK_CONTENT_TYPE.test(type) : /(^|\/)workbook\.(xml|bin)$/.test(workbookPart))
      return "ooxml";
  }
  if (parts.has("xl/workbook.xml") || parts.has("xl/workbook.bin")) return "ooxml";

  if (parts.has("content.xml") && (parts.has("mimetype") || parts.has("meta-inf/manifest.xml"))) {
    // LibreOffice encrypts the parts and says so in the manifest; the zip itself is not encrypted.
    if (/<(?:[\w.-]+:)?encryption-data[\s/>]/.test(text("meta-inf/manifest.xml") ?? ""))
      throw new WorkbookReadError("encrypted", fileName, { app: "LibreOffice" });
    return "odf";
  }
  if ([...parts].some((n) => n.startsWith("index/") && n.endsWith(".iwa"))) {
    throw new WorkbookReadError("unsupported", fileName, { reason: "Apple Numbers" });
  }
  if (parts.size === 0) throw new WorkbookReadError("empty", fileName);
  throw new WorkbookReadError("not-a-spreadsheet", fileName);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The part the package's officeDocument relationship points at (targets are relative to the root). */
function officeDocumentTarget(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  for (const tag of rels.match(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g) ?? []) {
    const type = attr(tag, "Type");
    const target = attr(tag, "Target");
    if (type && target && OFFICE_DOCUMENT_REL.test(type) && attr(tag, "TargetMode") !== "External") {
      return partName(decodeURIComponentSafe(target).replace(/^\.\//, ""));
    }
  }
  return undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The content type [Content_Types].xml gives a part: its Override, else its extension's Default. */
function contentTypeOf(types: string | undefined, part: string): string | undefined {
  if (!types) return undefined;
  const ext = part.slice(part.lastIndexOf(".") + 1);
  let byDefault: string | undefined;
  for (const tag of types.match(/<(?:[\w.-]+:)?(?:Override|Default)\s[^>]*>/g) ?? []) {
    const name = attr(tag, "PartName");
    if (name !== undefined && partName(name) === part) return attr(tag, "ContentType");
    const extension = attr(tag, "Extension");
    if (extension !== undefined && extension.toLowerCase() === ext) byDefault = attr(tag, "ContentType");
  }
  return byDefault;
}
