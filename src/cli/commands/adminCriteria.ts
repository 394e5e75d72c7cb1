/**
 * `ntm admin criteria install BOOK.xlsx|SET.json [--in-force-from YYYY-MM-DD] [--by NAME]`,
 * `ntm admin criteria list [ID]`, `ntm admin criteria reevaluate ID` (issue 13): a province's
 * authored set becomes an immutable version in the store, which every host then judges by.
 * A set with errors is refused with each error at its cell (exit 1); nothing is installed.
 */
import type { Command } from "commander";
import type { CliIo } from "../cliIo";
import { readCriteriaSetFile } from "../criteriaSetFile";
import { warningLines } from "./criteria";
import { dbOption, onStore, refuse, withStore } from "./adminStore";
import { versionInForceOn } from "../../domain/criteria/criteriaSetVersion";
import { reevaluateStoredReports } from "../../server/evaluation/reevaluateStoredReports";
import type { Store } from "../../server/store/store";
import { misuse } from "../messages/cliText";
import { criteriaSetMessages as say, targetsProvenance } from "../messages/criteriaSetMessages";
import { describeCriteriaSet } from "../../domain/criteria/describeCriteriaSet";

/** A real calendar day written YYYY-MM-DD, else undefined. */
export function isoDay(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : undefined;
}

interface InstallOptions {
  db?: string;
  inForceFrom?: string;
  by?: string;
}

async function install(io: CliIo, file: string, o: InstallOptions): Promise<void> {
  const inForceFrom = o.inForceFrom === undefined ? null : isoDay(o.inForceFrom);
  if (inForceFrom === undefined) {
    misuse(io, "admin criteria install", ...say.badDate(o.inForceFrom!));
    return;
  }
  const read = readCriteriaSetFile(file);
  if (!read.ok) {
    refuse(io, read.lines.join("\n") + "\n");
    return;
  }
  if (read.warnings.length) io.err(warningLines(file, read.warnings));
  await withStore(o.db, io, async (store) => {
    const r = await store.installCriteriaSet({ set: read.set, installedBy: o.by ?? null, inForceFrom });
    if (r.kind === "already-installed") io.out(say.alreadyInstalled(r.stored.label));
    else {
      io.out(say.installed(r.stored.label, r.stored.installedBy));
      io.out(`  ${targetsProvenance(describeCriteriaSet(read.set))}\n` + say.reevaluateHint(read.set.id));
    }
  });
}

async function list(io: CliIo, store: Store, id: string | undefined): Promise<void> {
  const versions = await store.criteriaSetVersions(id);
  if (versions.length === 0) {
    refuse(io, (id ? say.unknownSetId(id) : say.noVersions + "\n").trimEnd() + "\n");
    return;
  }
  const today = store.now().slice(0, 10);
  const ids = [...new Set(versions.map((v) => v.id))];
  for (const setId of ids) {
    const own = versions.filter((v) => v.id === setId);
    const inForce = versionInForceOn(own, today);
    for (const v of own) io.out(say.versionLine({ ...v, inForce: v === inForce }));
  }
  io.out(say.inForceLegend);
}

export function registerAdminCriteria(admin: Command, io: CliIo): void {
  const criteria = admin
    .command("criteria")
    .description("Cài và xem phiên bản bộ tiêu chí / install and list criteria set versions");

  criteria
    .command("install <file>")
    .description(
      "Cài một bộ tiêu chí (sổ soạn thảo .xlsx hoặc .json) thành phiên bản mới / install a set (authoring .xlsx or .json) as a new version",
    )
    .option("--in-force-from <YYYY-MM-DD>", "áp dụng từ ngày / in force from this day")
    .option("--by <name>", "người cài / who installs it")
    .option(...dbOption)
    .action((file: string, o: InstallOptions) => install(io, file, o));

  onStore(
    criteria.command("list [id]").description("Liệt kê các phiên bản đã cài / list installed versions"),
    io,
    (store, { args: [id] }) => list(io, store, id),
  );

  onStore<{ by?: string }>(
    criteria
      .command("reevaluate <id>")
      .description(
        "Đánh giá lại báo cáo đã lưu theo phiên bản đang áp dụng, không tạo phiên bản báo cáo mới / re-evaluate stored reports with the version in force, without new revisions",
      )
      .option("--by <name>", "người chạy / who runs it"),
    io,
    async (store, { args: [id = ""], o }) => {
      if ((await store.criteriaSetVersions(id)).length === 0) return refuse(io, say.unknownSetId(id));
      const r = await reevaluateStoredReports(store, id, o.by ?? null);
      io.out(say.reevaluated(id, r) + r.lines.map(say.reevaluatedLine).join(""));
    },
  );
}
