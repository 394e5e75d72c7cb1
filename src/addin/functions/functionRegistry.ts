/**
 * The custom functions run in the shared runtime, the same page as the task pane. Their code (the
 * domain's criteria sets, evaluation, zod) is shipped once, in the pane's bundle, which registers
 * the implementations here at load; functions.ts only declares them for Excel and forwards. A call
 * that arrives before the pane's script ran waits for it (custom functions may return a promise).
 */
import type * as Impl from "./ntmFunctions";

export type NtmFunctionImpl = typeof Impl;

interface FunctionsGlobal {
  __ntmFunctions?: NtmFunctionImpl;
}

export function registerFunctionImpl(impl: NtmFunctionImpl): void {
  (globalThis as FunctionsGlobal).__ntmFunctions = impl;
}

export function functionImpl(): NtmFunctionImpl | undefined {
  return (globalThis as FunctionsGlobal).__ntmFunctions;
}

export async function functionImplReady(timeoutMs = 20000): Promise<NtmFunctionImpl> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const f = functionImpl();
    if (f) return f;
    if (Date.now() > deadline) throw new Error("NTM functions not loaded");
    await new Promise((r) => setTimeout(r, 50));
  }
}
