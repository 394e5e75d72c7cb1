/**
 * `ntm template --set ID --org NAME --period P [--region R | --group N] -o FILE.xlsx`: writes the
 * canonical workbook of a criteria set (issue 4, item 7). Misuse exits 2, as every ntm command's;
 * a period the store would refuse ("nam 2024") is refused here, before a template carries it.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import { groupOption, periodOption, regionAndGroup, regionOption } from "../commonOptions";
import { getCriteriaSet } from "../../domain/criteria/registry";
import { writeTemplate } from "../../io/xlsx/writeTemplate";
import { misuse } from "../messages/cliText";
import { cannotWrite, optionHelp } from "../messages/commonMessages";
import { templateMessages as say } from "../messages/templateMessages";

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

export function registerTemplate(program: Command, io: CliIo): void {
  program
    .command("template")
    .description("Tạo sổ mẫu cho một bộ tiêu chí / write the template workbook of a criteria set")
    .requiredOption("--set <id>", optionHelp.set)
    .requiredOption("--org <name>", 'đơn vị / org unit, e.g. "Xã Sơn Hồng"')
    .option("--org-code <code>", "mã đơn vị (GSO) / org unit code")
    .addOption(periodOption().makeOptionMandatory())
    .addOption(regionOption())
    .addOption(groupOption())
    .option("--village <name...>", "tên thôn / village names for the village sheet")
    .requiredOption("-o, --out <file>", "tệp .xlsx / output .xlsx file")
    .action((flags: TemplateFlags) => {
      const set = getCriteriaSet(flags.set);
      if (!set) return misuse(io, "template", ...say.unknownSet(flags.set));
      if (!/\.xlsx$/i.test(flags.out)) return misuse(io, "template", ...say.notXlsx);
      const buf = writeTemplate({
        set,
        org: flags.org,
        orgCode: flags.orgCode,
        period: flags.period,
        ...regionAndGroup(flags),
        villages: flags.village,
      });
      try {
        fs.writeFileSync(flags.out, buf);
      } catch (e) {
        return misuse(io, "template", ...cannotWrite(flags.out, (e as NodeJS.ErrnoException).code));
      }
      const n = set.criteria.reduce((s, c) => s + c.indicators.length, 0);
      io.out(say.wrote(flags.out, set.criteria.length, n));
    });
}
