/**
 * The org tree under a commune for splitting its village checklist (domain workbookReports), read
 * from the server and kept by the host each time — `ntm push` on disk (cli/villageListCache), the
 * pane in its own storage — so a push made offline still splits by the list it last had and each
 * village's report waits in the outbox, rather than nothing being sent. One path for both hosts:
 * only a network failure falls back to the kept list; a refusal (401/403) is said as it is.
 */
import type { OrgUnitDto } from "../domain/sync/protocol";
import { periodStartDate } from "../domain/sync/reportPeriod";
import { isUnreachable, type SyncClient } from "./syncClient";

export interface KeptVillages {
  fetchedAt: string;
  units: OrgUnitDto[];
}

/** Where a host keeps the list of one server and commune. */
export interface VillageListKeeper {
  load(org: string): KeptVillages | undefined;
  save(org: string, kept: KeptVillages): void;
}

export type VillageList = { units: OrgUnitDto[]; keptFrom?: string } | { units?: undefined; error: string };

export async function villageListOf(
  client: Pick<SyncClient, "orgUnits">,
  org: string,
  period: string,
  keeper: VillageListKeeper,
  now: () => string,
): Promise<VillageList> {
  try {
    const units = await client.orgUnits({ under: org, at: periodStartDate(period) });
    keeper.save(org, { fetchedAt: now(), units });
    return { units };
  } catch (e) {
    const kept = isUnreachable(e) ? keeper.load(org) : undefined;
    if (!kept) return { error: (e as Error).message };
    return { units: kept.units, keptFrom: kept.fetchedAt };
  }
}
