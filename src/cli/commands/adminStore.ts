/**
 * The store `ntm admin` works on — --db, else DATABASE_URL, else data/ntm.sqlite — opened for one
 * command and closed after, saying which one when --db was not given (an administrator who meant
 * the production database must not seed a stray local file unknowingly).
 */
import type { Command } from "commander";
import type { CliIo } from "../cliIo";
import { Store } from "../../server/store/store";
import { adminMessages as say } from "../messages/adminMessages";
import { optionHelp } from "../messages/commonMessages";
import { displayLocation, storeLocation } from "./storeLocation";

export const dbOption = ["--db <file|url>", optionHelp.db] as const;
type DbOption = { db?: string };

export async function withStore<T>(
  db: string | undefined,
  io: CliIo,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const location = storeLocation(db);
  if (!db) io.err(say.storeInUse(displayLocation(location), process.env.DATABASE_URL ? "env" : "default"));
  const store = await Store.open({ location });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** What a store command's action is given: its positional arguments, its options, what it prepared. */
export interface OnStore<O, P> {
  args: (string | undefined)[];
  o: O;
  prepared: P;
}

/** An admin subcommand that works on the store: adds --db and runs `run` on the opened store. */
export function onStore<O extends object = object>(
  command: Command,
  io: CliIo,
  run: (store: Store, call: OnStore<O & DbOption, true>) => Promise<unknown>,
): Command {
  return onCheckedStore<O, true>(command, io, () => true, run);
}

/**
 * As onStore, but `prepare` checks the command's own input first (a file, a lifetime) and returns
 * undefined after refusing it, so bad input is refused before any store is opened or named.
 */
export function onCheckedStore<O extends object, P>(
  command: Command,
  io: CliIo,
  prepare: (o: O & DbOption, args: (string | undefined)[]) => P | undefined,
  run: (store: Store, call: OnStore<O & DbOption, P>) => Promise<unknown>,
): Command {
  // Commander calls the action with the positional arguments, then the options, then the command.
  return command.option(...dbOption).action(async (...params: unknown[]) => {
    const args = params.slice(0, -2) as (string | undefined)[];
    const o = params[params.length - 2] as O & DbOption;
    const prepared = prepare(o, args);
    if (prepared === undefined) return;
    await withStore(o.db, io, (store) => run(store, { args, o, prepared }));
  });
}

/** A refusal the administrator must act on: said on stderr, exit code 1, nothing done. */
export function refuse(io: CliIo, message: string): undefined {
  io.err(message);
  io.exitCode = 1;
  return undefined;
}
