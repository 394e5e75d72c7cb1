import * as fs from "fs";
import * as XLSX from "xlsx";
import { readWorkbookBuffer } from "./src/io/xlsx/readWorkbook";
const dir = "test/fixtures/samples";
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).map((f) => ({ f, b: fs.readFileSync(dir + "/" + f) }));
const N = 100;
function time(label: string, fn: (b: Buffer, f: string) => unknown) {
  for (const x of files) fn(x.b, x.f);
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) for (const x of files) fn(x.b, x.f);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const fps = (N * files.length) / (ms / 1000);
  console.log(label.padEnd(48), fps.toFixed(0), "files/s");
  return fps;
}
for (let round = 0; round < 2; round++) {
const bare = time("bare XLSX.read(buf)", (b) => XLSX.read(b));
const bareDense = time("XLSX.read dense", (b) => XLSX.read(b, { dense: true }));
time("XLSX.read dense+formula+NF", (b) => XLSX.read(b, { dense: true, cellFormula: true, cellNF: true }));
time("XLSX.read dense+formula+NF+noHTML", (b) => XLSX.read(b, { dense: true, cellFormula: true, cellNF: true, cellHTML: false }));
time("XLSX.read dense+formula+NF+styles", (b) => XLSX.read(b, { dense: true, cellFormula: true, cellNF: true, cellStyles: true }));
const ours = time("readWorkbookBuffer (readHidden true)", (b, f) => readWorkbookBuffer(b, f));
const ours2 = time("readWorkbookBuffer (readHidden false)", (b, f) => readWorkbookBuffer(b, f, { readHidden: false }));
console.log("ratio bare/ours", (bare / ours).toFixed(2), (bare / ours2).toFixed(2));
}
