/**
 * `ntm template --set ID --org NAME --period P [--region R | --group N] -o FILE.xlsx`: writes the
 * canonical workbook of a criteria set (issue 4, item 7). Misuse exits 2, as every ntm command's.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import { getCriteriaSet } from "../../domain/criteria/registry";
import { COMMUNE_GROUPS, REGIONS, type CommuneGroup, type Region } from "../../domain/criteria/schema";
import { writeTemplate } from "../../io/xlsx/writeTemplate";

interface TemplateFlags {
  set: string;
  org: string;
  orgCode?: string;
  period: string;
  region?: string;
  group?: string;
  village?: string[];
  out: string;
}

function misuse(io: CliIo, vi: string, en: string): void {
  io.err(`ntm template: ${vi} / ${en}\n`);
  io.exitCode = 2;
}

export function registerTemplate(program: Command, io: CliIo): void {
  program
    .command("template")
    .description("Tạo sổ mẫu cho một bộ tiêu chí / write the template workbook of a criteria set")
    .requiredOption("--set <id>", "bộ tiêu chí / criteria set id (ntm criteria list)")
    .requiredOption("--org <name>", 'đơn vị / org unit, e.g. "Xã Sơn Hồng"')
    .option("--org-code <code>", "mã đơn vị (GSO) / org unit code")
    .requiredOption("--period <p>", "kỳ báo cáo / period, e.g. 2023, 2023-Q1, 2022-11")
    .option("--region <r>", `vùng / region: ${REGIONS.join(", ")}`)
    .option("--group <n>", `nhóm xã / commune group: ${COMMUNE_GROUPS.join(", ")}`)
    .option("--village <name...>", "tên thôn / village names for the village sheet")
    .requiredOption("-o, --out <file>", "tệp .xlsx / output .xlsx file")
    .action((flags: TemplateFlags) => {
      const set = getCriteriaSet(flags.set);
      if (!set)
        return misuse(
          io,
          `không có bộ tiêu chí "${flags.set}" (xem "ntm criteria list")`,
          `no criteria set "${flags.set}" (see "ntm criteria list")`,
        );
      if (flags.region && flags.group)
        return misuse(
          io,
          "chỉ dùng một trong --region hoặc --group",
          "use either --region or --group, not both",
        );
      if (flags.region && !(REGIONS as readonly string[]).includes(flags.region)) {
        return misuse(
          io,
          `vùng không hợp lệ "${flags.region}" (${REGIONS.join(", ")})`,
          `unknown region "${flags.region}"`,
        );
      }
      if (flags.group && !(COMMUNE_GROUPS as readonly string[]).includes(flags.group)) {
        return misuse(
          io,
          `nhóm xã không hợp lệ "${flags.group}" (1, 2, 3)`,
          `unknown commune group "${flags.group}"`,
        );
      }
      if (!/\.xlsx$/i.test(flags.out))
        return misuse(io, "tệp ra phải có đuôi .xlsx", "the output file must end in .xlsx");
      const buf = writeTemplate({
        set,
        org: flags.org,
        orgCode: flags.orgCode,
        period: flags.period,
        region: flags.region as Region | undefined,
        group: flags.group as CommuneGroup | undefined,
        villages: flags.village,
      });
      try {
        fs.writeFileSync(flags.out, buf);
      } catch (e) {
        io.err(
          `ntm template: không ghi được ${flags.out} (${(e as NodeJS.ErrnoException).code}) / cannot write ${flags.out}\n`,
        );
        io.exitCode = 2;
        return;
      }
      const n = set.criteria.reduce((s, c) => s + c.indicators.length, 0);
      io.out(
        `Đã tạo ${flags.out}: ${set.criteria.length} tiêu chí, ${n} chỉ tiêu / wrote ${flags.out}: ${set.criteria.length} criteria, ${n} indicators\n`,
      );
    });
}
