/**
 * Options several commands take, declared once with commander's `choices`, so a bad value is
 * refused by the parser with the allowed list (in the CLI's two languages, see
 * messages/commanderMessages.ts) instead of by a hand check in each command.
 */
import { InvalidArgumentError, Option } from "commander";
import { COMMUNE_GROUPS, REGIONS, type CommuneGroup, type Region } from "../domain/criteria/schema";
import { periodProblem } from "../domain/sync/reportPeriod";
import { optionHelp } from "./messages/commonMessages";

export function regionOption(): Option {
  return new Option("--region <region>", optionHelp.region).choices(REGIONS).conflicts("group");
}

export function groupOption(): Option {
  return new Option("--group <n>", optionHelp.group).choices(COMMUNE_GROUPS).conflicts("region");
}

export function langOption(): Option {
  return new Option("--lang <lang>", optionHelp.lang).choices(["vi", "en"]).default("vi");
}

/** The region or group chosen, typed (the parser has already refused any other value). */
export function regionAndGroup(o: { region?: string; group?: string }): {
  region?: Region;
  group?: CommuneGroup;
} {
  return {
    ...(o.region ? { region: o.region as Region } : {}),
    ...(o.group ? { group: o.group as CommuneGroup } : {}),
  };
}

/** A period as the store keeps it ("2023", "2023-Q2", "2023-11", "2023-W14"); "nam 2024" is refused. */
export function parsePeriod(value: string): string {
  const problem = periodProblem(value.trim());
  if (problem) throw new InvalidArgumentError(problem);
  return value.trim();
}

export function periodOption(flags = "--period <p>", help = optionHelp.period): Option {
  return new Option(flags, help).argParser(parsePeriod);
}
