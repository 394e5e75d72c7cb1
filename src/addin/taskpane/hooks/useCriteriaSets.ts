/**
 * The criteria sets a reviewer or an office can choose from: the server's (installed sets included),
 * else the built-in ones when the server cannot be asked. Chosen from a list, never typed as an id;
 * useSetPeriod pairs the choice with the period for the review and consolidation tabs.
 */
import { useEffect, useState } from "react";
import type { SetPeriodFieldsProps } from "../components/SetPeriodFields";
import { listCriteriaSets } from "../../../domain/criteria/registry";
import type { SyncSession } from "../../sync/syncSession";

export interface SetChoice {
  id: string;
  name: string;
}

function builtIn(): SetChoice[] {
  return listCriteriaSets().map((s) => ({ id: s.id, name: s.title.vi }));
}

export function useCriteriaSets(sync: SyncSession, signedIn: boolean): SetChoice[] {
  const [sets, setSets] = useState<SetChoice[]>(builtIn);
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    sync
      .api()
      .criteriaSets()
      .then((list) => live && list.length && setSets(list.map((s) => ({ id: s.id, name: s.name }))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sync, signedIn]);
  return sets;
}

/** The set and period a tab works on, with the props its SetPeriodFields takes (one list of sets). */
export function useSetPeriod(
  sync: SyncSession,
  signedIn: boolean,
  initial: { set: string; period: string },
): { set: string; period: string; fields: Omit<SetPeriodFieldsProps, "t" | "testId" | "children"> } {
  const sets = useCriteriaSets(sync, signedIn);
  const [set, setSet] = useState(initial.set);
  const [period, setPeriod] = useState(initial.period);
  return { set, period, fields: { sets, set, onSet: setSet, period, onPeriod: setPeriod } };
}
