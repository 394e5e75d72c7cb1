/**
 * `ntm admin targets set FILE | list` and `ntm admin calendar set FILE | show`: a district's period
 * targets (CSV or JSON: unit code, period, item, target[, unit, label]) and a province's reporting
 * calendar (JSON), straight on the store like the other admin commands, through the same checks and
 * composition as PUT /api/targets and PUT /api/calendars/{province} (server/rhythm/rhythmSettings).
 * Exit 0 set or shown, 1 the file's content refused (every problem said, nothing stored), 2 misuse
 * or an unreadable file.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { readCalendarText } from "../../domain/rhythm/calendarFile";
import { readTargetsText, type InputProblem } from "../../domain/rhythm/periodTargetsFile";
import type { ReportingCalendar } from "../../domain/rhythm/reportingCalendar";
import {
  calendarAnswer,
  calendarProblem,
  resolveTargetUnits,
  saveTargets,
  targetsUnder,
} from "../../server/rhythm/rhythmSettings";
import { periodOption } from "../commonOptions";
import { rhythmSettingsMessages as say } from "../messages/rhythmSettingsMessages";
import { resolveScope } from "./adminScope";
import { onCheckedStore, onStore, refuse } from "./adminStore";

function readText(file: string, io: CliIo): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    io.err(say.unreadable(file, (e as Error).message));
    io.exitCode = 2;
    return undefined;
  }
}

/** The file named read and checked by `check`, or undefined after saying why (exit 2 or 1). */
function checkedFile<T>(
  file: string,
  io: CliIo,
  check: (text: string) => { value?: T; problems: readonly InputProblem[] },
): T | undefined {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const { value, problems } = check(text);
  if (value !== undefined && !problems.length) return value;
  return refuse(io, say.refused(path.basename(file), problems));
}

function registerTargets(admin: Command, io: CliIo): void {
  const targets = admin.command("targets").description("Chỉ tiêu kỳ của huyện, xã / period targets");
  onCheckedStore(
    targets
      .command("set <file>")
      .description(
        "Đặt chỉ tiêu từ .csv (org,period,item,target[,unit,label]) hoặc .json / set targets from a CSV or JSON file",
      ),
    io,
    (_o, [file = ""]) =>
      checkedFile(file, io, (text) => {
        const checked = readTargetsText(text, /\.json$/i.test(file) ? "json" : "csv");
        return { value: checked.targets, problems: checked.problems };
      }),
    async (store, { args: [file = ""], prepared }) => {
      const resolved = resolveTargetUnits(await store.tree(), prepared);
      if (resolved.problems.length) return refuse(io, say.refused(path.basename(file), resolved.problems));
      io.out(say.targetsSet(await saveTargets(store, resolved)));
    },
  );
  onStore<{ under?: string; period?: string; json?: boolean }>(
    targets
      .command("list")
      .description("Liệt kê chỉ tiêu đã đặt / list the targets set")
      .option("--under <unit>", "mã hoặc tên đơn vị (mặc định: tất cả) / unit code or name (default: all)")
      .addOption(
        periodOption("--period <p>", "chỉ các chỉ tiêu phủ kỳ này / only targets covering this period"),
      )
      .option("--json", "in JSON / print JSON"),
    io,
    async (store, { o }) => {
      const tree = await store.tree();
      const today = new Date().toISOString().slice(0, 10);
      const roots = o.under
        ? [resolveScope(tree, o.under, today, io)]
        : tree.all().filter((u) => !u.parent_id);
      if (roots.some((u) => !u)) {
        io.exitCode = 1; // resolveScope has said why
        return;
      }
      const lists = await Promise.all(roots.map((u) => targetsUnder(store, tree, u!, o.period)));
      const all = lists.flatMap((l) => l.targets);
      if (o.json) return io.out(JSON.stringify(o.under ? lists[0] : { targets: all }, null, 2) + "\n");
      if (!all.length) return io.out(say.noTargets(o.under ?? "*"));
      io.out(say.targetsHeader);
      for (const t of all)
        io.out(`${t.org}\t${t.period}\t${t.item}\t${t.target}\t${t.unit}\t${t.label ?? ""}\n`);
    },
  );
}

function ruleLine(kind: string, r: ReportingCalendar["kinds"][string][number]): string {
  const offset = r.offsetDays === 0 ? "" : r.offsetDays > 0 ? `+${r.offsetDays}` : String(r.offsetDays);
  return `${kind}\t${r.periodKind}\t${r.id}\t${r.anchor}${offset}d ${r.time}\t${r.requires}\t${r.label}${r.unverified ? " *" : ""}\n`;
}

function registerCalendar(admin: Command, io: CliIo): void {
  const calendar = admin.command("calendar").description("Lịch nộp báo cáo của tỉnh / reporting calendars");
  onCheckedStore(
    calendar
      .command("set <file>")
      .description("Đặt lịch nộp báo cáo của một tỉnh từ tệp JSON / set a province's calendar from JSON"),
    io,
    (_o, [file = ""]) =>
      checkedFile(file, io, (text) => {
        const read = readCalendarText(text);
        return { value: read.calendar, problems: read.problems };
      }),
    async (store, { args: [file = ""], prepared: cal }) => {
      const unit = (await store.tree()).resolve(cal.province);
      if (!unit) return refuse(io, say.notProvince(cal.province));
      const problem = calendarProblem(unit, cal);
      if (problem) return refuse(io, say.refused(path.basename(file), [problem]));
      await store.rhythmData.saveCalendar(cal);
      io.out(say.calendarSet(cal.province));
    },
  );
  onStore<{ province: string; json?: boolean }>(
    calendar
      .command("show")
      .description("Xem lịch nộp báo cáo đang áp dụng / show the calendar in force")
      .option("--province <code>", "mã tỉnh / province code", "42")
      .option("--json", "in JSON / print JSON"),
    io,
    async (store, { o }) => {
      const unit = (await store.tree()).resolve(o.province);
      if (!unit || unit.level !== "province") return refuse(io, say.notProvince(o.province));
      const answer = await calendarAnswer(store, unit);
      if (o.json) return io.out(JSON.stringify(answer, null, 2) + "\n");
      io.out(say.calendarSource(unit.code, answer.stored));
      for (const [kind, rules] of Object.entries(answer.calendar.kinds))
        for (const r of rules) io.out(ruleLine(kind, r));
      if (answer.unverified.length) io.out(say.unverified(answer.unverified));
    },
  );
}

export function registerAdminRhythmSettings(admin: Command, io: CliIo): void {
  registerTargets(admin, io);
  registerCalendar(admin, io);
}
