/**
 * Ribbon commands of the shared runtime: "Kiểm tra và đánh dấu" (check and flag) and "Đồng bộ
 * ngay" (sync now). Opening the pane is the manifest's ShowTaskpane action. Each command's outcome,
 * Vietnamese first, goes where the person looks: the pane's status line (commandOutcome.ts), with
 * the pane brought forward when the host can (SharedRuntime 1.1).
 */
import { commandsReady } from "./commandRegistry";
import { publishCommandOutcome, type CommandOutcome } from "./commandOutcome";
import { hostCapabilities } from "../excel/hostCapabilities";

async function showInPane(outcome: Omit<CommandOutcome, "seq">): Promise<void> {
  publishCommandOutcome(outcome);
  try {
    if (typeof Office !== "undefined" && Office.addin && hostCapabilities().sharedRuntime)
      await Office.addin.showAsTaskpane();
  } catch {
    /* the pane could not be shown: the outcome waits there for the next time it opens */
  }
}

/** Letters only Vietnamese writes (tone marks, ă â đ ê ô ơ ư): a message that has them is ours. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/**
 * An error as the clerk reads it: our own messages are Vietnamese already ("… / …" when bilingual);
 * anything else (Excel's "ApiNotFound", the network's) gets a Vietnamese opening before what it said.
 */
export function commandFailureText(e: unknown): string {
  const msg = String((e as Error)?.message ?? e);
  return VIETNAMESE.test(msg) ? msg : `Lệnh không chạy được / The command failed: ${msg}`;
}

export async function runCommand(
  name: "checkAndFlag" | "syncNow",
  event: { completed(): void },
): Promise<string> {
  try {
    const commands = await commandsReady();
    const text = await commands[name]();
    await showInPane({ command: name, text, ok: true });
    return text;
  } catch (e) {
    const text = commandFailureText(e);
    await showInPane({ command: name, text, ok: false });
    return text;
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.onReady(() => {
    // Where Excel has no ribbon commands (no shared runtime: the manifest shows no tab), there is
    // nothing to associate, and a refusal here must not stop the pane loading on the same page.
    try {
      Office.actions.associate(
        "checkAndFlag",
        (event: Office.AddinCommands.Event) => void runCommand("checkAndFlag", event),
      );
      Office.actions.associate(
        "syncNow",
        (event: Office.AddinCommands.Event) => void runCommand("syncNow", event),
      );
    } catch {
      /* no add-in commands on this Excel */
    }
  });
}
