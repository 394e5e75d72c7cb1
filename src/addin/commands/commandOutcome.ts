/**
 * What the last ribbon command did, for the pane to show: Excel has no notification area an add-in
 * can write to (Office's notification messages are Outlook's), so the ribbon's outcome goes to the
 * pane's status line and the pane is brought forward (Office.addin.showAsTaskpane, SharedRuntime
 * 1.1 — present wherever the ribbon is, since the manifest loads the ribbon only with it).
 * One value, replaced by the next command; listeners are the pane's React store subscription. It
 * lives on globalThis, as commandRegistry does: commands.js and taskpane.js are separate bundles on
 * one page, each with its own copy of this module.
 */
export interface CommandOutcome {
  command: "checkAndFlag" | "syncNow";
  /** Vietnamese first ("… / …" when bilingual). */
  text: string;
  ok: boolean;
  /** Increases with every outcome, so the same text twice is still news. */
  seq: number;
}

interface OutcomeSlot {
  last?: CommandOutcome;
  seq: number;
  listeners: Set<() => void>;
}

function slot(): OutcomeSlot {
  const g = globalThis as { __ntmCommandOutcome?: OutcomeSlot };
  return (g.__ntmCommandOutcome ??= { seq: 0, listeners: new Set() });
}

export function publishCommandOutcome(o: Omit<CommandOutcome, "seq">): CommandOutcome {
  const s = slot();
  s.last = { ...o, seq: ++s.seq };
  for (const l of s.listeners) l();
  return s.last;
}

export function lastCommandOutcome(): CommandOutcome | undefined {
  return slot().last;
}

export function subscribeCommandOutcome(listener: () => void): () => void {
  const s = slot();
  s.listeners.add(listener);
  return () => {
    s.listeners.delete(listener);
  };
}
