/**
 * The Node reader's side of zipPackageParts: the small parts are inflated here with node:zlib
 * (inspectZip), each with a bound; the caller has already bounded the archive (inspectZip).
 */
import { inflateZipEntry, type ZipEntryInfo } from "./inspectZip";
import { MAX_SMALL_PART_BYTES, packageKindOfParts, partName, type ZipPackageKind } from "./zipPackageParts";

export { partName, type ZipPackageKind } from "./zipPackageParts";

/** The package's kind, or a WorkbookReadError saying why it is not a spreadsheet we read. */
export function zipPackageKind(buf: Buffer, entries: ZipEntryInfo[], fileName: string): ZipPackageKind {
  const byPart = new Map<string, ZipEntryInfo>();
  for (const e of entries) if (!e.name.endsWith("/")) byPart.set(partName(e.name), e);
  const text = (part: string): string | undefined => {
    const e = byPart.get(part);
    if (!e || e.inflatedSize > MAX_SMALL_PART_BYTES) return undefined;
    return inflateZipEntry(buf, e, fileName, MAX_SMALL_PART_BYTES).toString("utf8");
  };
  return packageKindOfParts(new Set(byPart.keys()), text, fileName);
}
