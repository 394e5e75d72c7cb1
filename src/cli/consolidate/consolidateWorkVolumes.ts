/**
 * `ntm consolidate --kind work-volume --period 2023-W14`: the district's week, from files (the
 * folders' work-volume workbooks, identified by the commune code table) or from the store
 * (`--server URL --under CODE`: GET /api/consolidation?kind=work-volume and GET /api/completeness).
 * Either way the same domain composition makes the table (domain/rhythm consolidateWorkVolumes);
 * this module only gathers its inputs and writes the workbook or the JSON.
 * Exit 0 when every expected commune reported, 1 when some did not (the list says who), 2 misuse,
 * nothing readable, or the server refused.
 */
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import type { CommuneCodeMap } from "../../domain/consolidate/communeCodeMap";
import type { WorkVolumeConsolidation } from "../../domain/rhythm/consolidateWorkVolumes";
import { WORK_VOLUME_KIND } from "../../domain/rhythm/reportingCalendar";
import {
  completenessSchema,
  workVolumeConsolidationSchema,
  type CompletenessBody,
} from "../../domain/rhythm/rhythmWire";
import { weekOfFiles } from "../../domain/rhythm/weekOfFiles";
import { writeWeekWorkbook } from "../../io/xlsx/writeWeekWorkbook";
import { runConsolidation } from "./runConsolidation";

export interface WorkVolumeCommandOptions {
  out?: string;
  period?: string;
  json?: boolean;
  workers?: number;
  server?: string;
  under?: string;
  token?: string;
  communeCodes?: CommuneCodeMap;
}

async function getJson<T>(server: string, path: string, token: string, parse: (x: unknown) => T): Promise<T> {
  const res = await fetch(server.replace(/\/$/, "") + path, {
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
  });
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${body.message ?? ""}`);
  return parse(body);
}

async function fromStore(o: WorkVolumeCommandOptions, period: string) {
  const q = `period=${encodeURIComponent(period)}&under=${encodeURIComponent(o.under!)}`;
  const week = await getJson(o.server!, `/api/consolidation?kind=work-volume&${q}`, o.token!, (x) =>
    workVolumeConsolidationSchema.parse(x),
  );
  const completeness = await getJson(
    o.server!,
    `/api/completeness?kind=${WORK_VOLUME_KIND}&${q}`,
    o.token!,
    (x) => completenessSchema.parse(x),
  );
  return { week: week as WorkVolumeConsolidation, completeness: [completeness] as CompletenessBody[] };
}

export async function consolidateWorkVolumesCommand(
  inputs: readonly string[],
  o: WorkVolumeCommandOptions,
  io: CliIo,
): Promise<number> {
  const misuse = (vi: string, en: string) => {
    io.err(`ntm consolidate --kind work-volume: ${vi} / ${en}\n`);
    return 2;
  };
  if (!o.period) return misuse("cần --period (ví dụ 2023-W14)", "give --period (e.g. 2023-W14)");
  if (o.server && (!o.under || !o.token))
    return misuse(
      "đọc từ kho cần --under MÃ và mã truy cập",
      "reading the store needs --under CODE and a token",
    );
  if (!o.server && !inputs.length)
    return misuse("cần thư mục/tệp hoặc --server", "give folders/files or --server");
  let week: WorkVolumeConsolidation;
  let completeness: CompletenessBody[] = [];
  if (o.server) {
    try {
      ({ week, completeness } = await fromStore(o, o.period));
    } catch (e) {
      io.err(
        `ntm consolidate: máy chủ từ chối hoặc không trả lời / the server refused or did not answer: ${(e as Error).message}\n`,
      );
      return 2;
    }
  } else {
    const run = await runConsolidation(inputs, {
      setId: WORK_VOLUME_KIND,
      period: o.period,
      workers: o.workers,
      communeCodes: o.communeCodes,
    });
    if (!run.summary.volumes.length) {
      io.err(
        `Không có báo cáo khối lượng nào của kỳ ${o.period} trong ${run.summary.counts.files} tệp. / No work-volume report for ${o.period} in ${run.summary.counts.files} files.\n`,
      );
      return 2;
    }
    week = weekOfFiles(run.summary, o.period, o.communeCodes);
  }
  if (o.out) fs.writeFileSync(o.out, writeWeekWorkbook(week, completeness));
  if (o.json) io.out(JSON.stringify({ week, completeness }, null, 2) + "\n");
  const say = o.json ? (t: string) => io.err(t) : (t: string) => io.out(t);
  say(
    `Kỳ ${week.period}, ${week.under.name}: ${week.counts.reported}/${week.counts.expected} xã đã báo cáo, ${week.totals.length} hạng mục. / ` +
      `${week.counts.reported} of ${week.counts.expected} communes reported, ${week.totals.length} work items.\n`,
  );
  if (week.notReported.length)
    say(`Chưa báo cáo / not reported: ${week.notReported.map((u) => `${u.code} ${u.name}`).join("; ")}\n`);
  const note = completeness.find((c) => c.unverifiedNote)?.unverifiedNote;
  if (note) say(`${note.vi} / ${note.en}\n`);
  if (o.out) say(`Đã ghi / written: ${o.out}\n`);
  return week.notReported.length ? 1 : 0;
}
