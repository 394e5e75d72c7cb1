/**
 * `ntm push` for a workbook that names its commune but not its code: the org unit is found by
 * that name in the org tree the server shows the person (their scope, as the pane uses the
 * clerk's), at the report's period. One match is used and said; with two the person is asked on a
 * terminal, and without one (scripts, CI) the push is refused with both listed — never a guess.
 */
import type { CliIo } from "../cliIo";
import type { SyncClient } from "../../client/syncClient";
import { matchUnitsByName, periodDate } from "../../domain/consolidate/matchUnitsByName";
import { orgMessages as say } from "../messages/syncMessages";

/** The unit's code, or undefined after saying why there is none. */
export async function orgFromName(
  client: SyncClient,
  written: string | undefined,
  period: string | undefined,
  io: CliIo,
): Promise<string | undefined> {
  if (!written) {
    io.err(`${say.noName}.\n`);
    return undefined;
  }
  const at = periodDate(period);
  let units;
  try {
    units = (await client.orgUnits(at ? { at } : {})).filter(
      (u) => u.level === "commune" || u.level === "village",
    );
  } catch (e) {
    io.err(`${say.lookupFailed((e as Error).message)}.\n`);
    return undefined;
  }
  const hits = matchUnitsByName(units, written, at);
  if (hits.length === 1) {
    io.err(`${say.matched(written, hits[0])}\n`);
    return hits[0].code;
  }
  if (hits.length === 0) {
    io.err(`${say.none(written)}.\n`);
    return undefined;
  }
  if (!io.ask) {
    io.err(`${say.several(written, hits)}\n`);
    return undefined;
  }
  const answer = Number((await io.ask(say.question(written, hits))).trim());
  const chosen = Number.isInteger(answer) ? hits[answer - 1] : undefined;
  if (!chosen) io.err(`${say.badAnswer}.\n`);
  return chosen?.code;
}
