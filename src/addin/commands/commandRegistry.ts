/**
 * The ribbon's commands and the task pane share one runtime (one page): the pane's bundle registers
 * what the commands do here, and commands.ts calls it, so the ribbon needs no second copy of the
 * domain code. A command that fires before the pane registered waits briefly for it.
 */
export interface NtmCommands {
  checkAndFlag(): Promise<string>;
  syncNow(): Promise<string>;
}

interface NtmGlobal {
  __ntmCommands?: NtmCommands;
}

export function registerCommands(commands: NtmCommands): void {
  (globalThis as NtmGlobal).__ntmCommands = commands;
}

export async function commandsReady(timeoutMs = 10000): Promise<NtmCommands> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = (globalThis as NtmGlobal).__ntmCommands;
    if (c) return c;
    if (Date.now() > deadline)
      throw new Error(
        "Ngăn NTM chưa sẵn sàng; mở ngăn rồi thử lại / the NTM pane is not ready; open it and retry",
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
