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
import { readTargetsText } from "../../domain/rhythm/periodTargetsFile";
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
import { dbOption, withStore } from "./adminStore";

function readText(file: string, io: CliIo): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    io.err(say.unreadable(file, (e as Error).message));
    io.exitCode = 2;
    return undefined;
  }
}

function registerTargets(admin: Command, io: CliIo): void {
  const targets = admin.command("targets").description("Chỉ tiêu kỳ của huyện, xã / period targets");
  targets
    .command("set <file>")
    .description(
      "Đặt chỉ tiêu từ .csv (org,period,item,target[,unit,label]) hoặc .json / set targets from a CSV or JSON file",
    )
    .option(...dbOption)
    .action(async (file: string, o: { db?: string }) => {
      const text = readText(file, io);
      if (text === undefined) return;
      const checked = readTargetsText(text, /\.json$/i.test(file) ? "json" : "csv");
      if (checked.problems.length) {
        io.err(say.refused(path.basename(file), checked.problems));
        io.exitCode = 1;
        return;
      }
      await withStore(o.db, io, async (store) => {
        const resolved = resolveTargetUnits(await store.tree(), checked.targets);
        if (resolved.problems.length) {
          io.err(say.refused(path.basename(file), resolved.problems));
          io.exitCode = 1;
          return;
        }
        io.out(say.targetsSet(await saveTargets(store, resolved)));
      });
    });
  targets
    .command("list")
    .description("Liệt kê chỉ tiêu đã đặt / list the targets set")
    .option("--under <unit>", "mã hoặc tên đơn vị (mặc định: tất cả) / unit code or name (default: all)")
    .addOption(
      periodOption("--period <p>", "chỉ các chỉ tiêu phủ kỳ này / only targets covering this period"),
    )
    .option("--json", "in JSON / print JSON")
    .option(...dbOption)
    .action(async (o: { under?: string; period?: string; json?: boolean; db?: string }) => {
      await withStore(o.db, io, async (store) => {
        const tree = await store.tree();
        const today = new Date().toISOString().slice(0, 10);
        const roots = o.under
          ? [resolveScope(tree, o.under, today, io)]
          : tree.all().filter((u) => !u.parent_id);
        if (roots.some((u) => !u)) {
          io.exitCode = 1;
          return;
        }
        const lists = await Promise.all(roots.map((u) => targetsUnder(store, tree, u!, o.period)));
        const all = lists.flatMap((l) => l.targets);
        if (o.json) return io.out(JSON.stringify(o.under ? lists[0] : { targets: all }, null, 2) + "\n");
        if (!all.length) return io.out(say.noTargets(o.under ?? "*"));
        io.out(say.targetsHeader);
        for (const t of all)
          io.out(`${t.org}\t${t.period}\t${t.item}\t${t.target}\t${t.unit}\t${t.label ?? ""}\n`);
      });
    });
}

function ruleLine(kind: string, r: ReportingCalendar["kinds"][string][number]): string {
  const offset = r.offsetDays === 0 ? "" : r.offsetDays > 0 ? `+${r.offsetDays}` : String(r.offsetDays);
  return `${kind}\t${r.periodKind}\t${r.id}\t${r.anchor}${offset}d ${r.time}\t${r.requires}\t${r.label}${r.unverified ? " *" : ""}\n`;
}

function registerCalendar(admin: Command, io: CliIo): void {
  const calendar = admin.command("calendar").description("Lịch nộp báo cáo của tỉnh / reporting calendars");
  calendar
    .command("set <file>")
    .description("Đặt lịch nộp báo cáo của một tỉnh từ tệp JSON / set a province's calendar from JSON")
    .option(...dbOption)
    .action(async (file: string, o: { db?: string }) => {
      const text = readText(file, io);
      if (text === undefined) return;
      const read = readCalendarText(text);
      if (!read.calendar) {
        io.err(say.refused(path.basename(file), read.problems));
        io.exitCode = 1;
        return;
      }
      const cal = read.calendar;
      await withStore(o.db, io, async (store) => {
        const unit = (await store.tree()).resolve(cal.province);
        const problem = unit ? calendarProblem(unit, cal) : undefined;
        if (!unit || problem) {
          if (problem) io.err(say.refused(path.basename(file), [problem]));
          else io.err(say.notProvince(cal.province));
          io.exitCode = 1;
          return;
        }
        await store.rhythmData.saveCalendar(cal);
        io.out(say.calendarSet(cal.province));
      });
    });
  calendar
    .command("show")
    .description("Xem lịch nộp báo cáo đang áp dụng / show the calendar in force")
    .option("--province <code>", "mã tỉnh / province code", "42")
    .option("--json", "in JSON / print JSON")
    .option(...dbOption)
    .action(async (o: { province: string; json?: boolean; db?: string }) => {
      await withStore(o.db, io, async (store) => {
        const unit = (await store.tree()).resolve(o.province);
        if (!unit || unit.level !== "province") {
          io.err(say.notProvince(o.province));
          io.exitCode = 1;
          return;
        }
        const answer = await calendarAnswer(store, unit);
        if (o.json) return io.out(JSON.stringify(answer, null, 2) + "\n");
        io.out(say.calendarSource(unit.code, answer.stored));
        for (const [kind, rules] of Object.entries(answer.calendar.kinds))
          for (const r of rules) io.out(ruleLine(kind, r));
        if (answer.unverified.length) io.out(say.unverified(answer.unverified));
      });
    });
}

export function registerAdminRhythmSettings(admin: Command, io: CliIo): void {
  registerTargets(admin, io);
  registerCalendar(admin, io);
}
