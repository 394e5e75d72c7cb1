/**
 * `ntm push FILE --server URL --token T [--org CODE] [--set ID] [--period P]`: read the workbook
 * as the domain reader does, and push its values as a new revision. A stale base is merged per
 * indicator and pushed again; conflicts are listed for the person and nothing is overwritten.
 * Exit 0 pushed (or nothing to push), 1 conflicts/locked/refused, 2 unreadable file or misuse.
 */
import type { Command } from "commander";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { SyncClient, flushOutbox } from "../../client/syncClient";
import { getCriteriaSet } from "../../domain/criteria/registry";
import { readReport } from "../../domain/sheet/readReport";
import { canonicalJson, enqueue, syncValuesOf } from "../../domain/sync";
import { readWorkbookFile } from "../../io/xlsx/readWorkbook";
import { loadSyncState, saveSyncState, syncStatePath } from "./syncState";

interface PushOptions {
  server: string;
  token: string;
  org?: string;
  set?: string;
  period?: string;
}

export function registerPush(program: Command, io: CliIo): void {
  program
    .command("push <file>")
    .description("Gửi sổ lên kho dữ liệu / push a workbook's values to the store")
    .requiredOption("--server <url>", "địa chỉ máy chủ / server URL, e.g. https://localhost:3000")
    .requiredOption("--token <token>", "mã truy cập / access token")
    .option("--org <code>", "mã đơn vị (nếu sổ không ghi) / org unit code when the workbook does not say")
    .option("--set <id>", "bộ tiêu chí / criteria set id")
    .option("--period <p>", "kỳ báo cáo: 2023, 2023-Q2, 2023-11, 2023-W05 / period")
    .action(async (file: string, o: PushOptions) => {
      io.exitCode = await push(file, o, io);
    });
}

async function push(file: string, o: PushOptions, io: CliIo): Promise<number> {
  let read;
  try {
    read = readReport(readWorkbookFile(file), {
      setId: o.set,
      period: o.period,
      fileName: path.basename(file),
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const { report } = read;
  const org = o.org ?? report.orgUnit?.code;
  const period = o.period ?? report.period;
  if (!org || !period) {
    io.err(
      `Sổ không ghi ${!org ? "mã đơn vị" : "kỳ báo cáo"}: thêm ${!org ? "--org MÃ" : "--period KỲ"}. / The workbook does not name its ${!org ? "org unit" : "period"}: pass ${!org ? "--org CODE" : "--period P"}.\n`,
    );
    return 2;
  }
  const { values, skipped, marksNotSent } = syncValuesOf(report, getCriteriaSet(report.setId));
  if (marksNotSent.length)
    io.err(
      `Tiêu chí ${marksNotSent.join(", ")} chỉ được đánh dấu đạt/chưa đạt nhưng được đo bằng số: dấu này không gửi được, hãy ghi số liệu của chỉ tiêu. / Criteria ${marksNotSent.join(", ")} are only marked met/unmet but are measured by a number: the mark is not sent; enter the indicator's figure.\n`,
    );
  if (skipped.length)
    io.err(
      `Bỏ qua các dòng không có trong bộ tiêu chí / skipped rows not in the set: ${skipped.join(", ")}\n`,
    );

  const key = { org, set: report.setId, period };
  const state = loadSyncState(file, o.server, key);
  const client = new SyncClient({ baseUrl: o.server, token: o.token });
  const workbookHash = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  const alreadyQueued = state.outbox.entries.some((e) => canonicalJson(e.values) === canonicalJson(values));
  if (!alreadyQueued && canonicalJson(values) !== canonicalJson(state.baseValues)) {
    state.outbox = enqueue(state.outbox, {
      opId: randomUUID(),
      key,
      baseRevision: state.baseRevision,
      values,
      workbookHash,
      enqueuedAt: new Date().toISOString(),
    });
  }
  saveSyncState(file, state); // the outbox survives a dropped connection from here on
  if (!state.outbox.entries.length) {
    io.out(
      `Không có gì mới để gửi (đã khớp phiên bản ${state.baseRevision}). / Nothing new to push (in step with revision ${state.baseRevision}).\n`,
    );
    return 0;
  }
  const result = await flushOutbox(client, state.outbox, {
    newOpId: () => randomUUID(),
    now: () => new Date().toISOString(),
    baseValues: async (k, rev) =>
      rev === state.baseRevision
        ? state.baseValues
        : rev === 0
          ? {}
          : ((await client.revisions(k, rev - 1)).find((r) => r.number === rev)?.values ?? {}),
  });
  state.outbox = result.outbox;
  const last = result.acknowledged.at(-1);
  if (last) {
    const head = (await client.getReport(key)).head;
    if (head && head.number === last.revision) {
      state.baseRevision = head.number;
      state.baseValues = head.values;
    }
    io.out(
      `Đã gửi: phiên bản ${last.revision} của ${org}/${key.set}/${period}. / Pushed: revision ${last.revision}.\n`,
    );
  }
  saveSyncState(file, state);
  for (const c of result.conflicts) {
    io.err(
      `Xung đột ở ${c.conflicts.length} chỉ tiêu — cả bạn và người khác đã sửa; hãy chọn giá trị đúng trong sổ rồi gửi lại. / Conflicts on ${c.conflicts.length} indicators — changed on both sides; settle them in the workbook and push again:\n`,
    );
    for (const x of c.conflicts)
      io.err(
        `  ${x.code}: của bạn / yours ${JSON.stringify(x.mine?.value ?? null)} (${x.mine?.sheet ?? ""}!${x.mine?.cell ?? ""}) ↔ trên kho / in the store ${JSON.stringify(x.theirs?.value ?? null)}\n`,
      );
  }
  if (result.locked.length)
    io.err(
      "Báo cáo đã được duyệt và khóa: đề nghị người duyệt mở lại. / The report is approved and locked: ask a reviewer to reopen it.\n",
    );
  // One reason per distinct failure (a dead server fails every entry the same way), then where the values wait.
  for (const message of new Set(result.failed.map((f) => f.message))) io.err(`${message}\n`);
  if (result.failed.length) {
    const sidecar = path.basename(syncStatePath(file));
    io.err(
      `Chưa gửi được: số liệu vẫn nằm trong hàng chờ (${sidecar}), chạy lại ntm push để gửi. / Not pushed: the values wait in the outbox (${sidecar}); run ntm push again to send them.\n`,
    );
  }
  return result.conflicts.length || result.locked.length || result.failed.length ? 1 : 0;
}
