/**
 * A small typed fake of the Excel JavaScript API, just the members src/addin/excel uses, with the
 * one behaviour office-addin-mock does not model and the tests need: a loaded property is readable
 * only after `context.sync()`, and syncs are counted. Writes apply at once (their order in a batch
 * is kept, which is all the code relies on). Errors a real Excel raises (unknown sheet, a second
 * comment on a cell, a sheet name taken) are raised here too, at the call. `excelApi` plays an
 * older Excel: a member above that ExcelApi version throws ApiNotFound, as Excel 2016 would.
 */
import { fromA1, toA1 } from "../src/domain/sheet/grid";

type V = string | number | boolean;

export interface FakeCell {
  v: V | "";
  f?: string;
  z?: string;
  fill?: string; // "#RRGGBB"; undefined = no fill
  hyperlink?: Excel.RangeHyperlink;
  bold?: boolean;
  /** What a person sees of the cell's format (set by the house-style painter). */
  font?: { name?: string; size?: number; italic?: boolean; underline?: string };
  h?: string;
  vAlign?: string;
  wrap?: boolean;
  /** Edges with a thin line: "top", "bottom", "left", "right". */
  borders?: Set<string>;
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} read before context.sync()`);
  }
}

class Loadable {
  protected loaded = false;
  protected pending = false;
  /** What was asked for, to tell a data read from a size read. */
  loadedProps = "";
  constructor(protected readonly ctx: FakeContext) {}
  load(props?: unknown): this {
    this.pending = true;
    this.loadedProps += ` ${Array.isArray(props) ? props.join(",") : String(props ?? "")}`;
    this.ctx.queue(this);
    return this;
  }
  resolve(): void {
    if (this.pending) this.loaded = true;
  }
  protected need(what: string): void {
    if (!this.loaded) throw new NotLoaded(what);
  }
}

function parseRange(addr: string): { s: { r: number; c: number }; e: { r: number; c: number } } {
  const local = addr.includes("!") ? addr.slice(addr.lastIndexOf("!") + 1) : addr;
  const m = /^([A-Z]+):([A-Z]+)$/.exec(local);
  if (m) {
    const s = fromA1(`${m[1]}1`)!;
    const e = fromA1(`${m[2]}1048576`)!;
    return { s, e };
  }
  const [a, b] = local.replace(/\$/g, "").split(":");
  const s = fromA1(a);
  const e = fromA1(b ?? a);
  if (!s || !e) throw new Error(`InvalidArgument: bad address ${addr}`);
  return { s, e };
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: string[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Column widths and row heights in points, by 0-based index. */
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozen?: { rows: number; cols: number };
  /** What the page layout was set to (ExcelApi 1.9), as the code set it. */
  pageLayout: Record<string, unknown> = {};
  pageBreaks: string[] = [];
  charts: { type: string; source: string; title?: string; at?: string }[] = [];
  constructor(public name: string) {}
  cell(r: number, c: number): FakeCell {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = { v: "" }));
    return cell;
  }
  peek(a1: string): FakeCell | undefined {
    const p = fromA1(a1)!;
    return this.cells.get(`${p.r},${p.c}`);
  }
  set(a1: string, v: V, extra: Partial<FakeCell> = {}): void {
    const p = fromA1(a1)!;
    Object.assign(this.cell(p.r, p.c), { v }, extra);
  }
  usedBounds(): { s: { r: number; c: number }; e: { r: number; c: number } } {
    let s = { r: Infinity, c: Infinity };
    let e = { r: -1, c: -1 };
    for (const [k, cell] of this.cells) {
      if (cell.v === "" && !cell.f) continue;
      const [r, c] = k.split(",").map(Number);
      s = { r: Math.min(s.r, r), c: Math.min(s.c, c) };
      e = { r: Math.max(e.r, r), c: Math.max(e.c, c) };
    }
    return e.r < 0 ? { s: { r: 0, c: 0 }, e: { r: 0, c: 0 } } : { s, e };
  }
}

export class FakeWorkbookData {
  sheets: FakeSheet[] = [];
  comments: { id: string; sheet: string; cell: string; content: string }[] = [];
  private nextId = 1;
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }
  addSheet(name: string): FakeSheet {
    if (this.sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  addComment(sheet: string, cell: string, content: string): string {
    if (this.comments.some((c) => c.sheet === sheet && c.cell === cell))
      throw new Error(`InvalidArgument: ${sheet}!${cell} already has a comment`);
    const id = `c${this.nextId++}`;
    this.comments.push({ id, sheet, cell, content });
    return id;
  }
}

class FakeFill {
  constructor(private range: FakeRange) {}
  load(_props?: unknown): this {
    return this;
  }
  /** As ExcelApi 1.1 reports one cell's fill: white when it has none. */
  get color(): string {
    let out = "#FFFFFF";
    this.range.each((cell) => (out = cell.fill ?? "#FFFFFF"));
    return out;
  }
  set color(c: string) {
    this.range.each((cell) => (cell.fill = c.toUpperCase()));
  }
  clear(): void {
    this.range.each((cell) => delete cell.fill);
  }
}

class FakeFont {
  constructor(private range: FakeRange) {}
  set bold(b: boolean) {
    this.range.each((cell) => (cell.bold = b));
  }
  set color(_c: string) {}
  private put(k: "name" | "size" | "italic" | "underline", v: string | number | boolean): void {
    this.range.each((cell) => (cell.font = { ...cell.font, [k]: v }));
  }
  set name(v: string) {
    this.put("name", v);
  }
  set size(v: number) {
    this.put("size", v);
  }
  set italic(v: boolean) {
    this.put("italic", v);
  }
  set underline(v: string) {
    this.put("underline", v);
  }
}

/** A border edge of a range: a line style on it marks the edge on the cells it runs along. */
class FakeBorder {
  constructor(
    private range: FakeRange,
    private edge: string,
  ) {}
  set style(v: string) {
    if (v === "None") return;
    const { s, e } = this.range;
    this.range.each((cell, r, c) => {
      const on = new Set(cell.borders);
      const add = (k: string, when: boolean) => when && on.add(k);
      if (this.edge === "EdgeTop") add("top", r === s.r);
      if (this.edge === "EdgeBottom") add("bottom", r === e.r);
      if (this.edge === "EdgeLeft") add("left", c === s.c);
      if (this.edge === "EdgeRight") add("right", c === e.c);
      if (this.edge === "InsideHorizontal") {
        add("top", r > s.r);
        add("bottom", r < e.r);
      }
      if (this.edge === "InsideVertical") {
        add("left", c > s.c);
        add("right", c < e.c);
      }
      cell.borders = on;
    });
  }
  set weight(_v: string) {}
  set color(_v: string) {}
}

class FakeFormat {
  fill: FakeFill;
  font: FakeFont;
  private width = 0;
  readonly borders: { getItem(edge: string): FakeBorder };
  constructor(
    private range: FakeRange,
    private ctx: FakeContext,
  ) {
    this.fill = new FakeFill(range);
    this.font = new FakeFont(range);
    this.borders = { getItem: (edge: string) => new FakeBorder(range, edge) };
  }
  set wrapText(v: boolean) {
    this.range.each((cell) => (cell.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.range.each((cell) => (cell.h = v));
  }
  set verticalAlignment(v: string) {
    this.range.each((cell) => (cell.vAlign = v));
  }
  set rowHeight(pt: number) {
    this.ctx.requires("1.2", "RangeFormat.rowHeight");
    for (let r = this.range.s.r; r <= this.range.e.r; r++) this.range.sheet.rowHeights.set(r, pt);
  }
  get columnWidth(): number {
    return this.width;
  }
  set columnWidth(w: number) {
    this.ctx.requires("1.2", "RangeFormat.columnWidth");
    this.width = w;
    for (let c = this.range.s.c; c <= Math.min(this.range.e.c, 200); c++)
      this.range.sheet.colWidths.set(c, w);
  }
  autofitColumns(): void {
    this.ctx.requires("1.2", "RangeFormat.autofitColumns");
  }
}

class FakeRangeAreas extends Loadable {
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private within: FakeRange,
  ) {
    super(ctx);
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.list().length === 0;
  }
  get address(): string {
    this.need("address");
    return this.list()
      .map((m) => `${this.sheet.name}!${m}`)
      .join(",");
  }
  private list(): string[] {
    return this.sheet.merges.filter((m) => {
      const r = parseRange(m);
      return r.s.r >= this.within.s.r && r.e.r <= this.within.e.r;
    });
  }
}

/** As Excel does with what it is given: "=…" becomes a formula, a leading apostrophe keeps text. */
function typeInto(cell: FakeCell, v: V | ""): void {
  if (typeof v === "string" && v.startsWith("'")) {
    cell.v = v.slice(1);
    delete cell.f;
  } else if (typeof v === "string" && v.startsWith("=")) {
    cell.f = v.slice(1);
    cell.v = 0;
  } else {
    cell.v = v;
    delete cell.f;
  }
}

export class FakeRange extends Loadable {
  format: FakeFormat;
  isNullObject = false;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly s: { r: number; c: number },
    readonly e: { r: number; c: number },
  ) {
    super(ctx);
    this.format = new FakeFormat(this, ctx);
    ctx.rangeCells += 0;
  }
  each(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const bottom = Math.min(this.e.r, 20000);
    const right = Math.min(this.e.c, 200);
    for (let r = this.s.r; r <= bottom; r++)
      for (let c = this.s.c; c <= right; c++) fn(this.sheet.cell(r, c), r, c);
  }
  private grid<T>(fn: (cell: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.s.r; r <= this.e.r; r++) {
      const row: T[] = [];
      for (let c = this.s.c; c <= this.e.c; c++) row.push(fn(this.sheet.cells.get(`${r},${c}`) ?? { v: "" }));
      out.push(row);
    }
    return out;
  }
  override resolve(): void {
    super.resolve();
    if (this.loaded) this.ctx.cellsRead += (this.e.r - this.s.r + 1) * (this.e.c - this.s.c + 1);
  }
  get values(): (V | "")[][] {
    this.need("values");
    return this.grid((c) => c.v);
  }
  set values(rows: (V | "")[][]) {
    this.write(rows, typeInto);
  }
  get formulas(): (V | "")[][] {
    this.need("formulas");
    return this.grid((c) => (c.f ? `=${c.f}` : c.v));
  }
  set formulas(rows: (V | "")[][]) {
    this.write(rows, typeInto);
  }
  get numberFormat(): string[][] {
    this.need("numberFormat");
    return this.grid((c) => c.z ?? "General");
  }
  set numberFormat(rows: string[][]) {
    this.write(rows, (cell, z) => (cell.z = z));
  }
  set hyperlink(h: Excel.RangeHyperlink) {
    this.ctx.requires("1.7", "Range.hyperlink");
    this.each((cell) => (cell.hyperlink = h));
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.s.r;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.s.c;
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.e.r - this.s.r + 1;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.e.c - this.s.c + 1;
  }
  get address(): string {
    this.need("address");
    return `${this.sheet.name}!${toA1(this.s.r, this.s.c)}:${toA1(this.e.r, this.e.c)}`;
  }
  private write<T>(rows: T[][], fn: (cell: FakeCell, v: T) => void): void {
    const h = this.e.r - this.s.r + 1;
    const w = this.e.c - this.s.c + 1;
    if (rows.length !== h || rows.some((r) => r.length !== w)) {
      throw new Error(`InvalidArgument: ${rows.length}x${rows[0]?.length} values for a ${h}x${w} range`);
    }
    rows.forEach((row, i) => row.forEach((v, j) => fn(this.sheet.cell(this.s.r + i, this.s.c + j), v)));
  }
  merge(_across?: boolean): void {
    this.ctx.requires("1.2", "Range.merge");
    this.sheet.merges.push(`${toA1(this.s.r, this.s.c)}:${toA1(this.e.r, this.e.c)}`);
  }
  unmerge(): void {
    this.ctx.requires("1.2", "Range.unmerge");
    this.sheet.merges = this.sheet.merges.filter((m) => {
      const r = parseRange(m);
      return r.e.r < this.s.r || r.s.r > this.e.r || r.e.c < this.s.c || r.s.c > this.e.c;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requires("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.ctx, this.sheet, this);
  }
  getCellProperties(_opts: unknown): { value: Excel.CellProperties[][] } {
    this.ctx.requires("1.9", "Range.getCellProperties");
    const result = { loaded: false } as { loaded: boolean; value: Excel.CellProperties[][] };
    let snapshot: Excel.CellProperties[][] | undefined;
    this.ctx.queue({
      resolve: () => {
        snapshot = this.grid(
          (c) =>
            ({
              format: {
                fill: c.fill ? { color: c.fill, pattern: "Solid" } : { color: "#FFFFFF", pattern: "None" },
              },
            }) as Excel.CellProperties,
        );
      },
    });
    Object.defineProperty(result, "value", {
      get: () => {
        if (!snapshot) throw new NotLoaded("cellProperties");
        return snapshot;
      },
    });
    return result;
  }
  getCell(r: number, c: number): FakeRange {
    const p = { r: this.s.r + r, c: this.s.c + c };
    return new FakeRange(this.ctx, this.sheet, p, p);
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    this.ctx.requires("1.2", "Range.getResizedRange");
    return new FakeRange(this.ctx, this.sheet, this.s, { r: this.e.r + dr, c: this.e.c + dc });
  }
  clear(): void {
    for (const k of [...this.sheet.cells.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= this.s.r && r <= this.e.r && c >= this.s.c && c <= this.e.c) this.sheet.cells.delete(k);
    }
  }
  select(): void {
    this.ctx.selected = `${this.sheet.name}!${toA1(this.s.r, this.s.c)}`;
  }
}

class NullRange extends Loadable {
  isNullObject = true;
}

export class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetData: FakeSheet | undefined,
    private readonly wantedName?: string,
  ) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return !this.sheetData;
  }
  private get data(): FakeSheet {
    if (!this.sheetData) throw new Error(`ItemNotFound: ${this.wantedName}`);
    return this.sheetData;
  }
  get name(): string {
    return this.data.name;
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.requires("1.2", "setting Worksheet.visibility");
    this.data.visibility = v;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.requires("1.2", "Worksheet.getUsedRange(valuesOnly)");
    const b = this.data.usedBounds();
    return new FakeRange(this.ctx, this.data, b.s, b.e);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange | NullRange {
    this.ctx.requires("1.4", "Worksheet.getUsedRangeOrNullObject");
    if (!this.sheetData || this.sheetData.cells.size === 0) return new NullRange(this.ctx);
    return this.getUsedRange(valuesOnly);
  }
  getRange(address?: string): FakeRange {
    if (!address) return new FakeRange(this.ctx, this.data, { r: 0, c: 0 }, { r: 1048575, c: 16383 });
    const { s, e } = parseRange(address);
    return new FakeRange(this.ctx, this.data, s, e);
  }
  get freezePanes(): {
    freezeAt(range: string): void;
    freezeRows(n: number): void;
    freezeColumns(n: number): void;
  } {
    this.ctx.requires("1.7", "Worksheet.freezePanes");
    const data = this.data;
    return {
      freezeAt: (range: string) => {
        const { e } = parseRange(range);
        data.frozen = { rows: e.r + 1, cols: e.c + 1 };
      },
      freezeRows: (n: number) => (data.frozen = { rows: n, cols: 0 }),
      freezeColumns: (n: number) => (data.frozen = { rows: 0, cols: n }),
    };
  }
  /** Records what the code sets; ExcelApi 1.9 as in Excel. */
  get pageLayout(): Record<string, unknown> {
    this.ctx.requires("1.9", "Worksheet.pageLayout");
    const p = this.data.pageLayout;
    return Object.assign(p, {
      setPrintTitleRows: (rows: string) => (p.printTitleRows = rows),
      setPrintArea: (area: string) => (p.printArea = area),
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: string) {
            p.centerFooter = v;
          },
        },
      },
    });
  }
  get horizontalPageBreaks(): { add(at: string): void } {
    this.ctx.requires("1.9", "Worksheet.horizontalPageBreaks");
    return { add: (at: string) => this.data.pageBreaks.push(at) };
  }
  get charts(): { add(type: string, source: FakeRange, seriesBy: string): unknown } {
    const data = this.data;
    return {
      add: (type: string, source: FakeRange) => {
        const chart: FakeSheet["charts"][number] = {
          type,
          source: `${toA1(source.s.r, source.s.c)}:${toA1(source.e.r, source.e.c)}`,
        };
        data.charts.push(chart);
        return {
          title: {
            set text(t: string) {
              chart.title = t;
            },
          },
          setPosition: (at: string) => (chart.at = at),
        };
      },
    };
  }
  activate(): void {}
  delete(): void {
    this.ctx.data.sheets = this.ctx.data.sheets.filter((s) => s !== this.data);
  }
}

class FakeWorksheets extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  get items(): FakeWorksheet[] {
    this.need("worksheets.items");
    return this.ctx.data.sheets.map((s) => new FakeWorksheet(this.ctx, s));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.data.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.requires("1.4", "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(
      this.ctx,
      this.ctx.data.sheets.find((s) => s.name === name),
      name,
    );
  }
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.data.addSheet(name));
  }
}

class FakeComment {
  constructor(
    private ctx: FakeContext,
    readonly id: string,
    private readonly loadedContent: string,
  ) {}
  /** What was loaded (as Excel, the value of the last sync); setting it changes the comment. */
  get content(): string {
    return this.loadedContent;
  }
  set content(text: string) {
    const c = this.ctx.data.comments.find((x) => x.id === this.id);
    if (!c) throw new Error(`ItemNotFound: comment ${this.id}`);
    c.content = text;
  }
  getLocation(): FakeRange {
    const c = this.ctx.data.comments.find((x) => x.id === this.id)!;
    const p = fromA1(c.cell)!;
    return new FakeRange(this.ctx, this.ctx.data.sheet(c.sheet), p, p);
  }
  delete(): void {
    this.ctx.data.comments = this.ctx.data.comments.filter((x) => x.id !== this.id);
  }
}

class FakeComments extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  get items(): FakeComment[] {
    this.need("comments.items");
    return this.ctx.data.comments.map((c) => new FakeComment(this.ctx, c.id, c.content));
  }
  getItem(id: string): FakeComment {
    const c = this.ctx.data.comments.find((x) => x.id === id);
    if (!c) throw new Error(`ItemNotFound: comment ${id}`);
    return new FakeComment(this.ctx, c.id, c.content);
  }
  add(address: string, content: string): void {
    const bang = address.lastIndexOf("!");
    let sheet = address.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    this.ctx.data.sheet(sheet);
    this.ctx.data.addComment(sheet, address.slice(bang + 1), content);
  }
}

export class FakeContext {
  syncs = 0;
  cellsRead = 0;
  rangeCells = 0;
  selected?: string;
  suspended = { calculation: 0, screen: 0 };
  /** When set, a sync that would read more cells than this fails like Excel's payload limit. */
  payloadLimitCells?: number;
  /** The ExcelApi version this fake plays (members above it throw ApiNotFound). */
  excelApi = "1.99";
  private pending: { resolve(): void }[] = [];
  readonly workbook: { worksheets: FakeWorksheets; comments: FakeComments };
  readonly application = {
    suspendApiCalculationUntilNextSync: () => {
      this.requires("1.6", "Application.suspendApiCalculationUntilNextSync");
      this.suspended.calculation++;
    },
    suspendScreenUpdatingUntilNextSync: () => {
      this.requires("1.9", "Application.suspendScreenUpdatingUntilNextSync");
      this.suspended.screen++;
    },
  };
  constructor(readonly data: FakeWorkbookData) {
    const comments = new FakeComments(this);
    const worksheets = new FakeWorksheets(this);
    const requires = (v: string, what: string) => this.requires(v, what);
    this.workbook = {
      worksheets,
      get comments() {
        requires("1.10", "Workbook.comments");
        return comments;
      },
    };
  }
  /** Throws as an older Excel does when the code asks for a member it does not have. */
  requires(version: string, what: string): void {
    const [a, b] = [this.excelApi, version].map((v) => v.split(".").map(Number));
    if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]))
      throw Object.assign(
        new Error(`ApiNotFound: ${what} needs ExcelApi ${version} (this Excel: ${this.excelApi})`),
        {
          code: "ApiNotFound",
        },
      );
  }
  queue(x: { resolve(): void }): void {
    this.pending.push(x);
  }
  async sync(): Promise<void> {
    this.syncs++;
    const batch = this.pending;
    this.pending = [];
    if (this.payloadLimitCells !== undefined) {
      const cells = batch
        .filter((x): x is FakeRange => x instanceof FakeRange && /values/.test(x.loadedProps))
        .reduce((n, r) => n + (r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1), 0);
      if (cells > this.payloadLimitCells)
        throw Object.assign(new Error("payload too large"), { code: "RequestPayloadSizeLimitExceeded" });
    }
    for (const x of batch) x.resolve();
  }
  /** The fake as the type the code under test takes. */
  asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}
