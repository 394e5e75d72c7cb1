/**
 * The .ods files of calamine's issue 594: a few hundred bytes of content.xml whose rows and/or
 * cells repeat 999,999,999 times. calamine's own file has no styles.xml, which SheetJS needs before
 * it reaches the sheet; adding one is what made it eat gigabytes. Built here, not committed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readZip, writeZip } from "../src/io/xlsx/ooxml/zipArchive";

export const CALAMINE_DIR = path.resolve(__dirname, "..", "..", "shared", "corpus", "calamine");

const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:styles/></office:document-styles>';

export type RepeatVariant = "rows" | "columns" | "both";

/** calamine's issue_594_dos.ods with a styles.xml, and its repeats kept on rows, columns or both. */
export function odsRepeatBomb(variant: RepeatVariant, repeat = 999_999_999): Buffer {
  const parts = readZip(fs.readFileSync(path.join(CALAMINE_DIR, "issue_594_dos.ods")));
  return writeZip([
    ...parts.map((p) => {
      if (p.name !== "content.xml") return p;
      const rows = variant === "columns" ? "1" : String(repeat);
      const cols = variant === "rows" ? "1" : String(repeat);
      const xml = p.data
        .toString("utf8")
        .replace(/table:number-rows-repeated="\d+"/, `table:number-rows-repeated="${rows}"`)
        .replace(/table:number-columns-repeated="\d+"/, `table:number-columns-repeated="${cols}"`);
      return { name: p.name, data: Buffer.from(xml) };
    }),
    { name: "styles.xml", data: STYLES },
  ]);
}
