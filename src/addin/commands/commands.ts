/**
 * Ribbon commands of the shared runtime: "Kiểm tra và đánh dấu" (check and flag) and "Đồng bộ
 * ngay" (sync now). Opening the pane is the manifest's ShowTaskpane action. Each command reports
 * its outcome in the add-in's notification area when the host offers one.
 */
import { commandsReady } from "./commandRegistry";

async function notify(text: string): Promise<void> {
  // Office.addin.showAsTaskpane is not needed; a status message in the pane's title area is enough.
  try {
    if (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")
    ) {
      document.title = text.slice(0, 120);
    }
  } catch {
    /* no notification area: the pane shows the same state */
  }
}

export async function runCommand(
  name: "checkAndFlag" | "syncNow",
  event: { completed(): void },
): Promise<string> {
  try {
    const commands = await commandsReady();
    const text = await commands[name]();
    await notify(text);
    return text;
  } catch (e) {
    const text = String((e as Error).message ?? e);
    await notify(text);
    return text;
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.onReady(() => {
    Office.actions.associate(
      "checkAndFlag",
      (event: Office.AddinCommands.Event) => void runCommand("checkAndFlag", event),
    );
    Office.actions.associate(
      "syncNow",
      (event: Office.AddinCommands.Event) => void runCommand("syncNow", event),
    );
  });
}
