/**
 * Generates the corpus of broken and hostile files in test/fixtures/bad/ (issue 4, item 6).
 * Small files are committed; the few large ones (zip bombs, a million cells) are written on demand
 * by tests and ignored by git (test/fixtures/bad/.gitignore). manifest.json lists every file with
 * the WorkbookReadError code the reader must give, or null when the file must read safely.
 *
 *   npx tsx scripts/generate-bad-fixtures.ts [--large]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import * as XLSX from "xlsx";
import { deflateEntry, writeRawZip, writeZip, type RawZipEntry } from "../src/io/xlsx/ooxml/zipArchive";

export const BAD_DIR = path.join(__dirname, "..", "test", "fixtures", "bad");

export interface BadFixture {
  file: string;
  /** Code the reader must throw; null: the file must be read without harm. */
  expect: string | null;
  large: boolean;
  what: string;
  make: () => Buffer;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>__SHEETS__<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`;

/** A minimal xlsx from sheet XML bodies, so fixtures can hold what SheetJS would never write. */
function xlsxParts(
  sheets: { name: string; xml: string | Buffer }[],
  customXml?: string,
): { name: string; data: Buffer }[] {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const ct = CONTENT_TYPES.replace(
    "__SHEETS__",
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(""),
  );
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("")}</Relationships>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>${
    customXml
      ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>`
      : ""
  }</Relationships>`;
  const parts = [
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from(rootRels) },
    { name: "xl/workbook.xml", data: Buffer.from(wb) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(wbRels) },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.isBuffer(s.xml) ? s.xml : Buffer.from(s.xml),
    })),
  ];
  if (customXml) parts.push({ name: "docProps/custom.xml", data: Buffer.from(customXml) });
  return parts;
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

function inlineRow(r: number, texts: string[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<row r="${r}">${texts
    .map(
      (t, c) =>
        `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t xml:space="preserve">${esc(t)}</t></is></c>`,
    )
    .join("")}</row>`;
}

/** A real, small, valid workbook to cut and corrupt. */
function goodWorkbook(): Buffer {
  const rows: (string | number)[][] = [["TT", "Tên tiêu chí", "Kết quả", "Tự đánh giá"]];
  for (let i = 1; i <= 19; i++)
    rows.push([
      String(i),
      `Tiêu chí số ${i} — nội dung mô tả đủ dài để nén`,
      i * 3.5,
      i % 3 ? "Đạt" : "Chưa đạt",
    ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Biểu 01");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

/**
 * A raw deflate stream inflating to `chunk` repeated `times` times, built without ever holding the
 * inflated bytes: each full-flushed block is independent, so its bytes can be repeated.
 */
function repeatedDeflate(chunk: Buffer, times: number): Buffer {
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const final = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: times }, () => block), final]);
}

function bombSheetEntry(mb: number, lie: boolean): RawZipEntry {
  // One megabyte of blank rows' whitespace; the sheet XML is well-formed around it.
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const body = repeatedDeflate(chunk, mb);
  // Stitch head + body + tail as three independent deflate segments.
  const stored = Buffer.concat([
    zlib.deflateRawSync(head, { finishFlush: zlib.constants.Z_FULL_FLUSH }),
    body.subarray(0, body.length - zlib.deflateRawSync(Buffer.alloc(0)).length),
    zlib.deflateRawSync(tail),
  ]);
  const inflated = head.length + mb * chunk.length + tail.length;
  return {
    name: "xl/worksheets/sheet1.xml",
    stored,
    method: 8,
    crc: 0,
    inflatedSize: inflated,
    declaredInflatedSize: lie ? 20_000 : inflated,
    declaredCompressedSize: stored.length,
  };
}

function zipWithSheetEntry(sheet: RawZipEntry): Buffer {
  const parts = xlsxParts([{ name: "Sheet1", xml: "" }]).filter((p) => !p.name.startsWith("xl/worksheets/"));
  return writeRawZip([...parts.map((p) => deflateEntry(p.name, p.data)), sheet]);
}

function manyCellsWorkbook(cells: number): Buffer {
  const cols = 20;
  const rows: string[] = [];
  for (let r = 1; r * cols <= cells + cols; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++)
      row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7919 + c * 104729) % 1000003}</v></c>`;
    rows.push(row + "</row>");
  }
  const xml = Buffer.from(SHEET_HEAD + rows.join("") + SHEET_TAIL);
  return writeZip(xlsxParts([{ name: "Sheet1", xml }]), 1);
}

function encryptedOoxml(): Buffer {
  // What Excel writes for a password-protected .xlsx: an OLE compound file with these streams.
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = Buffer.alloc(224);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", Buffer.alloc(4096, 0xa5));
  XLSX.CFB.utils.cfb_add(cfb, "\u0006DataSpaces/Version", Buffer.alloc(76));
  return Buffer.from(XLSX.CFB.write(cfb, { type: "buffer", fileType: "cfb" }) as Uint8Array);
}

const PNG_1x1 = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

export const badFixtures: BadFixture[] = [
  {
    file: "png-renamed.xlsx",
    expect: "not-a-spreadsheet",
    large: false,
    what: "a PNG image named .xlsx",
    make: () => PNG_1x1,
  },
  {
    file: "text-renamed.xlsx",
    expect: "not-a-spreadsheet",
    large: false,
    what: "a text note named .xlsx",
    make: () => Buffer.from("Kính gửi anh chị, em gửi báo cáo tháng 11.\r\nTrân trọng.\r\n"),
  },
  {
    file: "docx-renamed.xlsx",
    expect: "not-a-spreadsheet",
    large: false,
    what: "a Word document (zip) named .xlsx",
    make: () =>
      writeZip([
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      ]),
  },
  {
    file: "binary.csv",
    expect: "not-a-spreadsheet",
    large: false,
    what: "binary bytes named .csv",
    make: () => Buffer.concat([PNG_1x1, Buffer.alloc(64, 0)]),
  },
  {
    file: "truncated.xlsx",
    expect: "corrupt",
    large: false,
    what: "a valid workbook cut at 60 % (interrupted download)",
    make: () => {
      const b = goodWorkbook();
      return b.subarray(0, Math.floor(b.length * 0.6));
    },
  },
  {
    file: "corrupt-zip.xlsx",
    expect: "corrupt",
    large: false,
    what: "a workbook whose compressed data is overwritten with noise (directory intact)",
    make: () => {
      const b = Buffer.from(goodWorkbook());
      let seed = 7;
      // Overwrite the compressed bytes inside every entry, keeping every header intact.
      let p = 0;
      while (p + 30 < b.length && b.readUInt32LE(p) === 0x04034b50) {
        const csz = b.readUInt32LE(p + 18);
        const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
        for (let i = start; i < start + csz; i++)
          b[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
        p = start + csz;
      }
      return b;
    },
  },
  {
    file: "encrypted.xlsx",
    expect: "encrypted",
    large: false,
    what: "a password-protected xlsx (OLE EncryptedPackage)",
    make: encryptedOoxml,
  },
  {
    file: "zip-encrypted-entry.xlsx",
    expect: "encrypted",
    large: false,
    what: "an xlsx zipped with a zip password (encrypted entries)",
    make: () =>
      writeRawZip(
        xlsxParts([{ name: "S", xml: SHEET_HEAD + SHEET_TAIL }]).map((p) => ({
          ...deflateEntry(p.name, p.data),
          flags: 1,
        })),
      ),
  },
  {
    file: "empty.xlsx",
    expect: "empty",
    large: false,
    what: "a zero-byte file",
    make: () => Buffer.alloc(0),
  },
  {
    file: "empty.csv",
    expect: "empty",
    large: false,
    what: "a CSV of blank separators",
    make: () => Buffer.from("\uFEFF;;;\r\n;;;\r\n"),
  },
  {
    file: "empty-workbook.xlsx",
    expect: "empty",
    large: false,
    what: "a workbook whose only sheet has no cells",
    make: () => writeZip(xlsxParts([{ name: "Sheet1", xml: SHEET_HEAD + SHEET_TAIL }])),
  },
  {
    file: "numbers-renamed.xlsx",
    expect: "unsupported",
    large: false,
    what: "an Apple Numbers package named .xlsx",
    make: () =>
      writeZip([
        { name: "Index/Document.iwa", data: Buffer.alloc(64, 1) },
        { name: "Metadata/Properties.plist", data: Buffer.from("<plist/>") },
      ]),
  },
  {
    file: "zip-bomb-declared.xlsx",
    expect: "zip-bomb",
    large: false,
    what: "an xlsx whose sheet declares 3 GB inflated (refused before inflating)",
    make: () => {
      const e = deflateEntry("xl/worksheets/sheet1.xml", Buffer.from(SHEET_HEAD + SHEET_TAIL));
      return zipWithSheetEntry({ ...e, declaredInflatedSize: 3_000_000_000 });
    },
  },
  {
    file: "zip-bomb.xlsx",
    expect: "zip-bomb",
    large: true,
    what: "an xlsx whose sheet XML truly inflates to 400 MB from ~0.4 MB (honest headers)",
    make: () => zipWithSheetEntry(bombSheetEntry(400, false)),
  },
  {
    file: "zip-bomb-lying.xlsx",
    expect: "zip-bomb",
    large: true,
    what: "an xlsx whose headers claim 20 KB but whose sheet inflates to 400 MB",
    make: () => zipWithSheetEntry(bombSheetEntry(400, true)),
  },
  {
    file: "too-many-cells.xlsx",
    expect: "too-many-cells",
    large: true,
    what: "an xlsx with 1.2 million numeric cells",
    make: () => manyCellsWorkbook(1_200_000),
  },
  {
    file: "long-string.xlsx",
    expect: "invalid-content",
    large: false,
    what: "a cell holding a 10 MB string",
    make: () =>
      writeZip(
        xlsxParts([
          {
            name: "Biểu 01",
            xml: SHEET_HEAD + inlineRow(1, ["TT", "A".repeat(10 * 1024 * 1024)]) + SHEET_TAIL,
          },
        ]),
        9,
      ),
  },
  {
    file: "long-string.csv",
    expect: "invalid-content",
    large: true,
    what: "a CSV field of 10 MB",
    make: () => Buffer.from("TT;Nội dung\r\n1;" + "B".repeat(10 * 1024 * 1024) + "\r\n"),
  },
  {
    file: "hostile-names.xlsx",
    expect: null,
    large: false,
    what: "sheets named __proto__/constructor/prototype, formulas and control characters as text, a __proto__ custom property",
    make: () =>
      writeZip(
        xlsxParts(
          [
            {
              name: "__proto__",
              xml:
                SHEET_HEAD +
                inlineRow(1, ["__proto__", "constructor", "prototype"]) +
                inlineRow(2, [
                  "=cmd|' /C calc'!A0",
                  '=HYPERLINK("http://evil.example","Bấm")',
                  "@SUM(1+1)*cmd|' /C notepad'!A0",
                ]) +
                `<row r="3"><c r="A3" t="inlineStr"><is><t>bell_x0007_nul_x0000_esc_x001B_</t></is></c><c r="B3" t="inlineStr"><is><t>&lt;script&gt;alert(1)&lt;/script&gt;</t></is></c><c r="C3" t="inlineStr"><is><t>{"__proto__":{"polluted":1}}</t></is></c></row>` +
                SHEET_TAIL,
            },
            {
              name: "constructor",
              xml: SHEET_HEAD + inlineRow(1, ["toString", "hasOwnProperty", "valueOf"]) + SHEET_TAIL,
            },
            { name: "prototype", xml: SHEET_HEAD + inlineRow(1, ["x"]) + SHEET_TAIL },
            {
              name: "_ntm",
              xml:
                SHEET_HEAD +
                inlineRow(1, ["__proto__", "polluted"]) +
                inlineRow(2, ["ntm.set", "vn-xa-ntm-2021-2025"]) +
                SHEET_TAIL,
            },
          ],
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="__proto__"><vt:lpwstr>polluted</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ntm.period">2023</vt:lpwstr></property></Properties>`.replace(
            "2023</vt:lpwstr>",
            "<vt:lpwstr>2023</vt:lpwstr>",
          ),
        ),
      ),
  },
];

/** Writes the fixtures (small ones, and large ones too when asked); returns the paths written. */
export function generateBadFixtures(
  opts: { dir?: string; large?: boolean; onlyMissing?: boolean } = {},
): string[] {
  const dir = opts.dir ?? BAD_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const fx of badFixtures) {
    if (fx.large && !opts.large) continue;
    const p = path.join(dir, fx.file);
    if (opts.onlyMissing && fs.existsSync(p)) continue;
    fs.writeFileSync(p, fx.make());
    written.push(p);
  }
  const manifest = badFixtures.map(({ file, expect, large, what }) => ({ file, expect, large, what }));
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  fs.writeFileSync(
    path.join(dir, ".gitignore"),
    "# Large fixtures, written by scripts/generate-bad-fixtures.ts --large (tests do it)\n" +
      badFixtures
        .filter((f) => f.large)
        .map((f) => f.file)
        .join("\n") +
      "\n",
  );
  return written;
}

if (require.main === module) {
  const large = process.argv.includes("--large");
  for (const p of generateBadFixtures({ large }))
    console.log(`${path.relative(process.cwd(), p)}\t${fs.statSync(p).size} B`);
}
