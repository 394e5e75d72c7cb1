/**
 * CSV as text. Every cell stays the string the file holds: "85,5%" and "1.680" are Vietnamese
 * numbers that only the domain's value parser may interpret (SheetJS's CSV guessing turns them into
 * 8.55 and 1.68).
 *
 * Invariant: fields are split by one delimiter (the most frequent of ";", ",", tab outside quotes in
 * the first lines); a quoted field may hold delimiters, doubled quotes and line breaks; CRLF, LF and
 * CR all end a record; trailing empty records are dropped.
 */
export function decodeCsvBytes(buf: Uint8Array): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return new TextDecoder("utf-16be").decode(buf.subarray(2));
  const body =
    buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Old Vietnamese exports use the Windows code page; without full ICU fall back to Latin-1.
    try {
      return new TextDecoder("windows-1258").decode(body);
    } catch {
      return new TextDecoder("latin1").decode(body);
    }
  }
}

export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 8192);
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 20; i++) {
    const ch = sample[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === "\n") lines++;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  // Ties go to ";", which vi-VN Excel writes (its list separator, the comma being decimal).
  let best = ";";
  for (const d of [",", "\t"]) if (counts[d] > counts[best]) best = d;
  return best;
}

export function parseCsvText(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      // Quoted field: runs to the closing quote; "" inside is one quote.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === "\r") {
      endRow();
      i += text[i + 1] === "\n" ? 2 : 1;
    } else if (ch === "\n") {
      endRow();
      i++;
    } else {
      // Unquoted run: slice it whole (a 10 MB field must not be built a character at a time).
      let j = i;
      while (j < n) {
        const cj = text[j];
        if (cj === delimiter || cj === "\r" || cj === "\n") break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f === "")) rows.pop();
  return rows;
}
